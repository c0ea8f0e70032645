/**
 * Versions of the contract: named states kept for ever (a version submitted to the steering
 * committee, the adopted one) and the automatic checkpoints of the live document's timeline.
 * Each version's full Yjs state is stored once, immutably, as its own document in the document
 * store (`<workspace>.version.<id>`, never served on the y-websocket endpoint); this record is
 * its metadata. The freeze, the public share links and the authorship of client ids live here too.
 */
import { z } from 'zod';
import { envelopeSchema, type Freeze } from './workspace';

/** named: by the coordination; adopted: the adopted programme (freezes the contract); checkpoint: the automatic timeline. */
export const versionKinds = ['named', 'adopted', 'checkpoint'] as const;
export type VersionKind = (typeof versionKinds)[number];

export const maxVersionNameLength = 200;
export const maxVersionCommentLength = 2000;

export const versionSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: z.enum(versionKinds),
  /** "Version soumise au comité de pilotage du 14 mars"; a checkpoint's name is generated ("Point automatique"). */
  name: z.string().max(maxVersionNameLength),
  comment: z.string().max(maxVersionCommentLength),
  createdAt: z.iso.datetime(),
  /** Null for checkpoints (taken by Trame itself). */
  createdBy: z.string().nullable(),
  createdByName: z.string(),
  /** The document store's name of the stored state (V2 full state, written once). */
  stateDocument: z.string(),
  stateBytes: z.number().int().nonnegative(),
  /** When this version was restored from another one, that version's id. */
  restoredFrom: z.string().nullable().default(null),
  /** The people (ids) whose writing this version holds since the previous checkpoint or version. */
  editors: z.array(z.string()).default([]),
  /** The programme's envelope when the version was taken (null in files from before it was kept). */
  envelope: envelopeSchema.nullable().default(null),
});
export type Version = z.infer<typeof versionSchema>;

/** The coordination's form: a name, a comment, and whether this is the adopted version. */
export const versionInputSchema = z.object({
  name: z
    .string({ error: 'Donnez un nom à la version.' })
    .trim()
    .min(1, 'Donnez un nom à la version.')
    .max(maxVersionNameLength, `Le nom est trop long (${maxVersionNameLength} caractères au plus).`),
  comment: z
    .string()
    .trim()
    .max(maxVersionCommentLength, `Le commentaire est trop long (${maxVersionCommentLength} caractères au plus).`)
    .default(''),
  /** Adopting checks the programme (budget = envelope, valid lines) and freezes the contract. */
  adopt: z.boolean().default(false),
});
export type VersionInput = z.input<typeof versionInputSchema>;

/** The freeze lives on the workspace (see workspace.ts); re-exported here with the versions. */
export { freezeSchema, type Freeze } from './workspace';

/** A public, read-only share link of an adopted version; revoking keeps the record. */
export const publicationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  versionId: z.string(),
  /** 32 random bytes, base64url: the link's only secret (it opens one version's public page). */
  token: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  revokedAt: z.iso.datetime().nullable().default(null),
  revokedBy: z.string().nullable().default(null),
});
export type Publication = z.infer<typeof publicationSchema>;

/**
 * Who wrote with a Yjs client id in a document: recorded by the server the first time a
 * connection's update carries that client id (and for the server's own writes on someone's
 * behalf). The structure is the author's at the time of writing, so credit stays historical.
 */
export const clientAuthorSchema = z.object({
  document: z.string(),
  clientId: z.number().int().nonnegative(),
  personId: z.string(),
  structureId: z.string().nullable(),
  firstSeenAt: z.iso.datetime(),
});
export type ClientAuthor = z.infer<typeof clientAuthorSchema>;

/** The live document, in diffs and exports ("now"). */
export const liveVersionId = 'live';

/** One line of `GET /api/workspaces/:id/versions`. */
export interface VersionView extends Omit<Version, 'stateDocument'> {
  /** True for the version that currently freezes the contract. */
  isFreezing: boolean;
  /** The active public link of this version, if published (`path` is `/p/<token>` on this server). */
  publication: { id: string; path: string; createdAt: string } | null;
}

/** `GET /api/workspaces/:id/versions`. */
export interface VersionsView {
  versions: VersionView[];
  freeze: Freeze | null;
}

export const exportFormats = ['docx', 'odt', 'pdf', 'md', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatLabels: Record<ExportFormat, string> = {
  docx: 'Word (DOCX)',
  odt: 'OpenDocument (ODT)',
  pdf: 'PDF',
  md: 'Markdown',
  html: 'Page HTML autonome',
};
