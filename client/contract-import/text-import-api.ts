/**
 * The text import endpoints. The file goes as raw bytes through XMLHttpRequest (only it reports
 * upload progress, which a 20 MB Word file on a slow connection needs); applying a preview is a
 * plain JSON request.
 */
import { msg } from '@lit/localize';
import type { Problem } from '../../shared/result';
import type { ApplyImportInput, ImportApplied, ImportFormat, ImportPreview } from '../../shared/rich-text/text-import';
import { trameEvent } from '../events';
import { currentLocale } from '../i18n/localization';
import { ProblemError, requestJson } from '../api/fetch-json';

/** Progress of an upload: the share of bytes sent, then "converting on the server". */
export type UploadProgress = { phase: 'sending'; ratio: number } | { phase: 'converting' };

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/text-imports`;

/** Sends a file and gets its preview (nothing is written). */
export function uploadText(workspaceId: string, file: Blob, fileName: string, format: ImportFormat, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportPreview> {
  const path = `${base(workspaceId)}?${new URLSearchParams({ format, name: fileName }).toString()}`;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    request.setRequestHeader('accept-language', currentLocale());
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.responseType = 'text';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', ratio: event.total === 0 ? 1 : event.loaded / event.total });
    });
    request.upload.addEventListener('load', () => onProgress({ phase: 'converting' }));
    request.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as ImportPreview); // shape guaranteed by the server
      if (request.status === 401) window.dispatchEvent(trameEvent('trame-session-end', null));
      const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}; // an object, checked
      const problem: Problem =
        typeof record['title'] === 'string'
          ? { type: String(record['type'] ?? 'about:blank'), title: record['title'], status: request.status, ...(typeof record['detail'] === 'string' ? { detail: record['detail'] } : {}) }
          : { type: 'about:blank', status: request.status, title: msg('La demande n’a pas abouti. Rechargez la page et réessayez.', { id: 'fetch.requestFailed' }) };
      reject(new ProblemError(problem, record));
    });
    request.addEventListener('error', () =>
      reject(new ProblemError({ type: 'about:blank', status: 0, title: msg('Impossible de joindre le serveur de Trame. Vérifiez votre connexion puis réessayez.', { id: 'fetch.unreachable' }) })),
    );
    request.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

/** Writes a preview where chosen. */
export function applyTextImport(workspaceId: string, previewId: string, target: ApplyImportInput['target']): Promise<ImportApplied> {
  return requestJson<ImportApplied>(`${base(workspaceId)}/${encodeURIComponent(previewId)}/apply`, { method: 'POST', body: { target } });
}
