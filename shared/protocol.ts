/**
 * Wire constants shared by server and client: y-websocket message types, WebSocket close codes,
 * and the Socket.IO event names and payload maps.
 *
 * The y-websocket protocol (from `y-protocols`) frames every WebSocket message as one varUint
 * message type followed by its body. Trame speaks it unchanged so that any `WebsocketProvider`
 * can connect to `/yjs/<documentName>`.
 */
import type { PresenceJoin, PresencePerson } from './schemas/presence';
import type { ProgrammeReport } from './schemas/programme-report';
import type { RoundsChanged, RoundView } from './schemas/rounds';
import type { Problem } from './result';

/** y-websocket message types (first varUint of every message). */
export const YjsMessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Path prefix of the y-websocket endpoint: `ws://HOST/yjs/<documentName>`. */
export const yjsPathPrefix = '/yjs/';

/**
 * Close codes the y-websocket endpoint uses. 1000–1015 are the RFC 6455 codes; 4000–4999 are
 * Trame's own, each documented so that integrators can act on them.
 */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A message exceeded `limits.maxYjsMessageBytes`; nothing of it was applied or stored. */
  messageTooBig: 1009,
  /** A message could not be decoded or applied (malformed or truncated); nothing of it was kept. */
  malformedMessage: 4400,
  /** The session that opened the connection ended (signed out, revoked, password changed). */
  sessionEnded: 4401,
  /** The connection sent more messages than `limits.yjsMessagesPerSecond` allows. */
  rateLimited: 4429,
  /** The document could not be loaded from storage; the server keeps its data untouched. */
  documentUnavailable: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Human-readable close reasons (sent in the close frame, kept under 123 bytes). */
export const closeReason: Record<CloseCode, string> = {
  [CloseCode.goingAway]: 'server shutting down',
  [CloseCode.messageTooBig]: 'message too big',
  [CloseCode.malformedMessage]: 'malformed message',
  [CloseCode.sessionEnded]: 'session ended',
  [CloseCode.rateLimited]: 'too many messages',
  [CloseCode.documentUnavailable]: 'document unavailable',
};

/** Socket.IO event names, `domain:verb`, defined once. */
export const SocketEvent = {
  presenceJoin: 'presence:join',
  presenceLeave: 'presence:leave',
  presenceChanged: 'presence:changed',
  /** The server checked the structured contract after an update and its report changed. */
  programmeReport: 'programme:report',
  /** The follow-up of an action, an evaluation, the adoption or the envelope changed. */
  followUpChanged: 'followup:changed',
  workspaceChanged: 'workspace:changed',
  /** Deliberation: something changed in the comments, amendments or consent rounds of a workspace. */
  commentsChanged: 'comments:changed',
  amendmentsChanged: 'amendments:changed',
  roundsChanged: 'rounds:changed',
  /** A representative gives (or changes) their structure's position in a consent round; acknowledged with the round. */
  roundsPosition: 'rounds:position',
  /** A person's inbox changed (sent to that person's sockets only). */
  notificationsChanged: 'notifications:changed',
  /** A version was named, adopted, restored or published, or a checkpoint taken: lists refresh. */
  versionsChanged: 'versions:changed',
  /** Progress of one person's export job (sent to that person's sockets only). */
  exportProgress: 'exports:progress',
} as const;

/** Acknowledgement of every state-changing Socket.IO event, sent after the change is applied. */
export type Ack<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Events the client emits. */
export interface ClientToServerEvents {
  [SocketEvent.presenceJoin]: (payload: PresenceJoin, ack: (result: Ack<PresencePerson[]>) => void) => void;
  [SocketEvent.presenceLeave]: (payload: { workspaceId: string }, ack: (result: Ack<null>) => void) => void;
  [SocketEvent.roundsPosition]: (
    payload: { workspaceId: string; roundId: string; position: string; reason?: string; structureId?: string },
    ack: (result: Ack<RoundView>) => void,
  ) => void;
}

/** Events the server emits. */
/** Where an export job stands; `progress` goes from 0 to 1. */
export interface ExportProgress {
  workspaceId: string;
  jobId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  /** French words for the current step ("Fiches action (12 sur 120)"). */
  step: string;
  /** The download's name once done ("Contrat ESS … — Version adoptée.docx"). */
  fileName: string | null;
  /** French reason when failed. */
  problem: string | null;
}

export interface ServerToClientEvents {
  [SocketEvent.presenceChanged]: (payload: { workspaceId: string; present: PresencePerson[] }) => void;
  [SocketEvent.programmeReport]: (payload: ProgrammeReport) => void;
  [SocketEvent.followUpChanged]: (payload: { workspaceId: string }) => void;
  [SocketEvent.workspaceChanged]: (payload: { workspaceId: string }) => void;
  /** `threadId`: the one thread that changed (clients fetch just that one); absent: re-read them all. */
  [SocketEvent.commentsChanged]: (payload: { workspaceId: string; threadId?: string }) => void;
  [SocketEvent.amendmentsChanged]: (payload: { workspaceId: string }) => void;
  [SocketEvent.roundsChanged]: (payload: RoundsChanged) => void;
  [SocketEvent.notificationsChanged]: (payload: { workspaceId: string; unread: number }) => void;
  [SocketEvent.versionsChanged]: (payload: { workspaceId: string }) => void;
  [SocketEvent.exportProgress]: (payload: ExportProgress) => void;
}
