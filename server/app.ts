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
import { AccessControl } from './access/access-control';
import { socketAmendmentsChanged } from './amendments/amendments.events';
import { amendmentsRoutes } from './amendments/amendments.routes';
import { AmendmentsService } from './amendments/amendments.service';
import { createYjsAccessResolver } from './access/yjs-access';
import { AuditLog } from './audit/audit-log';
import { auditRoutes } from './audit/audit.routes';
import { authenticate, checkOrigin } from './auth/auth.middleware';
import { authRoutes } from './auth/auth.routes';
import { AuthService } from './auth/auth.service';
import { SessionRevocations } from './auth/session-revocations';
import { SessionsService } from './auth/sessions.service';
import { authenticateSockets, type SocketData } from './auth/socket-auth';
import { socketCommentsChanged } from './comments/comments.events';
import { commentsRoutes } from './comments/comments.routes';
import { CommentsService } from './comments/comments.service';
import { ContractReader } from './contract/contract-reader';
import { followUpRoutes } from './contract/follow-up.routes';
import { FollowUpService } from './contract/follow-up.service';
import { ProgrammeMonitor } from './contract/programme-monitor';
import { programmeRoutes } from './contract/programme.routes';
import { ProgrammeService } from './contract/programme.service';
import { Checkpoints } from './versions/checkpoints';
import { authorshipRecorderFor } from './versions/authorship-recorder';
import { authorshipRoutes } from './versions/authorship.routes';
import { versionDiffRoutes } from './versions/diff.routes';
import { Publications } from './versions/publications';
import { versionsRoutes } from './versions/versions.routes';
import { VersionsService } from './versions/versions.service';
import { ExportJobs } from './exports/export-jobs';
import { exportsRoutes } from './exports/exports.routes';
import { publicPageRoutes } from './exports/public-page.routes';
import { personRoom } from './auth/socket-auth';
import { SocketEvent } from '../shared/protocol';
import { socketWorkspaceEvents } from './contract/workspace-events';
import { seedDemo, isEmpty } from './demo/seed-demo';
import { textImportsRoutes } from './imports-text/text-imports.routes';
import { TextImportsService } from './imports-text/text-imports.service';
import { healthRoutes } from './http/health.routes';
import { apiNotFound, assignRequestId, errorHandler, sendProblem } from './http/problem';
import { createMailer } from './mail/mailer';
import { InvitationsService } from './members/invitations.service';
import { MemberImportService } from './members/member-import.service';
import { membersRoutes } from './members/members.routes';
import { MembersService } from './members/members.service';
import { EmailDigestSender } from './notifications/email-digest';
import { notificationsRoutes } from './notifications/notifications.routes';
import { NotificationsService } from './notifications/notifications.service';
import { PresenceRegistry } from './presence/presence.service';
import { registerPresenceEvents } from './presence/presence.events';
import { RoomRegistry } from './realtime/room-registry';
import { registerRoundEvents, socketRoundEvents } from './rounds/rounds.events';
import { roundsRoutes } from './rounds/rounds.routes';
import { RoundsService } from './rounds/rounds.service';
import { attachYjsEndpoint, type ResolveYjsAccess } from './realtime/yjs-endpoint';
import { EmbeddedDocumentStore } from './store/embedded-document-store';
import { openMetadataStore, type MetadataStore } from './store/metadata-store';
import { workspacesRoutes } from './workspaces/workspaces.routes';

export interface Trame {
  httpServer: Server;
  db: MetadataStore;
  rooms: RoomRegistry;
  /** Tells people what concerns them (tests create notifications through it). */
  notifications: NotificationsService;
  /** Versions of contracts (tests and the bench take snapshots through it). */
  versions: VersionsService;
  /** The one-time link path that creates the first coordinator, while it is unused. */
  setupPath: string | undefined;
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
    const workspace = await seedDemo(db, store, config.scryptCost);
    logger.info({ workspace: workspace.id }, 'demo workspace created');
  }

  const audit = new AuditLog(config.dataDir, logger);
  const revocations = new SessionRevocations();
  const sessions = new SessionsService(db, revocations);
  const auth = new AuthService(db, sessions, audit, config.scryptCost);
  const access = new AccessControl(db, audit);
  const mailer = createMailer(config.smtpUrl, config.mailFrom, logger);
  const invitations = new InvitationsService(db, audit, config.scryptCost, mailer);
  const setupSecret = await auth.prepareSetup();

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
  app.use('/api', checkOrigin(config.allowedOrigins), express.json({ limit: limits.maxJsonBodyBytes }), authenticate(db, sessions));

  const httpServer = createServer(app);
  const io = new SocketServer<ClientToServerEvents, ServerToClientEvents, never, SocketData>(httpServer, {
    serveClient: false,
    // Our own upgrade handler answers /yjs/ upgrades; Socket.IO must not destroy them.
    destroyUpgrade: false,
    maxHttpBufferSize: limits.maxJsonBodyBytes,
  });
  const stopSocketAuth = authenticateSockets(io, db, sessions, revocations, config.allowedOrigins, config.pingIntervalMs);
  registerPresenceEvents(io, db, access, new PresenceRegistry());
  // Every domain of the deliberation tells people through this one service.
  const notifications = new NotificationsService(db, io);
  // Only with SMTP: one email per person listing their unread notifications, hourly or daily.
  const digest = mailer === undefined ? undefined : new EmailDigestSender({ db, mailer, logger, intervalMs: config.digestIntervalMs, publicUrl: config.publicUrl });
  digest?.start();
  // The structured contract: checked live after updates, read by the programme and follow-up routes.
  const events = socketWorkspaceEvents(io);
  const monitor = new ProgrammeMonitor({ db, rooms, events, logger });
  monitor.start();
  const reader = new ContractReader(db, rooms);
  // Versions: named and adopted states of the contract (adoption freezes it), and the automatic timeline.
  const versions = new VersionsService({ db, store, rooms, audit, events, logger });
  const checkpoints = new Checkpoints({ db, rooms, versions, intervalMs: config.checkpointIntervalMs, logger });
  checkpoints.start();
  // Exports of any version, one at a time, never holding up editing; progress goes to the requester's sockets.
  const exportJobs = new ExportJobs({ db, versions, logger, emit: (personId, progress) => io.to(personRoom(personId)).emit(SocketEvent.exportProgress, progress) });
  // Consent rounds: votes over Socket.IO (and REST); open rounds close at their deadline, even across restarts.
  const rounds = new RoundsService({ db, audit, notifications, rooms, events: socketRoundEvents(io), logger });
  registerRoundEvents(io, access, rounds, logger);
  await rounds.start();

  // Who writes with which Yjs client id (authorship of the contract's text, contributors appendix).
  const authorship = authorshipRecorderFor(db, logger);
  const resolveYjsAccess: ResolveYjsAccess = options.resolveYjsAccess ?? createYjsAccessResolver(db, sessions, access, config.allowedOrigins, authorship);
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
  const stopYjsRevocations = revocations.onRevoked((sessionIds) => yjs.closeSessions(sessionIds));
  app.use('/api', authRoutes({ auth, sessions, signInAttempts: config.signInAttempts, signInWindowMs: config.signInWindowMs }));
  app.use('/api', workspacesRoutes(db, access));
  app.use('/api', membersRoutes({ db, access, auth, sessions, members: new MembersService(db, audit), invitations, imports: new MemberImportService(db, invitations, audit) }));
  app.use('/api', auditRoutes(db, access, audit));
  app.use('/api', programmeRoutes({ db, access, monitor, logger, versions, programme: new ProgrammeService({ db, audit, reader, monitor, events, logger }) }));
  // Before the versions' router: `/versions/:id/authorship` must not reach its `/versions/:id` routes.
  app.use('/api', authorshipRoutes({ db, access, versions }));
  app.use('/api', versionDiffRoutes({ db, access, versions }));
  app.use('/api', versionsRoutes(access, versions, new Publications({ db, audit, events, versions })));
  app.use('/api', followUpRoutes(db, access, new FollowUpService({ db, audit, reader, events, logger })));
  app.use('/api', notificationsRoutes({ db, access, notifications, emailAvailable: mailer !== undefined }));
  app.use('/api', roundsRoutes(access, rounds));
  app.use('/api', commentsRoutes(access, new CommentsService({ db, audit, rooms, notifications, changed: socketCommentsChanged(io), writesPerSecond: config.commentWritesPerMinute / 60 })));
  app.use('/api', amendmentsRoutes(access, new AmendmentsService({ db, rooms, audit, notifications, logger, changed: socketAmendmentsChanged(io) })));
  app.use('/api', textImportsRoutes(access, new TextImportsService({ db, rooms, access, audit, logger })));
  app.use('/api', exportsRoutes(access, exportJobs));
  app.use('/api', apiNotFound);
  // The public page of a published version (no account), before the client's fallback.
  app.use(publicPageRoutes({ db, versions, logger }));
  serveClient(app, config.clientDir);
  app.use(errorHandler(logger, limits.maxJsonBodyBytes));

  return {
    httpServer,
    db,
    rooms,
    notifications,
    versions,
    setupPath: setupSecret === undefined ? undefined : `/installation#${setupSecret}`,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo); // a TCP listener always has an AddressInfo
        });
      }),
    close: async () => {
      stopSocketAuth();
      stopYjsRevocations();
      monitor.stop();
      await rounds.stop();
      await digest?.stop();
      await exportJobs.stop();
      httpServer.close();
      await rooms.closeAll();
      // Rooms closing after edits take their last checkpoint: wait for it before closing the store.
      await checkpoints.stop();
      await versions.stop();
      await authorship.stop();
      yjs.close();
      await io.close();
      await store.close();
      await audit.flush();
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
