/** The audit log endpoint of the Trame HTTP API. */
import type { AuditEventView } from '../../shared/schemas/audit';
import { requestJson } from './fetch-json';

export type { AuditEventView };

/** The newest events (strictly before `before` when given), newest first. */
export function fetchAudit(workspaceId: string, options: { before?: string; limit: number }, signal?: AbortSignal): Promise<AuditEventView[]> {
  const query = new URLSearchParams({ limit: String(options.limit) });
  if (options.before !== undefined) query.set('before', options.before);
  return requestJson<AuditEventView[]>(`/api/workspaces/${encodeURIComponent(workspaceId)}/audit?${query.toString()}`, signal === undefined ? {} : { signal });
}
