/**
 * Scenario "history": a contract whose history holds 200,000 updates, loaded cold.
 *
 * The demo workspace is seeded by a Trame server (its own process), stopped; then the real
 * automerge-paper trace's first 200,000 patches are typed into a new paragraph of the contract's
 * text, by four editors taking turns (their client ids alternate, as over the network), and
 * written to the store as a server writes them: one record per update, a compaction every
 * `compactAfterUpdates` records, and a checkpoint version (full state, with its metadata) every
 * 5,000 updates, as an hour of busy editing would leave. A second copy keeps all 200,000 records
 * uncompacted (the log a crash before any compaction would leave), the worst case.
 *
 * Measured, each against the seeded contract without that history (the baseline, same run):
 * - the store load (read + apply), in a child process of its own for a clean peak RSS;
 * - over the network, a fresh server's first client: time to synced, and the server's peak RSS;
 * - listing the 40 versions, and reading the oldest checkpoint's state.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { contractFragmentName, contractDocumentName } from '../../shared/document-names';
import { newId } from '../../shared/programme/ids';
import type { Version } from '../../shared/schemas/versions';
import { readConfig } from '../../server/config';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { EmbeddedDocumentStore } from '../../server/store/embedded-document-store';
import { RecordKind } from '../../server/store/update-log-format';
import { versionStateName, writeVersionState } from '../../server/versions/version-states';
import { repoRoot, startServer } from '../lib/child-server';
import { readUsage } from '../lib/process-usage';
import { signInForToken, sessionCookie, demoEmail } from '../lib/sign-in';
import { distribution, type Distribution } from '../lib/stats';
import { mib, renderTable, times, type Cell } from '../lib/table';
import { loadTrace } from '../lib/trace';
import { connectProvider, disconnect, whenSynced } from '../lib/yjs-client';
import { silent } from './trace-store';

const run = promisify(execFile);
const documentName = contractDocumentName(demoWorkspaceId);

export interface HistoryOptions {
  tracePath: string;
  updates: number;
  checkpointEvery: number;
  loadRepeats: number;
}

/** One cold load of the contract from the store, in its own process. */
export interface StoreLoadFigures {
  records: number;
  fileBytes: number;
  readMs: number;
  applyMs: number;
  peakRssBytes: number;
  characters: number;
}

export interface NetworkLoadFigures {
  /** Fresh server: from the client's connection to synced. */
  syncMs: Distribution;
  /** The server's peak RSS after the loads. */
  serverPeakRssBytes: number;
  listVersionsMs: Distribution;
  oldestStateMs: Distribution;
  versions: number;
}

export interface HistoryResult {
  updates: number;
  checkpoints: number;
  writeSeconds: number;
  baseline: { store: StoreLoadFigures; network: NetworkLoadFigures };
  compacted: { store: StoreLoadFigures; network: NetworkLoadFigures };
  uncompacted: { store: StoreLoadFigures };
}

/** Seeds a fresh data folder through a real server (the demo workspace and its contract). */
async function seed(dataDir: string): Promise<void> {
  const server = await startServer('trame', { dataDir, env: { LOG_LEVEL: 'silent' } });
  await server.stop();
}

/** Loads the contract from the store in a child process (`history-load.ts`): clean peak RSS. */
async function storeLoad(dataDir: string, repeats: number): Promise<StoreLoadFigures> {
  const runs: StoreLoadFigures[] = [];
  for (let i = 0; i < repeats; i++) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/scenarios/history-load.ts'), dataDir, documentName], { cwd: repoRoot, maxBuffer: 1 << 20 });
    runs.push(JSON.parse(stdout) as StoreLoadFigures);
  }
  runs.sort((a, b) => a.readMs + a.applyMs - (b.readMs + b.applyMs));
  return runs[Math.floor(runs.length / 2)]!;
}

async function networkLoad(dataDir: string, repeats: number): Promise<NetworkLoadFigures> {
  const sync: number[] = [];
  const list: number[] = [];
  const oldest: number[] = [];
  let peak = 0;
  let versions = 0;
  for (let i = 0; i < repeats; i++) {
    const server = await startServer('trame', { dataDir, env: { LOG_LEVEL: 'silent' } });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const token = await signInForToken(base, demoEmail);
      const doc = new Y.Doc();
      const started = performance.now();
      const provider = connectProvider(server.wsUrl, documentName, doc, { token });
      await whenSynced(provider, 120_000);
      sync.push(performance.now() - started);
      disconnect([provider]);
      const cookie = await sessionCookie(base, 'coordination@trame.example');
      const headers = { origin: base, cookie: `${cookie.name}=${cookie.value}` };
      const listed = performance.now();
      const response = await fetch(`${base}/api/workspaces/${demoWorkspaceId}/versions`, { headers });
      const body = (await response.json()) as { versions: { id: string; createdAt: string }[] };
      list.push(performance.now() - listed);
      versions = body.versions.length;
      const first = body.versions.at(-1);
      if (first !== undefined) {
        const reading = performance.now();
        const state = await fetch(`${base}/api/workspaces/${demoWorkspaceId}/versions/${first.id}/state`, { headers });
        await state.arrayBuffer();
        oldest.push(performance.now() - reading);
      }
      peak = Math.max(peak, readUsage(server.pid)?.peakRssBytes ?? 0);
    } finally {
      await server.stop();
    }
  }
  return { syncMs: distribution(sync), serverPeakRssBytes: peak, listVersionsMs: distribution(list), oldestStateMs: distribution(oldest), versions };
}

/**
 * Types the trace into a new paragraph of the contract, writing as a server would; every
 * `checkpointEvery` updates, a checkpoint version (its state and its metadata record).
 */
async function writeHistory(dataDir: string, uncompactedDir: string, options: HistoryOptions, log: (line: string) => void): Promise<{ seconds: number; checkpoints: number }> {
  const { compactAfterUpdates } = readConfig({});
  const trace = await loadTrace(options.tracePath);
  const patches = trace.patches.slice(0, options.updates);
  const store = new EmbeddedDocumentStore({ dataDir, logger: silent });
  const raw = new EmbeddedDocumentStore({ dataDir: uncompactedDir, logger: silent });
  const driver = new Y.Doc();
  const stored = await store.load(documentName);
  await raw.load(documentName);
  Y.transact(driver, () => {
    for (const record of stored.records) {
      if (record.kind === RecordKind.snapshot) Y.applyUpdateV2(driver, record.payload);
      else Y.applyUpdate(driver, record.payload);
    }
  });
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  driver.getXmlFragment(contractFragmentName).insert(0, [paragraph]);
  let pending: Uint8Array[] = [Y.encodeStateAsUpdate(driver)];
  driver.on('update', (update: Uint8Array) => pending.push(update));
  const metadataPath = join(dataDir, 'trame.json');
  const metadata = JSON.parse(await readFile(metadataPath, 'utf8')) as { versions?: Version[] };
  metadata.versions ??= [];
  const editors = [0x1001, 0x1002, 0x1003, 0x1004];
  const started = performance.now();
  let sinceCheckpoint = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await store.append(documentName, batch);
    await raw.append(documentName, batch);
    if ((store.stats(documentName)?.updatesSinceSnapshot ?? 0) >= compactAfterUpdates) await store.compact(documentName, Y.encodeStateAsUpdateV2(driver));
  };
  for (let i = 0; i < patches.length; i++) {
    const [position, deleteCount, insert] = patches[i]!;
    driver.clientID = editors[i % editors.length]!;
    driver.transact(() => {
      if (deleteCount > 0) text.delete(position, deleteCount);
      if (insert.length > 0) text.insert(position, insert);
    });
    if (pending.length >= 64) await flush();
    if (++sinceCheckpoint >= options.checkpointEvery) {
      sinceCheckpoint = 0;
      await flush();
      const id = newId();
      const state = Y.encodeStateAsUpdateV2(driver);
      await writeVersionState(store, versionStateName(demoWorkspaceId, id), state);
      metadata.versions.push({
        id,
        workspaceId: demoWorkspaceId,
        kind: 'checkpoint',
        name: 'Point automatique',
        comment: '',
        createdAt: new Date(Date.now() - (patches.length - i) * 20).toISOString(),
        createdBy: null,
        createdByName: 'Trame',
        stateDocument: versionStateName(demoWorkspaceId, id),
        stateBytes: state.byteLength,
        restoredFrom: null,
        editors: [],
        envelope: null,
      });
      if (metadata.versions.length % 10 === 0) log(`  ${i + 1} updates written, ${metadata.versions.length} checkpoints`);
    }
  }
  await flush();
  await store.close();
  await raw.close();
  await writeFile(metadataPath, `${JSON.stringify(metadata, null, 2)}\n`);
  // The uncompacted copy shares the seeded metadata, without the versions (not needed to load it).
  return { seconds: (performance.now() - started) / 1000, checkpoints: metadata.versions.length };
}

export async function runHistory(options: HistoryOptions, log: (line: string) => void): Promise<HistoryResult> {
  const root = await mkdtemp(join(tmpdir(), 'trame-bench-history-'));
  const baselineDir = join(root, 'baseline');
  const compactedDir = join(root, 'compacted');
  const uncompactedDir = join(root, 'uncompacted');
  try {
    log('  seeding the demo workspace');
    await seed(baselineDir);
    await cp(baselineDir, compactedDir, { recursive: true });
    await cp(baselineDir, uncompactedDir, { recursive: true });
    log(`  writing ${options.updates.toLocaleString('en')} updates (checkpoint every ${options.checkpointEvery.toLocaleString('en')})`);
    const written = await writeHistory(compactedDir, uncompactedDir, options, log);
    log('  loading: baseline');
    const baseline = { store: await storeLoad(baselineDir, options.loadRepeats), network: await networkLoad(baselineDir, options.loadRepeats) };
    log('  loading: 200,000 updates, compacted as a server leaves them');
    const compacted = { store: await storeLoad(compactedDir, options.loadRepeats), network: await networkLoad(compactedDir, options.loadRepeats) };
    log('  loading: 200,000 updates, uncompacted');
    const uncompacted = { store: await storeLoad(uncompactedDir, options.loadRepeats) };
    return { updates: options.updates, checkpoints: written.checkpoints, writeSeconds: written.seconds, baseline, compacted, uncompacted };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The printed tables of the scenario (also pasted into RESULTS.md). */
export function renderHistory(result: HistoryResult): string {
  const storeRow = (label: string, figures: StoreLoadFigures): Cell[] => [label, figures.records, figures.fileBytes, figures.readMs, figures.applyMs, figures.readMs + figures.applyMs, mib(figures.peakRssBytes)];
  const storeTable = renderTable(
    `History — ${result.updates.toLocaleString('en-US')} updates typed into the demo contract (4 editors in turn), ${result.checkpoints} checkpoints; store load in a child process (median of runs)`,
    ['contract', 'records', 'file bytes', 'read ms', 'apply ms', 'total ms', 'peak RSS MiB'],
    [storeRow('seeded (baseline)', result.baseline.store), storeRow('200k, compacted', result.compacted.store), storeRow('200k, uncompacted', result.uncompacted.store)],
  );
  const networkRow = (label: string, figures: NetworkLoadFigures): Cell[] => [label, figures.syncMs.p50, figures.syncMs.max, mib(figures.serverPeakRssBytes), figures.versions, figures.listVersionsMs.p50, figures.oldestStateMs.p50];
  const networkTable = renderTable(
    'History — a fresh server, its first client until synced; then the versions list and the oldest checkpoint\'s state over REST',
    ['contract', 'sync p50 ms', 'sync max ms', 'server peak RSS MiB', 'versions', 'list p50 ms', 'oldest state p50 ms'],
    [networkRow('seeded (baseline)', result.baseline.network), networkRow('200k, compacted', result.compacted.network)],
  );
  const total = (figures: StoreLoadFigures): number => figures.readMs + figures.applyMs;
  return `${storeTable}\n${networkTable}\nStore load, 200k compacted / baseline: ${times(total(result.compacted.store) / total(result.baseline.store))}; uncompacted / baseline: ${times(total(result.uncompacted.store) / total(result.baseline.store))}. First sync, 200k compacted / baseline: ${times(result.compacted.network.syncMs.p50 / result.baseline.network.syncMs.p50)}.\n`;
}
