/**
 * Socket.IO handlers for workspace presence: validate, check against the workspace, update the
 * registry, acknowledge, and tell the workspace's room.
 */
import type { Server, Socket } from 'socket.io';
import { structureColour } from '../../shared/colours';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import { toProblem } from '../../shared/result';
import { presenceJoinSchema, presenceLeaveSchema } from '../../shared/schemas/presence';
import type { MetadataStore } from '../store/metadata-store';
import { getStructure } from '../workspaces/workspaces.service';
import type { PresenceRegistry } from './presence.service';

type TrameServer = Server<ClientToServerEvents, ServerToClientEvents>;
type TrameSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

const roomOf = (workspaceId: string): string => `workspace:${workspaceId}`;

function invalidPayload<T>(fields: Record<string, string>): Ack<T> {
  return { ok: false, problem: toProblem({ kind: 'invalid', title: 'Données de présence invalides.', fields }) };
}

/** Calls `ack` only when the client gave one (a bare emit must not crash the handler). */
function reply<T>(ack: unknown, result: Ack<T>): void {
  if (typeof ack === 'function') (ack as (result: Ack<T>) => void)(result);
}

export function registerPresenceEvents(io: TrameServer, db: MetadataStore, registry: PresenceRegistry): void {
  io.on('connection', (socket: TrameSocket) => {
    const joined = new Set<string>();

    const leave = (workspaceId: string): void => {
      joined.delete(workspaceId);
      void socket.leave(roomOf(workspaceId));
      if (registry.leave(workspaceId, socket.id)) {
        io.to(roomOf(workspaceId)).emit(SocketEvent.presenceChanged, { workspaceId, present: registry.list(workspaceId) });
      }
    };

    socket.on(SocketEvent.presenceJoin, (payload, ack) => {
      const parsed = presenceJoinSchema.safeParse(payload);
      if (!parsed.success) {
        const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
        return reply(ack, invalidPayload(fields));
      }
      const { workspaceId, name, structureId } = parsed.data;
      const structure = getStructure(db, workspaceId, structureId);
      if (!structure.ok) return reply(ack, { ok: false, problem: toProblem(structure.error) });
      joined.add(workspaceId);
      void socket.join(roomOf(workspaceId));
      const present = registry.join(workspaceId, {
        connectionId: socket.id,
        name,
        structureId,
        structureName: structure.value.name,
        colour: structureColour(structureId),
      });
      reply(ack, { ok: true, data: present });
      socket.to(roomOf(workspaceId)).emit(SocketEvent.presenceChanged, { workspaceId, present });
    });

    socket.on(SocketEvent.presenceLeave, (payload, ack) => {
      const parsed = presenceLeaveSchema.safeParse(payload);
      if (!parsed.success) return reply(ack, invalidPayload({ workspaceId: 'Espace de travail manquant.' }));
      leave(parsed.data.workspaceId);
      reply(ack, { ok: true, data: null });
    });

    socket.on('disconnect', () => {
      for (const workspaceId of [...joined]) leave(workspaceId);
    });
  });
}
