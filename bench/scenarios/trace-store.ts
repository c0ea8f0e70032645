/**
 * The trace replay's store side: writing the rest of the trace straight to the store as the server
 * would, and measuring cold loads (in-process from the store, and over the network).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { EmbeddedDocumentStore } from '../../server/store/embedded-document-store';
import { RecordKind, decodeLog, encodeRecords } from '../../server/store/update-log-format';
import type { ChildServer } from '../lib/child-server';
import { median } from '../lib/stats';
import { applyPatch, type Patch } from '../lib/trace';
import { connectProvider, disconnect, whenSynced } from '../lib/yjs-client';
import { benchDocumentName } from './editors';

/** The Y.Text the trace is typed into (apart from the document's real content). */
export const textName = 'trace';
export const silent = createLogger('silent');

export interface StoreLoad {
  fileBytes: number;
  records: number;
  /** `EmbeddedDocumentStore.load`: read, check and decode the file, reopen it for appending. */
  readMs: number;
  /** Applying the records to a fresh Y.Doc, in one transaction (as a Room does). */
  applyMs: number;
  totalMs: number;
  textMatches: boolean;
}

/** The part of the trace written straight to the store, as the server would. */
export interface StoreDirectResult {
  patches: number;
  seconds: number;
  records: number;
  compactions: number;
  /** The last compaction (the near-final document): encode the V2 state + the store's compact, ms. */
  lastCompactionMs: number;
  lastSnapshotBytes: number;
}

/**
 * Types the remaining patches into `driver` (taking turns between the editors' client ids, as
 * over the network) and writes each update to the store as the server would: one record per
 * update, a write per batch, a compaction each time `compactAfterUpdates` records pile up.
 */
export async function writeRestToStore(
  dataDir: string,
  driver: Y.Doc,
  patches: readonly Patch[],
  from: number,
  authorOf: (index: number) => number,
  allUpdates: RecordChunks,
): Promise<StoreDirectResult> {
  const { compactAfterUpdates } = readConfig({});
  const store = new EmbeddedDocumentStore({ dataDir, logger: silent });
  await store.load(benchDocumentName);
  const started = performance.now();
  let pending: Uint8Array[] = [];
  let records = 0;
  let compactions = 0;
  let lastCompactionMs = Number.NaN;
  let lastSnapshotBytes = Number.NaN;
  driver.on('update', (update: Uint8Array) => {
    pending.push(update);
    allUpdates.push(update);
  });
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await store.append(benchDocumentName, batch);
    records += batch.length;
    if ((store.stats(benchDocumentName)?.updatesSinceSnapshot ?? 0) >= compactAfterUpdates) {
      // What Room.compact does, inside the loop that also broadcasts: the room's updates wait.
      const compacting = performance.now();
      const state = Y.encodeStateAsUpdateV2(driver);
      await store.compact(benchDocumentName, state);
      lastCompactionMs = performance.now() - compacting;
      lastSnapshotBytes = state.byteLength;
      compactions++;
    }
  };
  const text = driver.getText(textName);
  for (let i = from; i < patches.length; i++) {
    const patch = patches[i];
    if (patch === undefined) continue;
    // Yjs names new items after doc.clientID: switching it keeps each editor's own clock going.
    driver.clientID = authorOf(i);
    applyPatch(text, patch);
    if (pending.length >= 64) await flush();
  }
  await flush();
  await store.close();
  return { patches: patches.length - from, seconds: (performance.now() - started) / 1000, records, compactions, lastCompactionMs, lastSnapshotBytes };
}

/** Loads the document from `dataDir` as a Room does, `repeats` times; the median of each phase. */
export async function measureStoreLoad(dataDir: string, endContent: string, repeats: number): Promise<StoreLoad> {
  const read: number[] = [];
  const apply: number[] = [];
  let records = 0;
  let textMatches = true;
  for (let i = 0; i < repeats; i++) {
    const store = new EmbeddedDocumentStore({ dataDir, logger: silent });
    const started = performance.now();
    const stored = await store.load(benchDocumentName);
    const loaded = performance.now();
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      for (const record of stored.records) {
        if (record.kind === RecordKind.snapshot) Y.applyUpdateV2(doc, record.payload);
        else Y.applyUpdate(doc, record.payload);
      }
    });
    apply.push(performance.now() - loaded);
    read.push(loaded - started);
    records = stored.records.length;
    textMatches &&= doc.getText(textName).toString() === endContent;
    doc.destroy();
    await store.close();
  }
  const fileBytes = (await stat(join(dataDir, 'docs', `${benchDocumentName}.ylog`))).size;
  const readMs = median(read);
  const applyMs = median(apply);
  return { fileBytes, records, readMs, applyMs, totalMs: median(read.map((r, i) => r + (apply[i] ?? 0))), textMatches };
}

/** A new client's time from connecting to `sync`, and the text it then has. */
export async function timeToSync(server: Pick<ChildServer, 'wsUrl' | 'params'>): Promise<{ ms: number; text: string }> {
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = connectProvider(server.wsUrl, benchDocumentName, doc, server.params);
  try {
    await whenSynced(provider, 60_000);
    return { ms: performance.now() - started, text: doc.getText(textName).toString() };
  } finally {
    disconnect([provider]);
  }
}

/** Update records, framed as in a log file, gathered in chunks of a few thousand. */
export class RecordChunks {
  private readonly chunks: Buffer[] = [];
  private pending: Uint8Array[] = [];

  push(update: Uint8Array): void {
    this.pending.push(update);
    if (this.pending.length >= 4096) this.seal();
  }

  private seal(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(encodeRecords(this.pending.map((payload) => ({ kind: RecordKind.update, payload }))));
    this.pending = [];
  }

  finish(): Buffer[] {
    this.seal();
    return this.chunks;
  }
}

/** The whole trace typed by one client on top of the seeded document; its V2 state. */
export function typeOneAuthor(seededLog: Uint8Array, patches: readonly Patch[]): Uint8Array {
  const doc = new Y.Doc();
  for (const record of decodeLog(seededLog).records) {
    if (record.kind === RecordKind.snapshot) Y.applyUpdateV2(doc, record.payload);
    else Y.applyUpdate(doc, record.payload);
  }
  const text = doc.getText(textName);
  for (const patch of patches) applyPatch(text, patch);
  const state = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return state;
}
