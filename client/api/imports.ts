/**
 * The member import endpoints: the CSV file is sent as is (raw bytes). Uploads go through
 * XMLHttpRequest rather than fetch because only it reports upload progress, which a long file on
 * a slow connection needs.
 */
import { msg } from '@lit/localize';
import type { Problem } from '../../shared/result';
import type { ImportReport, ImportResult } from '../../shared/schemas/imports';
import { trameEvent } from '../events';
import { currentLocale } from '../i18n/localization';
import { ProblemError } from './fetch-json';

/** Progress of an upload: the share of bytes sent, then "waiting for the server's answer". */
export type UploadProgress = { phase: 'sending'; ratio: number } | { phase: 'checking' };

function post<T>(path: string, file: Blob, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    request.setRequestHeader('accept-language', currentLocale());
    request.setRequestHeader('content-type', 'text/csv');
    request.responseType = 'text';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', ratio: event.total === 0 ? 1 : event.loaded / event.total });
    });
    request.upload.addEventListener('load', () => onProgress({ phase: 'checking' }));
    request.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as T); // shape guaranteed by the server
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

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/imports`;

/** Checks a file line by line; writes nothing. */
export function previewImport(workspaceId: string, file: Blob, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportReport> {
  return post<ImportReport>(`${base(workspaceId)}/preview`, file, onProgress, signal);
}

/** Imports a file, all or nothing; a refusal carries the report in its `body.report`. */
export function applyImport(workspaceId: string, file: Blob, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportResult> {
  return post<ImportResult>(base(workspaceId), file, onProgress, signal);
}
