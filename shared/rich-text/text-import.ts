/**
 * The text import's wire shapes, shared by the server's routes and the import page: the preview
 * sent back after an upload, where the text goes (`applyImportInputSchema`), and the answer.
 */
import { z } from 'zod';
import type { RichTextJson } from './markdown';

export const importFormats = ['md', 'docx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Files the import accepts, for the file input's `accept`. */
export const importAccept = '.md,.markdown,.txt,.docx';
/** Largest file accepted (bytes); the server is the authority, the page checks it first. */
export const maxImportFileBytes = 20 * 1024 * 1024;

/** The format of a file from its name (undefined: not one the import reads). */
export function formatOfFileName(name: string): ImportFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (extension === 'docx') return 'docx';
  if (extension === 'md' || extension === 'markdown' || extension === 'txt') return 'md';
  return undefined;
}

export interface ImportStats {
  headings: number;
  paragraphs: number;
  lists: number;
  tables: number;
  words: number;
}

/** `POST /api/workspaces/:ws/text-imports` → 201. */
export interface ImportPreview {
  previewId: string;
  fileName: string;
  format: ImportFormat;
  stats: ImportStats;
  warnings: string[];
  /** The text as it would be imported (ProseMirror JSON, contract schema). */
  doc: RichTextJson;
  /** When the preview is forgotten (ISO date). */
  expiresAt: string;
}

export const sectionPositionSchema = z.union([
  z.literal('start'),
  z.literal('end'),
  z.object({ afterHeading: z.string().trim().min(1, { error: 'Choisissez une section.' }).max(1000) }),
]);

export const applyImportInputSchema = z.object({
  target: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('section'), position: sectionPositionSchema }),
      z.object({
        kind: z.literal('workspace'),
        name: z
          .string({ error: 'Donnez un nom au nouvel espace de travail.' })
          .trim()
          .min(1, { error: 'Donnez un nom au nouvel espace de travail.' })
          .max(200, { error: 'Le nom est limité à 200 caractères.' }),
      }),
    ],
    { error: 'Choisissez où importer le texte.' },
  ),
});
export type ApplyImportInput = z.infer<typeof applyImportInputSchema>;

/** `POST /api/workspaces/:ws/text-imports/:previewId/apply` → 200 (section) or 201 (workspace). */
export interface ImportApplied {
  kind: 'section' | 'workspace';
  /** The workspace whose contract received the text (the new one for `workspace`). */
  workspaceId: string;
  workspaceName: string;
  /** Top-level blocks written. */
  blocks: number;
  /** Where to see the text (the contract page). */
  path: string;
}
