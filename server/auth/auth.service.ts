/**
 * Signing in and out, the first coordinator's setup, passwords and access tokens. Sign-in never
 * says whether an email exists: unknown emails cost the same scrypt as known ones.
 */
import { structureColour } from '../../shared/colours';
import { fail, ok, type Result } from '../../shared/result';
import type { Me, Person, Session } from '../../shared/schemas/people';
import type { AuditLog } from '../audit/audit-log';
import type { MetadataStore } from '../store/metadata-store';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { findPerson, findPersonByEmail, putRole, rolesOf, structureIdsOf } from './people.repository';
import { hashSecret, newId, newSecret } from './secrets';
import type { SessionsService } from './sessions.service';

const wrongCredentials = { kind: 'unauthenticated', title: 'Adresse e-mail ou mot de passe incorrect.' } as const;

export interface SignedIn {
  person: Person;
  session: Session;
  secret: string;
}

export class AuthService {
  /** Computed once at start, so that the first unknown email costs no more than the others. */
  private readonly decoy: Promise<string>;

  constructor(
    private readonly db: MetadataStore,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    private readonly scryptCost: number,
  ) {
    this.decoy = decoyHash(scryptCost);
  }

  async signIn(email: string, password: string, label: string): Promise<Result<SignedIn>> {
    const person = findPersonByEmail(this.db, email);
    if (person?.passwordHash == null) {
      await verifyPassword(password, await this.decoy);
      void this.audit.record({ action: 'auth.signInFailed', actorId: person?.id ?? null, target: email });
      return fail(wrongCredentials);
    }
    if (!(await verifyPassword(password, person.passwordHash))) {
      void this.audit.record({ action: 'auth.signInFailed', actorId: person.id, target: email });
      return fail(wrongCredentials);
    }
    const { session, secret } = await this.sessions.open(person.id, 'browser', label);
    void this.audit.record({ action: 'auth.signedIn', actorId: person.id });
    return ok({ person, session, secret });
  }

  async signOut(session: Session): Promise<void> {
    await this.sessions.revoke(session.personId, [session.id]);
    void this.audit.record({ action: 'auth.signedOut', actorId: session.personId });
  }

  /** Who is signed in: their structures and roles. */
  me(personId: string): Result<Me> {
    const person = findPerson(this.db, personId);
    if (person === undefined) return fail({ kind: 'unauthenticated', title: 'Connectez-vous pour continuer.' });
    const structureIds = new Set(structureIdsOf(this.db, personId));
    return ok({
      id: person.id,
      email: person.email,
      displayName: person.displayName,
      structures: this.db.data.structures
        .filter((s) => structureIds.has(s.id))
        .map((s) => ({ id: s.id, name: s.name, workspaceId: s.workspaceId, colour: structureColour(s.id), isRepresentative: s.representativeId === personId })),
      workspaces: rolesOf(this.db, personId).map(({ workspaceId, role }) => ({ workspaceId, role })),
    });
  }

  /** Creates a one-time setup link for the first coordinator, unless one was already used. */
  async prepareSetup(now = new Date()): Promise<string | undefined> {
    if (this.db.data.setup?.completedAt != null) return undefined;
    const secret = newSecret();
    await this.db.update((data) => {
      data.setup = { secretHash: hashSecret(secret), createdAt: now.toISOString(), completedAt: null };
    });
    return secret;
  }

  /** Uses the setup link: creates the coordinator of every workspace, signs them in. */
  async completeSetup(secret: string, input: { email: string; displayName: string; password: string }): Promise<Result<SignedIn>> {
    const usable = this.usableSetup(secret, input.email);
    if (!usable.ok) return usable;
    const person: Person = { id: newId(), email: input.email, displayName: input.displayName, passwordHash: await hashPassword(input.password, this.scryptCost), createdAt: new Date().toISOString() };
    // Check again after the (slow) hash: two concurrent uses of the link must not both succeed.
    const stillUsable = this.usableSetup(secret, input.email);
    if (!stillUsable.ok) return stillUsable;
    await this.db.update((data) => {
      data.people.push(person);
      for (const workspace of data.workspaces) putRole(this.db, { workspaceId: workspace.id, personId: person.id, role: 'coordinator' });
      if (data.setup !== null) data.setup.completedAt = new Date().toISOString();
    });
    void this.audit.record({ action: 'auth.setupCompleted', actorId: person.id });
    const { session, secret: sessionSecret } = await this.sessions.open(person.id, 'browser', 'installation');
    return ok({ person, session, secret: sessionSecret });
  }

  /** Whether the setup link can be used now, or the precise reason it cannot. */
  private usableSetup(secret: string, email: string): Result<null> {
    const setup = this.db.data.setup;
    if (setup?.completedAt != null) {
      return fail({ kind: 'conflict', title: 'Ce lien d’installation a déjà servi.', detail: 'Le compte de coordination existe : connectez-vous avec son adresse e-mail et son mot de passe.' });
    }
    if (setup === null || setup.secretHash !== hashSecret(secret)) {
      return fail({
        kind: 'not_found',
        title: 'Ce lien d’installation n’est pas valable.',
        detail: 'Vérifiez que vous l’avez copié en entier. Le serveur en affiche un nouveau à chaque démarrage : utilisez le dernier.',
      });
    }
    if (findPersonByEmail(this.db, email) !== undefined) {
      return fail({ kind: 'conflict', title: 'Un compte existe déjà avec cette adresse.', fields: { email: 'Choisissez une autre adresse.' } });
    }
    return ok(null);
  }

  async changePassword(personId: string, currentPassword: string, newPassword: string, keepSessionId: string): Promise<Result<null>> {
    const person = findPerson(this.db, personId);
    if (person?.passwordHash == null || !(await verifyPassword(currentPassword, person.passwordHash))) {
      return fail({ kind: 'invalid', title: 'Le mot de passe actuel est incorrect.', fields: { currentPassword: 'Le mot de passe actuel est incorrect.' } });
    }
    const passwordHash = await hashPassword(newPassword, this.scryptCost);
    await this.db.update(() => {
      person.passwordHash = passwordHash;
    });
    // Every other session ends: a changed password must lock out whoever knew the old one.
    const others = this.sessions.listOf(personId).filter((s) => s.id !== keepSessionId).map((s) => s.id);
    await this.sessions.revoke(personId, others);
    void this.audit.record({ action: 'auth.passwordChanged', actorId: personId });
    return ok(null);
  }

  async updateProfile(personId: string, displayName: string): Promise<Result<Me>> {
    const person = findPerson(this.db, personId);
    if (person === undefined) return fail({ kind: 'unauthenticated', title: 'Connectez-vous pour continuer.' });
    await this.db.update(() => {
      person.displayName = displayName;
    });
    return this.me(personId);
  }

  async createAccessToken(personId: string, label: string): Promise<{ session: Session; token: string }> {
    const { session, secret } = await this.sessions.open(personId, 'token', label);
    void this.audit.record({ action: 'auth.tokenCreated', actorId: personId, detail: { label } });
    return { session, token: secret };
  }
}
