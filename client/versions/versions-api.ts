/**
 * Version endpoints of the Trame HTTP API: the list (with the freeze), one version, its stored
 * state (a binary Yjs update, read into a local document that is never connected), naming or
 * adopting a version, opening a new draft from one, and its public link. Every change is
 * announced to the workspace with `versions:changed`; pages reload when it arrives.
 */
import { msg } from '@lit/localize';
import type { MemberView } from '../../shared/schemas/members';
import type { VersionInput, VersionView, VersionsView } from '../../shared/schemas/versions';
import { trameEvent } from '../events';
import { currentLocale } from '../i18n/localization';
import { ProblemError, fetchJson, requestJson } from '../api/fetch-json';

function versionsUrl(workspaceId: string): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/versions`;
}

function versionUrl(workspaceId: string, versionId: string): string {
  return `${versionsUrl(workspaceId)}/${encodeURIComponent(versionId)}`;
}

/** Every version of the workspace (named, adopted, checkpoints) and the freeze, if any. */
export function fetchVersions(workspaceId: string, signal?: AbortSignal): Promise<VersionsView> {
  return fetchJson<VersionsView>(versionsUrl(workspaceId), signal);
}

/** One version's record. */
export function fetchVersion(workspaceId: string, versionId: string, signal?: AbortSignal): Promise<VersionView> {
  return fetchJson<VersionView>(versionUrl(workspaceId, versionId), signal);
}

/** Names (or, with `adopt`, adopts) a version of the live contract; an adoption refused is a 409 with `reasons`. */
export function createVersion(workspaceId: string, input: VersionInput): Promise<VersionView> {
  return requestJson<VersionView>(versionsUrl(workspaceId), { method: 'POST', body: input });
}

/** Opens a new draft from a version (restores its content and lifts the freeze). */
export function openDraft(workspaceId: string, versionId: string): Promise<VersionsView> {
  return requestJson<VersionsView>(`${versionUrl(workspaceId, versionId)}/draft`, { method: 'POST', body: {} });
}

/** Publishes an adopted version as a public read-only link. */
export function publishVersion(workspaceId: string, versionId: string): Promise<VersionView> {
  return requestJson<VersionView>(`${versionUrl(workspaceId, versionId)}/publication`, { method: 'POST', body: {} });
}

/** Revokes a version's public link. */
export function unpublishVersion(workspaceId: string, versionId: string): Promise<VersionView> {
  return requestJson<VersionView>(`${versionUrl(workspaceId, versionId)}/publication`, { method: 'DELETE' });
}

/** The workspace's members (to name the people who edited between checkpoints). */
export function fetchMemberNames(workspaceId: string, signal?: AbortSignal): Promise<Map<string, string>> {
  return fetchJson<MemberView[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/members`, signal).then(
    (members) => new Map(members.map((member) => [member.personId, member.displayName])),
  );
}

/** A version's whole state: a V2 Yjs update, to apply to a fresh local `Y.Doc`. */
export async function fetchVersionState(workspaceId: string, versionId: string, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(`${versionUrl(workspaceId, versionId)}/state`, {
      headers: { accept: 'application/octet-stream, application/problem+json', 'accept-language': currentLocale() },
      credentials: 'same-origin',
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ProblemError({ type: 'about:blank', status: 0, title: msg('Impossible de joindre le serveur de Trame. Vérifiez votre connexion puis réessayez.', { id: 'fetch.unreachable' }) });
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(trameEvent('trame-session-end', null));
    throw await stateProblem(response);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function stateProblem(response: Response): Promise<ProblemError> {
  const fallback = new ProblemError({ type: 'about:blank', status: response.status, title: msg('Le texte de cette version n’a pas pu être chargé. Rechargez la page et réessayez.', { id: 'versions.state.failed' }) });
  if (!(response.headers.get('content-type') ?? '').includes('json')) return fallback;
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return fallback;
    const record = body as Record<string, unknown>; // an object, checked just above
    if (typeof record['title'] !== 'string' || typeof record['status'] !== 'number') return fallback;
    return new ProblemError({ type: 'about:blank', status: record['status'], title: record['title'], ...(typeof record['detail'] === 'string' ? { detail: record['detail'] } : {}) }, record);
  } catch {
    return fallback;
  }
}
