import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../shared/schemas/notifications';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { NotificationsService } from '../../../server/notifications/notifications.service';
import { notificationRetention, pruneNotifications } from '../../../server/notifications/retention';
import { addWorkspace, otherWorkspaceId } from '../../helpers/people';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { notifyAs, personIdOf } from './fixtures';

describe('who a notification reaches', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.destroy();
  });

  it('reaches each recipient once, never the actor themself', async () => {
    const stored = await notifyAs(server, ['member', 'member', 'facilitator', 'observer'], { actor: 'facilitator' });
    expect(stored.map((n) => n.recipientId).sort()).toEqual([personIdOf(server, 'member'), personIdOf(server, 'observer')].sort());
    expect(stored.every((n) => n.readAt === null && n.emailedAt === null && n.actorId === personIdOf(server, 'facilitator'))).toBe(true);
  });

  it('never reaches people outside the workspace (unknown ids, members of another workspace only)', async () => {
    const coordinator = personIdOf(server, 'coordinator');
    await addWorkspace(server, coordinator);
    const outsider = await server.trame.notifications.notify({
      workspaceId: otherWorkspaceId,
      recipients: [personIdOf(server, 'member'), 'personne-inconnue', coordinator],
      kind: 'round-opened',
      title: 'Un tour de décision est ouvert.',
      link: `/w/${otherWorkspaceId}/decisions`,
      actorId: null,
    });
    expect(outsider.map((n) => n.recipientId)).toEqual([coordinator]);
    expect(server.trame.db.data.notifications.some((n) => n.recipientId === 'personne-inconnue')).toBe(false);
  });

  it('skips people who muted that kind, and only that kind, in that workspace', async () => {
    const member = personIdOf(server, 'member');
    await server.trame.db.update((data) => {
      data.notificationSettings.push({ workspaceId: demoWorkspaceId, personId: member, muted: ['round-reminder'], emailDigest: 'off', linkOrigin: null, lastDigestAt: null });
    });
    expect(await notifyAs(server, ['member', 'partner'], { kind: 'round-reminder' })).toHaveLength(1);
    expect((await notifyAs(server, ['member'], { kind: 'round-outcome' })).map((n) => n.recipientId)).toEqual([member]);
  });

  it('counts unread notifications per person and workspace', async () => {
    const partner = personIdOf(server, 'partner');
    const before = server.trame.notifications.unreadCount(demoWorkspaceId, partner);
    await notifyAs(server, ['partner'], { kind: 'amendment-proposed' });
    expect(server.trame.notifications.unreadCount(demoWorkspaceId, partner)).toBe(before + 1);
    expect(server.trame.notifications.unreadCount(otherWorkspaceId, partner)).toBe(0);
  });

  it('keeps at most the retention limit per person: the oldest read ones go first, unread ones only past the limit', async () => {
    const service = new NotificationsService(server.trame.db, null, () => new Date(), 5);
    const observer = personIdOf(server, 'observer');
    const observerNotes = (): Notification[] => server.trame.db.data.notifications.filter((n) => n.workspaceId === demoWorkspaceId && n.recipientId === observer);
    await server.trame.db.update((data) => {
      data.notifications = data.notifications.filter((n) => n.recipientId !== observer);
    });
    const make = (title: string) => service.notify({ workspaceId: demoWorkspaceId, recipients: [observer], kind: 'reply', title, link: '/', actorId: null });
    for (const title of ['1', '2', '3', '4']) await make(title);
    // Read the 2nd and 3rd: they are the first to go when the sixth arrives.
    await service.markRead(demoWorkspaceId, observer, { ids: observerNotes().filter((n) => n.title === '2' || n.title === '3').map((n) => n.id) });
    await make('5');
    await make('6');
    expect(observerNotes().map((n) => n.title)).toEqual(['1', '3', '4', '5', '6']);
    await make('7');
    expect(observerNotes().map((n) => n.title)).toEqual(['1', '4', '5', '6', '7']);
    // Nothing read left: the oldest unread goes, so that the file stays bounded.
    await make('8');
    expect(observerNotes().map((n) => n.title)).toEqual(['4', '5', '6', '7', '8']);
    // Other people's inboxes are not touched.
    expect(server.trame.db.data.notifications.some((n) => n.recipientId === personIdOf(server, 'member'))).toBe(true);
  });

  it('prunes a large table per person in one pass, leaving others alone', () => {
    const at = (i: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const table: Notification[] = [];
    for (let i = 0; i < notificationRetention + 20; i++) {
      for (const recipientId of ['a', 'b']) {
        table.push({ id: `${recipientId}${i}`, workspaceId: 'w', recipientId, kind: 'mention', title: '', link: '/', actorId: null, createdAt: at(i), readAt: i % 2 === 0 ? at(i) : null, emailedAt: null });
      }
    }
    expect(pruneNotifications(table, 'w', ['a'])).toBe(20);
    const kept = table.filter((n) => n.recipientId === 'a');
    expect(kept).toHaveLength(notificationRetention);
    // The 20 dropped are the 20 oldest read ones (even indexes 0..38); every unread one stayed.
    expect(kept.filter((n) => n.readAt === null)).toHaveLength((notificationRetention + 20) / 2);
    expect(kept[0]?.id).toBe('a1');
    expect(table.filter((n) => n.recipientId === 'b')).toHaveLength(notificationRetention + 20);
  });
});
