/**
 * The figures the budget page lays out, derived from the live consolidation and the envelope:
 * funders in one order for every table (the envelope's order, then funders found only in the
 * sheets), each funder's share beside what the sheets plan, and each sheet's amount per funder.
 * Funders are matched the way `consolidate` matches them (`funderKey`: no case, no accents).
 */
import { funderKey, type Consolidation } from '../../shared/budget/consolidate';
import type { SheetView } from '../../shared/programme/read';
import type { Envelope } from '../../shared/schemas/workspace';

/** One funder: its name as the envelope spells it (or as the sheets do), its share and its planned total. */
export interface FunderFigures {
  key: string;
  funder: string;
  /** Null when the envelope has no share for this funder. */
  shareCents: number | null;
  plannedCents: number;
}

/** True when the coordinator has set an envelope (a programme total). */
export function hasEnvelope(envelope: Envelope): boolean {
  return envelope.totalCents > 0 || envelope.shares.length > 0;
}

/** Every funder of the envelope or of the sheets, envelope first. */
export function funderFigures(consolidation: Consolidation, envelope: Envelope): FunderFigures[] {
  const figures = new Map<string, FunderFigures>();
  for (const share of envelope.shares) {
    const key = funderKey(share.funder);
    const known = figures.get(key);
    if (known === undefined) figures.set(key, { key, funder: share.funder, shareCents: share.amountCents, plannedCents: 0 });
    else known.shareCents = (known.shareCents ?? 0) + share.amountCents;
  }
  for (const [funder, cents] of consolidation.byFunder) {
    const key = funderKey(funder);
    const known = figures.get(key);
    if (known === undefined) figures.set(key, { key, funder, shareCents: null, plannedCents: cents });
    else known.plannedCents += cents;
  }
  return [...figures.values()];
}

/** Planned cents per funder key, for one year of the cross table. */
export function byFunderKeyAndYear(consolidation: Consolidation): Map<string, Map<number, number>> {
  const result = new Map<string, Map<number, number>>();
  for (const [funder, years] of consolidation.byFunderAndYear) {
    const key = funderKey(funder);
    const into = result.get(key) ?? new Map<number, number>();
    for (const [year, cents] of years) into.set(year, (into.get(year) ?? 0) + cents);
    result.set(key, into);
  }
  return result;
}

/** Each sheet's valid lines summed per funder key (invalid lines are left out, as in the totals). */
export function sheetAmountsByFunder(sheets: readonly SheetView[]): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const sheet of sheets) {
    const amounts = new Map<string, number>();
    for (const line of sheet.budget) {
      if (line.invalid !== null || line.funder === null || line.amountCents === null) continue;
      const key = funderKey(line.funder);
      amounts.set(key, (amounts.get(key) ?? 0) + line.amountCents);
    }
    result.set(sheet.id, amounts);
  }
  return result;
}

/** The years of the programme, in order. */
export function programmeYears(consolidation: Consolidation): number[] {
  return [...consolidation.byYear.keys()].sort((a, b) => a - b);
}

/** `part / whole` as a ratio, 0 when the whole is 0. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
