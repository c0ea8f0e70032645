/**
 * Factories for people beyond the demo accounts, made through the real API: invitations sent by
 * a coordinator and accepted through their link, and a second workspace for people who are not
 * part of the demo one.
 */
import type { Role } from '../../shared/permissions';
import type { Me } from '../../shared/schemas/people';
import { fetchAs, type TestSession } from './sessions';
import type { TestServer } from './test-server';

/** The password every invited test person chooses. */
export const inviteePassword = 'mot-de-passe-solide';

/** Sends an invitation as `coordinator`; returns the link's secret (the fragment of its path). */
export async function invite(server: TestServer, coordinator: TestSession, workspaceId: string, input: { email: string; role: Role; structureId: string }): Promise<string> {
  const response = await fetchAs(coordinator, server.url, `/api/workspaces/${workspaceId}/invitations`, { method: 'POST', body: JSON.stringify(input) });
  if (response.status !== 201) throw new Error(`invitation failed (${response.status}): ${await response.text()}`);
  const { linkPath } = (await response.json()) as { linkPath: string };
  return secretOf(linkPath);
}

/** The secret of an invitation link path (`/invitation#<secret>`). */
export function secretOf(linkPath: string): string {
  const secret = linkPath.split('#')[1];
  if (secret === undefined) throw new Error(`not an invitation link: ${linkPath}`);
  return secret;
}

/** Accepts an invitation as a new person (name + password), as the link's page does; returns their session. */
export async function acceptInvitation(server: TestServer, secret: string, displayName = 'Personne invitée'): Promise<TestSession & { me: Me }> {
  const response = await fetch(`${server.url}/api/invitations/${secret}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ displayName, password: inviteePassword }),
  });
  if (!response.ok) throw new Error(`acceptance failed (${response.status}): ${await response.text()}`);
  const me = (await response.json()) as Me;
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const tokenResponse = await fetchAs({ email: me.email, personId: me.id, cookie, token: '' }, server.url, '/api/me/tokens', { method: 'POST', body: JSON.stringify({ label: 'tests' }) });
  const { token } = (await tokenResponse.json()) as { token: string };
  return { email: me.email, personId: me.id, cookie, token, me };
}

/** Id of the second workspace `addWorkspace` creates. */
export const otherWorkspaceId = 'autre-espace';
export const otherStructureId = 'scic-autre-territoire';

/**
 * Adds a second workspace with one network and one structure, coordinated by `coordinatorId`.
 * Trame has no route that creates workspaces yet: an operator adds them to the metadata, as here.
 */
export async function addWorkspace(server: TestServer, coordinatorId: string): Promise<void> {
  const createdAt = new Date().toISOString();
  await server.trame.db.update((data) => {
    data.workspaces.push({ id: otherWorkspaceId, name: 'Autre contrat', description: '', contractDocument: `${otherWorkspaceId}.contract`, envelope: { totalCents: 0, shares: [] }, createdAt });
    data.networks.push({ id: 'autre-reseau', workspaceId: otherWorkspaceId, name: 'Autre réseau', kind: 'other' });
    data.structures.push({ id: otherStructureId, workspaceId: otherWorkspaceId, networkId: 'autre-reseau', name: 'SCIC d’un autre territoire', city: 'Lyon', departement: '69', representativeId: null });
    data.workspaceRoles.push({ workspaceId: otherWorkspaceId, personId: coordinatorId, role: 'coordinator' });
  });
}

/**
 * A signed-in person who is not part of the demo workspace: invited to another workspace by its
 * coordinator and signed up through the link, as any real person of that workspace would be.
 */
export async function createOutsider(server: TestServer, coordinator: TestSession): Promise<TestSession> {
  if (!server.trame.db.data.workspaces.some((w) => w.id === otherWorkspaceId)) await addWorkspace(server, coordinator.personId);
  const secret = await invite(server, coordinator, otherWorkspaceId, { email: 'externe@autre.example', role: 'member', structureId: otherStructureId });
  return acceptInvitation(server, secret, 'Personne extérieure');
}
