/**
 * Action sheets compared one by one, paired by id (a sheet keeps its id through renaming, moving
 * to another axis, and restores). Each field that differs is listed: title word by word, lead,
 * partners/territories/local plans as added and removed names, dates, indicators, the three
 * rich-text fields block by block, and the financing as amounts per funder and year, before →
 * after. An added or removed sheet is compared with nothing, so its whole content is listed.
 * Axes are compared too (title, aim), since the budget and the sheets are read by axis.
 */
import * as Y from 'yjs';
import { funderKey } from '../budget/consolidate';
import { richTextFields, sheetRichText, type RichTextField } from '../programme/layout';
import type { AxisView, IndicatorView, ProgrammeView, SheetView } from '../programme/read';
import { sheetsInOrder } from '../programme/read';
import { territoryName } from '../programme/territories';
import { diffLeaves, fragmentLeaves, hasChange, textRuns, type Leaf } from './diff-blocks';
import type { AxisDiff, AxisRef, FinancingChange, IndicatorChange, IndicatorValues, Named, SheetDiff, SheetFieldChange } from './diff-types';

/** One side of the comparison: its document and its reading. */
export interface Side {
  doc: Y.Doc;
  programme: ProgrammeView;
  bySheet: Map<string, number>;
}

export type NameOf = (structureId: string) => string;

function richLeaves(doc: Y.Doc, sheetId: string, field: RichTextField): Leaf[] {
  const fragment = sheetRichText(doc, sheetId, field);
  return fragment === undefined ? [] : fragmentLeaves(fragment.toArray() as (Y.XmlElement | Y.XmlText)[]);
}

function axisRef(programme: ProgrammeView, sheet: SheetView | undefined): AxisRef | null {
  if (sheet === undefined) return null;
  const axis = programme.axes.find((candidate) => candidate.id === sheet.axisId);
  return axis === undefined ? null : { id: axis.id, number: axis.number, title: axis.title };
}

function setChange(field: 'partners' | 'territories' | 'localPlans', before: readonly string[], after: readonly string[], name: (value: string) => string): SheetFieldChange | undefined {
  const had = new Set(before);
  const has = new Set(after);
  const added = after.filter((value) => !had.has(value)).map((id) => ({ id, name: name(id) }));
  const removed = before.filter((value) => !has.has(value)).map((id) => ({ id, name: name(id) }));
  return added.length === 0 && removed.length === 0 ? undefined : { field, added, removed };
}

const indicatorValues = (indicator: IndicatorView): IndicatorValues => ({ name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target });
const sameIndicator = (a: IndicatorValues, b: IndicatorValues): boolean => a.name === b.name && a.unit === b.unit && a.baseline === b.baseline && a.target === b.target;

function indicatorChanges(before: readonly IndicatorView[], after: readonly IndicatorView[]): IndicatorChange[] {
  const old = new Map(before.map((indicator) => [indicator.id, indicator]));
  const changes: IndicatorChange[] = [];
  for (const indicator of after) {
    const previous = old.get(indicator.id);
    old.delete(indicator.id);
    const now = indicatorValues(indicator);
    if (previous === undefined) changes.push({ id: indicator.id, status: 'added', before: null, after: now });
    else if (!sameIndicator(indicatorValues(previous), now)) changes.push({ id: indicator.id, status: 'changed', before: indicatorValues(previous), after: now });
  }
  for (const indicator of old.values()) changes.push({ id: indicator.id, status: 'removed', before: indicatorValues(indicator), after: null });
  return changes;
}

/** Funder keys, computed once per name (normalising is the costly part of reading amounts). */
const funderKeys = new Map<string, string>();
function keyOfFunder(funder: string): string {
  let key = funderKeys.get(funder);
  if (key === undefined) {
    if (funderKeys.size > 10_000) funderKeys.clear();
    funderKeys.set(funder, (key = funderKey(funder)));
  }
  return key;
}

/** A sheet's valid amounts (those counted in the totals) summed per funder (without case or accents) and year. */
function financingOf(sheet: SheetView | undefined): Map<string, { funder: string; year: number; cents: number }> {
  const cells = new Map<string, { funder: string; year: number; cents: number }>();
  for (const line of sheet?.budget ?? []) {
    if (line.invalid !== null || line.funder === null || line.year === null || line.amountCents === null) continue;
    const funder = line.funder.trim();
    const key = `${keyOfFunder(funder)}\u0000${line.year}`;
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { funder, year: line.year, cents: line.amountCents });
    else cell.cents += line.amountCents;
  }
  return cells;
}

function financingChanges(before: SheetView | undefined, after: SheetView | undefined): FinancingChange[] {
  const old = financingOf(before);
  const now = financingOf(after);
  const changes: FinancingChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    const beforeCents = a?.cents ?? 0;
    const afterCents = b?.cents ?? 0;
    if (beforeCents !== afterCents || (a === undefined) !== (b === undefined)) {
      changes.push({ funder: (b ?? a)!.funder, year: (b ?? a)!.year, beforeCents, afterCents, differenceCents: afterCents - beforeCents });
    }
  }
  return changes.sort((x, y) => keyOfFunder(x.funder).localeCompare(keyOfFunder(y.funder), 'fr') || x.year - y.year);
}

function fieldChanges(before: Side, after: Side, id: string, names: NameOf): SheetFieldChange[] {
  const a = before.programme.sheets.get(id);
  const b = after.programme.sheets.get(id);
  const changes: SheetFieldChange[] = [];
  const titleBefore = a?.title ?? null;
  const titleAfter = b?.title ?? null;
  if (titleBefore !== titleAfter) changes.push({ field: 'title', runs: textRuns(titleBefore, titleAfter) });
  const leadBefore = a?.lead ?? null;
  const leadAfter = b?.lead ?? null;
  if (leadBefore !== leadAfter) {
    const named = (lead: string | null): Named | null => (lead === null ? null : { id: lead, name: names(lead) });
    changes.push({ field: 'lead', before: named(leadBefore), after: named(leadAfter) });
  }
  const sets = [
    setChange('partners', a?.partners ?? [], b?.partners ?? [], names),
    setChange('territories', a?.territories ?? [], b?.territories ?? [], territoryName),
    setChange('localPlans', a?.localPlans ?? [], b?.localPlans ?? [], (plan) => plan),
  ];
  for (const change of sets) if (change !== undefined) changes.push(change);
  const start = { before: a?.startDate ?? null, after: b?.startDate ?? null };
  const end = { before: a?.endDate ?? null, after: b?.endDate ?? null };
  if (start.before !== start.after || end.before !== end.after) changes.push({ field: 'dates', startDate: start, endDate: end });
  const indicators = indicatorChanges(a?.indicators ?? [], b?.indicators ?? []);
  if (indicators.length > 0) changes.push({ field: 'indicators', changes: indicators });
  for (const field of richTextFields) {
    const blocks = diffLeaves(a === undefined ? [] : richLeaves(before.doc, id, field), b === undefined ? [] : richLeaves(after.doc, id, field));
    if (hasChange(blocks)) changes.push({ field, blocks });
  }
  const lines = financingChanges(a, b);
  if (lines.length > 0) changes.push({ field: 'financing', lines });
  return changes;
}

/** Every sheet that differs, in the after side's reading order; removed ones after the sheet that preceded them. */
export function diffSheets(before: Side, after: Side, names: NameOf): SheetDiff[] {
  const diffs: SheetDiff[] = [];
  const orderBefore = sheetsInOrder(before.programme);
  const orderAfter = sheetsInOrder(after.programme);
  const describe = (id: string): SheetDiff | undefined => {
    const a = before.programme.sheets.get(id);
    const b = after.programme.sheets.get(id);
    const changes = fieldChanges(before, after, id, names);
    const axisBefore = axisRef(before.programme, a);
    const axisAfter = axisRef(after.programme, b);
    const moved = a !== undefined && b !== undefined && (a.axisId !== b.axisId || a.number !== b.number);
    const status = a === undefined ? 'added' : b === undefined ? 'removed' : changes.length > 0 ? 'changed' : moved ? 'moved' : 'unchanged';
    if (status === 'unchanged') return undefined;
    const beforeCents = before.bySheet.get(id) ?? 0;
    const afterCents = after.bySheet.get(id) ?? 0;
    return {
      id,
      status,
      number: { before: a?.number ?? null, after: b?.number ?? null },
      axis: { before: axisBefore, after: axisAfter },
      title: { before: a?.title ?? null, after: b?.title ?? null },
      moved,
      changes,
      totals: { beforeCents, afterCents, differenceCents: afterCents - beforeCents },
    };
  };
  // Removed sheets are placed after the sheet that preceded them before, when it still exists.
  const removedAfter = new Map<string | null, string[]>();
  let previous: string | null = null;
  for (const sheet of orderBefore) {
    if (!after.programme.sheets.has(sheet.id)) {
      const anchor = previous;
      removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), sheet.id]);
    } else previous = sheet.id;
  }
  const push = (id: string): void => {
    const diff = describe(id);
    if (diff !== undefined) diffs.push(diff);
  };
  for (const id of removedAfter.get(null) ?? []) push(id);
  for (const sheet of orderAfter) {
    push(sheet.id);
    for (const id of removedAfter.get(sheet.id) ?? []) push(id);
  }
  return diffs;
}

/** Axes added, removed, renamed or with another aim or number. */
export function diffAxes(before: ProgrammeView, after: ProgrammeView): AxisDiff[] {
  const old = new Map<string, AxisView>(before.axes.map((axis) => [axis.id, axis]));
  const diffs: AxisDiff[] = [];
  for (const axis of after.axes) {
    const previous = old.get(axis.id);
    old.delete(axis.id);
    if (previous === undefined) {
      diffs.push({ id: axis.id, status: 'added', number: { before: null, after: axis.number }, title: textRuns(null, axis.title), aim: textRuns(null, axis.aim) });
    } else if (previous.title !== axis.title || previous.aim !== axis.aim || previous.number !== axis.number) {
      diffs.push({ id: axis.id, status: 'changed', number: { before: previous.number, after: axis.number }, title: textRuns(previous.title, axis.title), aim: textRuns(previous.aim, axis.aim) });
    }
  }
  for (const axis of old.values()) {
    diffs.push({ id: axis.id, status: 'removed', number: { before: axis.number, after: null }, title: textRuns(axis.title, null), aim: textRuns(axis.aim, null) });
  }
  return diffs;
}
