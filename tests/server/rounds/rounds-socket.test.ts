import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../../shared/protocol';
import type { RoundsChanged, RoundView } from '../../../shared/schemas/rounds';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { signInAs } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { waitFor } from '../../helpers/yjs-clients';
import { openRound } from './round-helpers';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('consent rounds over Socket.IO', () => {
  let server: TestServer;
  const sockets: ClientSocket[] = [];
  const connect = async (token: string): Promise<ClientSocket> => {
    const socket: ClientSocket = io(server.url, { transports: ['websocket'], forceNew: true, auth: { token } });
    sockets.push(socket);
    const joined = await socket.timeout(5000).emitWithAck(SocketEvent.presenceJoin, { workspaceId: demoWorkspaceId });
    expect(joined.ok).toBe(true);
    return socket;
  };
  const vote = (socket: ClientSocket, payload: unknown): Promise<Ack<RoundView>> => socket.timeout(5000).emitWithAck(SocketEvent.roundsPosition, payload as never);

  beforeEach(async () => {
    server = await startTestServer({ seedDemo: true });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await server.destroy();
  });

  it('takes a representative’s position with an acknowledgement and sends the new tally to everyone in the workspace', async () => {
    const facilitator = await signInAs(server.url, 'facilitator');
    const round = await openRound(server, facilitator);
    const observer = await connect((await signInAs(server.url, 'observer')).token);
    const seen: RoundsChanged[] = [];
    observer.on(SocketEvent.roundsChanged, (payload) => seen.push(payload));

    const member = await connect((await signInAs(server.url, 'member')).token);
    const ack = await vote(member, { workspaceId: demoWorkspaceId, roundId: round.id, position: 'abstain' });
    expect(ack.ok).toBe(true);
    if (ack.ok) expect(ack.data.positions).toMatchObject([{ structureId: 'scop-menuiserie-de-la-bresse', position: 'abstain' }]);
    await waitFor(() => seen.length > 0, 3000, 'the tally to reach the observer');
    expect(seen[0]).toMatchObject({ workspaceId: demoWorkspaceId, roundId: round.id, status: 'open', tally: { answeredCount: 1, byPosition: { abstain: 1 }, answered: ['scop-menuiserie-de-la-bresse'] } });
    expect(seen[0]?.revision).toBeGreaterThan(round.revision);
  });

  it('answers bad input and refusals with French problems, never crashing', async () => {
    const round = await openRound(server, await signInAs(server.url, 'facilitator'));
    const member = await connect((await signInAs(server.url, 'member')).token);
    const missing = await vote(member, { position: 'agree' });
    expect(missing).toMatchObject({ ok: false, problem: { status: 400, title: 'Tour de décision ou espace de travail manquant.' } });
    const noReason = await vote(member, { workspaceId: demoWorkspaceId, roundId: round.id, position: 'object', reason: '' });
    expect(noReason).toMatchObject({ ok: false, problem: { status: 400, fields: { reason: 'Une objection doit être motivée : expliquez ce qui vous empêche de consentir.' } } });
    const garbage = await vote(member, 'pas un objet');
    expect(garbage.ok).toBe(false);
    const unknown = await vote(member, { workspaceId: demoWorkspaceId, roundId: 'inconnu', position: 'agree' });
    expect(unknown).toMatchObject({ ok: false, problem: { status: 404, title: 'Ce tour de décision n’existe pas.' } });
    const partner = await connect((await signInAs(server.url, 'partner')).token);
    const refused = await vote(partner, { workspaceId: demoWorkspaceId, roundId: round.id, position: 'agree' });
    expect(refused).toMatchObject({ ok: false, problem: { status: 403 } });
    const facilitator = await connect((await signInAs(server.url, 'facilitator')).token);
    const notRepresentative = await vote(facilitator, { workspaceId: demoWorkspaceId, roundId: round.id, position: 'agree' });
    expect(notRepresentative).toMatchObject({ ok: false, problem: { status: 403 } });
    // A bare emit without an acknowledgement is harmless.
    member.emit(SocketEvent.roundsPosition, { workspaceId: demoWorkspaceId, roundId: round.id, position: 'agree' } as never, undefined as never);
    await waitFor(() => server.trame.db.data.rounds[0]?.positions.length === 1, 3000, 'the bare vote');
  });
});
