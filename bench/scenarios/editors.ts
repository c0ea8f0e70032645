/**
 * Scenario 1, "editors": N real y-websocket editors (in a separate fleet process) type into one
 * document on a server running in its own process, Trame or the reference. Measures propagation
 * latency, messages delivered, server CPU and memory, and (Trame) bytes written to the log.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractDocumentName } from '../../shared/document-names';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { FleetHandle } from '../clients/fleet-handle';
import type { FleetConfig } from '../clients/fleet-protocol';
import { startServer, type ServerKind } from '../lib/child-server';
import { LogTracker, type LogWrites } from '../lib/log-tracker';
import type { LoopHealth } from '../lib/loop-health';
import { waitForQuiet } from '../lib/quiet';
import { compactionsLogged } from '../lib/server-log';
import { UsageSampler, hostBusyPercent, readHost, type UsageReading, type WindowUsage } from '../lib/process-usage';
import { distribution, type Distribution } from '../lib/stats';

/** The demo's registered document: Trame refuses unknown documents (404). */
export const benchDocumentName = contractDocumentName(demoWorkspaceId);

export interface EditorsOptions {
  editors: number;
  /** Target total keystrokes (document updates) per second, over all typing editors. */
  updatesPerSecond: number;
  /** Keystrokes per second of one typing editor (so typists = updatesPerSecond / this). */
  keystrokesPerSecond: number;
  seconds: number;
  awareness: boolean;
  /** Editors that measure arrivals (0 or ≥ editors: all of them). */
  observers: number;
  deleteFraction: number;
  seed: number;
  /** Extra Node options for the server process (e.g. `--cpu-prof`). */
  serverNodeArgs?: readonly string[];
  /** Wait (bounded) for other processes on the machine to go quiet before typing. */
  waitQuiet: boolean;
}

export interface EditorsRun {
  server: ServerKind;
  editors: number;
  observers: number;
  typists: number;
  keystrokesPerSecond: number;
  awareness: boolean;
  connect: { ms: number; failed: number; sync: Distribution };
  typing: { seconds: number; updates: number; inserts: number; deletes: number; updatesPerSecond: number };
  delivered: { syncPerSecond: number; awarenessPerSecond: number; messagesPerSecond: number; megabytesPerSecond: number };
  /** What the editors sent the server (awareness includes y-websocket's re-sending of remote awareness). */
  sentToServer: { syncPerSecond: number; awarenessPerSecond: number };
  latencyMs: { delivery: Distribution; allObservers: Distribution; incomplete: number; drained: boolean; drainMs: number };
  serverUsage: WindowUsage & { startMs: number; stopMs: number; stoppedCleanly: boolean; cpuMicrosPerFanout: number };
  fleetUsage: WindowUsage & LoopHealth;
  /** The whole machine during typing, in % of one core; "others" is what neither the server, the fleet nor the bench used. */
  host: { busyPercent: number; othersPercent: number };
  disk:
    | (LogWrites & {
        bytesPerUpdate: number;
        updatesPerRecord: number;
        bytesPerUpdateWithCompaction: number;
        /** Each compaction's duration (the server's own log): the document's broadcasts wait meanwhile. */
        compactionMs: number[];
      })
    | undefined;
  disconnects: number;
  divergentEditors: number;
  textLength: number;
}

export async function runEditors(kind: ServerKind, options: EditorsOptions, log: (line: string) => void): Promise<EditorsRun> {
  const dataDir = kind === 'trame' ? await mkdtemp(join(tmpdir(), 'trame-bench-editors-')) : undefined;
  const server = await startServer(kind, { ...(dataDir === undefined ? {} : { dataDir }), nodeArgs: options.serverNodeArgs ?? [] });
  let fleet: FleetHandle | undefined;
  let tracker: LogTracker | undefined;
  const serverUsage = new UsageSampler(server.pid);
  try {
    if (dataDir !== undefined) {
      tracker = await LogTracker.start(join(dataDir, 'docs', `${benchDocumentName}.ylog`), join(dataDir, '.bench-links'));
    }
    fleet = FleetHandle.start();
    const fleetUsage = new UsageSampler(fleet.pid);
    const observers = options.observers <= 0 || options.observers > options.editors ? options.editors : options.observers;
    const typists = Math.max(1, Math.min(options.editors, Math.round(options.updatesPerSecond / options.keystrokesPerSecond)));
    const config: FleetConfig = {
      url: server.wsUrl,
      params: server.params,
      documentName: benchDocumentName,
      textName: 'bench',
      editors: options.editors,
      observers,
      typists,
      keystrokesPerSecond: options.keystrokesPerSecond,
      seconds: options.seconds,
      deleteFraction: options.deleteFraction,
      awareness: options.awareness,
      connectConcurrency: 20,
      syncTimeoutMs: 30_000,
      drainTimeoutMs: 30_000,
      seed: options.seed,
    };
    log(`  ${kind}: connecting ${options.editors} editors…`);
    const connected = await fleet.connect(config, 120_000);
    if (connected.failed > 0) log(`  ${kind}: ${connected.failed} editors did not sync`);
    log(`  ${kind}: ${options.editors} editors synced in ${(connected.connectMs / 1000).toFixed(1)} s; ${typists} of them type for ${options.seconds} s…`);

    if (options.waitQuiet) await waitForQuiet([server.pid, fleet.pid], 40, 15_000, log);
    fleet.send({ type: 'type' });
    await fleet.next('typing-started', 10_000);
    const serverStart = serverUsage.sample();
    const fleetStart = fleetUsage.sample();
    const hostStart = readHost();
    const benchStart = process.cpuUsage();
    const stopped = await fleet.next('typing-stopped', options.seconds * 1000 + 30_000);
    const serverEnd = serverUsage.sample();
    const fleetEnd = fleetUsage.sample();
    const hostEnd = readHost();
    const benchCpu = process.cpuUsage(benchStart);
    const result = await fleet.next('result', 60_000);
    fleetUsage.stop();
    log(`  ${kind}: drained in ${(result.drainMs / 1000).toFixed(2)} s${result.drained ? '' : ' (NOT fully: timed out)'}`);

    await fleet.close();
    fleet = undefined;
    serverUsage.stop();
    const stop = await server.stop();
    const writes = tracker === undefined ? undefined : await tracker.finish();
    tracker = undefined;

    const seconds = stopped.seconds;
    const serverWindow = window(serverUsage, serverStart, serverEnd);
    const fleetWindow = window(fleetUsage, fleetStart, fleetEnd);
    const busyPercent = hostBusyPercent(hostStart, hostEnd);
    const benchPercent = ((benchCpu.user + benchCpu.system) / 1000 / (serverWindow.seconds * 1000)) * 100;
    const messages = stopped.syncMessages + stopped.awarenessMessages + stopped.otherMessages;
    return {
      server: kind,
      editors: options.editors,
      observers: result.observers,
      typists,
      keystrokesPerSecond: options.keystrokesPerSecond,
      awareness: options.awareness,
      connect: { ms: connected.connectMs, failed: connected.failed, sync: distribution(connected.syncMs.filter(Number.isFinite)) },
      typing: { seconds, updates: stopped.updates, inserts: stopped.inserts, deletes: stopped.deletes, updatesPerSecond: stopped.updates / seconds },
      delivered: {
        syncPerSecond: stopped.syncMessages / seconds,
        awarenessPerSecond: stopped.awarenessMessages / seconds,
        messagesPerSecond: messages / seconds,
        megabytesPerSecond: stopped.receivedBytes / seconds / 1024 / 1024,
      },
      sentToServer: { syncPerSecond: stopped.sentSyncMessages / seconds, awarenessPerSecond: stopped.sentAwarenessMessages / seconds },
      latencyMs: {
        delivery: distribution(result.deliveries),
        allObservers: distribution(result.fullPropagation),
        incomplete: result.incomplete,
        drained: result.drained,
        drainMs: result.drainMs,
      },
      serverUsage: {
        ...serverWindow,
        startMs: server.startMs,
        stopMs: stop.stopMs,
        stoppedCleanly: stop.graceful,
        // Server CPU per (update × connection it goes to): the cost of fan-out, comparable across loads.
        cpuMicrosPerFanout: ((serverWindow.cpuPercent / 100) * serverWindow.seconds * 1e6) / (stopped.updates * options.editors),
      },
      fleetUsage: { ...fleetWindow, ...stopped.loop },
      host: { busyPercent, othersPercent: Math.max(0, busyPercent - serverWindow.cpuPercent - fleetWindow.cpuPercent - benchPercent) },
      disk:
        writes === undefined
          ? undefined
          : {
              ...writes,
              bytesPerUpdate: writes.updateBytes / stopped.updates,
              updatesPerRecord: stopped.updates / writes.updateRecords,
              bytesPerUpdateWithCompaction: (writes.updateBytes + writes.snapshotBytes) / stopped.updates,
              compactionMs: compactionsLogged(server.stdoutLines),
            },
      disconnects: result.disconnects,
      divergentEditors: result.divergentEditors,
      textLength: result.textLength,
    };
  } finally {
    serverUsage.stop();
    await fleet?.close();
    await server.stop();
    await tracker?.finish().catch(() => undefined);
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }
}

function window(sampler: UsageSampler, start: UsageReading | undefined, end: UsageReading | undefined): WindowUsage {
  if (start === undefined || end === undefined) return { seconds: Number.NaN, cpuPercent: Number.NaN, maxRssBytes: Number.NaN, peakRssBytes: Number.NaN };
  return sampler.between(start, end);
}
