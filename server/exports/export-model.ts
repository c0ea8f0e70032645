/**
 * What an export says, whatever its format: one plain `ExportDocument` built from a version of
 * the contract (or the live contract), so that DOCX, ODT, PDF, Markdown, the standalone HTML page
 * and the public page all carry exactly the same content. Built once per export from the
 * version's own Y.Doc (immutable) and the deliberation's records as they were at the version's
 * date; renderers only lay it out.
 *
 * Rich text stays ProseMirror JSON (through y-prosemirror and the contract schema, so what an
 * export reads is what the editor shows); everything else is plain French text and integer cents.
 */
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { consolidate, funderKey, type BudgetWarning, type RawBudgetLine } from '../../shared/budget/consolidate';
import { eurosText } from '../../shared/budget/euros';
import { contractFragmentName } from '../../shared/document-names';
import { contractSchema } from '../../shared/contract-schema';
import { richTextFields, sheetRichText, type RichTextField } from '../../shared/programme/layout';
import { readProgramme, type SheetView } from '../../shared/programme/read';
import { territoryName } from '../../shared/programme/territories';
import { outcomeLabels, positionKinds, type PositionKind } from '../../shared/schemas/rounds';
import type { Version } from '../../shared/schemas/versions';
import type { Workspace } from '../../shared/schemas/workspace';
import type { ContributorsAppendix } from '../../shared/versions/contributors';
import { tallyOf } from '../rounds/rounds.repository';
import type { MetadataStore } from '../store/metadata-store';
import { computeContributors } from '../versions/contributors';
import { structuresOf } from '../workspaces/workspaces.repository';
import { Steps } from './cooperative';

/** ProseMirror JSON (`Node.toJSON()`) of the contract schema. */
export type RichJson = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichJson[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

/** A funder × year table of a sheet or of the whole programme, in cents. */
export interface FinancingTable {
  years: number[];
  rows: { funder: string; byYear: (number | null)[]; totalCents: number }[];
  yearTotals: number[];
  totalCents: number;
}

export interface ExportIndicator {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
}

export interface ExportSheet {
  number: string;
  title: string;
  leadName: string | null;
  partnerNames: string[];
  territories: string[];
  localPlans: string[];
  startDate: string | null;
  endDate: string | null;
  goals: RichJson;
  description: RichJson;
  expectedResults: RichJson;
  indicators: ExportIndicator[];
  financing: FinancingTable;
  /** Financing lines left out of the totals (damaged amounts, missing funder or year). */
  excludedLines: number;
}

export interface ExportAxis {
  number: number;
  title: string;
  aim: string;
  totalCents: number;
  sheets: ExportSheet[];
}

export interface ExportBudget {
  envelopeTotalCents: number;
  plannedTotalCents: number;
  byAxis: { number: string; title: string; cents: number }[];
  /** Every funder of the envelope or of the sheets: planned against its share (null: no share). */
  byFunder: { funder: string; plannedCents: number; shareCents: number | null }[];
  byFunderAndYear: FinancingTable;
  /** French sentences: a share exceeded, a funder without share, a total that differs. */
  warnings: string[];
  excludedLines: number;
}

export interface ExportRound {
  subjectTitle: string;
  question: string;
  openedAt: string;
  closedAt: string;
  /** "adopté", "non adopté", "à retravailler"; null when not recorded by the version's date. */
  outcome: string | null;
  outcomeNote: string;
  byPosition: Record<PositionKind, number>;
  answeredCount: number;
  memberCount: number;
  quorumReached: boolean;
}

export interface ExportAmendment {
  number: number;
  title: string;
  accepted: boolean;
  decidedAt: string;
  decidedBy: string;
  reason: string;
  /** "Marie Durand (SCOP Menuiserie de la Bresse)", authors first, then co-signers. */
  authors: string[];
}

export interface ExportDocument {
  workspaceId: string;
  workspaceName: string;
  workspaceDescription: string;
  /** A version id, or 'live'. */
  versionId: string;
  versionName: string;
  versionComment: string;
  /** When the version was taken (now, for the live contract): ISO date-time. */
  date: string;
  adopted: boolean;
  /** "Version adoptée", "Version nommée", "Point automatique", "État actuel du contrat (non figé)". */
  status: string;
  /** Who took the version ("Trame" for checkpoints; the requester for the live contract). */
  takenBy: string;
  contract: RichJson;
  axes: ExportAxis[];
  /** Sheets whose axis was deleted (rare; kept so that no amount disappears from the export). */
  orphanSheets: ExportSheet[];
  budget: ExportBudget;
  rounds: ExportRound[];
  amendments: ExportAmendment[];
  contributors: ContributorsAppendix;
}

/** What the model is built from. */
export interface ExportSource {
  db: MetadataStore;
  workspace: Workspace;
  /** The version's record, or null for the live contract. */
  version: Version | null;
  /** The version's (or live) state: read only. */
  doc: Y.Doc;
  /** Who asks (shown as "taken by" for the live contract). */
  requesterName: string;
  /** Defaults to now: the live contract's date. */
  now?: Date;
}

const emptyDoc: RichJson = { type: 'doc', content: [] };

/** French long dates in Paris time, whatever the server's zone. */
const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export function frenchDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function frenchDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** A sheet's 'YYYY-MM-DD' date as "1 janvier 2011". */
export function sheetDateText(date: string): string {
  return dateFormat.format(new Date(`${date}T12:00:00Z`));
}

const statusByKind: Record<Version['kind'], string> = {
  adopted: 'Version adoptée',
  named: 'Version nommée',
  checkpoint: 'Point automatique',
};

/** The ProseMirror JSON of a rich-text Y.XmlFragment (empty document when unreadable). */
export function richJsonOf(fragment: Y.XmlFragment | undefined): RichJson {
  if (fragment === undefined) return emptyDoc;
  try {
    return yXmlFragmentToProseMirrorRootNode(fragment, contractSchema).toJSON() as RichJson;
  } catch {
    // A fragment that does not fit the schema (bad client input) reads as empty, like readProgramme.
    return emptyDoc;
  }
}

/** A funder × year table from financing lines (invalid lines are left out, as in the totals). */
export function financingTable(lines: readonly RawBudgetLine[]): FinancingTable {
  const consolidation = consolidate(lines);
  const years = [...consolidation.byYear.keys()].sort((a, b) => a - b);
  const rows = [...consolidation.byFunderAndYear.entries()]
    .map(([funder, byYear]) => ({ funder, byYear: years.map((year) => byYear.get(year) ?? null), totalCents: consolidation.byFunder.get(funder) ?? 0 }))
    .sort((a, b) => b.totalCents - a.totalCents || a.funder.localeCompare(b.funder, 'fr'));
  return { years, rows, yearTotals: years.map((year) => consolidation.byYear.get(year) ?? 0), totalCents: consolidation.totalCents };
}

/** A budget warning in words (the same clauses the adoption check gives). */
export function warningText(warning: BudgetWarning): string {
  switch (warning.kind) {
    case 'funder-over-share':
      return `La part de ${warning.funder} est dépassée de ${eurosText(warning.plannedCents - warning.shareCents)} (prévu ${eurosText(warning.plannedCents)}, part ${eurosText(warning.shareCents)}).`;
    case 'funder-without-share':
      return `« ${warning.funder} » finance ${eurosText(warning.plannedCents)} sans avoir de part dans l’enveloppe.`;
    case 'total-mismatch': {
      const gap = warning.plannedCents - warning.envelopeCents;
      const words = gap > 0 ? `dépasse l’enveloppe de ${eurosText(gap)}` : `reste en deçà de l’enveloppe de ${eurosText(-gap)}`;
      return `Le total des fiches (${eurosText(warning.plannedCents)}) ${words} (${eurosText(warning.envelopeCents)}).`;
    }
  }
}

/**
 * Builds the export's content. Yields to the event loop between action sheets (converting rich
 * text is the costly part), reporting through `steps`.
 */
export async function buildExportDocument(source: ExportSource, steps: Steps = new Steps()): Promise<ExportDocument> {
  const { db, workspace, version, doc } = source;
  const date = version?.createdAt ?? (source.now ?? new Date()).toISOString();
  const structureNames = new Map(structuresOf(db, workspace.id).map((structure) => [structure.id, structure.name]));
  const nameOf = (id: string): string => structureNames.get(id) ?? id;

  await steps.step(0, 'Lecture du contrat');
  const contract = richJsonOf(doc.getXmlFragment(contractFragmentName));
  const programme = readProgramme(doc, { memberStructureIds: new Set(structureNames.keys()) });
  // The envelope the version was taken with (today's for the live contract and older versions).
  const envelope = version?.envelope ?? workspace.envelope;
  const consolidation = consolidate(programme.lines, envelope);
  const sheetCount = programme.sheets.size;

  let done = 0;
  const sheetOf = async (sheet: SheetView): Promise<ExportSheet> => {
    const lines = programme.lines.filter((line) => line.sheetId === sheet.id);
    const rich = Object.fromEntries(richTextFields.map((field) => [field, richJsonOf(sheetRichText(doc, sheet.id, field))])) as Record<RichTextField, RichJson>;
    const exported: ExportSheet = {
      number: sheet.number,
      title: sheet.title.trim() === '' ? 'Fiche sans titre' : sheet.title,
      leadName: sheet.lead === null ? null : nameOf(sheet.lead),
      partnerNames: sheet.partners.map(nameOf).sort((a, b) => a.localeCompare(b, 'fr')),
      territories: sheet.territories.map(territoryName),
      localPlans: sheet.localPlans,
      startDate: sheet.startDate,
      endDate: sheet.endDate,
      ...rich,
      indicators: sheet.indicators.map(({ name, unit, baseline, target }) => ({ name, unit, baseline, target })),
      financing: financingTable(lines),
      excludedLines: sheet.budget.filter((line) => line.invalid !== null).length,
    };
    done += 1;
    // Reported every few sheets: each step costs a turn of the event loop.
    if (done % 4 === 0 || done === sheetCount) await steps.step(done / Math.max(1, sheetCount), `Lecture des fiches action (${done} sur ${sheetCount})`);
    return exported;
  };

  const axes: ExportAxis[] = [];
  for (const axis of programme.axes) {
    const sheets: ExportSheet[] = [];
    for (const sheet of axis.sheets) sheets.push(await sheetOf(sheet));
    axes.push({ number: axis.number, title: axis.title.trim() === '' ? 'Axe sans titre' : axis.title, aim: axis.aim, totalCents: consolidation.byAxis.get(axis.id) ?? 0, sheets });
  }
  const orphanSheets: ExportSheet[] = [];
  for (const sheet of programme.orphans) orphanSheets.push(await sheetOf(sheet));

  // The envelope's funders first, in its order; then funders that have no share.
  const byFunder = envelope.shares.map((share) => ({ funder: share.funder, plannedCents: 0, shareCents: share.amountCents as number | null }));
  const planned = financingTable(programme.lines);
  for (const row of planned.rows) {
    const existing = byFunder.find((entry) => funderKey(entry.funder) === funderKey(row.funder));
    if (existing !== undefined) existing.plannedCents += row.totalCents;
    else byFunder.push({ funder: row.funder, plannedCents: row.totalCents, shareCents: null });
  }
  const budget: ExportBudget = {
    envelopeTotalCents: envelope.totalCents,
    plannedTotalCents: consolidation.totalCents,
    byAxis: [
      ...axes.map((axis) => ({ number: String(axis.number), title: axis.title, cents: axis.totalCents })),
      ...(orphanSheets.length > 0 ? [{ number: '?', title: 'Fiches sans axe', cents: orphanSheets.reduce((sum, sheet) => sum + sheet.financing.totalCents, 0) }] : []),
    ],
    byFunder,
    byFunderAndYear: planned,
    warnings: consolidation.warnings.map(warningText),
    excludedLines: consolidation.invalidLines.length,
  };

  await steps.step(1, 'Décisions et contributeurs');
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    workspaceDescription: workspace.description,
    versionId: version?.id ?? 'live',
    versionName: version?.name ?? 'État actuel du contrat',
    versionComment: version?.comment ?? '',
    date,
    adopted: version?.kind === 'adopted',
    status: version === null ? 'Contrat en cours de rédaction (non figé)' : statusByKind[version.kind],
    takenBy: version === null ? source.requesterName : version.createdByName,
    contract,
    axes,
    orphanSheets,
    budget,
    rounds: roundsUntil(db, workspace.id, date),
    amendments: amendmentsUntil(db, workspace.id, date, nameOf),
    contributors: computeContributors(db, workspace, doc, date),
  };
}

/** Consent rounds closed by the version's date, oldest first, with their tally and outcome then. */
function roundsUntil(db: MetadataStore, workspaceId: string, until: string): ExportRound[] {
  return db.data.rounds
    .filter((round) => round.workspaceId === workspaceId && round.status === 'closed' && round.closedAt !== null && round.closedAt <= until)
    .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''))
    .map((round) => {
      const tally = tallyOf(db, round, new Date(round.closedAt ?? until));
      const outcome = round.outcome !== null && round.outcome.at <= until ? round.outcome : null;
      return {
        subjectTitle: round.subjectTitle.trim() === '' ? subjectFallback(round.subject.kind) : round.subjectTitle,
        question: round.question,
        openedAt: round.openedAt,
        closedAt: round.closedAt ?? until,
        outcome: outcome === null ? null : outcomeLabels[outcome.decision],
        outcomeNote: outcome?.note ?? '',
        byPosition: Object.fromEntries(positionKinds.map((kind) => [kind, tally.byPosition[kind]])) as Record<PositionKind, number>,
        answeredCount: tally.answeredCount,
        memberCount: tally.memberCount,
        quorumReached: tally.quorumReached,
      };
    });
}

function subjectFallback(kind: string): string {
  return kind === 'contract' ? 'Le contrat' : kind === 'sheet' ? 'Une fiche action' : kind === 'section' ? 'Une section du contrat' : 'Un amendement';
}

/** Amendments accepted or rejected by the version's date, by number. */
function amendmentsUntil(db: MetadataStore, workspaceId: string, until: string, nameOf: (id: string) => string): ExportAmendment[] {
  return db.data.amendments
    .filter((amendment) => amendment.workspaceId === workspaceId && amendment.decision !== null && amendment.decision.at <= until)
    .sort((a, b) => a.number - b.number)
    .map((amendment) => {
      const decision = amendment.decision!; // filtered above
      const signers = [...amendment.authors].sort((a, b) => (a.role === b.role ? a.at.localeCompare(b.at) : a.role === 'author' ? -1 : 1));
      return {
        number: amendment.number,
        title: amendment.title,
        accepted: decision.outcome === 'accepted',
        decidedAt: decision.at,
        decidedBy: decision.byName,
        reason: decision.reason,
        authors: signers.map((author) => {
          const structure = author.structureName ?? (author.structureId === null ? null : nameOf(author.structureId));
          return structure === null ? author.name : `${author.name} (${structure})`;
        }),
      };
    });
}
