/**
 * Amendments (*amendements*): a proposed change to a section of the contract, to one rich-text
 * field of an action sheet, or a new action sheet. The proposal's text is its own small Yjs
 * document (`draftDocument`), co-edited by its authors and cosigners; the record here keeps what
 * the server decides on: the target, the text it was written against (`base`, to diff and to
 * detect changes made since), who signs it, its state and history, and the decision with what it
 * replaced (so that an acceptance can be undone while nobody has edited the passage since).
 */
import { z } from 'zod';

export const amendmentStates = ['draft', 'submitted', 'discussion', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentState = (typeof amendmentStates)[number];

/** French names of the states (the UI translates them). */
export const amendmentStateLabels: Record<AmendmentState, string> = {
  draft: 'Brouillon',
  submitted: 'Déposé',
  discussion: 'En discussion',
  accepted: 'Accepté',
  rejected: 'Rejeté',
  withdrawn: 'Retiré',
};

/** States in which the draft may still change, be signed, accepted or rejected. */
export const openAmendmentStates: readonly AmendmentState[] = ['draft', 'submitted', 'discussion'];
export const isOpenAmendment = (state: AmendmentState): boolean => openAmendmentStates.includes(state);

export const sheetFields = ['goals', 'description', 'expectedResults'] as const;

export const amendmentTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('section'),
    /** The heading's text when the amendment was proposed (shown, and used if the anchor is lost). */
    heading: z.string().max(500),
    /** Yjs relative position of the heading in the contract fragment (base64): finds it even renamed. */
    anchor: z.string().max(2000),
  }),
  z.object({ kind: z.literal('sheet-field'), sheetId: z.string().max(64), field: z.enum(sheetFields) }),
  z.object({ kind: z.literal('new-sheet'), axisId: z.string().max(64) }),
]);
export type AmendmentTarget = z.infer<typeof amendmentTargetSchema>;

export const amendmentAuthorSchema = z.object({
  personId: z.string(),
  name: z.string(),
  structureId: z.string().nullable(),
  structureName: z.string().nullable(),
  role: z.enum(['author', 'cosigner']),
  at: z.iso.datetime(),
});
export type AmendmentAuthor = z.infer<typeof amendmentAuthorSchema>;

/** A block of rich text as plain JSON (a Y.XmlElement's name, attributes and children). */
export type BlockJson = { type: string; attrs?: Record<string, unknown>; content?: BlockJson[] } | { text: { insert: string; attributes?: Record<string, unknown> }[] };
const blockJsonSchema: z.ZodType<BlockJson> = z.lazy(() =>
  z.union([
    z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional(), content: z.array(blockJsonSchema).optional() }),
    z.object({ text: z.array(z.object({ insert: z.string(), attributes: z.record(z.string(), z.unknown()).optional() })) }),
  ]),
);

/** What an acceptance changed, to undo it while the passage is as it was left. */
export const appliedChangeSchema = z.object({
  /** The target's blocks before the acceptance, and as the acceptance left them. */
  previousBlocks: z.array(blockJsonSchema),
  appliedBlocks: z.array(blockJsonSchema),
  /** For a new sheet: the sheet created. */
  sheetId: z.string().nullable().default(null),
});
export type AppliedChange = z.infer<typeof appliedChangeSchema>;

export const amendmentDecisionSchema = z.object({
  outcome: z.enum(['accepted', 'rejected']),
  by: z.string(),
  byName: z.string(),
  at: z.iso.datetime(),
  reason: z.string().max(5000),
  /** How the change was applied ("unchanged": directly, "rebased": onto a text changed since). */
  merge: z.enum(['unchanged', 'rebased']).nullable().default(null),
  applied: appliedChangeSchema.nullable().default(null),
});
export type AmendmentDecision = z.infer<typeof amendmentDecisionSchema>;

export const amendmentEventSchema = z.object({
  at: z.iso.datetime(),
  by: z.string(),
  byName: z.string(),
  /** proposed, cosigned, submitted, discussion, withdrawn, accepted, rejected, reverted, rebased, edited. */
  event: z.string(),
  from: z.enum(amendmentStates).nullable(),
  to: z.enum(amendmentStates),
  note: z.string().max(20000).default(''),
});
export type AmendmentEvent = z.infer<typeof amendmentEventSchema>;

export const amendmentSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  number: z.number().int().positive(),
  title: z.string().max(200),
  motive: z.string().max(10000),
  target: amendmentTargetSchema,
  state: z.enum(amendmentStates),
  draftDocument: z.string(),
  /** The target's text when the amendment was proposed (or last re-based): plain text per block. */
  base: z.array(z.string()),
  authors: z.array(amendmentAuthorSchema),
  decision: amendmentDecisionSchema.nullable(),
  history: z.array(amendmentEventSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

const title = z.string().trim().min(1, 'Donnez un titre à l’amendement.').max(200, 'Le titre tient en 200 caractères au plus.');
const motive = z.string().trim().max(10000, 'L’exposé des motifs tient en 10 000 caractères au plus.');

/** What the proposal form sends: for a section, the heading's index among the contract's blocks. */
export const proposeInputSchema = z.object({
  title,
  motive,
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('section'), blockIndex: z.number().int().min(0).max(100000), heading: z.string().max(500) }),
    z.object({ kind: z.literal('sheet-field'), sheetId: z.string().max(64), field: z.enum(sheetFields, 'Choisissez le champ de la fiche.') }),
    z.object({ kind: z.literal('new-sheet'), axisId: z.string().max(64) }),
  ]),
});
export type ProposeInput = z.infer<typeof proposeInputSchema>;

export const editInputSchema = z.object({ title, motive });
export type EditInput = z.infer<typeof editInputSchema>;

export const acceptInputSchema = z.object({ reason: z.string().trim().max(5000, 'La note tient en 5 000 caractères au plus.').default('') });

export const rejectInputSchema = z.object({
  reason: z.string().trim().min(1, 'Donnez la raison du rejet : elle est communiquée aux auteurs.').max(5000, 'La raison tient en 5 000 caractères au plus.'),
});
