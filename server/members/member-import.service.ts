/**
 * Bulk import of structures and members from CSV: `preview` validates every line and reports
 * what would be created, writing nothing; `apply` re-validates and writes everything in one
 * metadata update, or nothing at all when any line is wrong.
 */
import { roles, roleLabels, type Role } from '../../shared/permissions';
import { fail, ok, type Result } from '../../shared/result';
import { emailSchema } from '../../shared/schemas/people';
import { importColumns, importLimits, type ImportColumn, type ImportLineReport, type ImportReport, type ImportResult } from '../../shared/schemas/imports';
import type { Invitation } from '../../shared/schemas/people';
import type { Network, Structure } from '../../shared/schemas/workspace';
import type { AuditLog } from '../audit/audit-log';
import { findPersonByEmail, roleOf } from '../auth/people.repository';
import { slugify } from '../demo/demo-structures';
import type { MetadataStore } from '../store/metadata-store';
import { networksOf, structuresOf } from '../workspaces/workspaces.repository';
import { readCsv, UnreadableCsvError } from './csv-file';
import { invitationPath, type InvitationsService } from './invitations.service';

const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

const headerAliases: Record<string, ImportColumn> = {
  structure: 'structure', nomdelastructure: 'structure', organisation: 'structure',
  reseau: 'reseau', network: 'reseau',
  ville: 'ville', city: 'ville', commune: 'ville',
  departement: 'departement', dept: 'departement',
  email: 'email', mail: 'email', courriel: 'email', adresseemail: 'email',
  nom: 'nom', name: 'nom', personne: 'nom', nomprenom: 'nom', prenomnom: 'nom',
  role: 'role',
  representant: 'representant', representante: 'representant',
};

const roleAliases: Record<string, Role> = {
  ...Object.fromEntries(roles.map((role) => [role, role])),
  ...Object.fromEntries(Object.entries(roleLabels).map(([role, label]) => [fold(label), role as Role])),
  coordinateur: 'coordinator', coordinatrice: 'coordinator', animateur: 'facilitator', animatrice: 'facilitator',
  partenaire: 'partner', observateur: 'observer', observatrice: 'observer', membre: 'member',
};
/** Lengths the stored structure accepts (shared/schemas/workspace.ts). */
const structureLimits = { name: 160, city: 120 } as const;
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/**
 * A département code: `38`, `2A`, `974`; Excel drops the leading zero of `01`–`09`, so one digit
 * is padded. Empty stays empty; anything else (a name) is undefined.
 */
function readDepartement(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  if (code === '') return '';
  if (/^\d$/.test(code)) return `0${code}`;
  return /^(\d{2}|2[AB]|97\d)$/.test(code) ? code : undefined;
}

const yes = new Set(['oui', 'o', 'yes', 'y', 'x', '1', 'vrai', 'true']);
const no = new Set(['', 'non', 'n', 'no', '0', 'faux', 'false']);

/** What a valid file would write. */
interface ImportPlan {
  report: ImportReport;
  structures: Structure[];
  drafts: { invitation: Invitation; secret: string }[];
}

export class MemberImportService {
  constructor(
    private readonly db: MetadataStore,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditLog,
  ) {}

  preview(workspaceId: string, actorId: string, bytes: Uint8Array): ImportReport {
    return this.plan(workspaceId, actorId, bytes).report;
  }

  async apply(workspaceId: string, actorId: string, bytes: Uint8Array): Promise<Result<ImportResult>> {
    const plan = this.plan(workspaceId, actorId, bytes);
    const { report } = plan;
    if (report.fileErrors.length > 0 || report.summary.errors > 0) {
      return fail({ kind: 'invalid', title: 'Import refusé : corrigez les lignes signalées, rien n’a été enregistré.', detail: `${report.summary.errors} ligne(s) en erreur.` });
    }
    await this.db.update((data) => {
      data.structures.push(...plan.structures);
      data.invitations.push(...plan.drafts.map((d) => d.invitation));
    });
    void this.audit.record({
      action: 'members.imported',
      actorId,
      workspaceId,
      detail: { structures: plan.structures.length, invitations: plan.drafts.length, lines: report.summary.lines },
    });
    return ok({ report, invitations: plan.drafts.map(({ invitation, secret }) => ({ email: invitation.email, linkPath: invitationPath(secret) })), emailed: 0 });
  }

  /** A usable invitation already sent to this email in the workspace. */
  private pendingInvitation(workspaceId: string, email: string, now = new Date()): Invitation | undefined {
    return this.db.data.invitations.find(
      (i) => i.workspaceId === workspaceId && i.email === email && i.acceptedAt === null && i.revokedAt === null && Date.parse(i.expiresAt) > now.getTime(),
    );
  }

  private plan(workspaceId: string, actorId: string, bytes: Uint8Array): ImportPlan {
    const emptyReport = (fileErrors: string[], encoding: ImportReport['encoding'] = 'utf-8', delimiter: ImportReport['delimiter'] = ','): ImportPlan => ({
      report: { encoding, delimiter, fileErrors, lines: [], summary: { lines: 0, structuresToCreate: 0, structuresReused: 0, invitations: 0, errors: 0, warnings: 0 } },
      structures: [],
      drafts: [],
    });
    const isEmpty = 'Le fichier est vide. Téléchargez le modèle pour voir les colonnes attendues.';
    if (bytes.byteLength === 0) return emptyReport([isEmpty]);
    if (bytes.byteLength > importLimits.maxBytes) return emptyReport([`Le fichier est trop volumineux (limite : ${importLimits.maxBytes / 1024 / 1024} Mio).`]);
    let table: ReturnType<typeof readCsv>;
    try {
      table = readCsv(bytes);
    } catch (error) {
      if (error instanceof UnreadableCsvError) return emptyReport([error.message]);
      throw error;
    }
    if (table.header.every((cell) => cell === '')) return emptyReport([isEmpty], table.encoding, table.delimiter);
    if (table.rows.length === 0) {
      return emptyReport(['Le fichier ne contient que la ligne d’en-tête : aucune structure ni personne à importer.'], table.encoding, table.delimiter);
    }
    const columns = table.header.map((name) => headerAliases[fold(name)]);
    const fileErrors: string[] = [];
    for (const required of ['structure', 'reseau'] as const) {
      if (!columns.includes(required)) fileErrors.push(`Ce fichier CSV n’a pas de colonne « ${required === 'reseau' ? 'réseau' : required} ». Ajoutez-la ou partez du modèle à télécharger.`);
    }
    if (table.rows.length > importLimits.maxLines) {
      fileErrors.push(`Ce fichier compte ${table.rows.length.toLocaleString('fr-FR')} lignes ; un import en accepte ${importLimits.maxLines.toLocaleString('fr-FR')} au plus. Découpez-le en plusieurs fichiers.`);
    }
    if (fileErrors.length > 0) return emptyReport(fileErrors, table.encoding, table.delimiter);

    const networks = networksOf(this.db, workspaceId);
    const networkByKey = new Map<string, Network>(networks.flatMap((n) => [[fold(n.name), n], [fold(n.id), n]] as const));
    const existingStructures = new Map(structuresOf(this.db, workspaceId).map((s) => [fold(s.name), s]));
    const takenIds = new Set(this.db.data.structures.map((s) => s.id));
    const newStructures = new Map<string, { structure: Structure; line: number }>();
    const emailLines = new Map<string, number>();
    const representativeLines = new Map<string, number>();
    const plan: ImportPlan = { ...emptyReport([], table.encoding, table.delimiter) };
    const lines: ImportLineReport[] = [];
    const reusedKeys = new Set<string>();

    for (const { line, cells } of table.rows) {
      const value = (column: ImportColumn): string => cells[columns.indexOf(column)] ?? '';
      const errors: string[] = [];
      const warnings: string[] = [];
      if (cells.length !== table.header.length) errors.push(`Nombre de colonnes incorrect : ${cells.length} au lieu de ${table.header.length}.`);
      for (const [index, cell] of cells.entries()) {
        if (cell.length > importLimits.maxFieldLength) errors.push(`La colonne « ${table.header[index] ?? index + 1} » est trop longue (${importLimits.maxFieldLength} caractères au plus).`);
      }
      const structureName = value('structure').replace(/\s+/g, ' ');
      const networkName = value('reseau');
      const emailText = value('email');
      const departement = readDepartement(value('departement'));
      if (structureName === '') errors.push('Nom de structure manquant.');
      if (structureName.length > structureLimits.name) errors.push(`Nom de structure trop long (${structureLimits.name} caractères au plus).`);
      if (value('ville').length > structureLimits.city) errors.push(`Nom de ville trop long (${structureLimits.city} caractères au plus).`);
      if (departement === undefined) errors.push(`Département « ${value('departement')} » : indiquez son numéro (par exemple 38).`);
      const network = networkByKey.get(fold(networkName));
      if (network === undefined) {
        errors.push(networkName === '' ? 'Réseau manquant.' : `Réseau inconnu « ${networkName} ». Réseaux possibles : ${networks.map((n) => n.name).join(', ')}.`);
      }
      let structure: Structure | undefined;
      const key = fold(structureName);
      const existing = existingStructures.get(key);
      if (existing !== undefined) {
        structure = existing;
        if (network !== undefined && existing.networkId !== network.id) errors.push(`La structure « ${existing.name} » existe déjà dans un autre réseau.`);
      } else if (structureName !== '' && network !== undefined) {
        const planned = newStructures.get(key);
        if (planned !== undefined && planned.structure.networkId !== network.id) {
          errors.push(`La structure « ${structureName} » est rattachée à un autre réseau ligne ${planned.line}.`);
        }
        if (planned === undefined) {
          let id = slugify(structureName) || 'structure';
          for (let n = 2; takenIds.has(id); n++) id = `${slugify(structureName).slice(0, 56)}-${n}`;
          takenIds.add(id);
          const created: Structure = { id, workspaceId, networkId: network.id, name: structureName, city: value('ville'), departement: departement ?? '', representativeId: null };
          newStructures.set(key, { structure: created, line });
        }
        structure = newStructures.get(key)?.structure;
      }
      if (existing !== undefined) reusedKeys.add(key);

      let email: string | null = null;
      const role = value('role') === '' ? 'member' : roleAliases[fold(value('role'))];
      if (role === undefined) errors.push(`Rôle inconnu « ${value('role')} ». Rôles possibles : ${Object.values(roleLabels).join(', ')}.`);
      const representative = fold(value('representant'));
      if (!yes.has(representative) && !no.has(representative)) errors.push(`Colonne « représentant » : indiquez « oui » ou « non » (et non « ${value('representant')} »).`);
      if (emailText !== '') {
        const parsed = emailSchema.safeParse(emailText);
        if (!parsed.success) errors.push(`Adresse e-mail invalide « ${emailText} ».`);
        else {
          email = parsed.data;
          const firstLine = emailLines.get(email);
          if (firstLine !== undefined) errors.push(`Adresse « ${email} » en double : déjà ligne ${firstLine}.`);
          else emailLines.set(email, line);
          const person = findPersonByEmail(this.db, email);
          const currentRole = person === undefined ? undefined : roleOf(this.db, person.id, workspaceId);
          const pending = this.pendingInvitation(workspaceId, email);
          if (currentRole !== undefined) warnings.push(`${email} fait déjà partie de l’espace (${roleLabels[currentRole]}) : pas de nouvelle invitation.`);
          else if (pending !== undefined) warnings.push(`${email} a déjà une invitation en attente (jusqu’au ${dateFormat.format(new Date(pending.expiresAt))}) : pas de nouvelle invitation.`);
        }
      } else if (value('nom') !== '') errors.push('Une personne sans adresse e-mail ne peut pas être invitée.');
      if (yes.has(representative) && structure !== undefined) {
        const other = representativeLines.get(structure.id);
        if (email === null) errors.push('Le représentant doit avoir une adresse e-mail.');
        else if (other !== undefined) errors.push(`La structure a déjà un représentant ligne ${other} : une structure, une voix.`);
        else representativeLines.set(structure.id, line);
      }
      if (errors.length === 0 && warnings.length === 0 && email !== null && structure !== undefined && role !== undefined) {
        plan.drafts.push(this.invitations.draft({ workspaceId, email, role, structureId: structure.id, invitedBy: actorId, makesRepresentative: yes.has(representative) }));
      }
      lines.push({ line, structure: structureName, email, status: errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok', messages: [...errors, ...warnings] });
    }

    plan.structures = [...newStructures.values()].map((s) => s.structure);
    plan.report = {
      ...plan.report,
      lines,
      summary: {
        lines: lines.length,
        structuresToCreate: plan.structures.length,
        structuresReused: reusedKeys.size,
        invitations: plan.drafts.length,
        errors: lines.filter((l) => l.status === 'error').length,
        warnings: lines.filter((l) => l.status === 'warning').length,
      },
    };
    return plan;
  }
}

/** The file people start from: the header and two example lines, semicolon-separated for French spreadsheets. */
export function importTemplate(networks: Network[]): string {
  const first = networks[0]?.name ?? 'Associations';
  return [
    importColumns.join(';'),
    `SCOP Exemple du Vercors;${first};Grenoble;38;marie.dupont@exemple.org;Marie Dupont;membre;oui`,
    `SCOP Exemple du Vercors;${first};Grenoble;38;paul.martin@exemple.org;Paul Martin;membre;non`,
  ].join('\r\n');
}
