/**
 * Signing in as the demo accounts from tests, over the real REST API: a session cookie (as a
 * browser holds it) and an access token (for y-websocket and Socket.IO clients in Node).
 */
import type { Role } from '../../shared/permissions';
import { demoAccounts, demoPassword } from '../../server/demo/demo-accounts';

export interface TestSession {
  email: string;
  personId: string;
  /** `Cookie` header value carrying the session. */
  cookie: string;
  /** An access token for `?token=` and Socket.IO `auth.token`. */
  token: string;
}

/** The demo account holding a role. */
export function demoEmail(role: Role): string {
  const account = demoAccounts.find((a) => a.role === role);
  if (account === undefined) throw new Error(`no demo account for ${role}`);
  return account.email;
}

/** Signs in with email and password; throws with the problem's title on failure. */
export async function signIn(baseUrl: string, email: string, password = demoPassword): Promise<TestSession> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status}): ${await response.text()}`);
  const me = (await response.json()) as { id: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const tokenResponse = await fetch(`${baseUrl}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
    body: JSON.stringify({ label: 'tests' }),
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  return { email, personId: me.id, cookie, token };
}

/** Signs in as the demo account of a role. */
export function signInAs(baseUrl: string, role: Role): Promise<TestSession> {
  return signIn(baseUrl, demoEmail(role));
}

/** fetch with the session cookie and Trame's own Origin (as the browser client sends them). */
export function fetchAs(session: TestSession | undefined, baseUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('origin', baseUrl);
  if (session !== undefined) headers.set('cookie', session.cookie);
  if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${baseUrl}${path}`, { ...init, headers });
}
