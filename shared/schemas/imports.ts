/** The member import: its CSV columns, limits, and the validation report shown before writing. */
export const importLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxLines: 5000,
  maxFieldLength: 300,
} as const;

/** Columns of the import file; the first two are required. Headers match without case or accents. */
export const importColumns = ['structure', 'reseau', 'ville', 'departement', 'email', 'nom', 'role', 'representant'] as const;
export type ImportColumn = (typeof importColumns)[number];

export interface ImportLineReport {
  /** Line number in the file (the header is line 1). */
  line: number;
  structure: string;
  email: string | null;
  status: 'ok' | 'warning' | 'error';
  messages: string[];
}

export interface ImportReport {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ',' | ';';
  /** Problems with the whole file (no line is imported when there is one). */
  fileErrors: string[];
  lines: ImportLineReport[];
  summary: { lines: number; structuresToCreate: number; structuresReused: number; invitations: number; errors: number; warnings: number };
}

export interface ImportResult {
  report: ImportReport;
  invitations: { email: string; linkPath: string }[];
  emailed: number;
}
