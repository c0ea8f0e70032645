/** Programme endpoints of the Trame HTTP API: the server's check of the structured contract, and the envelope. */
import type { ProgrammeReport } from '../../shared/schemas/programme-report';
import type { Envelope } from '../../shared/schemas/workspace';
import { fetchJson, requestJson } from './fetch-json';

function workspaceUrl(workspaceId: string): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}`;
}

/** What the server found when it last checked the programme (totals, invalid lines, problems). */
export function fetchProgrammeReport(workspaceId: string, signal?: AbortSignal): Promise<ProgrammeReport> {
  return fetchJson<ProgrammeReport>(`${workspaceUrl(workspaceId)}/programme/report`, signal);
}

/** Sets the programme envelope (coordination only); the server tells everyone with `workspace:changed`. */
export function saveEnvelope(workspaceId: string, envelope: Envelope): Promise<unknown> {
  return requestJson<unknown>(`${workspaceUrl(workspaceId)}/envelope`, { method: 'PUT', body: envelope });
}
