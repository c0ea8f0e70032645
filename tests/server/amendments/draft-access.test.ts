/**
 * Who may write an amendment's draft on the y-websocket endpoint: its signatories and the deciders
 * while it is open; partners, observers and non-signatories read; nobody writes once it is
 * withdrawn or decided. Refused updates are dropped (never stored) and the writer is told.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText } from '../../../shared/amendments/blocks';
import { draftFragment } from '../../../shared/amendments/draft';
import type { Role } from '../../../shared/permissions';
import type { Amendment } from '../../../shared/schemas/amendments';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { acceptInvitation, invite } from '../../helpers/people';
import { signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, countPermissionDenials, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';
import { post, proposeOnSection, rewriteBlock } from './amendment-helpers';

describe('access to an amendment’s draft document', () => {
  let server: TestServer;
  let amendment: Amendment;
  const sessions = new Map<Role, TestSession>();

  beforeEach(async () => {
    server = await startTestServer({ seedDemo: true });
    for (const role of ['coordinator', 'facilitator', 'member', 'partner', 'observer'] as const) sessions.set(role, await signInAs(server.url, role));
    amendment = await proposeOnSection(server, sessions.get('member')!);
  });
  afterEach(async () => {
    await server.destroy();
  });

  /** Tries to write the draft as `as`; true when the server kept the edit. */
  async function tryWrite(as: TestSession, text: string): Promise<boolean> {
    const client = connectClient(server.wsUrl, amendment.draftDocument, as.token);
    const denials = countPermissionDenials(client);
    await whenSynced(client);
    rewriteBlock(draftFragment(client.doc), 0, text);
    const stored = (): string => blockText(server.trame.rooms.openRooms.get(amendment.draftDocument)!.doc.getXmlFragment('contract'));
    await waitFor(() => stored().includes(text) || denials.count > 0, 3000, 'the server to keep or refuse the edit');
    disconnectAll(client);
    return stored().includes(text);
  }

  it('lets the author and the deciders write, and keeps partners, observers and other members reading', async () => {
    expect(await tryWrite(sessions.get('member')!, 'Écrit par l’autrice.')).toBe(true);
    expect(await tryWrite(sessions.get('facilitator')!, 'Ajusté par l’animation.')).toBe(true);
    expect(await tryWrite(sessions.get('partner')!, 'Écrit par un partenaire.')).toBe(false);
    expect(await tryWrite(sessions.get('observer')!, 'Écrit par une observatrice.')).toBe(false);
    const secret = await invite(server, sessions.get('coordinator')!, demoWorkspaceId, { email: 'autre@exemple.org', role: 'member', structureId: 'cress-rhone-alpes' });
    const other = await acceptInvitation(server, secret, 'Autre Membre');
    expect(await tryWrite(other, 'Écrit sans signer.')).toBe(false);
    // Co-signing opens the draft to them.
    expect((await post(server, other, `/${amendment.id}/cosign`)).status).toBe(200);
    expect(await tryWrite(other, 'Écrit après avoir cosigné.')).toBe(true);
  });

  it('closes the draft to everyone once the amendment is withdrawn', async () => {
    await post(server, sessions.get('member')!, `/${amendment.id}/withdraw`);
    expect(await tryWrite(sessions.get('member')!, 'Après le retrait.')).toBe(false);
    expect(await tryWrite(sessions.get('coordinator')!, 'Après le retrait, coordination.')).toBe(false);
  });

  it('closes the draft once the amendment is decided', async () => {
    await post(server, sessions.get('member')!, `/${amendment.id}/submit`);
    await post(server, sessions.get('facilitator')!, `/${amendment.id}/reject`, { reason: 'Non.' });
    expect(await tryWrite(sessions.get('member')!, 'Après le rejet.')).toBe(false);
  });
});
