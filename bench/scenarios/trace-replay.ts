/**
 * Scenario 2, "trace replay": the real automerge-paper editing trace (259,778 patches) typed into
 * a Trame server (its own process) by several editors taking turns, then a clean shutdown, then
 * the document's cold load, measured over the network (a fresh server, a fresh client) and
 * in-process (the embedded store's `load` plus applying its records to a Y.Doc).
 *
 * How the editors take turns: patch i is typed by editor ⌊i / turn⌋ mod E (turn 1, the default:
 * round-robin by patch), in its own document, as one transaction; its provider sends it to the
 * server. The patch's positions assume the text after
 * patch i-1, so the resulting update is also applied at once to the other editors' documents in
 * this process (with their provider as origin, so that they do not re-send it). The server thus
 * sees E clients each sending its own keystrokes, interleaved, causally dependent on each other,
 * as E people typing in turn; it broadcasts each tick to all of them, and to one more client,
 * the observer, that measures arrival and checks the server's text at the end.
 *
 * Round-robin by patch is the worst case for Yjs: no two neighbouring characters share an author,
 * so nothing merges into runs and the document is ~10× larger than the same text typed by one
 * person. The store load of that one-author document is measured too, for scale.
 *
 * Trame allows each connection 200 messages/s sustained (shared/limits.ts; above it the server
 * closes the connection), so the replay is paced per editor below that. At 4 editors that is
 * ~720 updates/s, 6 minutes for the whole trace: by default the first `networkPatches` go through
 * the server, and the rest are written straight to the store, in-process, while the server is
 * stopped, the way the server writes them (one update per record, compacting every
 * `compactAfterUpdates` records), so that the cold load sees the log a server would have left.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { EmbeddedDocumentStore } from '../../server/store/embedded-document-store';
import { startServer, type ChildServer } from '../lib/child-server';
import { LatencyTracker } from '../lib/latency-tracker';
import { LogTracker, type LogWrites } from '../lib/log-tracker';
import { LoopMonitor, type LoopHealth } from '../lib/loop-health';
import { UsageSampler } from '../lib/process-usage';
import { waitForQuiet } from '../lib/quiet';
import { compactionsLogged, loadsLogged } from '../lib/server-log';
import { distribution, type Distribution } from '../lib/stats';
import { applyPatch, loadTrace } from '../lib/trace';
import { connectProvider, disconnect, waitUntil, whenSynced } from '../lib/yjs-client';
import { benchDocumentName } from './editors';
import { RecordChunks, measureStoreLoad, silent, textName, timeToSync, typeOneAuthor, writeRestToStore, type StoreDirectResult, type StoreLoad } from './trace-store';

export type { StoreLoad } from './trace-store';

export interface TraceOptions {
  tracePath: string;
  editors: number;
  /** Consecutive patches each editor types before the next takes over (1: round-robin by patch). */
  turn: number;
  /** Updates per second each editor sends (Trame's limit is 200 messages/s per connection). */
  perEditorRate: number;
  /** Patches typed through the server; the rest go straight to the store. */
  networkPatches: number;
  /** Repetitions of each in-process load measurement (the median is reported). */
  loadRepeats: number;
  keepData: boolean;
  /** Extra Node options for the server processes (e.g. `--cpu-prof`). */
  serverNodeArgs?: readonly string[];
  /** Wait (bounded) for other processes on the machine to go quiet before replaying. */
  waitQuiet: boolean;
}

export interface TraceResult {
  patches: { total: number; inserts: number; deletes: number; endContentLength: number };
  network: {
    patches: number;
    editors: number;
    turn: number;
    seconds: number;
    targetPerSecond: number;
    updatesPerSecond: number;
    latencyAtObserverMs: Distribution;
    /** The bench process (editors and observer) during the replay: its stalls show up as latency. */
    clientLoop: LoopHealth;
    disconnects: number;
    serverCpuPercent: number;
    serverPeakRssBytes: number;
    log: LogWrites & { bytesPerUpdate: number; updatesPerRecord: number };
    /** Each compaction's duration (the server's own log): the document's broadcasts wait meanwhile. */
    compactionMs: number[];
    serverStopMs: number;
    stoppedCleanly: boolean;
    observerMatched: boolean;
  };
  storeDirect: StoreDirectResult | undefined;
  finalTextMatches: boolean;
  sizes: {
    stateV1Bytes: number;
    stateV2Bytes: number;
    logAsLeftBytes: number;
    logCompactedBytes: number;
    logUncompactedBytes: number;
    /** The same text typed by one author (consecutive keystrokes merge into few Yjs items). */
    oneAuthorStateV2Bytes: number;
  };
  coldLoad: {
    network: {
      serverStartMs: number;
      firstClientMs: number;
      /** The server's own "document loaded" time (its debug log): store load + apply. */
      serverLoadMs: number;
      secondClientMs: number;
      textMatches: boolean;
      serverRssAfterLoadBytes: number;
      stoppedCleanly: boolean;
    };
    store: { asLeft: StoreLoad; compacted: StoreLoad; uncompacted: StoreLoad; oneAuthorCompacted: StoreLoad };
  };
}


interface TraceEditor {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
}

export async function runTraceReplay(options: TraceOptions, log: (line: string) => void): Promise<TraceResult> {
  const trace = await loadTrace(options.tracePath);
  const total = trace.patches.length;
  const networkPatches = Math.min(total, Math.max(0, options.networkPatches));
  const inserts = trace.patches.filter(([, , insert]) => insert.length > 0).length;
  log(`  trace: ${total.toLocaleString('en-US')} patches; ${networkPatches.toLocaleString('en-US')} through the server by ${options.editors} editors, ${(total - networkPatches).toLocaleString('en-US')} straight to the store`);

  const dataDir = await mkdtemp(join(tmpdir(), 'trame-bench-trace-'));
  const logPath = join(dataDir, 'docs', `${benchDocumentName}.ylog`);
  const servers: ChildServer[] = [];
  const providers: WebsocketProvider[] = [];
  let tracker: LogTracker | undefined;
  try {
    // ---- 1. Through the server.
    const server = await startServer('trame', { dataDir, nodeArgs: options.serverNodeArgs ?? [] });
    servers.push(server);
    const seededLog = await readFile(logPath); // magic + the demo's snapshot: the start of every variant below
    tracker = await LogTracker.start(logPath, join(dataDir, '.bench-links'));
    const usage = new UsageSampler(server.pid);

    let disconnects = 0;
    const editors: TraceEditor[] = [];
    // Every update, framed as log records in chunks (a never-compacted log, built without keeping
    // 260k small buffers alive for the garbage collector to walk during the replay).
    const uncompacted = new RecordChunks();
    const providerSet = new Set<unknown>();
    for (let i = 0; i < options.editors; i++) {
      const doc = new Y.Doc();
      const provider = connectProvider(server.wsUrl, benchDocumentName, doc, server.params);
      providers.push(provider);
      providerSet.add(provider);
      editors.push({ doc, text: doc.getText(textName), provider });
    }
    for (const editor of editors) {
      // A local patch: keep it, and give it to the other editors (their provider as origin: not re-sent).
      editor.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (providerSet.has(origin)) return;
        uncompacted.push(update);
        for (const other of editors) if (other !== editor) Y.applyUpdate(other.doc, update, other.provider);
      });
    }
    const observerDoc = new Y.Doc();
    const observer = connectProvider(server.wsUrl, benchDocumentName, observerDoc, server.params);
    providers.push(observer);
    const latency = new LatencyTracker();
    latency.addObserver(0, observerDoc.clientID);
    observerDoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === observer) latency.recordArrival(0, update);
    });
    await Promise.all(providers.map((provider) => whenSynced(provider, 30_000)));
    let isReplaying = true;
    const closeCodes: number[] = [];
    for (const provider of providers) {
      provider.on('connection-close', (event: CloseEvent | null) => {
        if (!isReplaying) return;
        disconnects++;
        closeCodes.push(event?.code ?? 0);
      });
    }

    const rate = options.perEditorRate * options.editors;
    if (options.waitQuiet) await waitForQuiet([server.pid], 40, 15_000, log);
    const monitor = new LoopMonitor();
    const cpuStart = usage.sample();
    const started = performance.now();
    let lastProgress = started;
    let next = 0;
    while (next < networkPatches) {
      const due = Math.min(networkPatches, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      for (; next < due; next++) {
        const editor = editors[Math.floor(next / options.turn) % editors.length];
        const patch = trace.patches[next];
        if (editor === undefined || patch === undefined) throw new Error('unreachable: patch index out of range');
        applyPatch(editor.text, patch);
        if (patch[2].length > 0) latency.recordInsert(editor.doc);
      }
      if (disconnects > 0) {
        throw new Error(
          `the server closed ${disconnects} editor connection(s) during the replay (close codes ${closeCodes.join(', ')}; ` +
            `${CloseCode.rateLimited} = rate limited: lower --trace-rate or raise --trace-editors)`,
        );
      }
      if (performance.now() - lastProgress > 15_000) {
        lastProgress = performance.now();
        log(`  trace: ${next.toLocaleString('en-US')} / ${networkPatches.toLocaleString('en-US')} patches sent`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const sentAt = performance.now();
    const expected = editors[0]?.text.toString() ?? '';
    const observerMatched = await waitUntil(() => observerDoc.getText(textName).length === expected.length && latency.isDrained(), 60_000, 50)
      && observerDoc.getText(textName).toString() === expected;
    const networkSeconds = (performance.now() - started) / 1000;
    const cpuEnd = usage.sample();
    const clientLoop = monitor.stop();
    isReplaying = false;
    usage.stop();
    const serverUsage = cpuStart !== undefined && cpuEnd !== undefined ? usage.between(cpuStart, cpuEnd) : undefined;
    log(`  trace: ${networkPatches.toLocaleString('en-US')} patches through the server in ${networkSeconds.toFixed(1)} s (last one seen by the observer ${((performance.now() - sentAt) / 1000).toFixed(2)} s after sending); observer text ${observerMatched ? 'matches' : 'DIFFERS'}`);

    disconnect(providers.splice(0));
    const stop = await server.stop();
    const logWrites = await tracker.finish();
    tracker = undefined;
    log(`  trace: server stopped ${stop.graceful ? 'cleanly' : 'by SIGKILL'} in ${stop.stopMs.toFixed(0)} ms`);

    // ---- 2. The rest, straight to the store (the server is stopped).
    const driver = new Y.Doc();
    const lead = editors[0];
    if (lead === undefined) throw new Error('no editor');
    Y.applyUpdate(driver, Y.encodeStateAsUpdate(lead.doc));
    let storeDirect: TraceResult['storeDirect'];
    if (networkPatches < total) {
      const clientIds = editors.map((e) => e.doc.clientID);
      const authorOf = (index: number): number => clientIds[Math.floor(index / options.turn) % clientIds.length] ?? driver.clientID;
      storeDirect = await writeRestToStore(dataDir, driver, trace.patches, networkPatches, authorOf, uncompacted);
      log(`  trace: ${storeDirect.patches.toLocaleString('en-US')} patches written to the store in ${storeDirect.seconds.toFixed(1)} s (${storeDirect.compactions} compactions)`);
    }
    for (const editor of editors) editor.doc.destroy();
    observerDoc.destroy();
    const finalText = driver.getText(textName).toString();
    const finalTextMatches = finalText === trace.endContent;
    log(`  trace: final text ${finalTextMatches ? 'equals' : 'DIFFERS from'} endContent (${finalText.length.toLocaleString('en-US')} characters)`);

    // ---- 3. Sizes: as left, compacted, and never compacted (every update its own record).
    const compactedDir = await mkdtemp(join(tmpdir(), 'trame-bench-compacted-'));
    const uncompactedDir = await mkdtemp(join(tmpdir(), 'trame-bench-uncompacted-'));
    const oneAuthorDir = await mkdtemp(join(tmpdir(), 'trame-bench-one-author-'));
    try {
      await mkdir(join(compactedDir, 'docs'));
      await copyFile(logPath, join(compactedDir, 'docs', `${benchDocumentName}.ylog`));
      const compactor = new EmbeddedDocumentStore({ dataDir: compactedDir, logger: silent });
      await compactor.load(benchDocumentName);
      await compactor.compact(benchDocumentName, Y.encodeStateAsUpdateV2(driver));
      await compactor.close();
      await mkdir(join(uncompactedDir, 'docs'));
      await writeFile(
        join(uncompactedDir, 'docs', `${benchDocumentName}.ylog`),
        Buffer.concat([seededLog, ...uncompacted.finish()]),
      );
      const oneAuthorStateV2 = typeOneAuthor(seededLog, trace.patches);
      const oneAuthorStore = new EmbeddedDocumentStore({ dataDir: oneAuthorDir, logger: silent });
      await oneAuthorStore.compact(benchDocumentName, oneAuthorStateV2);
      await oneAuthorStore.close();

      // ---- 4. Cold load, in-process.
      const measure = (dir: string): Promise<StoreLoad> => measureStoreLoad(dir, trace.endContent, options.loadRepeats);
      const asLeft = await measure(dataDir);
      const compacted = await measure(compactedDir);
      const neverCompacted = await measure(uncompactedDir);
      const oneAuthorCompacted = await measure(oneAuthorDir);
      log(
        `  trace: store load + apply (median of ${options.loadRepeats}): as left ${asLeft.totalMs.toFixed(0)} ms, compacted ${compacted.totalMs.toFixed(0)} ms, ` +
          `never compacted ${neverCompacted.totalMs.toFixed(0)} ms, one author compacted ${oneAuthorCompacted.totalMs.toFixed(0)} ms`,
      );

      // ---- 5. Cold load over the network: a fresh server on the same folder, a fresh client.
      const fresh = await startServer('trame', { dataDir, nodeArgs: options.serverNodeArgs ?? [] });
      servers.push(fresh);
      const first = await timeToSync(fresh);
      const second = await timeToSync(fresh);
      const rss = new UsageSampler(fresh.pid).sample()?.rssBytes ?? Number.NaN;
      const freshStop = await fresh.stop();
      const serverLoadMs = loadsLogged(fresh.stdoutLines)[0] ?? Number.NaN;
      log(`  trace: cold load over the network ${first.ms.toFixed(0)} ms (then ${second.ms.toFixed(0)} ms for a second client); text ${first.text === trace.endContent ? 'matches' : 'DIFFERS from'} endContent`);

      return {
        patches: { total, inserts, deletes: total - inserts, endContentLength: trace.endContent.length },
        network: {
          patches: networkPatches,
          editors: options.editors,
          turn: options.turn,
          seconds: networkSeconds,
          targetPerSecond: rate,
          updatesPerSecond: networkPatches / networkSeconds,
          latencyAtObserverMs: distribution(latency.deliveries.toArray()),
          clientLoop,
          disconnects,
          serverCpuPercent: serverUsage?.cpuPercent ?? Number.NaN,
          serverPeakRssBytes: serverUsage?.peakRssBytes ?? Number.NaN,
          log: { ...logWrites, bytesPerUpdate: logWrites.updateBytes / networkPatches, updatesPerRecord: networkPatches / logWrites.updateRecords },
          compactionMs: compactionsLogged(server.stdoutLines),
          serverStopMs: stop.stopMs,
          stoppedCleanly: stop.graceful,
          observerMatched,
        },
        storeDirect,
        finalTextMatches,
        sizes: {
          stateV1Bytes: Y.encodeStateAsUpdate(driver).byteLength,
          stateV2Bytes: Y.encodeStateAsUpdateV2(driver).byteLength,
          logAsLeftBytes: asLeft.fileBytes,
          logCompactedBytes: compacted.fileBytes,
          logUncompactedBytes: neverCompacted.fileBytes,
          oneAuthorStateV2Bytes: oneAuthorStateV2.byteLength,
        },
        coldLoad: {
          network: {
            serverStartMs: fresh.startMs,
            firstClientMs: first.ms,
            serverLoadMs,
            secondClientMs: second.ms,
            textMatches: first.text === trace.endContent && second.text === trace.endContent,
            serverRssAfterLoadBytes: rss,
            stoppedCleanly: freshStop.graceful,
          },
          store: { asLeft, compacted, uncompacted: neverCompacted, oneAuthorCompacted },
        },
      };
    } finally {
      await rm(compactedDir, { recursive: true, force: true });
      await rm(uncompactedDir, { recursive: true, force: true });
      await rm(oneAuthorDir, { recursive: true, force: true });
    }
  } finally {
    disconnect(providers);
    for (const server of servers) await server.stop();
    await tracker?.finish().catch(() => undefined);
    if (options.keepData) log(`  trace: data kept in ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  }
}
