/**
 * Socket.IO authentication at the handshake (session cookie from Trame's origin, or an access
 * token in `auth.token`), and disconnection of sockets whose session ends (revoked or expired).
 */
import type { Server } from 'socket.io';
import type { MetadataStore } from '../store/metadata-store';
import { resolveViewer, type Viewer } from './auth.middleware';
import { isAllowedOrigin, readCredentials } from './credentials';
import type { SessionRevocations } from './session-revocations';
import type { SessionsService } from './sessions.service';

/** What each authenticated socket carries. */
export interface SocketData {
  viewer: Viewer;
}

/** The Socket.IO room of one person's sockets. */
export function personRoom(personId: string): string {
  return `person:${personId}`;
}

export function authenticateSockets(
  // Any typed server: only the middleware and socket list are used here.
  io: Server<never, never, never, SocketData>,
  db: MetadataStore,
  sessions: SessionsService,
  revocations: SessionRevocations,
  allowedOrigins: readonly string[],
  /** How often open sockets' sessions are checked (expiry); the y-websocket ping interval. */
  sessionCheckIntervalMs: number,
): () => void {
  io.use((socket, next) => {
    const { headers, auth } = socket.handshake;
    const token = typeof auth['token'] === 'string' ? auth['token'] : undefined;
    const credentials = token !== undefined ? { secret: token, via: 'token' as const } : readCredentials(headers);
    if (credentials?.via === 'cookie' && !isAllowedOrigin(headers, allowedOrigins)) {
      return next(Object.assign(new Error('forbidden'), { data: { title: 'Connexion refusée : elle ne vient pas de Trame.' } }));
    }
    const viewer = resolveViewer(db, sessions, credentials);
    if (viewer === undefined) return next(Object.assign(new Error('unauthenticated'), { data: { title: 'Connectez-vous pour continuer.' } }));
    socket.data.viewer = viewer;
    // Each person's sockets share a room, for what concerns them alone (their notifications).
    void socket.join(personRoom(viewer.person.id));
    next();
  });
  const stopRevocations = revocations.onRevoked((sessionIds) => {
    const ended = new Set(sessionIds);
    for (const socket of io.sockets.sockets.values()) {
      if (ended.has(socket.data.viewer.session.id)) socket.disconnect(true);
    }
  });
  // Sessions also end by expiring; nothing announces that, so open sockets are checked now and then.
  const expiryTimer = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      if (!sessions.isLive(socket.data.viewer.session.id)) socket.disconnect(true);
    }
  }, sessionCheckIntervalMs);
  expiryTimer.unref();
  return () => {
    stopRevocations();
    clearInterval(expiryTimer);
  };
}
