/** Workspace endpoints of the Trame HTTP API. */
import type { WorkspaceSummary, WorkspaceView } from '../../shared/schemas/workspace';
import { fetchJson } from './fetch-json';

/** Lists the workspaces the signed-in person belongs to. */
export function fetchWorkspaces(signal?: AbortSignal): Promise<WorkspaceSummary[]> {
  return fetchJson<WorkspaceSummary[]>('/api/workspaces', signal);
}

/** Loads everything needed to open one workspace: envelope, networks and structures. */
export function fetchWorkspace(workspaceId: string, signal?: AbortSignal): Promise<WorkspaceView> {
  return fetchJson<WorkspaceView>(`/api/workspaces/${encodeURIComponent(workspaceId)}`, signal);
}
