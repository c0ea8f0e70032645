/**
 * The storage interface for Yjs documents. The realtime layer only talks to this interface, so
 * the embedded log (default) and a PostgreSQL backend (scale-out) are interchangeable.
 */
import type { LogRecord } from './update-log-format';

/** What a document's storage holds, in the order it must be applied. */
export interface StoredDocument {
  records: LogRecord[];
  /** Records since the last snapshot (a hint for when to compact). */
  updatesSinceSnapshot: number;
  /** Bytes the stored form occupies. */
  storedBytes: number;
}

/** Durable storage of Yjs documents as an append-only sequence of updates plus snapshots. */
export interface DocumentStore {
  /** Reads a document's records; an unknown document yields no records. Recovers torn tails. */
  load(name: string): Promise<StoredDocument>;
  /**
   * Appends updates (V1) as one write. Resolves once the bytes are written (visible to a new
   * process after a crash of this one); fsync follows within the store's grouping interval.
   */
  append(name: string, updates: readonly Uint8Array[]): Promise<void>;
  /** Replaces everything stored for a document by one full-state snapshot (V2), atomically. */
  compact(name: string, stateV2: Uint8Array): Promise<void>;
  /** Counters of what is stored since the last snapshot, without reading the document. */
  stats(name: string): { updatesSinceSnapshot: number; storedBytes: number } | undefined;
  /** Flushes one document's pending writes and releases what it holds open for it. */
  release(name: string): Promise<void>;
  /** Flushes and fsyncs everything, then releases files. */
  close(): Promise<void>;
}
