/** The member import endpoints: the CSV file is sent as is (raw bytes), with upload progress. */
import type { ImportReport, ImportResult } from '../../shared/schemas/imports';
import { uploadFile } from './upload';

/** Progress of an upload: the share of bytes sent, then "checking on the server". */
export type UploadProgress = { phase: 'sending'; ratio: number } | { phase: 'checking' };

function post<T>(path: string, file: Blob, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return uploadFile<T>(path, file, { contentType: 'text/csv', signal, onProgress: (progress) => onProgress(progress.phase === 'sending' ? progress : { phase: 'checking' }) });
}

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/imports`;

/** Checks a file line by line; writes nothing. */
export function previewImport(workspaceId: string, file: Blob, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportReport> {
  return post<ImportReport>(`${base(workspaceId)}/preview`, file, onProgress, signal);
}

/** Imports a file, all or nothing; a refusal carries the report in its `body.report`. */
export function applyImport(workspaceId: string, file: Blob, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportResult> {
  return post<ImportResult>(base(workspaceId), file, onProgress, signal);
}
