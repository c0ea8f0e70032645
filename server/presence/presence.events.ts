/**
 * Socket.IO handlers for workspace presence: validate, check the person's access to the
 * workspace, update the registry, acknowledge, and tell the workspace's room. Who the person
 * is comes from their session (set at the handshake), never from the payload.
 */
import type { Server, Socket } from 'socket.io';
import { neutralColour, structureColour } from '../../shared/colours';
import { roleLabels } from '../../shared/permissions';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import { toProblem } from '../../shared/result';
import { presenceJoinSchema, presenceLeaveSchema } from '../../shared/schemas/presence';
import type { AccessControl } from '../access/access-control';
import { structureIdsOf } from '../auth/people.repository';
import type { SocketData } from '../auth/socket-auth';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure } from '../workspaces/workspaces.repository';
import type { PresenceRegistry } from './presence.service';

type TrameServer = Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>;
type TrameSocket = Socket<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

const roomOf = (workspaceId: string): string => `workspace:${workspaceId}`;

/** Calls `ack` only when the client gave one (a bare emit must not crash the handler). */
function reply<T>(ack: unknown, result: Ack<T>): void {
  if (typeof ack === 'function') (ack as (result: Ack<T>) => void)(result);
}

export function registerPresenceEvents(io: TrameServer, db: MetadataStore, access: AccessControl, registry: PresenceRegistry): void {
  io.on('connection', (socket: TrameSocket) => {
    const joined = new Set<string>();
    const { person } = socket.data.viewer;

    const leave = (workspaceId: string): void => {
      joined.delete(workspaceId);
      void socket.leave(roomOf(workspaceId));
      if (registry.leave(workspaceId, socket.id)) {
        io.to(roomOf(workspaceId)).emit(SocketEvent.presenceChanged, { workspaceId, present: registry.list(workspaceId) });
      }
    };

    socket.on(SocketEvent.presenceJoin, (payload, ack) => {
      const parsed = presenceJoinSchema.safeParse(payload);
      if (!parsed.success) return reply(ack, { ok: false, problem: toProblem({ kind: 'invalid', title: 'Données de présence invalides.' }) });
      const { workspaceId } = parsed.data;
      const decision = access.check(person.id, workspaceId, 'presence.join', 'socket');
      if (!decision.ok) return reply(ack, { ok: false, problem: toProblem(decision.error) });
      const own = structureIdsOf(db, person.id).flatMap((id) => findStructure(db, workspaceId, id) ?? []);
      const requested = parsed.data.structureId;
      if (requested !== undefined && !own.some((s) => s.id === requested)) {
        return reply(ack, { ok: false, problem: toProblem({ kind: 'invalid', title: 'Vous n’appartenez pas à cette structure.', fields: { structureId: 'Choisissez l’une de vos structures.' } }) });
      }
      const structure = own.find((s) => s.id === requested) ?? own[0];
      joined.add(workspaceId);
      void socket.join(roomOf(workspaceId));
      const present = registry.join(workspaceId, {
        connectionId: socket.id,
        personId: person.id,
        name: person.displayName,
        structureId: structure?.id ?? null,
        structureName: structure?.name ?? roleLabels[decision.value],
        colour: structure === undefined ? neutralColour : structureColour(structure.id),
      });
      reply(ack, { ok: true, data: present });
      socket.to(roomOf(workspaceId)).emit(SocketEvent.presenceChanged, { workspaceId, present });
    });

    socket.on(SocketEvent.presenceLeave, (payload, ack) => {
      const parsed = presenceLeaveSchema.safeParse(payload);
      if (!parsed.success) return reply(ack, { ok: false, problem: toProblem({ kind: 'invalid', title: 'Espace de travail manquant.' }) });
      leave(parsed.data.workspaceId);
      reply(ack, { ok: true, data: null });
    });

    socket.on('disconnect', () => {
      for (const workspaceId of [...joined]) leave(workspaceId);
    });
  });
}
