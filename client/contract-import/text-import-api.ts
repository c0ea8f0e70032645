/**
 * The text import endpoints. The file goes as raw bytes through XMLHttpRequest (only it reports
 * upload progress, which a 20 MB Word file on a slow connection needs); applying a preview is a
 * plain JSON request.
 */
import type { ApplyImportInput, ImportApplied, ImportFormat, ImportPreview } from '../../shared/rich-text/text-import';
import { requestJson } from '../api/fetch-json';
import { uploadFile } from '../api/upload';

/** Progress of an upload: the share of bytes sent, then "converting on the server". */
export type UploadProgress = { phase: 'sending'; ratio: number } | { phase: 'converting' };

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/text-imports`;

/** Sends a file and gets its preview (nothing is written). */
export function uploadText(workspaceId: string, file: Blob, fileName: string, format: ImportFormat, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportPreview> {
  const path = `${base(workspaceId)}?${new URLSearchParams({ format, name: fileName }).toString()}`;
  return uploadFile<ImportPreview>(path, file, { contentType: 'application/octet-stream', signal, onProgress: (progress) => onProgress(progress.phase === 'sending' ? progress : { phase: 'converting' }) });
}

/** Writes a preview where chosen. */
export function applyTextImport(workspaceId: string, previewId: string, target: ApplyImportInput['target']): Promise<ImportApplied> {
  return requestJson<ImportApplied>(`${base(workspaceId)}/${encodeURIComponent(previewId)}/apply`, { method: 'POST', body: { target } });
}
