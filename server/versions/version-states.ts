/**
 * The stored states of versions: each version's full Yjs state (V2) is written once, as the only
 * record of its own document in the document store (`<workspace>.version.<id>`), so it shares the
 * store's atomic write and fsync, and its backend. Nothing appends to it afterwards: immutable.
 * These names are never registered as documents, so the y-websocket endpoint refuses them.
 */
import * as Y from 'yjs';
import type { DocumentStore } from '../store/document-store';
import { RecordKind } from '../store/update-log-format';

/** The store's name of a version's state. */
export function versionStateName(workspaceId: string, versionId: string): string {
  return `${workspaceId}.version.${versionId}`;
}

/** Writes a version's state (V2), durably; resolves once on disk. */
export async function writeVersionState(store: DocumentStore, name: string, stateV2: Uint8Array): Promise<void> {
  await store.compact(name, stateV2);
  await store.release(name);
}

/** The V2 update holding a stored version's whole state. */
export async function readVersionUpdate(store: DocumentStore, name: string): Promise<Uint8Array> {
  const stored = await store.load(name);
  await store.release(name);
  const snapshot = stored.records.findLast((record) => record.kind === RecordKind.snapshot);
  if (snapshot === undefined) throw new Error(`version state ${name} is missing`);
  return snapshot.payload;
}

/** A stored version as a fresh Y.Doc (for reading, diffs and exports; never connected). */
export async function readVersionDoc(store: DocumentStore, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, await readVersionUpdate(store, name));
  return doc;
}
