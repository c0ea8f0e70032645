/**
 * The consolidated budget of two versions side by side: totals per axis, per funder, per year and
 * overall, each before, after and the difference, in integer cents (so that the difference is
 * exact). Both sides are consolidated by `consolidate`, the same function as the live totals.
 */
import { funderKey, type Consolidation, type EnvelopeShares } from '../budget/consolidate';
import type { ProgrammeView } from '../programme/read';
import type { AmountChange, BudgetDiff } from './diff-types';

function change(key: string, label: string, beforeCents: number, afterCents: number): AmountChange {
  return { key, label, beforeCents, afterCents, differenceCents: afterCents - beforeCents };
}

/** Rows for every key of either side (a key missing on one side counts 0 there). */
function rows<K>(before: Map<K, number>, after: Map<K, number>, keyOf: (key: K) => string, label: (key: K) => string): AmountChange[] {
  const merged = new Map<string, { key: K; before: number; after: number }>();
  for (const [key, cents] of before) merged.set(keyOf(key), { key, before: cents, after: 0 });
  for (const [key, cents] of after) {
    const row = merged.get(keyOf(key));
    if (row === undefined) merged.set(keyOf(key), { key, before: 0, after: cents });
    else {
      row.after = cents;
      row.key = key; // the after side's spelling
    }
  }
  return [...merged.entries()].map(([k, row]) => change(k, label(row.key), row.before, row.after));
}

export interface BudgetSides {
  before: { programme: ProgrammeView; consolidation: Consolidation; envelope: EnvelopeShares | undefined };
  after: { programme: ProgrammeView; consolidation: Consolidation; envelope: EnvelopeShares | undefined };
}

export function diffBudget({ before, after }: BudgetSides): BudgetDiff {
  const axisLabel = new Map<string, { number: number; title: string; order: number }>();
  for (const axis of before.programme.axes) axisLabel.set(axis.id, { number: axis.number, title: axis.title, order: 1000 + axis.number });
  for (const axis of after.programme.axes) axisLabel.set(axis.id, { number: axis.number, title: axis.title, order: axis.number });
  // Label: the axis title (the page writes "Axe 2 : …" in its language); '' for sheets whose axis is gone.
  const byAxis = rows(before.consolidation.byAxis, after.consolidation.byAxis, (id) => id, (id) => axisLabel.get(id)?.title ?? '')
    .map((row) => ({ ...row, number: axisLabel.get(row.key)?.number ?? null }))
    .sort((a, b) => (axisLabel.get(a.key)?.order ?? 9999) - (axisLabel.get(b.key)?.order ?? 9999));
  const byFunder = rows(before.consolidation.byFunder, after.consolidation.byFunder, funderKey, (funder) => funder).sort((a, b) => b.afterCents - a.afterCents || a.label.localeCompare(b.label, 'fr'));
  const byYear = rows(before.consolidation.byYear, after.consolidation.byYear, String, String).sort((a, b) => Number(a.key) - Number(b.key));
  return {
    total: change('total', '', before.consolidation.totalCents, after.consolidation.totalCents),
    byAxis,
    byFunder,
    byYear,
    envelope: { beforeCents: before.envelope?.totalCents ?? null, afterCents: after.envelope?.totalCents ?? null },
    invalidLines: { before: before.consolidation.invalidLines.length, after: after.consolidation.invalidLines.length },
  };
}
