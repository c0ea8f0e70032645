/**
 * What the comments domain tells a workspace live: `comments:changed` to the room
 * `workspace:<id>` (sockets join it with presence), after each stored change. Clients re-fetch.
 */
import type { Server } from 'socket.io';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { SocketData } from '../auth/socket-auth';

type TrameServer = Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

export function socketCommentsChanged(io: TrameServer): (workspaceId: string, threadId: string) => void {
  return (workspaceId, threadId) => io.to(`workspace:${workspaceId}`).emit(SocketEvent.commentsChanged, { workspaceId, threadId });
}
