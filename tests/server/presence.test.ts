import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { PresencePerson } from '../../shared/schemas/presence';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/yjs-clients';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('workspace presence over Socket.IO', () => {
  let server: TestServer;
  const sockets: ClientSocket[] = [];
  const connect = (): ClientSocket => {
    const socket: ClientSocket = io(server.url, { transports: ['websocket'], forceNew: true });
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

  it('lists who is present, live, and removes people who leave', async () => {
    const alice = connect();
    const bob = connect();
    const seenByAlice: PresencePerson[][] = [];
    alice.on(SocketEvent.presenceChanged, ({ present }) => seenByAlice.push(present));
    const aliceJoined = await join(alice, { workspaceId: demoWorkspaceId, name: 'Alice', structureId: 'cress-rhone-alpes' });
    expect(aliceJoined).toMatchObject({ ok: true, data: [{ name: 'Alice', structureName: 'CRESS Rhône-Alpes' }] });
    await join(bob, { workspaceId: demoWorkspaceId, name: 'Bob', structureId: 'cress-rhone-alpes' });
    await waitFor(() => seenByAlice.at(-1)?.length === 2, 5000, 'bob to appear');
    expect(seenByAlice.at(-1)?.map((p) => p.name)).toEqual(['Alice', 'Bob']);
    bob.disconnect();
    await waitFor(() => seenByAlice.at(-1)?.length === 1, 5000, 'bob to leave');
  });

  it('refuses invalid payloads and unknown structures with French messages, and keeps serving', async () => {
    const socket = connect();
    const empty = await join(socket, { workspaceId: demoWorkspaceId, name: '   ', structureId: 'cress-rhone-alpes' });
    expect(empty).toMatchObject({ ok: false, problem: { status: 400, fields: { name: 'Indiquez votre nom.' } } });
    const tooLong = await join(socket, { workspaceId: demoWorkspaceId, name: 'x'.repeat(500), structureId: 'cress-rhone-alpes' });
    expect(tooLong).toMatchObject({ ok: false, problem: { fields: { name: 'Ce nom est trop long.' } } });
    const unknown = await join(socket, { workspaceId: demoWorkspaceId, name: 'Eve', structureId: 'nope' });
    expect(unknown).toMatchObject({ ok: false, problem: { status: 400, title: expect.stringMatching(/structure/) } });
    expect(await join(socket, 'not an object')).toMatchObject({ ok: false });
    socket.emit(SocketEvent.presenceJoin, null as never, undefined as never); // no ack at all: must not crash
    expect(await join(socket, { workspaceId: demoWorkspaceId, name: 'Eve', structureId: 'cress-rhone-alpes' })).toMatchObject({ ok: true });
  });
});
