/**
 * Every change to the structured contract, as small functions on a `Y.Doc`, each one transaction
 * (one undo step, one update on the wire). The client's forms call them after checking the value
 * with the schemas of `fields.ts`; the seed, the benchmark and tests use `writeProgramme`.
 */
import * as Y from 'yjs';
import type { RichTextField, SetField, YAxis, YSheet } from './layout';
import { axesMap, axisAt, nested, richTextFields, sheetAt, sheetsMap } from './layout';
import { newId } from './ids';
import { comparePositioned, positionAt, positionAtEnd, spreadPositions, type Positioned } from './order';
import type { AxisPlan, BudgetLinePlan, IndicatorPlan, ProgrammePlan, SheetPlan } from './plan';

/** Origin of transactions made by these functions (undo managers may track it). */
export const programmeOrigin = Symbol('trame-programme');

function positionsOf(map: Y.Map<unknown>, except?: string): Positioned[] {
  const items: Positioned[] = [];
  for (const [id, value] of map.entries()) {
    if (id === except || !(value instanceof Y.Map)) continue;
    const position = value.get('position');
    items.push({ id, position: typeof position === 'string' ? position : '' });
  }
  return items.sort(comparePositioned);
}

/**
 * Gives `moved` the position `index` among `siblings` (which do not include it). When the
 * neighbours cannot be told apart, every sibling gets a fresh key: rare, and still one transaction.
 */
function placeAt(siblings: Positioned[], index: number, moved: Y.Map<unknown>, lookup: (id: string) => Y.Map<unknown> | undefined): void {
  const key = positionAt(siblings, index);
  if (key !== undefined) {
    moved.set('position', key);
    return;
  }
  const order = [...siblings];
  order.splice(Math.max(0, Math.min(index, order.length)), 0, { id: '', position: '' });
  const keys = spreadPositions(order.length);
  order.forEach((item, i) => (item.id === '' ? moved : lookup(item.id))?.set('position', keys[i]));
}

function paragraphs(fragment: Y.XmlFragment, texts: readonly string[]): void {
  fragment.insert(
    fragment.length,
    texts.map((value) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(value)]);
      return paragraph;
    }),
  );
}

function textOf(value: string): Y.Text {
  return new Y.Text(value);
}

function setOf(values: readonly string[]): Y.Map<true> {
  const set = new Y.Map<true>();
  for (const value of values) set.set(value, true);
  return set;
}

function indicatorMap(plan: IndicatorPlan, position: string): Y.Map<unknown> {
  const indicator = new Y.Map<unknown>();
  indicator.set('name', textOf(plan.name));
  indicator.set('unit', plan.unit);
  indicator.set('baseline', plan.baseline);
  indicator.set('target', plan.target);
  indicator.set('position', position);
  return indicator;
}

function budgetLineMap(plan: BudgetLinePlan, position: string): Y.Map<unknown> {
  const line = new Y.Map<unknown>();
  line.set('funder', plan.funder);
  line.set('year', plan.year);
  line.set('amountCents', plan.amountCents);
  line.set('position', position);
  return line;
}

/** An empty sheet plan, for "Nouvelle fiche". */
export function emptySheetPlan(): SheetPlan {
  return { title: '', lead: null, partners: [], goals: [], description: [], expectedResults: [], indicators: [], startDate: null, endDate: null, territories: [], localPlans: [], budget: [] };
}

function sheetMap(plan: SheetPlan, axisId: string, position: string): YSheet {
  const sheet = new Y.Map<unknown>();
  sheet.set('axisId', axisId);
  sheet.set('position', position);
  sheet.set('title', textOf(plan.title));
  sheet.set('lead', plan.lead);
  sheet.set('partners', setOf(plan.partners));
  sheet.set('territories', setOf(plan.territories));
  sheet.set('localPlans', setOf(plan.localPlans));
  sheet.set('startDate', plan.startDate);
  sheet.set('endDate', plan.endDate);
  for (const field of richTextFields) {
    const fragment = new Y.XmlFragment();
    sheet.set(field, fragment);
  }
  const indicators = new Y.Map<unknown>();
  const indicatorKeys = spreadPositions(plan.indicators.length);
  plan.indicators.forEach((indicator, i) => indicators.set(newId(), indicatorMap(indicator, indicatorKeys[i]!)));
  sheet.set('indicators', indicators);
  const budget = new Y.Map<unknown>();
  const lineKeys = spreadPositions(plan.budget.length);
  plan.budget.forEach((line, i) => budget.set(newId(), budgetLineMap(line, lineKeys[i]!)));
  sheet.set('budget', budget);
  return sheet;
}

/** Fills the rich-text fields of a sheet already in the document (Y.XmlFragment needs a doc to take content). */
function fillRichText(sheet: YSheet, plan: SheetPlan): void {
  for (const field of richTextFields) {
    const fragment = nested(sheet, field, Y.XmlFragment);
    if (fragment !== undefined && plan[field].length > 0) paragraphs(fragment, plan[field]);
  }
}

function axisMap(plan: Pick<AxisPlan, 'title' | 'aim'>, position: string): YAxis {
  const axis = new Y.Map<unknown>();
  axis.set('title', textOf(plan.title));
  axis.set('aim', textOf(plan.aim));
  axis.set('position', position);
  return axis;
}

/** Adds an axis at the end (or at `index`); returns its id. */
export function addAxis(doc: Y.Doc, plan: Pick<AxisPlan, 'title' | 'aim'>, index?: number): string {
  const id = newId();
  doc.transact(() => {
    const axes = axesMap(doc);
    const siblings = positionsOf(axes);
    const axis = axisMap(plan, positionAtEnd(siblings));
    axes.set(id, axis);
    if (index !== undefined) placeAt(siblings, index, axis, (other) => axisAt(doc, other));
  }, programmeOrigin);
  return id;
}

/** Deletes an axis and its sheets. */
export function removeAxis(doc: Y.Doc, axisId: string): void {
  doc.transact(() => {
    const sheets = sheetsMap(doc);
    for (const [id, sheet] of [...sheets.entries()]) if (sheet instanceof Y.Map && sheet.get('axisId') === axisId) sheets.delete(id);
    axesMap(doc).delete(axisId);
  }, programmeOrigin);
}

/** Moves an axis to `index` in the list of axes. */
export function moveAxis(doc: Y.Doc, axisId: string, index: number): void {
  const axis = axisAt(doc, axisId);
  if (axis === undefined) return;
  doc.transact(() => placeAt(positionsOf(axesMap(doc), axisId), index, axis, (other) => axisAt(doc, other)), programmeOrigin);
}

function sheetsOfAxis(doc: Y.Doc, axisId: string, except?: string): Positioned[] {
  const items: Positioned[] = [];
  for (const [id, sheet] of sheetsMap(doc).entries()) {
    if (id === except || !(sheet instanceof Y.Map) || sheet.get('axisId') !== axisId) continue;
    const position = sheet.get('position');
    items.push({ id, position: typeof position === 'string' ? position : '' });
  }
  return items.sort(comparePositioned);
}

/** Adds a sheet at the end of an axis (or at `index` in it); returns its id. */
export function addSheet(doc: Y.Doc, axisId: string, plan: SheetPlan = emptySheetPlan(), index?: number): string {
  const id = plan.id ?? newId();
  doc.transact(() => {
    const siblings = sheetsOfAxis(doc, axisId);
    const sheet = sheetMap(plan, axisId, positionAtEnd(siblings));
    sheetsMap(doc).set(id, sheet);
    fillRichText(sheet, plan);
    if (index !== undefined) placeAt(siblings, index, sheet, (other) => sheetAt(doc, other));
  }, programmeOrigin);
  return id;
}

export function removeSheet(doc: Y.Doc, sheetId: string): void {
  doc.transact(() => sheetsMap(doc).delete(sheetId), programmeOrigin);
}

/** Moves a sheet to `index` of an axis (the same axis or another one). */
export function moveSheet(doc: Y.Doc, sheetId: string, axisId: string, index: number): void {
  const sheet = sheetAt(doc, sheetId);
  if (sheet === undefined || axisAt(doc, axisId) === undefined) return;
  doc.transact(() => {
    if (sheet.get('axisId') !== axisId) sheet.set('axisId', axisId);
    placeAt(sheetsOfAxis(doc, axisId, sheetId), index, sheet, (other) => sheetAt(doc, other));
  }, programmeOrigin);
}

/**
 * Replaces the content of a Y.Text with `value`, touching only the changed middle (common prefix
 * and suffix kept), so that a concurrent edit elsewhere in the same text survives.
 */
export function replaceText(text: Y.Text, value: string): void {
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  while (start < current.length && start < value.length && current[start] === value[start]) start++;
  let end = 0;
  while (end < current.length - start && end < value.length - start && current[current.length - 1 - end] === value[value.length - 1 - end]) end++;
  const apply = (): void => {
    text.delete(start, current.length - start - end);
    text.insert(start, value.slice(start, value.length - end));
  };
  if (text.doc === null) apply();
  else text.doc.transact(apply, programmeOrigin);
}

/** Returns the Y.Text at `key` of `parent`, replacing a damaged value with an empty text. */
export function textField(parent: Y.Map<unknown>, key: string): Y.Text {
  const value: unknown = parent.get(key);
  if (value instanceof Y.Text) return value;
  const text = new Y.Text();
  parent.set(key, text);
  return text;
}

/** Sets a plain field of a sheet: its lead structure or a date (null clears it). */
export function setSheetValue(doc: Y.Doc, sheetId: string, key: 'lead' | 'startDate' | 'endDate', value: string | null): void {
  const sheet = sheetAt(doc, sheetId);
  if (sheet === undefined || sheet.get(key) === value) return;
  doc.transact(() => sheet.set(key, value), programmeOrigin);
}

/** Adds or removes a member of a set field (partners, territories, local plans). */
export function toggleInSet(doc: Y.Doc, sheetId: string, field: SetField, value: string, present: boolean): void {
  const sheet = sheetAt(doc, sheetId);
  if (sheet === undefined) return;
  doc.transact(() => {
    const current: unknown = sheet.get(field);
    const set = current instanceof Y.Map ? (current as Y.Map<unknown>) : sheet.set(field, new Y.Map<unknown>());
    if (present) set.set(value, true);
    else set.delete(value);
  }, programmeOrigin);
}

/** A keyed child map of a sheet (indicators or budget lines), repaired when damaged. */
function childMap(sheet: YSheet, key: 'indicators' | 'budget'): Y.Map<unknown> {
  const value: unknown = sheet.get(key);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : sheet.set(key, new Y.Map<unknown>());
}

/** Adds a financing line at the end of a sheet's plan; returns its id. */
export function addBudgetLine(doc: Y.Doc, sheetId: string, plan: BudgetLinePlan): string | undefined {
  const sheet = sheetAt(doc, sheetId);
  if (sheet === undefined) return undefined;
  const id = newId();
  doc.transact(() => {
    const budget = childMap(sheet, 'budget');
    budget.set(id, budgetLineMap(plan, positionAtEnd(positionsOf(budget))));
  }, programmeOrigin);
  return id;
}

/** Changes fields of a financing line (values already checked with `budgetLineSchema`). */
export function updateBudgetLine(doc: Y.Doc, sheetId: string, lineId: string, patch: Partial<BudgetLinePlan>): void {
  const sheet = sheetAt(doc, sheetId);
  const line = sheet === undefined ? undefined : childMap(sheet, 'budget').get(lineId);
  if (!(line instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (line.get(key) !== value) line.set(key, value);
  }, programmeOrigin);
}

export function removeBudgetLine(doc: Y.Doc, sheetId: string, lineId: string): void {
  const sheet = sheetAt(doc, sheetId);
  if (sheet !== undefined) doc.transact(() => childMap(sheet, 'budget').delete(lineId), programmeOrigin);
}

/** Adds an indicator at the end of a sheet's list; returns its id. */
export function addIndicator(doc: Y.Doc, sheetId: string, plan: IndicatorPlan): string | undefined {
  const sheet = sheetAt(doc, sheetId);
  if (sheet === undefined) return undefined;
  const id = newId();
  doc.transact(() => {
    const indicators = childMap(sheet, 'indicators');
    indicators.set(id, indicatorMap(plan, positionAtEnd(positionsOf(indicators))));
  }, programmeOrigin);
  return id;
}

/** Changes the unit, baseline or target of an indicator (its name is a Y.Text: see `indicatorName`). */
export function updateIndicator(doc: Y.Doc, sheetId: string, indicatorId: string, patch: Partial<Omit<IndicatorPlan, 'name'>>): void {
  const sheet = sheetAt(doc, sheetId);
  const indicator = sheet === undefined ? undefined : childMap(sheet, 'indicators').get(indicatorId);
  if (!(indicator instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (indicator.get(key) !== value) indicator.set(key, value);
  }, programmeOrigin);
}

export function removeIndicator(doc: Y.Doc, sheetId: string, indicatorId: string): void {
  const sheet = sheetAt(doc, sheetId);
  if (sheet !== undefined) doc.transact(() => childMap(sheet, 'indicators').delete(indicatorId), programmeOrigin);
}

/** The Y.Text of an axis's title or aim, of a sheet's title, or of an indicator's name. */
export function sheetTitleText(doc: Y.Doc, sheetId: string): Y.Text | undefined {
  const sheet = sheetAt(doc, sheetId);
  return sheet === undefined ? undefined : nested(sheet, 'title', Y.Text);
}

export function axisText(doc: Y.Doc, axisId: string, key: 'title' | 'aim'): Y.Text | undefined {
  const axis = axisAt(doc, axisId);
  return axis === undefined ? undefined : nested(axis, key, Y.Text);
}

export function indicatorName(doc: Y.Doc, sheetId: string, indicatorId: string): Y.Text | undefined {
  const sheet = sheetAt(doc, sheetId);
  const indicator: unknown = sheet === undefined ? undefined : nested(sheet, 'indicators', Y.Map)?.get(indicatorId);
  return indicator instanceof Y.Map ? nested(indicator, 'name', Y.Text) : undefined;
}

export type { RichTextField };

/** Writes a whole programme (axes in order, their sheets in order) in one transaction. */
export function writeProgramme(doc: Y.Doc, plan: ProgrammePlan): void {
  doc.transact(() => {
    const axes = axesMap(doc);
    const sheets = sheetsMap(doc);
    const axisKeys = spreadPositions(plan.axes.length);
    plan.axes.forEach((axisPlan, a) => {
      const axisId = axisPlan.id ?? newId();
      axes.set(axisId, axisMap(axisPlan, axisKeys[a]!));
      const sheetKeys = spreadPositions(axisPlan.sheets.length);
      axisPlan.sheets.forEach((sheetPlan, s) => {
        const sheet = sheetMap(sheetPlan, axisId, sheetKeys[s]!);
        sheets.set(sheetPlan.id ?? newId(), sheet);
        fillRichText(sheet, sheetPlan);
      });
    });
  }, programmeOrigin);
}
