/** Helpers of the consent-round tests: REST calls as a session, and representatives made through the real API. */
import type { RoundView } from '../../../shared/schemas/rounds';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { acceptInvitation, invite } from '../../helpers/people';
import { fetchAs, type TestSession } from '../../helpers/sessions';
import type { TestServer } from '../../helpers/test-server';

export const roundsPath = `/api/workspaces/${demoWorkspaceId}/rounds`;

export const inHours = (hours: number): string => new Date(Date.now() + hours * 3_600_000).toISOString();

export async function call(server: TestServer, session: TestSession | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> & Partial<RoundView> }> {
  const response = await fetchAs(session, server.url, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown> & Partial<RoundView>) };
}

export async function openRound(server: TestServer, session: TestSession, input: { subject?: unknown; question?: string; deadline?: string } = {}): Promise<RoundView> {
  const { status, body } = await call(server, session, 'POST', roundsPath, { subject: { kind: 'contract' }, question: 'Adoptons-nous cette version du contrat ?', deadline: inHours(48), ...input });
  if (status !== 201) throw new Error(`opening failed (${status}): ${JSON.stringify(body)}`);
  return body as RoundView;
}

/** A new member of `structureId`, invited and made its representative by the coordination, through the API. */
export async function representativeOf(server: TestServer, coordinator: TestSession, structureId: string, email: string, name: string): Promise<TestSession> {
  const person = await acceptInvitation(server, await invite(server, coordinator, demoWorkspaceId, { email, role: 'member', structureId }), name);
  const { status } = await call(server, coordinator, 'PUT', `/api/workspaces/${demoWorkspaceId}/structures/${structureId}/representative`, { personId: person.personId });
  if (status !== 200) throw new Error(`representative not set (${status})`);
  return person;
}
