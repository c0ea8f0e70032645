/**
 * Metadata (workspaces, structures, documents' registry, …) in one JSON file written by lowdb
 * (atomically: temp file + rename). The file can be edited by hand, so it is checked against the
 * schema when read; an invalid file stops the start-up with a clear message and is never
 * overwritten. Yjs documents never live here (lowdb rewrites the whole file on each write).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';
import { amendmentSchema } from '../../shared/schemas/amendments';
import { commentThreadSchema } from '../../shared/schemas/comments';
import { evaluationSchema, followUpSchema } from '../../shared/schemas/follow-up';
import { notificationSchema, notificationSettingsSchema } from '../../shared/schemas/notifications';
import { roundSchema } from '../../shared/schemas/rounds';
import { clientAuthorSchema, publicationSchema, versionSchema } from '../../shared/schemas/versions';
import { affiliationSchema, invitationSchema, personSchema, sessionSchema, workspaceRoleSchema } from '../../shared/schemas/people';
import { networkSchema, structureSchema, workspaceSchema } from '../../shared/schemas/workspace';

export const documentRecordSchema = z.object({
  name: z.string(),
  workspaceId: z.string(),
  /** contract: a workspace's contract; amendment: the co-edited draft of an amendment (server/amendments). */
  kind: z.enum(['contract', 'amendment']),
  title: z.string().max(200),
  createdAt: z.iso.datetime(),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export const metadataSchema = z.object({
  schemaVersion: z.literal(1),
  workspaces: z.array(workspaceSchema),
  networks: z.array(networkSchema),
  structures: z.array(structureSchema),
  documents: z.array(documentRecordSchema),
  // Tables added after the first release default to empty, so older files still open.
  people: z.array(personSchema).default([]),
  affiliations: z.array(affiliationSchema).default([]),
  workspaceRoles: z.array(workspaceRoleSchema).default([]),
  sessions: z.array(sessionSchema).default([]),
  invitations: z.array(invitationSchema).default([]),
  /** The one-time link that creates the first coordinator account (hash only). */
  setup: z.object({ secretHash: z.string(), createdAt: z.iso.datetime(), completedAt: z.iso.datetime().nullable() }).nullable().default(null),
  /** Follow-up of each action sheet after adoption, and the steering committee's evaluations. */
  followUps: z.array(followUpSchema).default([]),
  evaluations: z.array(evaluationSchema).default([]),
  /** Deliberation: comment threads anchored to the text, amendments, consent rounds, notifications. */
  commentThreads: z.array(commentThreadSchema).default([]),
  amendments: z.array(amendmentSchema).default([]),
  rounds: z.array(roundSchema).default([]),
  notifications: z.array(notificationSchema).default([]),
  notificationSettings: z.array(notificationSettingsSchema).default([]),
  /** Versions (named, adopted, checkpoints), public links of adopted versions, and who wrote with which Yjs client id. */
  versions: z.array(versionSchema).default([]),
  publications: z.array(publicationSchema).default([]),
  clientAuthors: z.array(clientAuthorSchema).default([]),
});
export type Metadata = z.infer<typeof metadataSchema>;

export type MetadataStore = Low<Metadata>;

const emptyMetadata = (): Metadata => ({
  schemaVersion: 1,
  workspaces: [],
  networks: [],
  structures: [],
  documents: [],
  people: [],
  affiliations: [],
  workspaceRoles: [],
  sessions: [],
  invitations: [],
  setup: null,
  followUps: [],
  evaluations: [],
  commentThreads: [],
  amendments: [],
  rounds: [],
  notifications: [],
  notificationSettings: [],
  versions: [],
  publications: [],
  clientAuthors: [],
});

/** Thrown when the metadata file exists but cannot be used; the file is left untouched. */
export class InvalidMetadataError extends Error {}

/** Opens (or creates) `<dataDir>/trame.json`, checked against the schema. */
export async function openMetadataStore(dataDir: string): Promise<MetadataStore> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'trame.json');
  const adapter = new DataFile<Metadata>(path, {
    parse: (text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new InvalidMetadataError(`${path} is not valid JSON (${(error as Error).message}). Fix it or restore it from a backup.`);
      }
      const parsed = metadataSchema.safeParse(json);
      if (!parsed.success) {
        throw new InvalidMetadataError(`${path} does not match Trame's metadata schema: ${z.prettifyError(parsed.error)}\nFix it or restore it from a backup.`);
      }
      return parsed.data;
    },
    stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
  });
  const db = new Low(adapter, emptyMetadata());
  await db.read();
  return db;
}
