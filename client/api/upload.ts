/**
 * Sends a file as raw bytes and reads the JSON answer, reporting upload progress. Through
 * XMLHttpRequest rather than fetch because only it reports upload progress, which a long file on
 * a slow connection needs. Errors become ProblemErrors as with fetchJson; a 401 ends the session.
 */
import { msg } from '@lit/localize';
import type { Problem } from '../../shared/result';
import { trameEvent } from '../events';
import { currentLocale } from '../i18n/localization';
import { ProblemError } from './fetch-json';

/** Progress of an upload: the share of bytes sent, then waiting for the server's answer. */
export type UploadPhase = { phase: 'sending'; ratio: number } | { phase: 'answering' };

export interface UploadOptions {
  contentType: string;
  onProgress: (progress: UploadPhase) => void;
  signal?: AbortSignal | undefined;
}

/** POSTs `file` to `path`; resolves with the parsed JSON body of a 2xx answer. */
export function uploadFile<T>(path: string, file: Blob, { contentType, onProgress, signal }: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    request.setRequestHeader('accept-language', currentLocale());
    request.setRequestHeader('content-type', contentType);
    request.responseType = 'text';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', ratio: event.total === 0 ? 1 : event.loaded / event.total });
    });
    request.upload.addEventListener('load', () => onProgress({ phase: 'answering' }));
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
