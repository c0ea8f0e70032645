/**
 * Invitations: the coordination invites a person by email, with a role and a structure. The link
 * is one-time and expires; only its hash is stored. Accepting creates the account (or, for an
 * existing account, asks its owner to sign in) and grants the role.
 */
import { roleLabels, type Role } from '../../shared/permissions';
import { fail, ok, type Result } from '../../shared/result';
import type { Invitation, Person } from '../../shared/schemas/people';
import type { InvitationDetails, InvitationView } from '../../shared/schemas/members';
import type { AuditLog } from '../audit/audit-log';
import { hashPassword } from '../auth/password';
import { findPerson, findPersonByEmail, putAffiliation, putRole, roleOf } from '../auth/people.repository';
import { hashSecret, newId, newSecret } from '../auth/secrets';
import type { Mailer } from '../mail/mailer';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure, findWorkspace } from '../workspaces/workspaces.repository';

export const invitationLifetimeMs = 14 * 24 * 60 * 60 * 1000;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** The path of an invitation link; the secret travels in the fragment, never in server logs. */
export const invitationPath = (secret: string): string => `/invitation#${secret}`;

export interface NewInvitation {
  invitation: InvitationView;
  /** Path of the link to copy (secret included); shown once. */
  linkPath: string;
  emailed: boolean;
}

export class InvitationsService {
  constructor(
    private readonly db: MetadataStore,
    private readonly audit: AuditLog,
    private readonly scryptCost: number,
    private readonly mailer: Mailer | undefined,
  ) {}

  /** Builds (without writing) an invitation and its secret: used by single invitations and imports. */
  draft(input: { workspaceId: string; email: string; role: Role; structureId: string | null; invitedBy: string; makesRepresentative?: boolean }, now = new Date()): { invitation: Invitation; secret: string } {
    const secret = newSecret();
    return {
      secret,
      invitation: {
        id: newId(),
        secretHash: hashSecret(secret),
        workspaceId: input.workspaceId,
        email: input.email,
        role: input.role,
        structureId: input.structureId,
        invitedBy: input.invitedBy,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + invitationLifetimeMs).toISOString(),
        acceptedAt: null,
        revokedAt: null,
        makesRepresentative: input.makesRepresentative ?? false,
      },
    };
  }

  /** Invites one person; `structureId` is null only for partners and observers (checked by the request schema). */
  async invite(invitedBy: string, workspaceId: string, input: { email: string; role: Role; structureId: string | null }, origin: string): Promise<Result<NewInvitation>> {
    const workspace = findWorkspace(this.db, workspaceId);
    if (workspace === undefined) return fail({ kind: 'not_found', title: 'Espace de travail introuvable.' });
    const structure = input.structureId === null ? null : findStructure(this.db, workspaceId, input.structureId);
    if (structure === undefined) {
      return fail({ kind: 'invalid', title: 'Certains champs sont à corriger.', fields: { structureId: 'Choisissez une structure de cet espace de travail.' } });
    }
    const existing = findPersonByEmail(this.db, input.email);
    const existingRole = existing === undefined ? undefined : roleOf(this.db, existing.id, workspaceId);
    if (existingRole !== undefined) {
      return fail({
        kind: 'conflict',
        title: 'Cette personne fait déjà partie de l’espace de travail.',
        detail: `Son rôle actuel : ${roleLabels[existingRole]}. Changez-le dans la liste des membres.`,
        fields: { email: 'Cette personne est déjà membre.' },
      });
    }
    const { invitation, secret } = this.draft({ workspaceId, invitedBy, ...input });
    await this.db.update((data) => {
      // A new invitation replaces a pending one for the same email: only the newest link works.
      for (const old of data.invitations) {
        if (old.workspaceId === workspaceId && old.email === input.email && old.acceptedAt === null && old.revokedAt === null) old.revokedAt = invitation.createdAt;
      }
      data.invitations.push(invitation);
    });
    void this.audit.record({ action: 'members.invited', actorId: invitedBy, workspaceId, target: input.email, detail: { role: input.role, structureId: input.structureId } });
    const linkPath = invitationPath(secret);
    let emailed = false;
    if (this.mailer !== undefined) {
      const inviter = findPerson(this.db, invitedBy)?.displayName ?? 'La coordination';
      emailed = await this.mailer.send({
        to: input.email,
        subject: `Invitation à co-écrire « ${workspace.name} »`,
        text:
          `Bonjour,\n\n${inviter} vous invite à rejoindre l’espace de travail « ${workspace.name} » sur Trame, ` +
          `${structure === null ? '' : `au nom de ${structure.name}, `}avec le rôle « ${roleLabels[input.role]} ».\n\n` +
          `Pour accepter, ouvrez ce lien (valable jusqu’au ${dateFormat.format(new Date(invitation.expiresAt))}, utilisable une seule fois) :\n${origin}${linkPath}\n`,
      });
    }
    return ok({ invitation: this.present(invitation), linkPath, emailed });
  }

  present(invitation: Invitation, now = new Date()): InvitationView {
    const status: InvitationView['status'] =
      invitation.acceptedAt !== null ? 'accepted' : invitation.revokedAt !== null ? 'revoked' : Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : 'pending';
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      structureId: invitation.structureId,
      structureName: this.structureNameOf(invitation),
      invitedByName: findPerson(this.db, invitation.invitedBy)?.displayName ?? '—',
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      status,
    };
  }

  list(workspaceId: string): InvitationView[] {
    return this.db.data.invitations
      .filter((i) => i.workspaceId === workspaceId)
      .map((i) => this.present(i))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async revoke(actorId: string, workspaceId: string, invitationId: string): Promise<Result<InvitationView>> {
    const invitation = this.db.data.invitations.find((i) => i.id === invitationId && i.workspaceId === workspaceId);
    if (invitation === undefined) return fail({ kind: 'not_found', title: 'Cette invitation n’existe pas.' });
    if (invitation.acceptedAt !== null) return fail({ kind: 'conflict', title: 'Cette invitation a déjà été acceptée.' });
    await this.db.update(() => {
      invitation.revokedAt ??= new Date().toISOString();
    });
    void this.audit.record({ action: 'members.invitationRevoked', actorId, workspaceId, target: invitation.email });
    return ok(this.present(invitation));
  }

  /** A usable invitation for a secret, or the precise reason it cannot be used. */
  private usable(secret: string, now = new Date()): Result<Invitation> {
    const invitation = this.db.data.invitations.find((i) => i.secretHash === hashSecret(secret));
    if (invitation === undefined) return fail({ kind: 'not_found', title: 'Ce lien d’invitation n’est pas valable.', detail: 'Vérifiez que vous avez copié le lien en entier, ou demandez-en un nouveau à la coordination.' });
    if (invitation.acceptedAt !== null) return fail({ kind: 'conflict', title: 'Cette invitation a déjà été utilisée.', detail: 'Connectez-vous avec votre adresse e-mail et votre mot de passe.' });
    if (invitation.revokedAt !== null) return fail({ kind: 'conflict', title: 'Cette invitation a été annulée.', detail: 'Une invitation plus récente vous a peut-être été envoyée ; sinon, demandez-en une nouvelle à la coordination.' });
    if (Date.parse(invitation.expiresAt) <= now.getTime()) {
      return fail({ kind: 'conflict', title: `Cette invitation a expiré le ${dateFormat.format(new Date(invitation.expiresAt))}.`, detail: 'Demandez-en une nouvelle à la coordination.' });
    }
    return ok(invitation);
  }

  private structureNameOf(invitation: Invitation): string | null {
    return invitation.structureId === null ? null : (findStructure(this.db, invitation.workspaceId, invitation.structureId)?.name ?? '—');
  }

  private accountExists(email: string): Result<never> {
    return fail({ kind: 'unauthenticated', title: 'Un compte existe déjà pour cette adresse.', detail: `Connectez-vous en tant que ${email}, puis rouvrez ce lien.` });
  }

  details(secret: string): Result<InvitationDetails> {
    const usable = this.usable(secret);
    if (!usable.ok) return usable;
    const invitation = usable.value;
    return ok({
      workspaceId: invitation.workspaceId,
      workspaceName: findWorkspace(this.db, invitation.workspaceId)?.name ?? '',
      email: invitation.email,
      role: invitation.role,
      structureName: this.structureNameOf(invitation),
      invitedByName: findPerson(this.db, invitation.invitedBy)?.displayName ?? '',
      expiresAt: invitation.expiresAt,
      hasAccount: findPersonByEmail(this.db, invitation.email) !== undefined,
    });
  }

  /**
   * Accepts an invitation. A new email gets an account with the given name and password; an email
   * that has an account must be accepted by its owner, signed in.
   */
  async accept(secret: string, signedInPersonId: string | undefined, signUp: { displayName: string; password: string } | undefined): Promise<Result<Person>> {
    const usable = this.usable(secret);
    if (!usable.ok) return usable;
    const invitation = usable.value;
    let person = findPersonByEmail(this.db, invitation.email);
    if (person !== undefined && person.id !== signedInPersonId) return this.accountExists(invitation.email);
    if (person === undefined && signUp === undefined) {
      return fail({ kind: 'invalid', title: 'Choisissez votre nom et un mot de passe pour créer votre compte.', fields: { displayName: 'Indiquez votre nom.', password: 'Choisissez un mot de passe.' } });
    }
    const newPerson: Person | undefined =
      person === undefined && signUp !== undefined
        ? { id: newId(), email: invitation.email, displayName: signUp.displayName, passwordHash: await hashPassword(signUp.password, this.scryptCost), createdAt: new Date().toISOString() }
        : undefined;
    // Re-check after the (slow) hash: a concurrent accept (or a revocation) of the same link must
    // not let it win twice, nor two links for one email each create an account.
    const stillUsable = this.usable(secret);
    if (!stillUsable.ok) return stillUsable;
    if (newPerson !== undefined && findPersonByEmail(this.db, invitation.email) !== undefined) return this.accountExists(invitation.email);
    await this.db.update((data) => {
      if (newPerson !== undefined) data.people.push(newPerson);
      const personId = (newPerson ?? person)?.id ?? '';
      putRole(this.db, { workspaceId: invitation.workspaceId, personId, role: invitation.role });
      if (invitation.structureId !== null) {
        putAffiliation(this.db, personId, invitation.structureId);
        const structure = findStructure(this.db, invitation.workspaceId, invitation.structureId);
        if (invitation.makesRepresentative && structure !== undefined) structure.representativeId = personId;
      }
      invitation.acceptedAt = new Date().toISOString();
    });
    person = newPerson ?? person;
    if (person === undefined) return fail({ kind: 'internal', title: 'Erreur interne du serveur.' });
    void this.audit.record({ action: 'members.invitationAccepted', actorId: person.id, workspaceId: invitation.workspaceId, target: invitation.email, detail: { role: invitation.role } });
    return ok(person);
  }
}
