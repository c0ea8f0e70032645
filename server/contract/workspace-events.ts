/**
 * What the contract domain tells the people of a workspace live, on Socket.IO, to the room
 * `workspace:<id>` that sockets join with presence: the server's report on the structured
 * contract, a change of follow-up, a change of the workspace itself (envelope, adoption).
 * An interface so that services do not depend on Socket.IO.
 */
import type { Server } from 'socket.io';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { ProgrammeReport } from '../../shared/schemas/programme-report';
import type { SocketData } from '../auth/socket-auth';

export interface WorkspaceEvents {
  programmeReport(report: ProgrammeReport): void;
  followUpChanged(workspaceId: string): void;
  workspaceChanged(workspaceId: string): void;
  /** A version was named, adopted, restored or published, or a checkpoint taken. */
  versionsChanged(workspaceId: string): void;
}

type TrameServer = Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

const roomOf = (workspaceId: string): string => `workspace:${workspaceId}`;

export function socketWorkspaceEvents(io: TrameServer): WorkspaceEvents {
  return {
    programmeReport: (report) => io.to(roomOf(report.workspaceId)).emit(SocketEvent.programmeReport, report),
    followUpChanged: (workspaceId) => io.to(roomOf(workspaceId)).emit(SocketEvent.followUpChanged, { workspaceId }),
    workspaceChanged: (workspaceId) => io.to(roomOf(workspaceId)).emit(SocketEvent.workspaceChanged, { workspaceId }),
    versionsChanged: (workspaceId) => io.to(roomOf(workspaceId)).emit(SocketEvent.versionsChanged, { workspaceId }),
  };
}
