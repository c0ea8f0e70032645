/**
 * Consent rounds over Socket.IO: the `rounds:position` event (a representative's vote, answered by
 * an acknowledgement carrying the round or a French problem) and the `rounds:changed`
 * announcements to the workspace's room, each with the round's new tally so that a hundred and
 * fifty open screens update without re-reading the round.
 */
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import { toProblem } from '../../shared/result';
import { positionInputSchema, socketPositionSchema, type RoundView } from '../../shared/schemas/rounds';
import type { AccessControl } from '../access/access-control';
import type { SocketData } from '../auth/socket-auth';
import { fieldMessages } from '../http/validate';
import type { RoundEvents, RoundsService } from './rounds.service';

type TrameServer = Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>;
type TrameSocket = Socket<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

const roomOf = (workspaceId: string): string => `workspace:${workspaceId}`;

export function socketRoundEvents(io: TrameServer): RoundEvents {
  return {
    roundsChanged: (payload) => io.to(roomOf(payload.workspaceId)).emit(SocketEvent.roundsChanged, payload),
    workspaceChanged: (workspaceId) => io.to(roomOf(workspaceId)).emit(SocketEvent.workspaceChanged, { workspaceId }),
  };
}

export function registerRoundEvents(io: TrameServer, access: AccessControl, rounds: RoundsService, logger: Logger): void {
  io.on('connection', (socket: TrameSocket) => {
    socket.on(SocketEvent.roundsPosition, (payload, ack) => {
      const reply = (result: Ack<RoundView>): void => {
        if (typeof ack === 'function') ack(result);
      };
      const envelope = socketPositionSchema.safeParse(payload);
      if (!envelope.success) return reply({ ok: false, problem: toProblem({ kind: 'invalid', title: 'Tour de décision ou espace de travail manquant.' }) });
      const { workspaceId, roundId, ...rest } = envelope.data;
      const input = positionInputSchema.safeParse(rest);
      if (!input.success) return reply({ ok: false, problem: toProblem({ kind: 'invalid', title: 'Certains champs sont à corriger.', fields: fieldMessages(input.error) }) });
      const { person } = socket.data.viewer;
      const decision = access.check(person.id, workspaceId, 'rounds.vote', 'socket');
      if (!decision.ok) return reply({ ok: false, problem: toProblem(decision.error) });
      rounds
        .givePosition({ person, role: decision.value }, workspaceId, roundId, input.data)
        .then((result) => reply(result.ok ? { ok: true, data: result.value } : { ok: false, problem: toProblem(result.error) }))
        .catch((error: unknown) => {
          logger.error({ err: error, workspaceId, roundId }, 'consent round position failed');
          reply({ ok: false, problem: toProblem({ kind: 'internal', title: 'Erreur interne du serveur.', detail: 'L’incident est enregistré ; réessayez dans un instant.' }) });
        });
    });
  });
}
