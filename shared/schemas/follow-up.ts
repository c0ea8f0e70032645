/**
 * Follow-up after adoption (*suivi de réalisation*) and the steering committee's evaluations:
 * stored by the server (not in the contract's Yjs document, which is frozen at adoption and which
 * partners may not write), sent over `/api`, announced live on Socket.IO. Inputs are checked by
 * these schemas in the browser's forms and by the server's routes alike.
 */
import { z } from 'zod';
import { amountCentsSchema, funderSchema, isoDateSchema } from '../programme/fields';

export const realisationStatuses = ['not-started', 'in-progress', 'done', 'abandoned'] as const;
export type RealisationStatus = (typeof realisationStatuses)[number];
export const realisationStatusSchema = z.enum(realisationStatuses, { error: 'Choisissez un état de réalisation.' });
export const realisationStatusLabels: Record<RealisationStatus, string> = {
  'not-started': 'Non commencée',
  'in-progress': 'En cours',
  done: 'Réalisée',
  abandoned: 'Abandonnée',
};

export const assessments = ['satisfactory', 'to-watch', 'unsatisfactory'] as const;
export type Assessment = (typeof assessments)[number];
export const assessmentLabels: Record<Assessment, string> = {
  satisfactory: 'Satisfaisante',
  'to-watch': 'À surveiller',
  unsatisfactory: 'Insuffisante',
};

const longText = (label: string, max: number) =>
  z.string({ error: `${label} est requis.` }).trim().max(max, { error: `${label} dépasse ${max.toLocaleString('fr-FR')} caractères.` });

/** A period of evaluation: a year ("2012") or a half-year ("2012-S1"). */
export const periodSchema = z.string({ error: 'Indiquez la période évaluée.' }).regex(/^(20\d{2}|2100)(-S[12])?$/, { error: 'Indiquez une année (2012) ou un semestre (2012-S1).' });

export const statusInputSchema = z.object({ status: realisationStatusSchema });

export const progressReportInputSchema = z.object({
  date: isoDateSchema,
  text: longText('Le compte rendu', 10_000).min(1, { error: 'Décrivez l’avancement.' }),
});
export type ProgressReportInput = z.infer<typeof progressReportInputSchema>;

export const indicatorActualInputSchema = z.object({
  indicatorId: z.string().min(1).max(64),
  date: isoDateSchema,
  value: z.number({ error: 'Saisissez un nombre, par exemple 12 ou 12,5.' }).finite().nonnegative({ error: 'Une valeur d’indicateur ne peut pas être négative.' }),
});
export type IndicatorActualInput = z.infer<typeof indicatorActualInputSchema>;

/** Committed and spent amounts of one funder for one action (replaces the previous figures). */
export const financeInputSchema = z.object({ funder: funderSchema, committedCents: amountCentsSchema, spentCents: amountCentsSchema });
export type FinanceInput = z.infer<typeof financeInputSchema>;

export const evaluationInputSchema = z.object({
  period: periodSchema,
  assessment: z.enum(assessments, { error: 'Choisissez une appréciation.' }),
  comment: longText('L’appréciation', 10_000).min(1, { error: 'Rédigez l’appréciation.' }),
  recommendation: longText('La recommandation', 10_000),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

const author = { authorId: z.string(), authorName: z.string(), structureName: z.string().nullable() };

export const progressReportSchema = z.object({ id: z.string(), ...progressReportInputSchema.shape, ...author, createdAt: z.iso.datetime() });
export type ProgressReport = z.infer<typeof progressReportSchema>;

export const indicatorActualSchema = z.object({ id: z.string(), ...indicatorActualInputSchema.shape, ...author, createdAt: z.iso.datetime() });
export type IndicatorActual = z.infer<typeof indicatorActualSchema>;

export const financeRecordSchema = z.object({ ...financeInputSchema.shape, updatedAt: z.iso.datetime(), updatedBy: z.string() });
export type FinanceRecord = z.infer<typeof financeRecordSchema>;

/** Everything followed for one action sheet. */
export const followUpSchema = z.object({
  workspaceId: z.string(),
  sheetId: z.string(),
  status: realisationStatusSchema,
  statusChangedAt: z.iso.datetime().nullable(),
  /** Who last changed the status (display name); absent from records written before it was kept. */
  statusChangedByName: z.string().nullable().optional(),
  reports: z.array(progressReportSchema),
  actuals: z.array(indicatorActualSchema),
  finances: z.array(financeRecordSchema),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** One state of an evaluation: the first, then each correction (all kept). */
export const evaluationRevisionSchema = z.object({ ...evaluationInputSchema.shape, ...author, recordedAt: z.iso.datetime() });
export type EvaluationRevision = z.infer<typeof evaluationRevisionSchema>;

/** The steering committee's evaluation of one action for one period, with its history (oldest first; the last is current). */
export const evaluationSchema = z.object({ id: z.string(), workspaceId: z.string(), sheetId: z.string(), period: periodSchema, revisions: z.array(evaluationRevisionSchema).min(1) });
export type Evaluation = z.infer<typeof evaluationSchema>;

/** The adoption of the programme: after it, actions are followed. */
export const adoptionSchema = z.object({ adoptedAt: z.iso.datetime(), adoptedBy: z.string(), adoptedByName: z.string() });
export type Adoption = z.infer<typeof adoptionSchema>;

/** `GET /api/workspaces/:id/follow-up`: the whole follow-up of a workspace. */
export interface FollowUpView {
  adoption: Adoption | null;
  followUps: FollowUp[];
  evaluations: Evaluation[];
}
