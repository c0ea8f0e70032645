/**
 * Consent-round endpoints of the Trame HTTP API, as the pages use them: the rounds of a workspace
 * (each with its tally), one round, opening, giving a position, reminding, closing, recording the
 * outcome, and the amendments a round can be about. Every stored change is also announced live
 * (`rounds:changed`, with the new tally).
 */
import type { OutcomeInput, PositionInput, RoundOpenInput, RoundView } from '../../shared/schemas/rounds';
import { fetchJson, requestJson } from '../api/fetch-json';

const roundsUrl = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/rounds`;
const roundUrl = (workspaceId: string, roundId: string): string => `${roundsUrl(workspaceId)}/${encodeURIComponent(roundId)}`;

export function fetchRounds(workspaceId: string, signal?: AbortSignal): Promise<RoundView[]> {
  return fetchJson<RoundView[]>(roundsUrl(workspaceId), signal);
}

export function fetchRound(workspaceId: string, roundId: string, signal?: AbortSignal): Promise<RoundView> {
  return fetchJson<RoundView>(roundUrl(workspaceId, roundId), signal);
}

export function openRound(workspaceId: string, input: RoundOpenInput): Promise<RoundView> {
  return requestJson<RoundView>(roundsUrl(workspaceId), { method: 'POST', body: input });
}

export function givePosition(workspaceId: string, roundId: string, input: PositionInput): Promise<RoundView> {
  return requestJson<RoundView>(`${roundUrl(workspaceId, roundId)}/position`, { method: 'PUT', body: input });
}

export function sendReminder(workspaceId: string, roundId: string): Promise<RoundView> {
  return requestJson<RoundView>(`${roundUrl(workspaceId, roundId)}/reminders`, { method: 'POST', body: {} });
}

export function closeRound(workspaceId: string, roundId: string): Promise<RoundView> {
  return requestJson<RoundView>(`${roundUrl(workspaceId, roundId)}/close`, { method: 'POST', body: {} });
}

export function recordOutcome(workspaceId: string, roundId: string, input: OutcomeInput): Promise<RoundView> {
  return requestJson<RoundView>(`${roundUrl(workspaceId, roundId)}/outcome`, { method: 'PUT', body: input });
}

/** An amendment a round can be about (read loosely: the amendments API belongs to its own domain). */
export interface AmendmentChoice {
  id: string;
  label: string;
}

/** The workspace's amendments, or an empty list when there are none or they cannot be read. */
export async function fetchAmendmentChoices(workspaceId: string, signal?: AbortSignal): Promise<AmendmentChoice[]> {
  try {
    const body = await fetchJson<unknown>(`/api/workspaces/${encodeURIComponent(workspaceId)}/amendments`, signal);
    const list: unknown[] = Array.isArray(body) ? body : typeof body === 'object' && body !== null && Array.isArray((body as { amendments?: unknown }).amendments) ? (body as { amendments: unknown[] }).amendments : [];
    return list.flatMap((item) => {
      if (typeof item !== 'object' || item === null) return [];
      const { id, number, title } = item as { id?: unknown; number?: unknown; title?: unknown };
      if (typeof id !== 'string') return [];
      const prefix = typeof number === 'number' ? `n° ${number} · ` : '';
      return [{ id, label: `${prefix}${typeof title === 'string' ? title : id}` }];
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return [];
  }
}
