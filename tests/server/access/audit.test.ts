import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { WebsocketProvider } from 'y-websocket';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../../shared/protocol';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { createOutsider } from '../../helpers/people';
import { expectProblem } from '../../helpers/problems';
import { demoEmail, fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { makeDataDir, startTestServer, type TestServer } from '../../helpers/test-server';
import type { AuditEventView } from '../../../shared/schemas/audit';
import { connectClient, countPermissionDenials, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type AuditEntry = AuditEventView;

const api = `/api/workspaces/${demoWorkspaceId}`;
const documentName = `${demoWorkspaceId}.contract`;

describe('audit log', () => {
  let server: TestServer;
  let coordinator: TestSession;
  const providers: WebsocketProvider[] = [];
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = await signInAs(server.url, 'coordinator');
  });
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    disconnectAll(...providers.splice(0));
    await server.destroy();
  });

  const readAudit = async (query = '', as: TestSession = coordinator, target: TestServer = server): Promise<AuditEntry[]> => {
    const response = await fetchAs(as, target.url, `${api}/audit${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as AuditEntry[];
  };
  const postSession = (email: string, password: string): Promise<Response> =>
    fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password }) });

  it('shows the coordination who did what, newest first, with names: sign-ins, failures, invitations, imports, role changes, refusals on every channel', async () => {
    const since = new Date().toISOString();
    await expectProblem(await postSession(demoEmail('member'), 'mauvais-mot-de-passe'), 401);
    const member = await signInAs(server.url, 'member');
    expect((await fetchAs(coordinator, server.url, `${api}/invitations`, { method: 'POST', body: JSON.stringify({ email: 'auditee@exemple.org', role: 'member', structureId: 'scop-menuiserie-de-la-bresse' }) })).status).toBe(201);
    const csv = 'structure;reseau;email\r\nSCOP Auditée;Coopératives (SCOP, SCIC, CAE);importee@exemple.org\r\n';
    expect((await fetchAs(coordinator, server.url, `${api}/imports`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv })).status).toBe(201);
    expect((await fetchAs(coordinator, server.url, `${api}/members/${member.personId}`, { method: 'PATCH', body: JSON.stringify({ role: 'facilitator' }) })).status).toBe(200);
    const observer = await signInAs(server.url, 'observer');
    await expectProblem(await fetchAs(observer, server.url, `${api}/members`), 403);
    // y-websocket: a partner's edit is dropped, and recorded once for the connection.
    const partner = connectClient(server.wsUrl, documentName, (await signInAs(server.url, 'partner')).token);
    providers.push(partner);
    const denials = countPermissionDenials(partner);
    await whenSynced(partner);
    partner.doc.getText('notes').insert(0, 'refusé');
    await waitFor(() => denials.count > 0, 5000, 'the permission-denied message');
    // Socket.IO: someone outside the workspace tries to join its presence.
    const outsider = await createOutsider(server, coordinator);
    const socket: ClientSocket = io(server.url, { transports: ['websocket'], forceNew: true, auth: { token: outsider.token } });
    sockets.push(socket);
    const ack: Ack<unknown> = await socket.timeout(5000).emitWithAck(SocketEvent.presenceJoin, { workspaceId: demoWorkspaceId });
    expect(ack.ok).toBe(false);

    const relevant = new Set(['auth.signedIn', 'auth.signInFailed', 'members.invited', 'members.imported', 'members.roleChanged', 'permission.refused']);
    const events = (await readAudit('?limit=500')).filter((e) => e.at >= since && relevant.has(e.action));
    expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort().reverse());
    const seen = events.map((e) => ({ action: e.action, actorName: e.actorName, target: e.target, detail: e.detail }));
    expect(seen).toEqual([
      { action: 'permission.refused', actorName: 'Personne extérieure', target: null, detail: { action: 'presence.join', channel: 'socket', role: null } },
      // (the outsider's own sign-up happened in another workspace: not shown here)
      { action: 'permission.refused', actorName: 'Jean Morel', target: null, detail: { action: 'contract.edit', channel: 'yjs', role: 'partner' } },
      { action: 'auth.signedIn', actorName: 'Jean Morel', target: null, detail: {} },
      { action: 'permission.refused', actorName: 'Lucie Fabre', target: null, detail: { action: 'members.read', channel: 'rest', role: 'observer' } },
      { action: 'auth.signedIn', actorName: 'Lucie Fabre', target: null, detail: {} },
      { action: 'members.roleChanged', actorName: 'Hélène Garnier', target: member.personId, detail: { from: 'member', to: 'facilitator', label: 'Animation' } },
      { action: 'members.imported', actorName: 'Hélène Garnier', target: null, detail: { structures: 1, invitations: 1, lines: 1 } },
      { action: 'members.invited', actorName: 'Hélène Garnier', target: 'auditee@exemple.org', detail: { role: 'member', structureId: 'scop-menuiserie-de-la-bresse' } },
      { action: 'auth.signedIn', actorName: 'Sophie Lambert', target: null, detail: {} },
      { action: 'auth.signInFailed', actorName: 'Sophie Lambert', target: demoEmail('member'), detail: {} },
    ]);
  });

  it('pages back with limit and before', async () => {
    const newest = await readAudit('?limit=3');
    expect(newest).toHaveLength(3);
    const last = newest.at(-1);
    const older = await readAudit(`?limit=3&before=${encodeURIComponent(last?.at ?? '')}`);
    expect(older.length).toBeGreaterThan(0);
    for (const event of older) expect(event.at < (last?.at ?? '')).toBe(true);
    await expectProblem(await fetchAs(coordinator, server.url, `${api}/audit?limit=100000`), 400, 'Paramètres de recherche invalides.');
  });

  it('keeps reading, and recording on a line of its own, after a crash tore the last line', async () => {
    const dataDir = await makeDataDir();
    let restarted = await startTestServer({ dataDir });
    let boss = await signInAs(restarted.url, 'coordinator');
    await restarted.stop();
    // The process died in the middle of writing an event.
    const path = join(dataDir, 'audit.jsonl');
    await appendFile(path, '{"at":"2026-11-27T05:00:00.000Z","action":"members.rol');
    restarted = await startTestServer({ dataDir });
    try {
      boss = await signInAs(restarted.url, 'coordinator');
      const events = await readAudit('', boss, restarted);
      expect(events.filter((e) => e.action === 'auth.signedIn' && e.actorId === boss.personId)).toHaveLength(2);
      const observer = await signInAs(restarted.url, 'observer');
      await expectProblem(await fetchAs(observer, restarted.url, `${api}/audit`), 403);
      expect((await readAudit('', boss, restarted))[0]).toMatchObject({ action: 'permission.refused', actorName: 'Lucie Fabre', detail: { action: 'audit.read' } });
      // Append-only: the torn line is still there, untouched, and every later event is whole.
      const lines = (await readFile(path, 'utf8')).split('\n');
      expect(lines.filter((l) => l.startsWith('{"at":"2026-11-27T05:00:00.000Z","action":"members.rol'))).toEqual(['{"at":"2026-11-27T05:00:00.000Z","action":"members.rol']);
    } finally {
      await restarted.destroy();
    }
  });

  it('keeps the server answering when the audit log cannot be written', async () => {
    const dataDir = await makeDataDir();
    await mkdir(join(dataDir, 'audit.jsonl')); // a folder where the file should be: every append fails
    const broken = await startTestServer({ dataDir });
    try {
      const member = await signInAs(broken.url, 'member');
      expect((await fetchAs(member, broken.url, '/api/me')).status).toBe(200);
      await expectProblem(await fetchAs(member, broken.url, `${api}/audit`), 403);
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the failed appends settle
      expect((await fetch(`${broken.url}/api/health`)).status).toBe(200);
    } finally {
      await broken.destroy();
    }
  });
});
