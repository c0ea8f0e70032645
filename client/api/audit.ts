/** The audit log endpoint of the Trame HTTP API. */
import { requestJson } from './fetch-json';

/** One audit event, with the name of who did it. */
export interface AuditEventView {
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  workspaceId: string | null;
  target: string | null;
  detail: Record<string, unknown>;
}

/** The newest events (strictly before `before` when given), newest first. */
export function fetchAudit(workspaceId: string, options: { before?: string; limit: number }, signal?: AbortSignal): Promise<AuditEventView[]> {
  const query = new URLSearchParams({ limit: String(options.limit) });
  if (options.before !== undefined) query.set('before', options.before);
  return requestJson<AuditEventView[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/audit?${query.toString()}`, signal === undefined ? {} : { signal });
}
