/**
 * The steering committee's dashboard, computed from the live programme, its consolidation, the
 * envelope and the follow-up records: progress per axis and per territory, budget planned /
 * committed / spent per funder, late actions, latest evaluations, and one row per action sheet
 * with everything an export needs. Pure (no DOM, no Node): the client draws it, the server exports
 * it as CSV/XLSX, and both agree to the cent.
 *
 * Conventions: amounts are integer cents; a sheet without a follow-up record is 'not-started';
 * a sheet covering several territories counts fully in each of them (so territory totals may add
 * up to more than the programme: `sharedPlannedCents` says how much of a territory's plan is
 * shared with other territories); funders are matched ignoring case and accents (`funderKey`).
 */
import { funderKey, type Consolidation } from '../budget/consolidate';
import type { ProgrammeView, SheetView } from '../programme/read';
import { territoryName } from '../programme/territories';
import { assessments, realisationStatuses, type Assessment, type Evaluation, type FollowUp, type RealisationStatus } from '../schemas/follow-up';
import type { Envelope } from '../schemas/workspace';

export interface DashboardInput {
  programme: ProgrammeView;
  consolidation: Consolidation;
  envelope: Envelope;
  followUps: readonly FollowUp[];
  evaluations: readonly Evaluation[];
  structures: readonly { id: string; name: string }[];
  /** YYYY-MM-DD: the day against which lateness is measured. */
  today: string;
}

export type StatusCounts = Record<RealisationStatus, number>;

/** Progress and money of a group of sheets (an axis, a territory, the whole programme). */
export interface GroupProgress {
  sheetCount: number;
  byStatus: StatusCounts;
  /** Done among sheets not abandoned, 0–100 rounded; null when every sheet is abandoned or there is none. */
  percentDone: number | null;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

export interface AxisProgress extends GroupProgress {
  axisId: string;
  /** null for the sheets whose axis was deleted. */
  number: number | null;
  title: string;
}

export interface TerritoryProgress extends GroupProgress {
  /** A territory code ('region', '38', …) or '' for sheets that name no territory. */
  code: string;
  name: string;
  /** Sheets of this territory that also cover other territories. */
  sharedSheetCount: number;
  /** Part of `plannedCents` that comes from those shared sheets (also counted in other territories). */
  sharedPlannedCents: number;
}

export interface FunderBudget {
  funder: string;
  /** The funder's share in the envelope; null when the envelope has none for it. */
  shareCents: number | null;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
}

export type LateKind = 'end-passed' | 'start-passed';

export interface LateAction {
  sheetId: string;
  number: string;
  title: string;
  status: RealisationStatus;
  /** 'end-passed': should be finished; 'start-passed': should have started and has not. */
  kind: LateKind;
  /** The date that has passed. */
  dueDate: string;
  daysLate: number;
  /** French summary: "en retard de 12 jours", "devait commencer il y a 3 jours". */
  label: string;
}

export interface LatestEvaluation {
  evaluationId: string;
  sheetId: string;
  number: string;
  title: string;
  period: string;
  assessment: Assessment;
  comment: string;
  recommendation: string;
  authorName: string;
  recordedAt: string;
  revisionCount: number;
}

export interface IndicatorProgress {
  id: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  latestActual: number | null;
  latestActualDate: string | null;
}

/** One action sheet, flat, as exported. */
export interface DashboardRow {
  sheetId: string;
  number: string;
  axisId: string;
  axisNumber: number | null;
  axisTitle: string;
  title: string;
  leadId: string | null;
  leadName: string;
  territories: string[];
  localPlans: string[];
  startDate: string | null;
  endDate: string | null;
  status: RealisationStatus;
  statusChangedAt: string | null;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
  reportsCount: number;
  latestReportDate: string | null;
  indicators: IndicatorProgress[];
  latestEvaluation: { period: string; assessment: Assessment; comment: string; recommendation: string } | null;
  late: { kind: LateKind; daysLate: number } | null;
}

export interface Dashboard {
  today: string;
  totals: GroupProgress;
  axes: AxisProgress[];
  territories: TerritoryProgress[];
  funders: FunderBudget[];
  late: LateAction[];
  latestEvaluations: LatestEvaluation[];
  assessmentCounts: Record<Assessment, number>;
  rows: DashboardRow[];
}

/** Every sheet in programme order: axis by axis, then sheets whose axis was deleted. */
function orderedSheets(programme: ProgrammeView): SheetView[] {
  return [...programme.axes.flatMap((axis) => axis.sheets), ...programme.orphans];
}

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(realisationStatuses.map((status) => [status, 0])) as StatusCounts;
}

/** Done among the sheets not abandoned, as a rounded percentage. */
export function percentDone(byStatus: StatusCounts): number | null {
  const considered = realisationStatuses.reduce((sum, status) => sum + byStatus[status], 0) - byStatus.abandoned;
  return considered === 0 ? null : Math.round((byStatus.done / considered) * 100);
}

function group(rows: readonly DashboardRow[]): GroupProgress {
  const byStatus = emptyStatusCounts();
  let plannedCents = 0;
  let committedCents = 0;
  let spentCents = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    plannedCents += row.plannedCents;
    committedCents += row.committedCents;
    spentCents += row.spentCents;
  }
  return { sheetCount: rows.length, byStatus, percentDone: percentDone(byStatus), plannedCents, committedCents, spentCents };
}

/** Days from `from` to `to` (both YYYY-MM-DD), positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string): number => {
    const [year, month, date] = iso.split('-').map(Number);
    return Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1) / 86_400_000;
  };
  return Math.round(day(to) - day(from));
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('fr-FR')} ${word}${count > 1 ? 's' : ''}`;
}

/** French words for a late action. */
export function lateLabel(kind: LateKind, daysLate: number): string {
  return kind === 'end-passed' ? `en retard de ${plural(daysLate, 'jour')}` : `devait commencer il y a ${plural(daysLate, 'jour')}`;
}

/** Whether a sheet is late on `today`, and how: a passed end first, then a passed start. */
export function lateness(sheet: Pick<SheetView, 'startDate' | 'endDate'>, status: RealisationStatus, today: string): { kind: LateKind; dueDate: string; daysLate: number } | null {
  if (status === 'done' || status === 'abandoned') return null;
  if (sheet.endDate !== null && sheet.endDate < today) return { kind: 'end-passed', dueDate: sheet.endDate, daysLate: daysBetween(sheet.endDate, today) };
  if (status === 'not-started' && sheet.startDate !== null && sheet.startDate < today) {
    return { kind: 'start-passed', dueDate: sheet.startDate, daysLate: daysBetween(sheet.startDate, today) };
  }
  return null;
}

/** The latest figures per funder of one follow-up (a newer record for the same funder replaces the older). */
export function currentFinances(followUp: FollowUp | undefined): { funder: string; committedCents: number; spentCents: number; updatedAt: string; updatedBy: string }[] {
  const byFunder = new Map<string, FollowUp['finances'][number]>();
  for (const record of followUp?.finances ?? []) {
    const key = funderKey(record.funder);
    const previous = byFunder.get(key);
    if (previous === undefined || previous.updatedAt <= record.updatedAt) byFunder.set(key, record);
  }
  return [...byFunder.values()];
}

/** Planned cents per funder of one sheet, from its valid financing lines (display name of the first spelling). */
export function plannedByFunder(sheet: Pick<SheetView, 'budget'>): Map<string, number> {
  const names = new Map<string, string>();
  const totals = new Map<string, number>();
  for (const line of sheet.budget) {
    if (line.invalid !== null || line.funder === null || line.amountCents === null) continue;
    const key = funderKey(line.funder);
    if (!names.has(key)) names.set(key, line.funder.trim());
    const name = names.get(key) ?? key;
    totals.set(name, (totals.get(name) ?? 0) + line.amountCents);
  }
  return totals;
}

/** Orders periods in time: 2012-S1, 2012-S2, then 2012 (a whole year is judged after its halves). */
export function comparePeriods(a: string, b: string): number {
  const rank = (period: string): number => {
    const [year, half] = period.split('-S');
    return Number(year) * 10 + (half === undefined ? 3 : Number(half));
  };
  return rank(a) - rank(b);
}

/** The latest evaluation of one sheet: latest period, then latest revision. */
export function latestEvaluationOf(evaluations: readonly Evaluation[]): Evaluation | undefined {
  let latest: Evaluation | undefined;
  for (const evaluation of evaluations) {
    if (latest === undefined) {
      latest = evaluation;
      continue;
    }
    const byPeriod = comparePeriods(evaluation.period, latest.period);
    const recorded = (e: Evaluation): string => e.revisions[e.revisions.length - 1]?.recordedAt ?? '';
    if (byPeriod > 0 || (byPeriod === 0 && recorded(evaluation) > recorded(latest))) latest = evaluation;
  }
  return latest;
}

function latestIndicators(sheet: SheetView, followUp: FollowUp | undefined): IndicatorProgress[] {
  return sheet.indicators.map((indicator) => {
    let latest: FollowUp['actuals'][number] | undefined;
    for (const actual of followUp?.actuals ?? []) {
      if (actual.indicatorId !== indicator.id) continue;
      if (latest === undefined || actual.date > latest.date || (actual.date === latest.date && actual.createdAt >= latest.createdAt)) latest = actual;
    }
    return {
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      baseline: indicator.baseline,
      target: indicator.target,
      latestActual: latest?.value ?? null,
      latestActualDate: latest?.date ?? null,
    };
  });
}

/** Computes the whole dashboard. */
export function buildDashboard(input: DashboardInput): Dashboard {
  const { programme, consolidation, envelope, today } = input;
  const followUpBySheet = new Map(input.followUps.map((followUp) => [followUp.sheetId, followUp]));
  const evaluationsBySheet = new Map<string, Evaluation[]>();
  for (const evaluation of input.evaluations) {
    const list = evaluationsBySheet.get(evaluation.sheetId) ?? [];
    list.push(evaluation);
    evaluationsBySheet.set(evaluation.sheetId, list);
  }
  const structureNames = new Map(input.structures.map((structure) => [structure.id, structure.name]));
  const axisById = new Map(programme.axes.map((axis) => [axis.id, axis]));

  // Committed and spent per funder over all sheets, keyed by funderKey.
  const committedByFunder = new Map<string, { name: string; committedCents: number; spentCents: number }>();
  const rows: DashboardRow[] = [];
  const late: LateAction[] = [];
  const latestEvaluations: LatestEvaluation[] = [];
  const assessmentCounts = Object.fromEntries(assessments.map((assessment) => [assessment, 0])) as Record<Assessment, number>;

  for (const sheet of orderedSheets(programme)) {
    const followUp = followUpBySheet.get(sheet.id);
    const status: RealisationStatus = followUp?.status ?? 'not-started';
    let committedCents = 0;
    let spentCents = 0;
    for (const finance of currentFinances(followUp)) {
      committedCents += finance.committedCents;
      spentCents += finance.spentCents;
      const key = funderKey(finance.funder);
      const entry = committedByFunder.get(key) ?? { name: finance.funder.trim(), committedCents: 0, spentCents: 0 };
      entry.committedCents += finance.committedCents;
      entry.spentCents += finance.spentCents;
      committedByFunder.set(key, entry);
    }
    const reports = followUp?.reports ?? [];
    const latestReportDate = reports.reduce<string | null>((latest, report) => (latest === null || report.date > latest ? report.date : latest), null);
    const evaluation = latestEvaluationOf(evaluationsBySheet.get(sheet.id) ?? []);
    const current = evaluation?.revisions[evaluation.revisions.length - 1];
    const delay = lateness(sheet, status, today);
    const axis = axisById.get(sheet.axisId);

    rows.push({
      sheetId: sheet.id,
      number: sheet.number,
      axisId: sheet.axisId,
      axisNumber: axis?.number ?? null,
      axisTitle: axis?.title ?? '',
      title: sheet.title,
      leadId: sheet.lead,
      leadName: sheet.lead === null ? '' : (structureNames.get(sheet.lead) ?? sheet.lead),
      territories: sheet.territories.map(territoryName),
      localPlans: [...sheet.localPlans],
      startDate: sheet.startDate,
      endDate: sheet.endDate,
      status,
      statusChangedAt: followUp?.statusChangedAt ?? null,
      plannedCents: consolidation.bySheet.get(sheet.id) ?? 0,
      committedCents,
      spentCents,
      reportsCount: reports.length,
      latestReportDate,
      indicators: latestIndicators(sheet, followUp),
      latestEvaluation: current === undefined || evaluation === undefined ? null : { period: evaluation.period, assessment: current.assessment, comment: current.comment, recommendation: current.recommendation },
      late: delay === null ? null : { kind: delay.kind, daysLate: delay.daysLate },
    });

    if (delay !== null) late.push({ sheetId: sheet.id, number: sheet.number, title: sheet.title, status, ...delay, label: lateLabel(delay.kind, delay.daysLate) });
    if (evaluation !== undefined && current !== undefined) {
      assessmentCounts[current.assessment] += 1;
      latestEvaluations.push({
        evaluationId: evaluation.id,
        sheetId: sheet.id,
        number: sheet.number,
        title: sheet.title,
        period: evaluation.period,
        assessment: current.assessment,
        comment: current.comment,
        recommendation: current.recommendation,
        authorName: current.authorName,
        recordedAt: current.recordedAt,
        revisionCount: evaluation.revisions.length,
      });
    }
  }

  const rowsByAxis = new Map<string, DashboardRow[]>();
  for (const row of rows) rowsByAxis.set(row.axisId, [...(rowsByAxis.get(row.axisId) ?? []), row]);
  const axes: AxisProgress[] = programme.axes.map((axis) => ({ axisId: axis.id, number: axis.number, title: axis.title, ...group(rowsByAxis.get(axis.id) ?? []) }));
  const orphanRows = rows.filter((row) => !axisById.has(row.axisId));
  if (orphanRows.length > 0) axes.push({ axisId: '', number: null, title: 'Fiches sans axe', ...group(orphanRows) });

  return {
    today,
    totals: group(rows),
    axes,
    territories: territoryProgress(rows, programme),
    funders: funderBudgets(consolidation, envelope, committedByFunder),
    late: late.sort((a, b) => b.daysLate - a.daysLate || a.number.localeCompare(b.number, 'fr', { numeric: true })),
    latestEvaluations,
    assessmentCounts,
    rows,
  };
}

function territoryProgress(rows: readonly DashboardRow[], programme: ProgrammeView): TerritoryProgress[] {
  const codesBySheet = new Map(orderedSheets(programme).map((sheet) => [sheet.id, sheet.territories]));
  const byCode = new Map<string, DashboardRow[]>();
  for (const row of rows) {
    const codes = codesBySheet.get(row.sheetId) ?? [];
    for (const code of codes.length === 0 ? [''] : codes) byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }
  // Territories in the order of the reference list (region first), then unknown ones, then "none".
  const known = ['region', '01', '07', '26', '38', '42', '69', '73', '74'];
  const order = (code: string): number => (code === '' ? Number.MAX_SAFE_INTEGER : known.includes(code) ? known.indexOf(code) : known.length);
  return [...byCode.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([code, territoryRows]) => {
      const shared = territoryRows.filter((row) => (codesBySheet.get(row.sheetId) ?? []).length > 1);
      return {
        code,
        name: code === '' ? 'Territoire non précisé' : territoryName(code),
        ...group(territoryRows),
        sharedSheetCount: shared.length,
        sharedPlannedCents: shared.reduce((sum, row) => sum + row.plannedCents, 0),
      };
    });
}

function funderBudgets(consolidation: Consolidation, envelope: Envelope, committed: Map<string, { name: string; committedCents: number; spentCents: number }>): FunderBudget[] {
  const funders = new Map<string, FunderBudget>();
  const entry = (name: string): FunderBudget => {
    const key = funderKey(name);
    let funder = funders.get(key);
    if (funder === undefined) funders.set(key, (funder = { funder: name.trim(), shareCents: null, plannedCents: 0, committedCents: 0, spentCents: 0 }));
    return funder;
  };
  // Envelope first: its order and spelling are the coordinator's.
  for (const share of envelope.shares) {
    const funder = entry(share.funder);
    funder.shareCents = (funder.shareCents ?? 0) + share.amountCents;
  }
  for (const [name, cents] of consolidation.byFunder) entry(name).plannedCents += cents;
  for (const { name, committedCents, spentCents } of committed.values()) {
    const funder = entry(name);
    funder.committedCents += committedCents;
    funder.spentCents += spentCents;
  }
  return [...funders.values()];
}
