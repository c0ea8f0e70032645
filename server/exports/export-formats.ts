/**
 * What each export format is on the wire: its file extension and MIME type, and the download's
 * name, built from the workspace and the version ("Contrat ESS Rhône-Alpes 2011-2013 — Version
 * adoptée.docx"), with an ASCII fallback and its RFC 5987 `filename*` for `Content-Disposition`.
 */
import type { ExportFormat } from '../../shared/schemas/versions';
import { odtMimeType } from './render-odt';

export const exportFileTypes: Record<ExportFormat, { extension: string; mimeType: string }> = {
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  odt: { extension: 'odt', mimeType: odtMimeType },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
  md: { extension: 'md', mimeType: 'text/markdown; charset=utf-8' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8' },
};

/** Longest base name kept (file systems allow 255 bytes; accents take two). */
const maxBaseLength = 120;

/** "<workspace> — <version>.<ext>", without the characters file systems refuse. */
export function downloadName(workspaceName: string, versionName: string, format: ExportFormat): string {
  const base = `${workspaceName} — ${versionName}`
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const short = [...base].length > maxBaseLength ? `${[...base].slice(0, maxBaseLength - 1).join('').trimEnd()}…` : base;
  return `${short === '' ? 'Contrat' : short}.${exportFileTypes[format].extension}`;
}

/** The same name in printable ASCII, for clients that ignore `filename*`. */
export function asciiFileName(name: string): string {
  return name
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[«»\u201c\u201d]/g, '')
    .replace(/…/g, '...')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 and RFC 5987). */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
