/**
 * An editor fleet: a separate process holding N real `WebsocketProvider` editors on one
 * document. Driven by its parent over IPC: connect every editor, type for a while at a human
 * rate, wait until everything typed has reached every observer, report, close.
 *
 * Run by the bench with `fork(…, { execArgv: ['--import', 'tsx'] })`; never on its own.
 */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { LatencyTracker } from '../lib/latency-tracker';
import { LoopMonitor } from '../lib/loop-health';
import { seededRandom } from '../lib/random';
import { connectProvider, disconnect, received, resetCounters, sent, waitUntil, whenSynced } from '../lib/yjs-client';
import type { FleetConfig, FleetMessage, ParentMessage } from './fleet-protocol';

interface Editor {
  index: number;
  provider: WebsocketProvider;
  doc: Y.Doc;
  text: Y.Text;
  cursor: number;
  timer: NodeJS.Timeout | undefined;
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz      eaiotnrs,.';

// Every provider adds an `exit` listener to process; hundreds of them are expected here.
process.setMaxListeners(0);

let editors: Editor[] = [];
let config: FleetConfig | undefined;
const tracker = new LatencyTracker();
let disconnects = 0;
let isTyping = false;
const counts = { updates: 0, inserts: 0, deletes: 0 };

function report(message: FleetMessage): void {
  process.send?.(message);
}

async function connectAll(cfg: FleetConfig): Promise<void> {
  config = cfg;
  const random = seededRandom(cfg.seed);
  const observerEvery = cfg.observers > 0 ? cfg.editors / cfg.observers : Infinity;
  const syncMs = new Float64Array(cfg.editors);
  let failed = 0;
  const started = performance.now();
  let next = 0;
  const connectOne = async (index: number): Promise<void> => {
    const doc = new Y.Doc();
    const provider = connectProvider(cfg.url, cfg.documentName, doc, cfg.params);
    const editor: Editor = { index, provider, doc, text: doc.getText(cfg.textName), cursor: 0, timer: undefined };
    editors[index] = editor;
    if (Number.isFinite(observerEvery) && index % observerEvery < 1) {
      tracker.addObserver(index, doc.clientID);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === provider) tracker.recordArrival(index, update);
      });
    }
    const opened = performance.now();
    try {
      await whenSynced(provider, cfg.syncTimeoutMs);
      syncMs[index] = performance.now() - opened;
    } catch {
      failed++;
      syncMs[index] = Number.NaN;
    }
    provider.on('connection-close', () => {
      if (isTyping || provider.shouldConnect) disconnects++;
    });
    if (cfg.awareness) provider.awareness.setLocalStateField('user', { name: `editor-${index}`, color: `#${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}` });
    editor.cursor = Math.floor(random() * (editor.text.length + 1));
  };
  const workers = Array.from({ length: Math.min(cfg.connectConcurrency, cfg.editors) }, async () => {
    while (next < cfg.editors) await connectOne(next++);
  });
  await Promise.all(workers);
  report({ type: 'connected', editors: cfg.editors, failed, connectMs: performance.now() - started, syncMs });
}

function keystroke(editor: Editor, cfg: FleetConfig, random: () => number): void {
  const length = editor.text.length;
  const position = Math.min(editor.cursor, length);
  if (position > 0 && random() < cfg.deleteFraction) {
    editor.text.delete(position - 1, 1);
    editor.cursor = position - 1;
    counts.deletes++;
  } else {
    editor.text.insert(position, alphabet[Math.floor(random() * alphabet.length)] ?? 'x');
    tracker.recordInsert(editor.doc);
    editor.cursor = position + 1;
    counts.inserts++;
  }
  counts.updates++;
  if (cfg.awareness) editor.provider.awareness.setLocalStateField('cursor', { anchor: editor.cursor, head: editor.cursor });
}

async function typeAndDrain(cfg: FleetConfig): Promise<void> {
  const random = seededRandom(cfg.seed ^ 0x5eed);
  const meanIntervalMs = 1000 / cfg.keystrokesPerSecond;
  resetCounters();
  const monitor = new LoopMonitor();
  isTyping = true;
  const started = performance.now();
  const stopAt = started + cfg.seconds * 1000;
  report({ type: 'typing-started' });
  const typeEvery = cfg.editors / Math.max(1, Math.min(cfg.typists, cfg.editors));
  for (const editor of editors.filter((e) => e.index % typeEvery < 1)) {
    // Human typing: a steady rhythm with ±50 % jitter. Keystrokes are due at absolute times, so
    // that a busy fleet catches up instead of silently offering less load than asked.
    let dueAt = started + random() * meanIntervalMs;
    const schedule = (): void => {
      editor.timer = setTimeout(() => {
        while (dueAt <= performance.now() && dueAt < stopAt) {
          keystroke(editor, cfg, random);
          dueAt += meanIntervalMs * (0.5 + random());
        }
        if (dueAt < stopAt) schedule();
      }, Math.max(0, dueAt - performance.now()));
    };
    schedule();
  }
  await new Promise((resolve) => setTimeout(resolve, cfg.seconds * 1000));
  for (const editor of editors) clearTimeout(editor.timer);
  isTyping = false;
  const seconds = (performance.now() - started) / 1000;
  report({
    type: 'typing-stopped',
    seconds,
    ...counts,
    syncMessages: received.syncMessages,
    awarenessMessages: received.awarenessMessages,
    otherMessages: received.otherMessages,
    receivedBytes: received.bytes,
    sentSyncMessages: sent.syncMessages,
    sentAwarenessMessages: sent.awarenessMessages,
    loop: monitor.stop(),
  });

  const draining = performance.now();
  const drained = await waitUntil(() => tracker.isDrained(), cfg.drainTimeoutMs, 100);
  const drainMs = performance.now() - draining;
  // Deletions are not tracked by the latency tracker: let the last ones land before comparing texts.
  await waitUntil(() => editors.every((e) => e.text.length === editors[0]?.text.length), 2000, 50);
  const reference = editors[0]?.text.toString() ?? '';
  const divergentEditors = editors.filter((e) => e.text.toString() !== reference).length;
  const { latencies, incomplete } = tracker.fullPropagation();
  report({
    type: 'result',
    drainMs,
    drained,
    deliveries: tracker.deliveries.toArray(),
    fullPropagation: latencies,
    incomplete,
    observers: tracker.observerCount,
    disconnects,
    divergentEditors,
    textLength: reference.length,
  });
}

function closeAll(): void {
  for (const editor of editors) clearTimeout(editor.timer);
  disconnect(editors.map((e) => e.provider));
  editors = [];
  // Let the close frames go out, then leave.
  setTimeout(() => process.exit(0), 200);
}

process.on('message', (message: ParentMessage) => {
  const run = async (): Promise<void> => {
    switch (message.type) {
      case 'connect':
        return connectAll(message.config);
      case 'type':
        if (config === undefined) throw new Error('type before connect');
        return typeAndDrain(config);
      case 'close':
        return closeAll();
    }
  };
  run().catch((error: unknown) => report({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) }));
});

// The parent's end of IPC closing means the bench is gone: never linger.
process.on('disconnect', () => process.exit(0));
