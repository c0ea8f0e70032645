import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Role } from '../../../shared/permissions';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../../shared/protocol';
import type { NotificationPage, NotificationSettingsView } from '../../../shared/schemas/notifications';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { addWorkspace, otherWorkspaceId } from '../../helpers/people';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { waitFor } from '../../helpers/yjs-clients';
import { notifyAs, personIdOf } from './fixtures';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const base = `/api/workspaces/${demoWorkspaceId}/notifications`;

describe('notifications API: each person reads and marks their own inbox', () => {
  let server: TestServer;
  const sessions = new Map<Role, TestSession>();
  const sockets: ClientSocket[] = [];
  const as = (role: Role): TestSession => {
    const session = sessions.get(role);
    if (session === undefined) throw new Error(`not signed in as ${role}`);
    return session;
  };
  const get = async <T>(role: Role, path: string): Promise<{ status: number; body: T }> => {
    const response = await fetchAs(as(role), server.url, path);
    return { status: response.status, body: (await response.json()) as T };
  };
  const send = async <T>(role: Role, method: 'POST' | 'PUT', path: string, body: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetchAs(as(role), server.url, path, { method, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  };
  const listen = async (role: Role): Promise<{ events: { workspaceId: string; unread: number }[] }> => {
    const socket: ClientSocket = io(server.url, { transports: ['websocket'], forceNew: true, auth: { token: as(role).token } });
    sockets.push(socket);
    const received = { events: [] as { workspaceId: string; unread: number }[] };
    socket.on(SocketEvent.notificationsChanged, (payload) => received.events.push(payload));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return received;
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ['coordinator', 'facilitator', 'member', 'partner', 'observer'] as const) sessions.set(role, await signInAs(server.url, role));
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    await server.destroy();
  });

  it('lists the person’s own notifications, newest first, by pages, with the unread count and the actor’s name', async () => {
    for (let i = 1; i <= 5; i++) await notifyAs(server, ['observer', 'partner'], { title: `Notification ${i}`, link: `/w/${demoWorkspaceId}/commentaires#fil-${i}` });
    const first = await get<NotificationPage>('observer', `${base}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.unread).toBe(5);
    expect(first.body.items.map((n) => n.title)).toEqual(['Notification 5', 'Notification 4']);
    expect(first.body.items[0]).toMatchObject({ kind: 'mention', actorName: 'Karim Benali', readAt: null, link: `/w/${demoWorkspaceId}/commentaires#fil-5` });
    expect(first.body.items[0]).not.toHaveProperty('recipientId');
    const second = await get<NotificationPage>('observer', `${base}?limit=2&before=${encodeURIComponent(first.body.nextBefore ?? '')}`);
    expect(second.body.items.map((n) => n.title)).toEqual(['Notification 3', 'Notification 2']);
    const last = await get<NotificationPage>('observer', `${base}?limit=2&before=${encodeURIComponent(second.body.nextBefore ?? '')}`);
    expect(last.body.items.map((n) => n.title)).toEqual(['Notification 1']);
    expect(last.body.nextBefore).toBeNull();
    // Nobody sees anyone else's: the coordinator got none of these.
    const coordinator = await get<NotificationPage>('coordinator', base);
    expect(coordinator.body.items.some((n) => n.title.startsWith('Notification '))).toBe(false);
  });

  it('refuses bad paging with French messages', async () => {
    for (const query of ['limit=0', 'limit=1000', 'limit=abc', 'before=pas-un-curseur']) {
      const response = await get<{ title: string; fields: Record<string, string> }>('member', `${base}?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.title).toBe('Certains champs sont à corriger.');
    }
    expect((await get<{ fields: Record<string, string> }>('member', `${base}?limit=1000`)).body.fields['limit']).toBe('Demandez au plus 100 notifications à la fois.');
  });

  it('marks some or all as read, only the person’s own, and tells only their sockets the new count', async () => {
    const partnerEvents = await listen('partner');
    const observerEvents = await listen('observer');
    const partnerId = personIdOf(server, 'partner');
    const otherPartnerNote = server.trame.db.data.notifications.find((n) => n.recipientId === partnerId && n.readAt === null);
    const page = await get<NotificationPage>('observer', base);
    const newest = page.body.items[0];
    if (newest === undefined || otherPartnerNote === undefined) throw new Error('fixtures missing');
    // The observer (read-only role) marks one of theirs, and tries one of the partner's.
    const marked = await send<{ marked: number; unread: number }>('observer', 'POST', `${base}/read`, { ids: [newest.id, otherPartnerNote.id, 'inconnue'] });
    expect(marked).toEqual({ status: 200, body: { marked: 1, unread: page.body.unread - 1 } });
    expect(otherPartnerNote.readAt).toBeNull();
    await waitFor(() => observerEvents.events.length === 1, 5000, 'observer count');
    expect(observerEvents.events[0]).toEqual({ workspaceId: demoWorkspaceId, unread: page.body.unread - 1 });
    expect((await get<NotificationPage>('observer', base)).body.items[0]?.readAt).not.toBeNull();
    // Marking it again changes nothing and announces nothing.
    expect((await send<{ marked: number }>('observer', 'POST', `${base}/read`, { ids: [newest.id] })).body.marked).toBe(0);
    const all = await send<{ marked: number; unread: number }>('observer', 'POST', `${base}/read`, { all: true });
    expect(all.body).toEqual({ marked: page.body.unread - 1, unread: 0 });
    await waitFor(() => observerEvents.events.at(-1)?.unread === 0, 5000, 'observer zero');
    expect(observerEvents.events).toHaveLength(2);
    // The partner's sockets heard nothing of the observer's reading.
    expect(partnerEvents.events).toEqual([]);
    expect(server.trame.notifications.unreadCount(demoWorkspaceId, partnerId)).toBeGreaterThan(0);
  });

  it('announces a new notification to the recipient’s sockets only, with the workspace', async () => {
    const member = await listen('member');
    const coordinator = await listen('coordinator');
    const before = server.trame.notifications.unreadCount(demoWorkspaceId, personIdOf(server, 'member'));
    await notifyAs(server, ['member'], { kind: 'round-opened', title: 'Un tour de décision est ouvert.' });
    await waitFor(() => member.events.length === 1, 5000, 'member event');
    expect(member.events[0]).toEqual({ workspaceId: demoWorkspaceId, unread: before + 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(coordinator.events).toEqual([]);
  });

  it('refuses bad read requests with French messages', async () => {
    for (const body of [{}, { ids: [] }, { all: false }, { ids: ['a'], all: true }, { ids: 'a' }, { ids: Array.from({ length: 501 }, (_, i) => `n${i}`) }]) {
      const response = await send<{ title: string }>('member', 'POST', `${base}/read`, body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(response.body.title).toBe('Certains champs sont à corriger.');
    }
  });

  it('keeps settings per person: defaults, saved choices, no email without SMTP, French refusals', async () => {
    expect(await get<NotificationSettingsView>('observer', `${base}/settings`)).toEqual({ status: 200, body: { muted: [], emailDigest: 'off', emailAvailable: false } });
    const saved = await send<NotificationSettingsView>('observer', 'PUT', `${base}/settings`, { muted: ['round-reminder', 'round-reminder', 'mention'], emailDigest: 'daily' });
    expect(saved).toEqual({ status: 200, body: { muted: ['round-reminder', 'mention'], emailDigest: 'daily', emailAvailable: false } });
    expect((await get<NotificationSettingsView>('observer', `${base}/settings`)).body.muted).toEqual(['round-reminder', 'mention']);
    // Another person's settings are their own.
    expect((await get<NotificationSettingsView>('member', `${base}/settings`)).body.muted).toEqual([]);
    // Muted now: a mention no longer reaches the observer.
    expect(await notifyAs(server, ['observer'], { kind: 'mention' })).toEqual([]);
    const bad = await send<{ fields: Record<string, string> }>('observer', 'PUT', `${base}/settings`, { muted: ['spam'], emailDigest: 'weekly' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ 'muted.0': 'Ce type de notification n’existe pas.', emailDigest: 'Choisissez : pas de courriel, un par jour ou un par heure.' });
  });

  it('answers only inside workspaces the person belongs to', async () => {
    await addWorkspace(server, personIdOf(server, 'coordinator'));
    const other = `/api/workspaces/${otherWorkspaceId}/notifications`;
    for (const path of [other, `${other}/settings`]) expect((await get<{ title: string }>('member', path)).status).toBe(403);
    expect((await send<unknown>('member', 'POST', `${other}/read`, { all: true })).status).toBe(403);
    expect((await send<unknown>('member', 'PUT', `${other}/settings`, { muted: [] })).status).toBe(403);
    expect((await get<NotificationPage>('coordinator', other)).status).toBe(200);
    expect((await fetchAs(undefined, server.url, base)).status).toBe(401);
    expect((await get<unknown>('member', '/api/workspaces/inconnu/notifications')).status).toBe(404);
  });
});
