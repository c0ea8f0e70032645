/** `GET /api/workspaces/:id/versions/diff?de=&a=`: the comparison of two versions (or a version and now). */
import type { VersionDiff } from '../../shared/versions/diff';
import { fetchJson } from '../api/fetch-json';

export function fetchVersionDiff(workspaceId: string, from: string, to: string, signal?: AbortSignal): Promise<VersionDiff> {
  const query = new URLSearchParams({ de: from, a: to });
  return fetchJson<VersionDiff>(`/api/workspaces/${encodeURIComponent(workspaceId)}/versions/diff?${query.toString()}`, signal);
}
