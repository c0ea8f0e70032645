/**
 * Helpers for the contract domain's server tests: a Socket.IO client present in the demo
 * workspace that records what the server announces, and reading a programme the way the
 * server does.
 */
import { io, type Socket } from 'socket.io-client';
import type * as Y from 'yjs';
import { consolidate, type Consolidation } from '../../../shared/budget/consolidate';
import { readProgramme, type ProgrammeView } from '../../../shared/programme/read';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../../shared/protocol';
import type { ProgrammeReport } from '../../../shared/schemas/programme-report';
import type { Envelope } from '../../../shared/schemas/workspace';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a workspace's Socket.IO room received, in order. */
export interface Announcements {
  socket: ClientSocket;
  reports: ProgrammeReport[];
  followUpChanged: number;
  workspaceChanged: number;
  latestReport(): ProgrammeReport | undefined;
}

/** Connects with a token and joins the workspace's presence (hence its Socket.IO room). */
export async function listenToWorkspace(baseUrl: string, token: string, workspaceId: string): Promise<Announcements> {
  const socket: ClientSocket = io(baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  const heard: Announcements = {
    socket,
    reports: [],
    followUpChanged: 0,
    workspaceChanged: 0,
    latestReport: () => heard.reports[heard.reports.length - 1],
  };
  socket.on(SocketEvent.programmeReport, (report) => heard.reports.push(report));
  socket.on(SocketEvent.followUpChanged, () => heard.followUpChanged++);
  socket.on(SocketEvent.workspaceChanged, () => heard.workspaceChanged++);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const joined = await socket.timeout(5000).emitWithAck(SocketEvent.presenceJoin, { workspaceId });
  if (!joined.ok) throw new Error(`presence join refused: ${joined.problem.title}`);
  return heard;
}

/** Reads and consolidates a programme as the server does (without the member check). */
export function analyse(doc: Y.Doc, envelope?: Envelope): { programme: ProgrammeView; consolidation: Consolidation } {
  const programme = readProgramme(doc);
  return { programme, consolidation: consolidate(programme.lines, envelope) };
}

/** French amounts use narrow no-break spaces: compare them with plain ones. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}
