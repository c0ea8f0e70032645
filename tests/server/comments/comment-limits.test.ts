/**
 * Comment writes are limited per person (a burst of 30, then `COMMENT_WRITES_PER_MINUTE`): a
 * flood gets a French 429 and stores nothing more, and other people still write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnchor } from '../../../shared/comments/anchors';
import { contractDocumentName, contractFragmentName } from '../../../shared/document-names';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';

let server: TestServer;
let member: TestSession;
let partner: TestSession;

beforeAll(async () => {
  server = await startTestServer({ seedDemo: true, commentWritesPerMinute: 1 });
  member = await signInAs(server.url, 'member');
  partner = await signInAs(server.url, 'partner');
}, 60_000);
afterAll(() => server.destroy());

describe('comment write limits', () => {
  it('refuses a flood from one person with a French 429, not others', async () => {
    const anchor = await server.trame.rooms.withDocument(contractDocumentName(demoWorkspaceId), (doc) => createAnchor(doc.getXmlFragment(contractFragmentName), 1, 10)!);
    const post = (who: TestSession) =>
      fetchAs(who, server.url, `/api/workspaces/${demoWorkspaceId}/comments`, { method: 'POST', body: JSON.stringify({ anchor: { target: { kind: 'contract' }, ...anchor }, body: 'Encore' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await post(member)).status);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(30);
    const refused = await post(member);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { title: string }).title).toBe('Trop de commentaires envoyés d’un coup.');
    expect((await post(partner)).status).toBe(201);
  });
});
