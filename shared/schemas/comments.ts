/**
 * Comments anchored to the contract's text: what the server stores (one record per thread, in
 * the metadata store, never inside the Yjs document, so that permissions and moderation hold),
 * what it sends, and the input schemas that the client's composer and the server's routes share.
 *
 * An anchor names where the passage is: which rich text (the contract's sections, or one field of
 * an action sheet) and two Yjs relative positions (base64 of `Y.encodeRelativePosition`), which
 * follow the words while others type. Its `quote` is the passage as it read when the thread was
 * opened: it is what a thread on a deleted passage still shows.
 */
import { z } from 'zod';

export const commentBodyMaxChars = 10_000;
export const quoteMaxChars = 1_000;
export const moderationReasonMaxChars = 500;
/** Base64 of an encoded relative position: a few dozen bytes; 200 leaves room for long client ids. */
const relativePositionMaxChars = 200;

export const sheetRichTextFields = ['goals', 'description', 'expectedResults'] as const;

const idSchema = z.string({ error: 'Identifiant manquant.' }).min(1, 'Identifiant manquant.').max(64, 'Identifiant trop long.');

export const anchorTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('contract') }),
    z.object({ kind: z.literal('sheet'), sheetId: idSchema, field: z.enum(sheetRichTextFields, { error: 'Champ de fiche inconnu.' }) }),
  ],
  { error: 'Ce passage n’existe pas (ou plus) dans le contrat.' },
);
export type AnchorTarget = z.infer<typeof anchorTargetSchema>;

const relativePositionSchema = z
  .string({ error: 'Position de passage manquante.' })
  .min(1, 'Position de passage manquante.')
  .max(relativePositionMaxChars, 'Position de passage invalide.')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Position de passage invalide.');

export const commentAnchorSchema = z.object({
  target: anchorTargetSchema,
  start: relativePositionSchema,
  end: relativePositionSchema,
  quote: z.string().max(quoteMaxChars),
});
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

const mentionsSchema = z.object({
  people: z.array(idSchema).max(50, 'Trop de mentions (50 au plus).').default([]),
  structures: z.array(idSchema).max(50, 'Trop de mentions (50 au plus).').default([]),
});
export type CommentMentions = z.infer<typeof mentionsSchema>;

/** Moderation: a facilitator hid it, saying why (kept in the audit log too). */
const hiddenSchema = z.object({ reason: z.string().max(moderationReasonMaxChars), byId: z.string(), byName: z.string(), at: z.iso.datetime() });
export type Hidden = z.infer<typeof hiddenSchema>;

export const commentSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  structureId: z.string().nullable(),
  structureName: z.string().nullable(),
  /** Plain text, never HTML: the UI binds it as text and exports escape it. Empty once deleted. */
  body: z.string().max(commentBodyMaxChars),
  mentions: mentionsSchema,
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  /** A deleted comment stays in its thread as « commentaire supprimé », so replies keep their sense. */
  deletedAt: z.iso.datetime().nullable(),
  hidden: hiddenSchema.nullable().default(null),
});
export type Comment = z.infer<typeof commentSchema>;

export const threadStatuses = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

export const commentThreadSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  anchor: commentAnchorSchema,
  status: z.enum(threadStatuses),
  /** Who resolved or reopened it last, and when (null while never changed). */
  statusBy: z.object({ id: z.string(), name: z.string(), at: z.iso.datetime() }).nullable().default(null),
  hidden: hiddenSchema.nullable().default(null),
  comments: z.array(commentSchema).min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

/** A comment's text as typed: trimmed, not empty, at most 10,000 characters. */
export const commentBodySchema = z
  .string({ error: 'Écrivez votre commentaire.' })
  .max(commentBodyMaxChars, 'Un commentaire fait au plus 10\u202f000 caractères.')
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, 'Écrivez votre commentaire.');

const wireObject = { error: 'Le contenu envoyé doit être un objet JSON.' } as const;

export const createThreadInputSchema = z.object(
  {
    anchor: commentAnchorSchema.extend({ quote: z.string().max(quoteMaxChars * 10).default('') }),
    body: commentBodySchema,
    mentions: mentionsSchema.default({ people: [], structures: [] }),
  },
  wireObject,
);
export type CreateThreadInput = z.input<typeof createThreadInputSchema>;

export const replyInputSchema = z.object({ body: commentBodySchema, mentions: mentionsSchema.default({ people: [], structures: [] }) }, wireObject);
export type ReplyInput = z.input<typeof replyInputSchema>;

export const editCommentInputSchema = replyInputSchema;
export type EditCommentInput = ReplyInput;

export const threadStatusInputSchema = z.object({ status: z.enum(threadStatuses, { error: 'Statut inconnu : « open » ou « resolved ».' }) }, wireObject);

export const hideInputSchema = z.object(
  {
    reason: z
      .string({ error: 'Indiquez la raison du masquage.' })
      .max(moderationReasonMaxChars, `La raison fait au plus ${moderationReasonMaxChars} caractères.`)
      .transform((text) => text.trim())
      .refine((text) => text.length > 0, 'Indiquez la raison du masquage.'),
  },
  wireObject,
);
export type HideInput = z.input<typeof hideInputSchema>;

/** French message of the anchor refusal, shared by the server and the composer. */
export const unknownPassageMessage = 'Ce passage n’existe pas (ou plus) dans le contrat.';
