/** Account endpoints of the Trame HTTP API: sign-in and out, setup, profile, password, sessions, tokens. */
import type { Me } from '../../shared/schemas/people';
import { requestJson } from './fetch-json';

/** One of the person's open sessions or access tokens (`GET /api/me/sessions`). */
export interface SessionView {
  id: string;
  kind: 'browser' | 'token' | 'setup';
  label: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  isCurrent: boolean;
}

/** A new access token: its secret is shown once. */
export interface NewAccessToken {
  id: string;
  label: string;
  expiresAt: string;
  token: string;
}

/** Who is signed in; rejects with a 401 problem when nobody is (without ending anything). */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return requestJson<Me>('/api/me', { needsSession: false, ...(signal === undefined ? {} : { signal }) });
}

/** Signs in; the server sets the session cookie. A wrong password is a 401 answer, not an ended session. */
export function signIn(email: string, password: string): Promise<Me> {
  return requestJson<Me>('/api/session', { method: 'POST', body: { email, password }, needsSession: false });
}

/** Signs out (ends this browser's session). */
export function signOut(): Promise<void> {
  return requestJson<void>('/api/session', { method: 'DELETE', needsSession: false });
}

/** Creates the first coordinator with the one-time setup secret, and signs them in. */
export function completeSetup(input: { secret: string; email: string; displayName: string; password: string }): Promise<Me> {
  return requestJson<Me>('/api/setup', { method: 'POST', body: input, needsSession: false });
}

/** Changes the name others see. */
export function updateDisplayName(displayName: string): Promise<Me> {
  return requestJson<Me>('/api/me', { method: 'PATCH', body: { displayName } });
}

/** Changes the password; every other session ends. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return requestJson<void>('/api/me/password', { method: 'PUT', body: { currentPassword, newPassword } });
}

/** The person's live sessions and tokens. */
export function listSessions(signal?: AbortSignal): Promise<SessionView[]> {
  return requestJson<SessionView[]>('/api/me/sessions', signal === undefined ? {} : { signal });
}

/** Ends one session or token. */
export function endSession(sessionId: string): Promise<void> {
  return requestJson<void>(`/api/me/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
}

/** Creates an access token for an integration (shown once). */
export function createAccessToken(label: string): Promise<NewAccessToken> {
  return requestJson<NewAccessToken>('/api/me/tokens', { method: 'POST', body: { label } });
}
