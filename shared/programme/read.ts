/**
 * Reads the structured contract out of a `Y.Doc` into plain, numbered, checked data. Whatever a
 * client wrote (a string where an amount belongs, a deleted title, a map where a text belongs),
 * reading never throws: a field that is not what it should be is read as empty and reported as a
 * problem, and its budget line is left out of the totals (see `consolidate`). The server runs it
 * after each update; the client runs it to draw the outline, the sheets and the live totals.
 */
import * as Y from 'yjs';
import { validateLine, type InvalidLineReason, type RawBudgetLine } from '../budget/consolidate';
import { budgetYearSchema, funderSchema, isoDateSchema, sheetDatesSchema } from './fields';
import { axesMap, sheetsMap } from './layout';
import { comparePositioned } from './order';
import { isTerritoryCode } from './territories';

export interface IndicatorView {
  id: string;
  position: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
}

export interface BudgetLineView {
  id: string;
  position: string;
  /** As found: the typed value when valid, null when missing or of the wrong type. */
  funder: string | null;
  year: number | null;
  amountCents: number | null;
  /** Why this line is left out of the totals, when it is. */
  invalid: InvalidLineReason | null;
}

export interface SheetView {
  id: string;
  axisId: string;
  position: string;
  /** "2.3": axis number, then rank in the axis. "?.1" for a sheet whose axis was deleted. */
  number: string;
  title: string;
  lead: string | null;
  partners: string[];
  territories: string[];
  localPlans: string[];
  startDate: string | null;
  endDate: string | null;
  indicators: IndicatorView[];
  budget: BudgetLineView[];
}

export interface AxisView {
  id: string;
  position: string;
  number: number;
  title: string;
  aim: string;
  sheets: SheetView[];
}

export type ProblemCode =
  | 'axis-missing'
  | 'title-missing'
  | 'lead-missing'
  | 'lead-not-member'
  | 'dates-invalid'
  | 'date-invalid'
  | 'field-damaged'
  | InvalidLineReason;

/** Something wrong in the structured contract, located as precisely as possible. */
export interface ProgrammeProblem {
  code: ProblemCode;
  /** French sentence for people. */
  message: string;
  axisId?: string;
  sheetId?: string;
  lineId?: string;
  indicatorId?: string;
  /** The field at fault: 'title', 'lead', 'endDate', 'budget', … */
  field: string;
}

export interface ProgrammeView {
  axes: AxisView[];
  /** Sheets whose axis no longer exists (it was deleted while someone moved a sheet into it). */
  orphans: SheetView[];
  sheets: Map<string, SheetView>;
  /** Every financing line, for `consolidate`. */
  lines: RawBudgetLine[];
  problems: ProgrammeProblem[];
}

export interface ReadOptions {
  /** The workspace's member structures; without it, lead structures are not checked. */
  memberStructureIds?: ReadonlySet<string>;
}

export const lineProblemMessages: Record<InvalidLineReason, string> = {
  'amount-not-integer': 'Le montant n’est pas un nombre de centimes : la ligne est exclue des totaux.',
  'amount-negative': 'Le montant est négatif : la ligne est exclue des totaux.',
  'amount-too-large': 'Le montant dépasse 10 milliards d’euros : la ligne est exclue des totaux.',
  'funder-missing': 'Le financeur manque : la ligne est exclue des totaux.',
  'year-invalid': 'L’année manque ou n’est pas valide : la ligne est exclue des totaux.',
};

function text(map: Y.Map<unknown>, key: string): string | undefined {
  const value = map.get(key);
  if (value instanceof Y.Text) return value.toString();
  if (value === undefined || value === null) return '';
  return undefined;
}

function position(map: Y.Map<unknown>): string {
  const value = map.get('position');
  return typeof value === 'string' ? value : '';
}

function setMembers(map: Y.Map<unknown>, key: string): string[] | undefined {
  const value = map.get(key);
  if (value === undefined) return [];
  if (!(value instanceof Y.Map)) return undefined;
  return [...value.keys()].filter((member) => value.get(member) === true).sort();
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Reads and checks the whole structured contract. */
export function readProgramme(doc: Y.Doc, options: ReadOptions = {}): ProgrammeView {
  const problems: ProgrammeProblem[] = [];
  const axes: AxisView[] = [];
  for (const [id, axis] of axesMap(doc).entries()) {
    if (!(axis instanceof Y.Map)) continue;
    const title = text(axis, 'title');
    const aim = text(axis, 'aim');
    if (title === undefined || aim === undefined) problems.push({ code: 'field-damaged', message: 'Un champ de cet axe est endommagé : il est lu comme vide.', axisId: id, field: title === undefined ? 'title' : 'aim' });
    axes.push({ id, position: position(axis), number: 0, title: title ?? '', aim: aim ?? '', sheets: [] });
  }
  axes.sort(comparePositioned);
  const axisById = new Map(axes.map((axis, index) => [axis.id, Object.assign(axis, { number: index + 1 })]));

  const sheets = new Map<string, SheetView>();
  const orphans: SheetView[] = [];
  for (const [id, sheet] of sheetsMap(doc).entries()) {
    if (!(sheet instanceof Y.Map)) continue;
    const view = readSheet(id, sheet, problems, options);
    sheets.set(id, view);
    const axis = axisById.get(view.axisId);
    if (axis === undefined) {
      orphans.push(view);
      problems.push({ code: 'axis-missing', message: 'L’axe de cette fiche a été supprimé : rattachez-la à un axe.', sheetId: id, field: 'axisId' });
    } else axis.sheets.push(view);
  }
  for (const axis of axes) {
    axis.sheets.sort(comparePositioned);
    axis.sheets.forEach((sheet, index) => (sheet.number = `${axis.number}.${index + 1}`));
  }
  orphans.sort(comparePositioned);
  orphans.forEach((sheet, index) => (sheet.number = `?.${index + 1}`));

  const lines: RawBudgetLine[] = [];
  for (const sheet of [...axes.flatMap((axis) => axis.sheets), ...orphans]) {
    for (const line of sheet.budget) {
      lines.push({ lineId: line.id, sheetId: sheet.id, axisId: sheet.axisId, funder: line.funder, year: line.year, amountCents: line.amountCents });
      if (line.invalid !== null) problems.push({ code: line.invalid, message: lineProblemMessages[line.invalid], sheetId: sheet.id, lineId: line.id, field: 'budget' });
    }
  }
  return { axes, orphans, sheets, lines, problems };
}

function readSheet(id: string, sheet: Y.Map<unknown>, problems: ProgrammeProblem[], options: ReadOptions): SheetView {
  const damaged = (field: string): void => {
    problems.push({ code: 'field-damaged', message: 'Ce champ de la fiche est endommagé : il est lu comme vide.', sheetId: id, field });
  };
  const axisId = sheet.get('axisId');
  const title = text(sheet, 'title');
  if (title === undefined) damaged('title');
  else if (title.trim() === '') problems.push({ code: 'title-missing', message: 'La fiche n’a pas de titre.', sheetId: id, field: 'title' });

  const leadValue = sheet.get('lead');
  let lead: string | null = null;
  if (typeof leadValue === 'string' && leadValue !== '') lead = leadValue;
  else if (leadValue !== undefined && leadValue !== null && leadValue !== '') damaged('lead');
  if (lead === null) problems.push({ code: 'lead-missing', message: 'Aucune structure porteuse n’est désignée.', sheetId: id, field: 'lead' });
  else if (options.memberStructureIds !== undefined && !options.memberStructureIds.has(lead)) {
    problems.push({ code: 'lead-not-member', message: 'La structure porteuse n’est pas membre de l’espace de travail.', sheetId: id, field: 'lead' });
  }

  const sets = { partners: setMembers(sheet, 'partners'), territories: setMembers(sheet, 'territories'), localPlans: setMembers(sheet, 'localPlans') };
  for (const [field, members] of Object.entries(sets)) if (members === undefined) damaged(field);

  const dates = { startDate: readDate(sheet, 'startDate'), endDate: readDate(sheet, 'endDate') };
  for (const field of ['startDate', 'endDate'] as const) {
    if (dates[field] === undefined) problems.push({ code: 'date-invalid', message: 'Cette date n’est pas valide : elle est ignorée.', sheetId: id, field });
  }
  const startDate = dates.startDate ?? null;
  const endDate = dates.endDate ?? null;
  if (!sheetDatesSchema.safeParse({ startDate, endDate }).success) {
    problems.push({ code: 'dates-invalid', message: 'La date de fin précède la date de début.', sheetId: id, field: 'endDate' });
  }

  const indicators: IndicatorView[] = [];
  const indicatorsMap = sheet.get('indicators');
  if (indicatorsMap instanceof Y.Map) {
    for (const [indicatorId, indicator] of indicatorsMap.entries()) {
      if (!(indicator instanceof Y.Map)) continue;
      const name = text(indicator, 'name');
      const unit = indicator.get('unit');
      if (name === undefined) problems.push({ code: 'field-damaged', message: 'Le nom de cet indicateur est endommagé.', sheetId: id, indicatorId, field: 'indicators' });
      indicators.push({
        id: indicatorId,
        position: position(indicator),
        name: name ?? '',
        unit: typeof unit === 'string' ? unit : '',
        baseline: numberOrNull(indicator.get('baseline')),
        target: numberOrNull(indicator.get('target')),
      });
    }
    indicators.sort(comparePositioned);
  } else if (indicatorsMap !== undefined) damaged('indicators');

  const budget: BudgetLineView[] = [];
  const budgetMap = sheet.get('budget');
  if (budgetMap instanceof Y.Map) {
    for (const [lineId, line] of budgetMap.entries()) {
      if (!(line instanceof Y.Map)) {
        budget.push({ id: lineId, position: '', funder: null, year: null, amountCents: null, invalid: 'amount-not-integer' });
        continue;
      }
      const funder: unknown = line.get('funder');
      const year: unknown = line.get('year');
      const amountCents: unknown = line.get('amountCents');
      const invalid = validateLine({ lineId, sheetId: id, axisId: '', funder, year, amountCents }) ?? null;
      budget.push({
        id: lineId,
        position: position(line),
        funder: funderSchema.safeParse(funder).success ? (funder as string) : null,
        year: budgetYearSchema.safeParse(year).success ? (year as number) : null,
        amountCents: typeof amountCents === 'number' && Number.isFinite(amountCents) ? amountCents : null,
        invalid,
      });
    }
    budget.sort(comparePositioned);
  } else if (budgetMap !== undefined) damaged('budget');

  return {
    id,
    axisId: typeof axisId === 'string' ? axisId : '',
    position: position(sheet),
    number: '',
    title: title ?? '',
    lead,
    partners: sets.partners ?? [],
    territories: (sets.territories ?? []).filter(isTerritoryCode),
    localPlans: sets.localPlans ?? [],
    startDate,
    endDate,
    indicators,
    budget,
  };
}

/** A date field: null when empty, undefined when present but not a valid date. */
function readDate(sheet: Y.Map<unknown>, key: string): string | null | undefined {
  const value = sheet.get(key);
  if (value === undefined || value === null || value === '') return null;
  return isoDateSchema.safeParse(value).success ? (value as string) : undefined;
}

/** Every sheet in reading order (axis by axis, orphans last). */
export function sheetsInOrder(programme: ProgrammeView): SheetView[] {
  return [...programme.axes.flatMap((axis) => axis.sheets), ...programme.orphans];
}
