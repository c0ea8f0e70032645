/**
 * The y-websocket endpoint, `ws://HOST/yjs/<documentName>`, on the shared HTTP server.
 * The upgrade is checked (path, document, access) before `handleUpgrade`, and answered quickly;
 * a refused upgrade gets a plain HTTP status and is never turned into a WebSocket.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { isDocumentName } from '../../shared/document-names';
import { CloseCode, yjsPathPrefix } from '../../shared/protocol';
import type { RoomRegistry } from './room-registry';
import { YjsConnection, type YjsAccess } from './yjs-connection';

/** Decides who may connect to a document, and how. */
export type ResolveYjsAccess = (
  request: IncomingMessage,
  documentName: string,
) => Promise<{ ok: true; access: YjsAccess } | { ok: false; status: number; reason: string }>;

export interface YjsEndpointOptions {
  httpServer: Server;
  registry: RoomRegistry;
  resolveAccess: ResolveYjsAccess;
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  pingIntervalMs: number;
  logger: Logger;
}

export interface YjsEndpoint {
  readonly connectionCount: number;
  /** Closes the connections opened by these sessions (signed out, revoked). */
  closeSessions(sessionIds: readonly string[]): void;
  /** Stops accepting connections and ends the live ones (rooms are closed by the registry). */
  close(): void;
}

export function attachYjsEndpoint(options: YjsEndpointOptions): YjsEndpoint {
  const { httpServer, registry, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
  const connections = new Set<YjsConnection>();

  const handleUpgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/socket.io/')) return; // Socket.IO answers its own upgrades
    if (!path.startsWith(yjsPathPrefix)) return refuse(socket, 404, 'Aucun point de connexion temps réel à cette adresse.');
    let name: string;
    try {
      name = decodeURIComponent(path.slice(yjsPathPrefix.length));
    } catch {
      return refuse(socket, 400, 'Nom de document invalide.');
    }
    if (!isDocumentName(name)) return refuse(socket, 400, 'Nom de document invalide.');
    const decision = await options.resolveAccess(request, name);
    if (!decision.ok) return refuse(socket, decision.status, decision.reason);
    if (socket.destroyed) return;
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new YjsConnection(ws, {
        id: randomUUID(),
        access: decision.access,
        messagesPerSecond: options.messagesPerSecond,
        messageBurst: options.messageBurst,
        maxBufferedBytes: Math.max(16 * 1024 * 1024, options.maxMessageBytes * 4),
        logger,
      });
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
      void registry.open(name).then(async (room) => {
        try {
          await room.ready;
        } catch {
          connection.close(CloseCode.documentUnavailable);
          return;
        }
        connection.attach(room);
      });
    });
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    handleUpgrade(request, socket, head).catch((error: unknown) => {
      logger.error({ err: error }, 'WebSocket upgrade failed');
      refuse(socket, 500, 'Erreur interne du serveur.');
    });
  };
  httpServer.on('upgrade', onUpgrade);

  const pingTimer = setInterval(() => {
    for (const connection of connections) {
      if (connection.access.isSessionLive?.() === false) connection.close(CloseCode.sessionEnded);
      else if (!connection.isAlive) connection.terminate();
      else connection.ping();
    }
  }, options.pingIntervalMs);
  pingTimer.unref();

  return {
    get connectionCount() {
      return connections.size;
    },
    closeSessions(sessionIds) {
      const ended = new Set(sessionIds);
      for (const connection of connections) {
        if (connection.access.sessionId !== undefined && ended.has(connection.access.sessionId)) connection.close(CloseCode.sessionEnded);
      }
    },
    close() {
      clearInterval(pingTimer);
      httpServer.off('upgrade', onUpgrade);
      for (const connection of connections) connection.close(CloseCode.goingAway);
      wss.close();
    },
  };
}

const statusText: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ type: 'about:blank', title: reason, status });
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
