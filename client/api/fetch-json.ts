/**
 * JSON over HTTP with RFC 9457 problem details: a failed request becomes a `ProblemError` whose
 * message is the server's French title, ready to show to people as is. A 401 on a request that
 * needs a session also tells the app (`trame-session-end` on window), which sends people to the
 * sign-in page: no screen has to handle an ended session itself.
 */
import { msg } from '@lit/localize';
import type { Problem } from '../../shared/result';
import { trameEvent } from '../events';
import { currentLocale } from '../i18n/localization';

/** A failed request, carrying the problem details the server sent (or one built locally). */
export class ProblemError extends Error {
  readonly problem: Problem;
  /** The whole problem body, for endpoints that add members (the import's `report`). */
  readonly body: Record<string, unknown>;

  constructor(problem: Problem, body: Record<string, unknown> = {}) {
    super(problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.body = body;
  }
}

/** How a request is sent. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, or as is for a Blob (the import's CSV file). */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * False for requests where a 401 is an answer, not a lost session (sign-in with a wrong
   * password, checking whether someone is signed in, accepting an invitation).
   */
  needsSession?: boolean;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>; // an object, checked just above
  return typeof candidate['title'] === 'string' && typeof candidate['status'] === 'number';
}

async function readProblem(response: Response): Promise<ProblemError> {
  const fallback: Problem = {
    type: 'about:blank',
    status: response.status,
    title:
      response.status >= 500
        ? msg('Le serveur de Trame rencontre un problème. Réessayez dans un instant.', { id: 'fetch.serverError' })
        : msg('La demande n’a pas abouti. Rechargez la page et réessayez.', { id: 'fetch.requestFailed' }),
  };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return new ProblemError(fallback);
  try {
    const body: unknown = await response.json();
    // isProblem proved it is an object with a title and a status; extra members (a `report`) stay readable.
    return isProblem(body) ? new ProblemError(body, body as unknown as Record<string, unknown>) : new ProblemError(fallback);
  } catch {
    // A malformed error body must not hide the failure itself: report the generic problem.
    return new ProblemError(fallback);
  }
}

function unreachable(): ProblemError {
  return new ProblemError({
    type: 'about:blank',
    status: 0,
    title: msg('Impossible de joindre le serveur de Trame. Vérifiez votre connexion puis réessayez.', { id: 'fetch.unreachable' }),
  });
}

/** Sends a request and returns its JSON body (undefined for 204); throws `ProblemError` on failure. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, needsSession = true } = options;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLocale() };
  let payload: BodyInit | undefined;
  if (body instanceof Blob) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(payload === undefined ? {} : { body: payload }), ...(signal === undefined ? {} : { signal }) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw unreachable();
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && needsSession) window.dispatchEvent(trameEvent('trame-session-end', null));
    throw problem;
  }
  if (response.status === 204) return undefined as T; // callers of 204 endpoints ask for void
  // The server is the authority on its own response shapes, validated on its side with zod.
  return (await response.json()) as T;
}

/** GETs `path` and returns its JSON body; throws `ProblemError` with a French title on failure. */
export function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(path, signal === undefined ? {} : { signal });
}

/** The message to show for any failure: the problem title, or a generic French sentence. */
export function describeError(error: unknown): string {
  if (error instanceof ProblemError) return error.problem.title;
  return msg('Une erreur inattendue est survenue. Rechargez la page et réessayez.', { id: 'fetch.unexpected' });
}

/** The problem's detail (what to do next), when the server gave one. */
export function describeDetail(error: unknown): string | null {
  return error instanceof ProblemError ? (error.problem.detail ?? null) : null;
}

/** Per-field messages of a refused form, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ProblemError ? (error.problem.fields ?? {}) : {};
}
