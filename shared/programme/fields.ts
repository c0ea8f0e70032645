/**
 * The rules for an action sheet's fields, as zod schemas with French messages. The same schemas
 * check a form field in the browser (before anything is written to the document), the server's
 * API, and the server's reading of the document after each update.
 */
import { z } from 'zod';
import { maxLineCents } from '../budget/consolidate';

export const maxTitleLength = 300;
export const maxFunderLength = 160;
export const maxShortTextLength = 160;
export const minBudgetYear = 2000;
export const maxBudgetYear = 2100;

/** An amount in integer cents, never negative, at most 10 billion euros. */
export const amountCentsSchema = z
  .number({ error: 'Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.' })
  .int({ error: 'Un montant se compte en centimes entiers.' })
  .nonnegative({ error: 'Le montant ne peut pas être négatif.' })
  .max(maxLineCents, { error: 'Montant trop élevé : au plus 10 milliards d’euros par ligne.' });

export const budgetYearSchema = z
  .number({ error: 'Indiquez l’année (par exemple 2012).' })
  .int({ error: 'Indiquez l’année (par exemple 2012).' })
  .min(minBudgetYear, { error: `L’année doit être comprise entre ${minBudgetYear} et ${maxBudgetYear}.` })
  .max(maxBudgetYear, { error: `L’année doit être comprise entre ${minBudgetYear} et ${maxBudgetYear}.` });

export const funderSchema = z
  .string({ error: 'Indiquez le financeur.' })
  .trim()
  .min(1, { error: 'Indiquez le financeur.' })
  .max(maxFunderLength, { error: `Le nom du financeur dépasse ${maxFunderLength} caractères.` });

/** One financing line: a funder, a year, an amount. */
export const budgetLineSchema = z.object({ funder: funderSchema, year: budgetYearSchema, amountCents: amountCentsSchema });
export type BudgetLineInput = z.infer<typeof budgetLineSchema>;

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const isoDateSchema = z
  .string({ error: 'Indiquez une date.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Indiquez une date au format jj/mm/aaaa.' })
  .refine((value) => isRealDate(value), { error: 'Cette date n’existe pas.' });

/** Start and end of an action: either may be empty while the sheet is drafted; end never before start. */
export const sheetDatesSchema = z
  .object({ startDate: isoDateSchema.nullable(), endDate: isoDateSchema.nullable() })
  .refine(({ startDate, endDate }) => startDate === null || endDate === null || endDate >= startDate, {
    error: 'La date de fin précède la date de début.',
    path: ['endDate'],
  });

export const sheetTitleSchema = z
  .string({ error: 'Donnez un titre à la fiche.' })
  .trim()
  .min(1, { error: 'Donnez un titre à la fiche.' })
  .max(maxTitleLength, { error: `Le titre dépasse ${maxTitleLength} caractères.` });

const indicatorNumber = z
  .number({ error: 'Saisissez un nombre, par exemple 12 ou 12,5.' })
  .finite({ error: 'Saisissez un nombre, par exemple 12 ou 12,5.' })
  .nonnegative({ error: 'Une valeur d’indicateur ne peut pas être négative.' })
  .nullable();

/** An indicator: what is measured, in which unit, from which baseline to which target. */
export const indicatorSchema = z.object({
  name: z.string().trim().min(1, { error: 'Nommez l’indicateur.' }).max(maxShortTextLength, { error: `Le nom dépasse ${maxShortTextLength} caractères.` }),
  unit: z.string().trim().max(40, { error: 'L’unité dépasse 40 caractères.' }),
  baseline: indicatorNumber,
  target: indicatorNumber,
});
export type IndicatorInput = z.infer<typeof indicatorSchema>;

/** The lead structure must be one of the workspace's member structures. */
export function leadStructureSchema(memberStructureIds: ReadonlySet<string>) {
  return z
    .string({ error: 'Choisissez la structure porteuse.' })
    .refine((id) => memberStructureIds.has(id), { error: 'Cette structure n’est pas membre de l’espace de travail.' });
}

/** The first French message of a failed parse (for a form field). */
export function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Valeur invalide.';
}

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads an amount typed by a person, in euros, the French way: "12 500", "12 500,50", "12500.5",
 * "12 500 €" (spaces, narrow no-break spaces and the euro sign are ignored). Returns integer cents,
 * or a French message saying what to type instead.
 */
export function parseEurosInput(text: string): { ok: true; cents: number } | { ok: false; message: string } {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^\+/, '');
  if (cleaned === '') return { ok: false, message: 'Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.' };
  if (cleaned.startsWith('-')) return { ok: false, message: 'Le montant ne peut pas être négatif.' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (match === null) return { ok: false, message: 'Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.' };
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: 'Au plus deux décimales : un montant se compte au centime près.' };
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  if (whole.length > 11) return { ok: false, message: 'Montant trop élevé : au plus 10 milliards d’euros par ligne.' };
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  const checked = amountCentsSchema.safeParse(cents);
  return checked.success ? { ok: true, cents } : { ok: false, message: firstMessage(checked.error) };
}

/** Reads a number typed the French way ("12,5"), for indicators; empty gives null. */
export function parseDecimalInput(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false, message: 'Saisissez un nombre, par exemple 12 ou 12,5.' };
  const checked = indicatorNumber.safeParse(Number(cleaned));
  return checked.success ? { ok: true, value: checked.data } : { ok: false, message: firstMessage(checked.error) };
}
