/** Signing in to a Trame server under test as a demo account, for an access token (`?token=`). */
import { demoAccounts, demoPassword } from '../../server/demo/demo-accounts';

/** The demo member: may edit the contract, as the simulated editors do. */
export const demoEmail = demoAccounts.find((account) => account.role === 'member')?.email ?? 'membre@trame.example';

/** Signs in over the REST API and creates an access token; throws with the server's answer on failure. */
export async function signInForToken(baseUrl: string, email: string): Promise<string> {
  const session = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!session.ok) throw new Error(`bench sign-in failed (${session.status}): ${await session.text()}`);
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${baseUrl}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
    body: JSON.stringify({ label: 'bench' }),
  });
  if (!created.ok) throw new Error(`bench token creation failed (${created.status}): ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

/** Signs in over the REST API and returns the session cookie, for a browser context. */
export async function sessionCookie(baseUrl: string, email: string): Promise<{ name: string; value: string }> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  const [pair = ''] = (response.headers.get('set-cookie') ?? '').split(';');
  const [name = '', value = ''] = pair.split('=');
  return { name, value };
}
