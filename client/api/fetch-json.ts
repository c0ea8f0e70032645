/**
 * JSON over HTTP with RFC 9457 problem details: a failed request becomes a `ProblemError` whose
 * message is the server's French title, ready to show to people as is.
 */
import { msg } from '@lit/localize';
import type { Problem } from '../../shared/result';
import { currentLocale } from '../i18n/localization';

/** A failed request, carrying the problem details the server sent (or one built locally). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['title'] === 'string' && typeof candidate['status'] === 'number';
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    status: response.status,
    title:
      response.status >= 500
        ? msg('Le serveur de Trame rencontre un problème. Réessayez dans un instant.', { id: 'fetch.serverError' })
        : msg('La demande n’a pas abouti. Rechargez la page et réessayez.', { id: 'fetch.requestFailed' }),
  };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : fallback;
  } catch {
    // A malformed error body must not hide the failure itself: report the generic problem.
    return fallback;
  }
}

/** GETs `path` and returns its JSON body; throws `ProblemError` with a French title on failure. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { accept: 'application/json, application/problem+json', 'accept-language': currentLocale() },
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ProblemError({
      type: 'about:blank',
      status: 0,
      title: msg('Impossible de joindre le serveur de Trame. Vérifiez votre connexion puis rechargez la page.', {
        id: 'fetch.unreachable',
      }),
    });
  }
  if (!response.ok) throw new ProblemError(await readProblem(response));
  // The server is the authority on its own response shapes, validated on its side with zod.
  return (await response.json()) as T;
}

/** The message to show for any failure: the problem title, or a generic French sentence. */
export function describeError(error: unknown): string {
  if (error instanceof ProblemError) return error.problem.title;
  return msg('Une erreur inattendue est survenue. Rechargez la page et réessayez.', { id: 'fetch.unexpected' });
}
