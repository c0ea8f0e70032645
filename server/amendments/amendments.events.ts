/** Tells the sockets of a workspace (room `workspace:<id>`, joined with presence) that its amendments changed. */
import type { Server } from 'socket.io';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { SocketData } from '../auth/socket-auth';

export function socketAmendmentsChanged(io: Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>): (workspaceId: string) => void {
  return (workspaceId) => io.to(`workspace:${workspaceId}`).emit(SocketEvent.amendmentsChanged, { workspaceId });
}
