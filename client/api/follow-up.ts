/**
 * Follow-up endpoints of the Trame HTTP API: the whole follow-up of a workspace, the adoption of
 * the programme, and what partners and members record on an action after it (status, progress
 * reports, indicator actuals, committed and spent amounts, evaluations). Each write is announced
 * to everyone with `followup:changed`; the pages reload the follow-up when it arrives.
 */
import type { EvaluationInput, FinanceInput, FollowUpView, IndicatorActualInput, ProgressReportInput, RealisationStatus } from '../../shared/schemas/follow-up';
import { fetchJson, requestJson } from './fetch-json';

function workspaceUrl(workspaceId: string): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}`;
}

function sheetUrl(workspaceId: string, sheetId: string): string {
  return `${workspaceUrl(workspaceId)}/follow-up/${encodeURIComponent(sheetId)}`;
}

/** The adoption, every action's follow-up and every evaluation of a workspace. */
export function fetchFollowUp(workspaceId: string, signal?: AbortSignal): Promise<FollowUpView> {
  return fetchJson<FollowUpView>(`${workspaceUrl(workspaceId)}/follow-up`, signal);
}

/** Adopts the programme (coordination only); a 409 problem lists why the server refuses. */
export function adoptProgramme(workspaceId: string): Promise<unknown> {
  return requestJson<unknown>(`${workspaceUrl(workspaceId)}/adoption`, { method: 'POST', body: {} });
}

/** Sets an action's realisation status. */
export function saveStatus(workspaceId: string, sheetId: string, status: RealisationStatus): Promise<unknown> {
  return requestJson<unknown>(`${sheetUrl(workspaceId, sheetId)}/status`, { method: 'PUT', body: { status } });
}

/** Adds a dated progress report to an action. */
export function addProgressReport(workspaceId: string, sheetId: string, input: ProgressReportInput): Promise<unknown> {
  return requestJson<unknown>(`${sheetUrl(workspaceId, sheetId)}/reports`, { method: 'POST', body: input });
}

/** Records the value an indicator reached on a date. */
export function addIndicatorActual(workspaceId: string, sheetId: string, input: IndicatorActualInput): Promise<unknown> {
  return requestJson<unknown>(`${sheetUrl(workspaceId, sheetId)}/actuals`, { method: 'POST', body: input });
}

/** Replaces the committed and spent amounts of one funder on an action. */
export function saveFinances(workspaceId: string, sheetId: string, input: FinanceInput): Promise<unknown> {
  return requestJson<unknown>(`${sheetUrl(workspaceId, sheetId)}/finances`, { method: 'PUT', body: input });
}

/** Records the steering committee's evaluation of an action for a period. */
export function addEvaluation(workspaceId: string, sheetId: string, input: EvaluationInput): Promise<unknown> {
  return requestJson<unknown>(`${sheetUrl(workspaceId, sheetId)}/evaluations`, { method: 'POST', body: input });
}

/** Amends an evaluation: a new revision, the previous ones are kept. */
export function amendEvaluation(workspaceId: string, sheetId: string, evaluationId: string, input: EvaluationInput): Promise<unknown> {
  return requestJson<unknown>(`${sheetUrl(workspaceId, sheetId)}/evaluations/${encodeURIComponent(evaluationId)}`, { method: 'PATCH', body: input });
}

/** The addresses of the dashboard's exports (downloaded by the browser, with the session cookie). */
export function exportPaths(workspaceId: string): { csv: string; xlsx: string } {
  return { csv: `${workspaceUrl(workspaceId)}/follow-up/export.csv`, xlsx: `${workspaceUrl(workspaceId)}/follow-up/export.xlsx` };
}
