import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode, type ClientToServerEvents, type ServerToClientEvents } from '../../../shared/protocol';
import type { Me } from '../../../shared/schemas/people';
import { demoPassword } from '../../../server/demo/demo-accounts';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { expectProblem } from '../../helpers/problems';
import { upgradeStatus } from '../../helpers/raw-socket';
import { demoEmail, fetchAs, signIn } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, connectClientWithCookie, disconnectAll, whenClosedByServer, whenSynced } from '../../helpers/yjs-clients';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const documentName = `${demoWorkspaceId}.contract`;
const foreignOrigin = 'https://site-malveillant.example';
const signInAttempts = 3;

describe('sessions', () => {
  let server: TestServer;
  const providers: WebsocketProvider[] = [];
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    // Open connections check their session at each ping: a short interval makes expiry observable.
    server = await startTestServer({ signInAttempts, pingIntervalMs: 200 });
  });
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    disconnectAll(...providers.splice(0));
    await server.destroy();
  });

  const postSession = (email: string, password: string): Promise<Response> =>
    fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password }) });
  const me = (headers: Record<string, string>): Promise<Response> => fetch(`${server.url}/api/me`, { headers });
  const documentUrl = (token?: string): string => `${server.wsUrl}/${documentName}${token === undefined ? '' : `?token=${token}`}`;

  /** A Socket.IO client with an access token, or with the cookie and an Origin as a browser sends them. */
  const openSocket = (auth: { token: string } | { cookie: string; origin: string }): ClientSocket => {
    const socket: ClientSocket = io(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...('token' in auth ? { auth: { token: auth.token } } : { extraHeaders: { cookie: auth.cookie, origin: auth.origin } }),
    });
    sockets.push(socket);
    return socket;
  };
  const handshake = (socket: ClientSocket): Promise<{ connected: true } | { connected: false; title: string | undefined }> =>
    new Promise((resolve) => {
      socket.once('connect', () => resolve({ connected: true }));
      socket.once('connect_error', (error: Error & { data?: { title?: string } }) => resolve({ connected: false, title: error.data?.title }));
    });
  const whenDisconnected = (socket: ClientSocket): Promise<string> => new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

  it('answers a wrong password and an unknown email with the same 401 problem (no enumeration)', async () => {
    const wrongPassword = await postSession(demoEmail('member'), 'pas-le-bon-mot-de-passe');
    const unknownEmail = await postSession('personne@inconnu.example', 'pas-le-bon-mot-de-passe');
    const first = await expectProblem(wrongPassword, 401, 'Adresse e-mail ou mot de passe incorrect.');
    const second = await expectProblem(unknownEmail, 401);
    expect(second).toEqual(first);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await postSession(demoEmail('facilitator'), demoPassword);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Me).workspaces).toEqual([{ workspaceId: demoWorkspaceId, role: 'facilitator' }]);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^trame_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it(`limits sign-in attempts per address and email: a French 429 problem after ${signInAttempts} failures`, async () => {
    const email = demoEmail('partner');
    for (let i = 0; i < signInAttempts; i++) await expectProblem(await postSession(email, 'mauvais'), 401);
    const limited = await expectProblem(await postSession(email, 'mauvais'), 429, 'Trop de tentatives de connexion.');
    expect(limited.detail).toMatch(/attendez \d+ minutes? avant de réessayer/);
    // Even the right password waits: that is the point.
    await expectProblem(await postSession(email, demoPassword), 429);
    // Others are not locked out by someone guessing a colleague's password.
    expect((await postSession(demoEmail('observer'), demoPassword)).status).toBe(200);
  });

  it('ends the session on sign-out: REST answers 401, its y-websocket connection closes (4401), its socket is disconnected', async () => {
    const session = await signIn(server.url, demoEmail('member'));
    const provider = connectClientWithCookie(server.wsUrl, documentName, session.cookie, server.url);
    providers.push(provider);
    await whenSynced(provider);
    const socket = openSocket({ cookie: session.cookie, origin: server.url });
    expect(await handshake(socket)).toEqual({ connected: true });
    const closed = whenClosedByServer(provider);
    const disconnected = whenDisconnected(socket);

    const signOut = await fetchAs(session, server.url, '/api/session', { method: 'DELETE' });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/^trame_session=;/);
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect(await disconnected).toBe('io server disconnect');
    await expectProblem(await fetchAs(session, server.url, '/api/me'), 401, 'Connectez-vous pour continuer.');
    expect(await upgradeStatus(documentUrl(), { cookie: session.cookie, origin: server.url })).toBe(401);
    // The access token is a session of its own, ended on its own.
    expect((await me({ authorization: `Bearer ${session.token}` })).status).toBe(200);
  });

  it('ends an access token’s session when signing out with it, with its token-authenticated connections', async () => {
    const { token } = await signIn(server.url, demoEmail('member'));
    const provider = connectClient(server.wsUrl, documentName, token);
    providers.push(provider);
    await whenSynced(provider);
    const socket = openSocket({ token });
    expect(await handshake(socket)).toEqual({ connected: true });
    const closed = whenClosedByServer(provider);
    const disconnected = whenDisconnected(socket);
    expect((await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect(await disconnected).toBe('io server disconnect');
    await expectProblem(await me({ authorization: `Bearer ${token}` }), 401);
  });

  it('ends every other session when the password changes, and closes their live connections', async () => {
    const email = demoEmail('coordinator');
    const current = await signIn(server.url, email);
    const other = await signIn(server.url, email);
    const otherProvider = connectClient(server.wsUrl, documentName, other.token);
    providers.push(otherProvider);
    await whenSynced(otherProvider);
    const closed = whenClosedByServer(otherProvider);

    const wrong = await fetchAs(current, server.url, '/api/me/password', { method: 'PUT', body: JSON.stringify({ currentPassword: 'faux', newPassword: 'nouveau-mot-de-passe' }) });
    expect((await expectProblem(wrong, 400, 'Le mot de passe actuel est incorrect.')).fields).toEqual({ currentPassword: 'Le mot de passe actuel est incorrect.' });
    const tooShort = await fetchAs(current, server.url, '/api/me/password', { method: 'PUT', body: JSON.stringify({ currentPassword: demoPassword, newPassword: 'court' }) });
    expect((await expectProblem(tooShort, 400)).fields).toEqual({ newPassword: 'Le mot de passe doit comporter au moins 10 caractères.' });

    const changed = await fetchAs(current, server.url, '/api/me/password', { method: 'PUT', body: JSON.stringify({ currentPassword: demoPassword, newPassword: 'nouveau-mot-de-passe' }) });
    expect(changed.status).toBe(204);
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect((await fetchAs(current, server.url, '/api/me')).status).toBe(200);
    const ended: Record<string, string>[] = [{ cookie: other.cookie }, { authorization: `Bearer ${current.token}` }, { authorization: `Bearer ${other.token}` }];
    for (const headers of ended) {
      expect((await me(headers)).status).toBe(401);
    }
    await expectProblem(await postSession(email, demoPassword), 401);
    expect((await postSession(email, 'nouveau-mot-de-passe')).status).toBe(200);
  });

  it('refuses an expired session on every channel', async () => {
    const session = await signIn(server.url, demoEmail('observer'));
    await server.trame.db.update((data) => {
      for (const stored of data.sessions) if (stored.personId === session.personId) stored.expiresAt = new Date(Date.now() - 1000).toISOString();
    });
    await expectProblem(await fetchAs(session, server.url, '/api/me'), 401, 'Connectez-vous pour continuer.');
    await expectProblem(await me({ authorization: `Bearer ${session.token}` }), 401);
    expect(await upgradeStatus(documentUrl(session.token))).toBe(401);
    expect(await handshake(openSocket({ token: session.token }))).toEqual({ connected: false, title: 'Connectez-vous pour continuer.' });
  });

  it('closes open connections (4401) and sockets when their session expires', async () => {
    const session = await signIn(server.url, demoEmail('member'));
    const socket = openSocket({ token: session.token });
    expect(await handshake(socket)).toEqual({ connected: true });
    const provider = connectClient(server.wsUrl, documentName, session.token);
    try {
      await whenSynced(provider);
      const closed = whenClosedByServer(provider);
      const disconnected = whenDisconnected(socket);
      await server.trame.db.update((data) => {
        for (const stored of data.sessions) if (stored.personId === session.personId) stored.expiresAt = new Date(Date.now() - 1000).toISOString();
      });
      expect(await closed).toBe(CloseCode.sessionEnded);
      expect(await disconnected).toBe('io server disconnect');
    } finally {
      disconnectAll(provider);
      socket.disconnect();
    }
  });

  it('refuses forged tokens and cookies on every channel', async () => {
    const forged = 'A'.repeat(43);
    await expectProblem(await me({ authorization: `Bearer ${forged}` }), 401, 'Connectez-vous pour continuer.');
    await expectProblem(await me({ cookie: `trame_session=${forged}` }), 401);
    await expectProblem(await me({ authorization: 'Bearer ' }), 401);
    expect(await upgradeStatus(documentUrl(forged))).toBe(401);
    expect(await upgradeStatus(documentUrl(), { cookie: `trame_session=${forged}`, origin: server.url })).toBe(401);
    expect(await handshake(openSocket({ token: forged }))).toEqual({ connected: false, title: 'Connectez-vous pour continuer.' });
  });

  it('refuses cookie-authenticated writes from a foreign Origin with a French 403 problem (CSRF)', async () => {
    const session = await signIn(server.url, demoEmail('member'));
    const createToken = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${server.url}/api/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ label: 'essai' }) });
    await expectProblem(await createToken({ cookie: session.cookie, origin: foreignOrigin }), 403, 'Requête refusée : elle ne vient pas de Trame.');
    await expectProblem(await createToken({ cookie: session.cookie, origin: 'null' }), 403);
    expect((await createToken({ cookie: session.cookie, origin: server.url })).status).toBe(201);
    // A token carries no ambient authority: a page elsewhere cannot have it, so its Origin does not matter.
    expect((await createToken({ authorization: `Bearer ${session.token}`, origin: foreignOrigin })).status).toBe(201);
    // Reads are not writes: a foreign page cannot read the answer anyway (no CORS).
    expect((await me({ cookie: session.cookie, origin: foreignOrigin })).status).toBe(200);
  });

  it('refuses a sign-in posted from another site (login CSRF), but not from a client without Origin', async () => {
    const post = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email: demoEmail('member'), password: demoPassword }) });
    const refused = await post({ origin: foreignOrigin });
    await expectProblem(refused, 403, 'Requête refusée : elle ne vient pas de Trame.');
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect((await post({})).status).toBe(200);
    expect((await post({ origin: server.url })).status).toBe(200);
  });

  it('refuses a WebSocket upgrade or Socket.IO handshake carrying the cookie from a foreign Origin (403)', async () => {
    const session = await signIn(server.url, demoEmail('member'));
    expect(await upgradeStatus(documentUrl(), { cookie: session.cookie, origin: foreignOrigin })).toBe(403);
    expect(await upgradeStatus(documentUrl(), { cookie: session.cookie, origin: server.url })).toBe(101);
    expect(await handshake(openSocket({ cookie: session.cookie, origin: foreignOrigin }))).toEqual({ connected: false, title: 'Connexion refusée : elle ne vient pas de Trame.' });
    expect(await handshake(openSocket({ cookie: session.cookie, origin: server.url }))).toEqual({ connected: true });
  });

  it('lets the setup link create the first coordinator once; a second use and a wrong secret get clear errors', async () => {
    const setupPath = server.trame.setupPath;
    expect(setupPath).toMatch(/^\/installation#[\w-]{43}$/);
    const secret = setupPath?.split('#')[1] ?? '';
    const completeSetup = (body: Record<string, string>): Promise<Response> =>
      fetch(`${server.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });
    const account = { email: 'Installation@Trame.example ', displayName: 'Première coordinatrice', password: 'un-mot-de-passe-solide' };

    await expectProblem(await completeSetup({ ...account, secret: 'B'.repeat(43) }), 404, 'Ce lien d’installation n’est pas valable.');
    // Two uses at once (a double click, or someone else holding the link): one account only.
    const both = await Promise.all([completeSetup({ ...account, secret }), completeSetup({ ...account, email: 'double@trame.example', secret })]);
    const [used, concurrent] = both.sort((a, b) => a.status - b.status);
    if (used === undefined || concurrent === undefined) throw new Error('two answers expected');
    expect(used.status).toBe(200);
    expect(used.headers.get('set-cookie')).toMatch(/^trame_session=/);
    const coordinator = (await used.json()) as Me;
    expect(coordinator).toMatchObject({ workspaces: [{ workspaceId: demoWorkspaceId, role: 'coordinator' }] });
    expect(['installation@trame.example', 'double@trame.example']).toContain(coordinator.email); // trimmed, lower-cased
    await expectProblem(concurrent, 409, 'Ce lien d’installation a déjà servi.');
    expect(server.trame.db.data.people.filter((p) => ['installation@trame.example', 'double@trame.example'].includes(p.email))).toHaveLength(1);
    const again = await expectProblem(await completeSetup({ ...account, email: 'autre@trame.example', secret }), 409, 'Ce lien d’installation a déjà servi.');
    expect(again.detail).toMatch(/connectez-vous/i);
    expect((await postSession(coordinator.email, account.password)).status).toBe(200);
  });
});
