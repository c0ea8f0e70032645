/**
 * Comments on a real server: who may open, reply, edit, delete, resolve and hide; what bad input
 * gets (HTML kept as text, 100,000 characters refused, anchors of unknown documents or sheets
 * refused, observers refused); that people are told (mentions of a person or a structure, replies)
 * and that the workspace hears `comments:changed`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnchor, encodePosition } from '../../../shared/comments/anchors';
import { contractDocumentName, contractFragmentName } from '../../../shared/document-names';
import { sheetRichText } from '../../../shared/programme/layout';
import { SocketEvent } from '../../../shared/protocol';
import type { CommentThread } from '../../../shared/schemas/comments';
import type { Role } from '../../../shared/permissions';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import * as Y from 'yjs';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { waitFor } from '../../helpers/yjs-clients';
import { listenToWorkspace } from '../contract/contract-helpers';

const base = `/api/workspaces/${demoWorkspaceId}/comments`;
let server: TestServer;
const sessions = {} as Record<Role, TestSession>;

/** Anchors the first `length` characters after `offset` of the contract's text (or of a sheet's goals). */
async function anchorOn(target: { kind: 'contract' } | { kind: 'sheet'; sheetId: string; field: 'goals' }, offset = 1, length = 12) {
  return server.trame.rooms.withDocument(contractDocumentName(demoWorkspaceId), (doc) => {
    const fragment = target.kind === 'contract' ? doc.getXmlFragment(contractFragmentName) : sheetRichText(doc, target.sheetId, target.field);
    if (fragment === undefined) throw new Error('no such rich text');
    const anchor = createAnchor(fragment, offset, offset + length);
    if (anchor === undefined) throw new Error('no anchor');
    return { target, ...anchor };
  });
}

const send = (role: Role, method: string, path: string, body?: unknown) =>
  fetchAs(sessions[role], server.url, `${base}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function openThread(role: Role, body = 'Ce passage mérite d’être précisé.', extra: Record<string, unknown> = {}): Promise<CommentThread> {
  const response = await send(role, 'POST', '', { anchor: await anchorOn({ kind: 'contract' }), body, ...extra });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as CommentThread;
}

const notificationsOf = (role: Role, kind: string) =>
  server.trame.db.data.notifications.filter((n) => n.recipientId === sessions[role].personId && n.kind === kind);

beforeAll(async () => {
  server = await startTestServer({ seedDemo: true });
  for (const role of ['coordinator', 'facilitator', 'member', 'partner', 'observer'] as const) sessions[role] = await signInAs(server.url, role);
}, 60_000);
afterAll(() => server.destroy());

describe('comments: opening threads', () => {
  it('opens a thread on a passage of the contract; the quote is the server’s own text', async () => {
    const anchor = await anchorOn({ kind: 'contract' });
    const response = await send('member', 'POST', '', { anchor: { ...anchor, quote: 'autre chose' }, body: '  Pourquoi cette formulation ?  ' });
    expect(response.status).toBe(201);
    const thread = (await response.json()) as CommentThread;
    expect(thread.anchor.quote).toBe(anchor.quote);
    expect(thread.status).toBe('open');
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({ body: 'Pourquoi cette formulation ?', authorId: sessions.member.personId, structureId: 'scop-menuiserie-de-la-bresse' });
    const list = (await (await send('observer', 'GET', '')).json()) as CommentThread[];
    expect(list.some((t) => t.id === thread.id)).toBe(true);
  });

  it('opens a thread on an action sheet’s goals', async () => {
    const anchor = await anchorOn({ kind: 'sheet', sheetId: 'fiche-2-1', field: 'goals' }, 1, 6);
    const response = await send('partner', 'POST', '', { anchor, body: 'Objectif à chiffrer.' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as CommentThread).anchor.target).toEqual({ kind: 'sheet', sheetId: 'fiche-2-1', field: 'goals' });
  });

  it('keeps HTML and script as plain text', async () => {
    const body = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>gras</b>';
    const thread = await openThread('member', body);
    expect(thread.comments[0]?.body).toBe(body);
  });

  it('refuses 100,000 characters with a French message, and stores nothing', async () => {
    const before = server.trame.db.data.commentThreads.length;
    const response = await send('member', 'POST', '', { anchor: await anchorOn({ kind: 'contract' }), body: 'a'.repeat(100_000) });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { fields: Record<string, string> };
    expect(problem.fields['body']).toBe('Un commentaire fait au plus 10\u202f000 caractères.');
    // Multi-byte text over the body limit is refused too, as too large.
    const huge = await send('member', 'POST', '', { anchor: await anchorOn({ kind: 'contract' }), body: 'é'.repeat(100_000) + '€'.repeat(50_000) });
    expect([400, 413]).toContain(huge.status);
    expect(server.trame.db.data.commentThreads.length).toBe(before);
  });

  it('refuses an empty comment', async () => {
    const response = await send('member', 'POST', '', { anchor: await anchorOn({ kind: 'contract' }), body: '   ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: Record<string, string> }).fields['body']).toBe('Écrivez votre commentaire.');
  });

  it('refuses anchors on unknown sheets, of other documents, or undecodable', async () => {
    const message = 'Ce passage n’existe pas (ou plus) dans le contrat.';
    const anchor = await anchorOn({ kind: 'contract' });
    const unknownSheet = await send('member', 'POST', '', { anchor: { ...anchor, target: { kind: 'sheet', sheetId: 'fiche-9-9', field: 'goals' } }, body: 'x' });
    expect(unknownSheet.status).toBe(400);
    expect(((await unknownSheet.json()) as { title: string }).title).toBe(message);
    // Positions from another document (client ids this contract never saw).
    const other = new Y.Doc();
    other.getXmlFragment('contract').insert(0, [new Y.XmlElement('paragraph')]);
    (other.getXmlFragment('contract').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Un autre contrat.')]);
    const foreign = createAnchor(other.getXmlFragment('contract'), 1, 6)!;
    const elsewhere = await send('member', 'POST', '', { anchor: { target: { kind: 'contract' }, ...foreign }, body: 'x' });
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as { title: string }).title).toBe(message);
    // A sheet's positions sent as the contract's.
    const goals = await anchorOn({ kind: 'sheet', sheetId: 'fiche-2-1', field: 'goals' }, 1, 4);
    const mismatched = await send('member', 'POST', '', { anchor: { ...goals, target: { kind: 'contract' } }, body: 'x' });
    expect(mismatched.status).toBe(400);
    // Garbage positions and a root-type position of another name.
    const garbage = await send('member', 'POST', '', { anchor: { ...anchor, start: 'AAAA', end: '////' }, body: 'x' });
    expect(garbage.status).toBe(400);
    const rooted = encodePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('ailleurs'), 0));
    const wrongRoot = await send('member', 'POST', '', { anchor: { ...anchor, start: rooted }, body: 'x' });
    expect(wrongRoot.status).toBe(400);
    const notJson = await send('member', 'POST', '', { anchor: 'n’importe quoi', body: 'x' });
    expect(notJson.status).toBe(400);
  });

  it('refuses observers, and people outside the workspace', async () => {
    const response = await send('observer', 'POST', '', { anchor: await anchorOn({ kind: 'contract' }), body: 'Je voudrais dire…' });
    expect(response.status).toBe(403);
    const anonymous = await fetchAs(undefined, server.url, base, { method: 'POST', body: JSON.stringify({}) });
    expect(anonymous.status).toBe(401);
  });
});

describe('comments: replies, edits, deletion, status, moderation', () => {
  it('replies tell the thread’s author; mentions tell the person, or every member of a structure', async () => {
    const thread = await openThread('coordinator');
    const replies = notificationsOf('coordinator', 'reply').length;
    const mentionsOfMember = notificationsOf('member', 'mention').length;
    const reply = await send('partner', 'POST', `/${thread.id}/replies`, { body: 'D’accord, @Membre.', mentions: { people: [sessions.member.personId], structures: [] } });
    expect(reply.status).toBe(201);
    expect(notificationsOf('coordinator', 'reply').length).toBe(replies + 1);
    expect(notificationsOf('member', 'mention').length).toBe(mentionsOfMember + 1);
    expect(notificationsOf('member', 'mention').at(-1)?.link).toBe(`/w/${demoWorkspaceId}/commentaires#fil-${thread.id}`);
    // A whole structure: its members (the demo member account belongs to this one).
    await send('coordinator', 'POST', `/${thread.id}/replies`, { body: 'Et la SCOP ?', mentions: { people: [], structures: ['scop-menuiserie-de-la-bresse', 'inconnue'] } });
    expect(notificationsOf('member', 'mention').length).toBe(mentionsOfMember + 2);
    const stored = server.trame.db.data.commentThreads.find((t) => t.id === thread.id)!;
    expect(stored.comments.at(-1)?.mentions.structures).toEqual(['scop-menuiserie-de-la-bresse']);
  });

  it('edits and deletes only one’s own comments; a deleted comment stays as a placeholder', async () => {
    const thread = await openThread('member', 'Premier jet');
    const commentId = thread.comments[0]!.id;
    const byOther = await send('facilitator', 'PATCH', `/${thread.id}/comments/${commentId}`, { body: 'Réécrit' });
    expect(byOther.status).toBe(403);
    const edited = await send('member', 'PATCH', `/${thread.id}/comments/${commentId}`, { body: 'Second jet' });
    expect(edited.status).toBe(200);
    const after = (await edited.json()) as CommentThread;
    expect(after.comments[0]).toMatchObject({ body: 'Second jet' });
    expect(after.comments[0]?.editedAt).not.toBeNull();
    expect((await send('partner', 'DELETE', `/${thread.id}/comments/${commentId}`)).status).toBe(403);
    const deleted = await send('member', 'DELETE', `/${thread.id}/comments/${commentId}`);
    expect(deleted.status).toBe(200);
    const view = (await deleted.json()) as CommentThread;
    expect(view.comments).toHaveLength(1);
    expect(view.comments[0]).toMatchObject({ body: '' });
    expect(view.comments[0]?.deletedAt).not.toBeNull();
    expect((await send('member', 'PATCH', `/${thread.id}/comments/${commentId}`, { body: 'Revenu' })).status).toBe(409);
  });

  it('the thread’s author, a facilitator or the coordination resolve and reopen it; others may not', async () => {
    const thread = await openThread('member');
    expect((await send('partner', 'PUT', `/${thread.id}/status`, { status: 'resolved' })).status).toBe(403);
    expect((await send('observer', 'PUT', `/${thread.id}/status`, { status: 'resolved' })).status).toBe(403);
    const resolved = await send('member', 'PUT', `/${thread.id}/status`, { status: 'resolved' });
    expect(((await resolved.json()) as CommentThread).status).toBe('resolved');
    const reopened = await send('facilitator', 'PUT', `/${thread.id}/status`, { status: 'open' });
    expect(((await reopened.json()) as CommentThread).statusBy?.id).toBe(sessions.facilitator.personId);
    expect((await send('coordinator', 'PUT', `/${thread.id}/status`, { status: 'peut-être' })).status).toBe(400);
  });

  it('moderators hide a comment with a reason (audited, author told), others see it blanked; unhide restores it', async () => {
    const thread = await openThread('member', 'Propos déplacé');
    const commentId = thread.comments[0]!.id;
    expect((await send('member', 'PUT', `/${thread.id}/comments/${commentId}/hidden`, { reason: 'non' })).status).toBe(403);
    expect((await send('partner', 'PUT', `/${thread.id}/comments/${commentId}/hidden`, { reason: 'non' })).status).toBe(403);
    expect((await send('facilitator', 'PUT', `/${thread.id}/comments/${commentId}/hidden`, { reason: '  ' })).status).toBe(400);
    const hiddenNotes = notificationsOf('member', 'comment-hidden').length;
    const hidden = await send('facilitator', 'PUT', `/${thread.id}/comments/${commentId}/hidden`, { reason: 'Propos hors charte' });
    expect(hidden.status).toBe(200);
    expect(notificationsOf('member', 'comment-hidden').length).toBe(hiddenNotes + 1);
    const seenByMember = ((await (await send('member', 'GET', '')).json()) as CommentThread[]).find((t) => t.id === thread.id)!;
    expect(seenByMember.comments[0]).toMatchObject({ body: '', hidden: { reason: 'Propos hors charte' } });
    const seenByCoordinator = ((await (await send('coordinator', 'GET', '')).json()) as CommentThread[]).find((t) => t.id === thread.id)!;
    expect(seenByCoordinator.comments[0]?.body).toBe('Propos déplacé');
    expect((await send('member', 'PATCH', `/${thread.id}/comments/${commentId}`, { body: 'contournement' })).status).toBe(409);
    // The audit log keeps it.
    const audit = await fetchAs(sessions.coordinator, server.url, `/api/workspaces/${demoWorkspaceId}/audit`);
    const events = (await audit.json()) as { events?: { action: string; detail: Record<string, unknown> }[] } | { action: string; detail: Record<string, unknown> }[];
    const list = Array.isArray(events) ? events : (events.events ?? []);
    expect(list.some((e) => e.action === 'comments.hidden' && e.detail['reason'] === 'Propos hors charte')).toBe(true);
    const shown = await send('coordinator', 'DELETE', `/${thread.id}/comments/${commentId}/hidden`);
    expect(((await shown.json()) as CommentThread).comments[0]?.hidden).toBeNull();
    // A whole thread.
    const whole = await send('coordinator', 'PUT', `/${thread.id}/hidden`, { reason: 'Doublon' });
    expect(((await whole.json()) as CommentThread).hidden?.reason).toBe('Doublon');
    const seen = ((await (await send('partner', 'GET', '')).json()) as CommentThread[]).find((t) => t.id === thread.id)!;
    expect(seen.comments.every((c) => c.body === '')).toBe(true);
    expect(seen.anchor.quote).toBe('');
  });

  it('unknown threads and comments are 404', async () => {
    expect((await send('member', 'POST', '/inconnu/replies', { body: 'x' })).status).toBe(404);
    const thread = await openThread('member');
    expect((await send('member', 'PATCH', `/${thread.id}/comments/inconnu`, { body: 'x' })).status).toBe(404);
  });

  it('announces every stored change on comments:changed', async () => {
    const heard = await listenToWorkspace(server.url, sessions.partner.token, demoWorkspaceId);
    const changed: (string | undefined)[] = [];
    heard.socket.on(SocketEvent.commentsChanged, ({ workspaceId, threadId }) => {
      if (workspaceId === demoWorkspaceId) changed.push(threadId);
    });
    const thread = await openThread('member');
    await send('member', 'POST', `/${thread.id}/replies`, { body: 'Suite' });
    await waitFor(() => changed.length >= 2, 5000, 'two comments:changed');
    expect(changed).toEqual([thread.id, thread.id]);
    // One thread can be read alone (what clients fetch on each announcement).
    const one = await send('partner', 'GET', `/${thread.id}`);
    expect(((await one.json()) as CommentThread).comments).toHaveLength(2);
    expect((await send('partner', 'GET', '/inconnu')).status).toBe(404);
    heard.socket.close();
  });
});
