/**
 * Amendment endpoints of the Trame HTTP API (see server/amendments/amendments.routes.ts). Every
 * stored change is announced with `amendments:changed`; pages reload when it arrives.
 */
import type { Amendment, EditInput, ProposeInput } from '../../shared/schemas/amendments';
import { fetchJson, requestJson } from '../api/fetch-json';

/** An amendment as the server sends it one by one: with whether its acceptance can be undone now. */
export type AmendmentView = Amendment & { revertible: { ok: boolean; reason: string | null } | null };

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/amendments`;
const one = (workspaceId: string, id: string): string => `${base(workspaceId)}/${encodeURIComponent(id)}`;

export function fetchAmendments(workspaceId: string, signal?: AbortSignal): Promise<Amendment[]> {
  return fetchJson<Amendment[]>(base(workspaceId), signal);
}

export function fetchAmendment(workspaceId: string, id: string, signal?: AbortSignal): Promise<AmendmentView> {
  return fetchJson<AmendmentView>(one(workspaceId, id), signal);
}

export function proposeAmendment(workspaceId: string, input: ProposeInput): Promise<Amendment> {
  return requestJson<Amendment>(base(workspaceId), { method: 'POST', body: input });
}

export function editAmendment(workspaceId: string, id: string, input: EditInput): Promise<Amendment> {
  return requestJson<Amendment>(one(workspaceId, id), { method: 'PATCH', body: input });
}

export type AmendmentAction = 'cosign' | 'submit' | 'withdraw' | 'rebase' | 'discuss' | 'revert' | 'accept' | 'reject';

/** One of the amendment's actions; `reject` needs `{ reason }`. */
export function actOnAmendment(workspaceId: string, id: string, action: AmendmentAction, body: Record<string, unknown> = {}): Promise<unknown> {
  return requestJson<unknown>(`${one(workspaceId, id)}/${action}`, { method: 'POST', body });
}
