/**
 * Budget consolidation: totals per action sheet, per axis, per funder and per year, always
 * computed from the sheets' financing lines, never typed. Amounts are integer cents, so sums are
 * exact. Lines that are not valid (a string where an amount belongs, a negative amount, a missing
 * funder or year) are skipped and reported, so that one bad edit never corrupts the totals.
 * Pure: used by the server (validation after each update) and the client (live totals).
 */

/** One financing line as found in the document (fields may be anything: they come from Yjs). */
export interface RawBudgetLine {
  lineId: string;
  sheetId: string;
  axisId: string;
  funder: unknown;
  year: unknown;
  amountCents: unknown;
}

/** The programme envelope: its total and each funder's share, in cents. */
export interface EnvelopeShares {
  totalCents: number;
  shares: readonly { funder: string; amountCents: number }[];
}

export type InvalidLineReason = 'amount-not-integer' | 'amount-negative' | 'amount-too-large' | 'funder-missing' | 'year-invalid';

export interface InvalidLine {
  lineId: string;
  sheetId: string;
  reason: InvalidLineReason;
}

export type BudgetWarning =
  | { kind: 'funder-over-share'; funder: string; plannedCents: number; shareCents: number }
  | { kind: 'funder-without-share'; funder: string; plannedCents: number }
  | { kind: 'total-mismatch'; plannedCents: number; envelopeCents: number };

export interface Consolidation {
  totalCents: number;
  bySheet: Map<string, number>;
  byAxis: Map<string, number>;
  byFunder: Map<string, number>;
  byYear: Map<number, number>;
  /** Cross table: funder → year → cents. */
  byFunderAndYear: Map<string, Map<number, number>>;
  invalidLines: InvalidLine[];
  warnings: BudgetWarning[];
}

/** Largest amount one line may hold: 10 billion euros (far beyond any programme, well within exact integers). */
export const maxLineCents = 1_000_000_000_000;
const minYear = 2000;
const maxYear = 2100;

function add<K>(map: Map<K, number>, key: K, cents: number): void {
  map.set(key, (map.get(key) ?? 0) + cents);
}

/** Why a line is not usable, or undefined when it is. */
export function validateLine(line: RawBudgetLine): InvalidLineReason | undefined {
  const { amountCents, funder, year } = line;
  if (typeof amountCents !== 'number' || !Number.isInteger(amountCents)) return 'amount-not-integer';
  if (amountCents < 0) return 'amount-negative';
  if (amountCents > maxLineCents) return 'amount-too-large';
  if (typeof funder !== 'string' || funder.trim() === '') return 'funder-missing';
  if (typeof year !== 'number' || !Number.isInteger(year) || year < minYear || year > maxYear) return 'year-invalid';
  return undefined;
}

/** Funder names are compared without case, accents or surrounding spaces ("Région" = "region "). */
export function funderKey(funder: string): string {
  return funder.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
}

/** Consolidates every line and compares the result with the envelope. */
export function consolidate(lines: readonly RawBudgetLine[], envelope?: EnvelopeShares): Consolidation {
  const result: Consolidation = {
    totalCents: 0,
    bySheet: new Map(),
    byAxis: new Map(),
    byFunder: new Map(),
    byYear: new Map(),
    byFunderAndYear: new Map(),
    invalidLines: [],
    warnings: [],
  };
  const displayName = new Map<string, string>();
  for (const line of lines) {
    const reason = validateLine(line);
    if (reason !== undefined) {
      result.invalidLines.push({ lineId: line.lineId, sheetId: line.sheetId, reason });
      continue;
    }
    // validateLine guarantees these types.
    const cents = line.amountCents as number;
    const year = line.year as number;
    const key = funderKey(line.funder as string);
    if (!displayName.has(key)) displayName.set(key, (line.funder as string).trim());
    const funder = displayName.get(key) ?? key;
    result.totalCents += cents;
    add(result.bySheet, line.sheetId, cents);
    add(result.byAxis, line.axisId, cents);
    add(result.byFunder, funder, cents);
    add(result.byYear, year, cents);
    let years = result.byFunderAndYear.get(funder);
    if (years === undefined) result.byFunderAndYear.set(funder, (years = new Map()));
    add(years, year, cents);
  }
  if (envelope !== undefined) result.warnings = compareWithEnvelope(result, envelope);
  return result;
}

function compareWithEnvelope(result: Consolidation, envelope: EnvelopeShares): BudgetWarning[] {
  const warnings: BudgetWarning[] = [];
  const shares = new Map(envelope.shares.map((s) => [funderKey(s.funder), s]));
  for (const [funder, plannedCents] of result.byFunder) {
    const share = shares.get(funderKey(funder));
    if (share === undefined) warnings.push({ kind: 'funder-without-share', funder, plannedCents });
    else if (plannedCents > share.amountCents) warnings.push({ kind: 'funder-over-share', funder: share.funder, plannedCents, shareCents: share.amountCents });
  }
  if (result.totalCents !== envelope.totalCents) {
    warnings.push({ kind: 'total-mismatch', plannedCents: result.totalCents, envelopeCents: envelope.totalCents });
  }
  return warnings;
}
