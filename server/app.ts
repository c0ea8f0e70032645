/**
 * Builds Trame: one HTTP server carrying Express (`/api` and the client), Socket.IO
 * (`/socket.io`) and the y-websocket endpoint (`/yjs/<document>`), over one store.
 * Wiring only: the rules live in the domains.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { Server as SocketServer } from 'socket.io';
import { limits } from '../shared/limits';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol';
import packageJson from '../package.json' with { type: 'json' };
import type { TrameConfig } from './config';
import { seedDemo, isEmpty } from './demo/seed-demo';
import { findDocument } from './documents/documents.repository';
import { healthRoutes } from './http/health.routes';
import { apiNotFound, assignRequestId, errorHandler, sendProblem } from './http/problem';
import { PresenceRegistry } from './presence/presence.service';
import { registerPresenceEvents } from './presence/presence.events';
import { RoomRegistry } from './realtime/room-registry';
import { attachYjsEndpoint, type ResolveYjsAccess } from './realtime/yjs-endpoint';
import { EmbeddedDocumentStore } from './store/embedded-document-store';
import { openMetadataStore, type MetadataStore } from './store/metadata-store';
import { workspacesRoutes } from './workspaces/workspaces.routes';

export interface Trame {
  httpServer: Server;
  db: MetadataStore;
  rooms: RoomRegistry;
  /** Starts listening; resolves with the bound address (port 0 picks a free port). */
  listen(): Promise<AddressInfo>;
  /** Writes everything pending, closes every connection and file. */
  close(): Promise<void>;
}

export interface TrameOptions {
  /** Overrides who may do what on the y-websocket endpoint (the access issue plugs in here). */
  resolveYjsAccess?: ResolveYjsAccess;
}

export async function createTrame(config: TrameConfig, logger: Logger, options: TrameOptions = {}): Promise<Trame> {
  const db = await openMetadataStore(config.dataDir);
  const store = new EmbeddedDocumentStore({ dataDir: config.dataDir, fsyncIntervalMs: config.fsyncIntervalMs, logger });
  if (config.seedDemo && isEmpty(db)) {
    const workspace = await seedDemo(db, store);
    logger.info({ workspace: workspace.id }, 'demo workspace created');
  }

  const rooms = new RoomRegistry({
    store,
    logger,
    idleUnloadMs: config.idleUnloadMs,
    awarenessFlushMs: config.awarenessFlushMs,
    compactAfterUpdates: config.compactAfterUpdates,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'", 'ws:', 'wss:'],
          // prosemirror-view and y-prosemirror set inline style attributes (cursor colours, widths).
          'style-src': ["'self'", "'unsafe-inline'"],
          // Trame is often served over plain http on a workshop's local network: never rewrite to https.
          'upgrade-insecure-requests': null,
        },
      },
      // Same reason: HSTS on a LAN address would lock browsers out of plain http.
      strictTransportSecurity: false,
    }),
  );
  app.use(assignRequestId);
  app.use('/api', express.json({ limit: limits.maxJsonBodyBytes }));

  const httpServer = createServer(app);
  const io = new SocketServer<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    // Our own upgrade handler answers /yjs/ upgrades; Socket.IO must not destroy them.
    destroyUpgrade: false,
    maxHttpBufferSize: limits.maxJsonBodyBytes,
  });
  registerPresenceEvents(io, db, new PresenceRegistry());

  const resolveYjsAccess: ResolveYjsAccess =
    options.resolveYjsAccess ??
    (async (_request, name) =>
      findDocument(db, name) === undefined
        ? { ok: false, status: 404, reason: 'Document inconnu.' }
        : { ok: true, access: { canWrite: true } });
  const yjs = attachYjsEndpoint({
    httpServer,
    registry: rooms,
    resolveAccess: resolveYjsAccess,
    maxMessageBytes: config.maxMessageBytes,
    messagesPerSecond: limits.yjsMessagesPerSecond,
    messageBurst: limits.yjsMessageBurst,
    pingIntervalMs: config.pingIntervalMs,
    logger,
  });

  app.use('/api', healthRoutes({ version: packageJson.version, openDocuments: () => rooms.openRooms.size, realtimeConnections: () => yjs.connectionCount }));
  app.use('/api', workspacesRoutes(db));
  app.use('/api', apiNotFound);
  serveClient(app, config.clientDir);
  app.use(errorHandler(logger, limits.maxJsonBodyBytes));

  return {
    httpServer,
    db,
    rooms,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo); // a TCP listener always has an AddressInfo
        });
      }),
    close: async () => {
      httpServer.close();
      await rooms.closeAll();
      yjs.close();
      await io.close();
      await store.close();
      httpServer.closeAllConnections();
    },
  };
}

/** Serves the built client, and its index.html for every other GET (client-side routes). */
function serveClient(app: express.Express, clientDir: string): void {
  const indexPath = join(clientDir, 'index.html');
  app.use(express.static(clientDir, { index: false, maxAge: '1h', setHeaders: (res, path) => {
    if (path.includes(`${join(clientDir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  } }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(indexPath)) {
      return sendProblem(req, res, { kind: 'internal', title: 'L’interface n’est pas construite.', detail: 'Lancez « npm run build » (ou « npm start », qui le fait).' });
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexPath);
  });
}
