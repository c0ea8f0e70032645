/**
 * Embedded document store: one append-only, checksummed log file per document in
 * `<dataDir>/docs/<name>.ylog`. Appends are one `write` per call (the caller batches a tick's
 * updates); fsync is grouped, at most `fsyncIntervalMs` after the first unsynced write.
 * Compaction writes a snapshot to a temporary file, fsyncs it and renames it over the log.
 * A torn or corrupt tail found on load is cut, and the cut bytes are kept aside in
 * `<name>.ylog.corrupt-<time>` so that nothing is silently destroyed.
 */
import { mkdir, open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DocumentStore, StoredDocument } from './document-store';
import { RecordKind, decodeLog, encodeRecords, logMagic } from './update-log-format';

export interface EmbeddedDocumentStoreOptions {
  dataDir: string;
  /** Longest time a written update may wait for fsync. */
  fsyncIntervalMs?: number;
  logger: Logger;
}

interface OpenLog {
  handle: FileHandle;
  bytes: number;
  updatesSinceSnapshot: number;
  isDirty: boolean;
  fsyncTimer: NodeJS.Timeout | undefined;
  /** An fdatasync in flight. It runs beside the queue (appends need not wait for it), so closing the file waits for it. */
  syncing: Promise<void> | undefined;
  /** Serialises operations on this file: appends and compaction never interleave. */
  tail: Promise<unknown>;
}

/** The default store: files in a folder, nothing to start. */
export class EmbeddedDocumentStore implements DocumentStore {
  private readonly docsDir: string;
  private readonly fsyncIntervalMs: number;
  private readonly logger: Logger;
  private readonly logs = new Map<string, OpenLog>();
  private readonly opening = new Map<string, Promise<OpenLog>>();

  constructor(options: EmbeddedDocumentStoreOptions) {
    this.docsDir = join(options.dataDir, 'docs');
    this.fsyncIntervalMs = options.fsyncIntervalMs ?? 50;
    this.logger = options.logger;
  }

  private pathOf(name: string): string {
    return join(this.docsDir, `${name}.ylog`);
  }

  async load(name: string): Promise<StoredDocument> {
    await mkdir(this.docsDir, { recursive: true });
    const path = this.pathOf(name);
    const file = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (file === undefined || file.byteLength === 0) {
      await this.reopen(name, logMagic.byteLength, 0, true);
      return { records: [], updatesSinceSnapshot: 0, storedBytes: 0 };
    }
    const decoded = decodeLog(file);
    if (decoded.problem !== undefined) {
      const asidePath = `${path}.corrupt-${Date.now()}`;
      const keepFrom = decoded.problem === 'bad-magic' ? 0 : decoded.validBytes;
      await writeFile(asidePath, file.subarray(keepFrom));
      this.logger.warn(
        { document: name, problem: decoded.problem, validBytes: decoded.validBytes, cutBytes: file.byteLength - keepFrom, asidePath },
        'document log had a damaged tail: cut it and kept the damaged bytes aside',
      );
    }
    const lastSnapshot = decoded.records.findLastIndex((r) => r.kind === RecordKind.snapshot);
    const updatesSinceSnapshot = decoded.records.length - (lastSnapshot + 1);
    const validBytes = Math.max(decoded.validBytes, logMagic.byteLength);
    await this.reopen(name, validBytes, updatesSinceSnapshot, decoded.validBytes < logMagic.byteLength);
    return { records: decoded.records, updatesSinceSnapshot, storedBytes: validBytes };
  }

  /** Opens the log for appending at `validBytes`, cutting anything after it. */
  private async reopen(name: string, validBytes: number, updatesSinceSnapshot: number, writeMagic: boolean): Promise<void> {
    await this.closeLog(name);
    const handle = await open(this.pathOf(name), 'a+');
    if (writeMagic) {
      await handle.truncate(0);
      await handle.write(logMagic);
    } else {
      await handle.truncate(validBytes);
    }
    await handle.datasync();
    this.logs.set(name, { handle, bytes: validBytes, updatesSinceSnapshot, isDirty: false, fsyncTimer: undefined, syncing: undefined, tail: Promise.resolve() });
  }

  private async logOf(name: string): Promise<OpenLog> {
    const log = this.logs.get(name);
    if (log !== undefined) return log;
    // Appending to a document that was never loaded: load once to check and position the file.
    let pending = this.opening.get(name);
    if (pending === undefined) {
      pending = this.load(name).then(() => {
        const opened = this.logs.get(name);
        if (opened === undefined) throw new Error(`document log ${name} failed to open`);
        return opened;
      });
      this.opening.set(name, pending);
      void pending.finally(() => this.opening.delete(name)).catch(() => undefined);
    }
    return pending;
  }

  private enqueue<T>(log: OpenLog, operation: () => Promise<T>): Promise<T> {
    const result = log.tail.then(operation);
    log.tail = result.catch(() => undefined);
    return result;
  }

  append(name: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    const bytes = encodeRecords(updates.map((payload) => ({ kind: RecordKind.update, payload })));
    return this.withLog(name, async (log) => {
      await log.handle.write(bytes);
      log.bytes += bytes.byteLength;
      log.updatesSinceSnapshot += updates.length;
      this.markDirty(log);
    });
  }

  /**
   * Runs an operation on a document's log after those already queued. It is queued synchronously
   * when the log is open, so that a release() called right after waits for it.
   */
  private withLog<T>(name: string, operation: (log: OpenLog) => Promise<T>): Promise<T> {
    const open = this.logs.get(name);
    if (open !== undefined) return this.enqueue(open, () => operation(open));
    return this.logOf(name).then((log) => this.enqueue(log, () => operation(log)));
  }

  private markDirty(log: OpenLog): void {
    log.isDirty = true;
    log.fsyncTimer ??= setTimeout(() => {
      log.fsyncTimer = undefined;
      this.sync(log).catch((error: unknown) => {
        this.logger.error({ err: error }, 'fsync of a document log failed');
      });
    }, this.fsyncIntervalMs);
  }

  /**
   * fdatasync outside the append queue: a write issued meanwhile is simply synced by the next
   * round (it marks the log dirty again). One sync at a time per file.
   */
  private async sync(log: OpenLog): Promise<void> {
    while (log.syncing !== undefined) await log.syncing;
    if (!log.isDirty) return;
    log.isDirty = false;
    const handle = log.handle;
    log.syncing = handle.datasync().finally(() => (log.syncing = undefined));
    await log.syncing;
  }

  compact(name: string, stateV2: Uint8Array): Promise<void> {
    return this.withLog(name, async (log) => {
      const path = this.pathOf(name);
      const temporaryPath = `${path}.compacting`;
      const record = encodeRecords([{ kind: RecordKind.snapshot, payload: stateV2 }]);
      const temporary = await open(temporaryPath, 'w');
      try {
        await temporary.write(logMagic);
        await temporary.write(record);
        await temporary.datasync();
      } finally {
        await temporary.close();
      }
      if (log.fsyncTimer !== undefined) clearTimeout(log.fsyncTimer);
      log.fsyncTimer = undefined;
      await log.syncing;
      await log.handle.close();
      await rename(temporaryPath, path);
      await syncDirectory(this.docsDir);
      log.handle = await open(path, 'a+');
      log.bytes = logMagic.byteLength + record.byteLength;
      log.updatesSinceSnapshot = 0;
      log.isDirty = false;
    });
  }

  stats(name: string): { updatesSinceSnapshot: number; storedBytes: number } | undefined {
    const log = this.logs.get(name);
    return log === undefined ? undefined : { updatesSinceSnapshot: log.updatesSinceSnapshot, storedBytes: log.bytes };
  }

  private async closeLog(name: string): Promise<void> {
    const log = this.logs.get(name);
    if (log === undefined) return;
    this.logs.delete(name);
    await log.tail;
    if (log.fsyncTimer !== undefined) clearTimeout(log.fsyncTimer);
    await this.sync(log);
    await log.handle.close();
  }

  /** Flushes one document's log and releases its file (when its room unloads). */
  async release(name: string): Promise<void> {
    await this.closeLog(name);
  }

  async close(): Promise<void> {
    await Promise.all([...this.logs.keys()].map((name) => this.closeLog(name)));
  }
}

/** fsync a directory so that a rename in it survives a power loss. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
