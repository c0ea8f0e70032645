import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { PresencePerson } from '../../shared/schemas/presence';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { signInAs } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/yjs-clients';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('workspace presence over Socket.IO', () => {
  let server: TestServer;
  const sockets: ClientSocket[] = [];
  const connect = (token?: string): ClientSocket => {
    const socket: ClientSocket = io(server.url, { transports: ['websocket'], forceNew: true, auth: token === undefined ? {} : { token } });
    sockets.push(socket);
    return socket;
  };
  const join = (socket: ClientSocket, payload: unknown): Promise<Ack<PresencePerson[]>> =>
    // Deliberately untyped payloads: the server must validate what it receives.
    socket.timeout(5000).emitWithAck(SocketEvent.presenceJoin, payload as never);
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await server.destroy();
  });

  it('lists who is present with the name and structure of their account, live, and removes people who leave', async () => {
    const coordinator = connect((await signInAs(server.url, 'coordinator')).token);
    const member = connect((await signInAs(server.url, 'member')).token);
    const seen: PresencePerson[][] = [];
    coordinator.on(SocketEvent.presenceChanged, ({ present }) => seen.push(present));
    const joined = await join(coordinator, { workspaceId: demoWorkspaceId });
    expect(joined).toMatchObject({ ok: true, data: [{ name: 'Hélène Garnier', structureName: 'CRESS Rhône-Alpes' }] });
    await join(member, { workspaceId: demoWorkspaceId, name: 'Usurpateur' });
    await waitFor(() => seen.at(-1)?.length === 2, 5000, 'member to appear');
    expect(seen.at(-1)?.map((p) => p.name)).toEqual(['Hélène Garnier', 'Sophie Lambert']);
    member.disconnect();
    await waitFor(() => seen.at(-1)?.length === 1, 5000, 'member to leave');
  });

  it('names people outside any structure by their role', async () => {
    const partner = connect((await signInAs(server.url, 'partner')).token);
    expect(await join(partner, { workspaceId: demoWorkspaceId })).toMatchObject({ ok: true, data: [{ structureId: null, structureName: 'Partenaire (comité de pilotage)' }] });
  });

  it('refuses invalid payloads, foreign structures and unknown workspaces with French messages, and keeps serving', async () => {
    const socket = connect((await signInAs(server.url, 'member')).token);
    expect(await join(socket, 'not an object')).toMatchObject({ ok: false, problem: { status: 400 } });
    expect(await join(socket, { workspaceId: demoWorkspaceId, structureId: 'cress-rhone-alpes' })).toMatchObject({
      ok: false,
      problem: { title: 'Vous n’appartenez pas à cette structure.' },
    });
    expect(await join(socket, { workspaceId: 'inconnu' })).toMatchObject({ ok: false, problem: { status: 404 } });
    socket.emit(SocketEvent.presenceJoin, null as never, undefined as never); // no ack at all: must not crash
    expect(await join(socket, { workspaceId: demoWorkspaceId })).toMatchObject({ ok: true });
  });

  it('refuses a handshake without a valid session', async () => {
    for (const socket of [connect(), connect('forged-token')]) {
      const error = await new Promise<Error & { data?: { title?: string } }>((resolve) => socket.once('connect_error', resolve));
      expect(error.data?.title).toBe('Connectez-vous pour continuer.');
    }
  });
});
