/**
 * Where the structured contract lives in the contract's `Y.Doc`, beside the rich text of its
 * sections (the `contract` fragment). Two top-level maps, keyed by id:
 *
 * - `axes`:   axisId  → Y.Map { title: Y.Text, aim: Y.Text, position: string }
 * - `sheets`: sheetId → Y.Map {
 *     axisId: string, position: string,
 *     title: Y.Text, lead: string | null (structure id),
 *     partners: Y.Map<structureId, true>, territories: Y.Map<code, true>, localPlans: Y.Map<name, true>,
 *     goals, description, expectedResults: Y.XmlFragment (rich text, edited with ProseMirror),
 *     startDate, endDate: string 'YYYY-MM-DD' | null,
 *     indicators: Y.Map<id, Y.Map { name: Y.Text, unit: string, baseline, target: number | null, position }>,
 *     budget: Y.Map<id, Y.Map { funder: string, year: number, amountCents: number, position }>,
 *   }
 *
 * Top-level maps (not one root map holding them) because two clients creating the same nested
 * map at once would each make their own, and one would vanish. Sets are maps to `true`, so that
 * adding the same partner twice at once still gives one partner. A sheet names its axis instead
 * of living inside it, so moving a sheet to another axis keeps what others are typing in it.
 */
import * as Y from 'yjs';

export const axesName = 'axes';
export const sheetsName = 'sheets';

export type RichTextField = 'goals' | 'description' | 'expectedResults';
export const richTextFields: readonly RichTextField[] = ['goals', 'description', 'expectedResults'];
export type SetField = 'partners' | 'territories' | 'localPlans';

export type YAxis = Y.Map<unknown>;
export type YSheet = Y.Map<unknown>;

export function axesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(axesName);
}

export function sheetsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(sheetsName);
}

/** A sheet's Y.Map, or undefined when it does not exist (or is not a map: bad input). */
export function sheetAt(doc: Y.Doc, sheetId: string): YSheet | undefined {
  const sheet: unknown = sheetsMap(doc).get(sheetId);
  return sheet instanceof Y.Map ? sheet : undefined;
}

export function axisAt(doc: Y.Doc, axisId: string): YAxis | undefined {
  const axis: unknown = axesMap(doc).get(axisId);
  return axis instanceof Y.Map ? axis : undefined;
}

/** A nested shared type of a sheet, when it has the expected kind. */
export function nested<T>(parent: Y.Map<unknown>, key: string, kind: abstract new (...args: never[]) => T): T | undefined {
  const value: unknown = parent.get(key);
  return value instanceof kind ? value : undefined;
}

/** A rich-text field of a sheet (goals, description, expected results). */
export function sheetRichText(doc: Y.Doc, sheetId: string, field: RichTextField): Y.XmlFragment | undefined {
  const sheet = sheetAt(doc, sheetId);
  return sheet === undefined ? undefined : nested(sheet, field, Y.XmlFragment);
}
