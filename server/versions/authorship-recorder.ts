/**
 * Records who writes with which Yjs client id in each contract (`clientAuthors`), so that every
 * character of a version can be credited to a person and to the structure they wrote for.
 *
 * It hangs on the keystroke path (`YjsAccess.onAcceptedUpdate`, called once a writable
 * connection's update is applied), so the common case costs a few varint reads and one Set
 * lookup: a keystroke's update holds one struct group, its own client's, already credited. Only
 * an update carrying a client id not yet credited in that document is decoded in full
 * (`Y.parseUpdateMeta`). New credits go to the in-memory table at once (readers see them) and
 * are written to disk in batches (lowdb rewrites the whole file on each write).
 *
 * A client id is credited once, to the first person whose accepted update carries it; later
 * claims are ignored. Limit: a client that forwards content written under a client id nobody has
 * claimed yet (offline edits kept in the browser, synced later) credits it to the forwarder; the
 * client keeps its offline copy per person (`<document>:<personId>` in IndexedDB), so in practice
 * those edits are the forwarder's own. Server-side writes on someone's behalf use `writeAs`.
 *
 * The structure credited is the person's structure in the document's workspace at the time of
 * writing: the first of their affiliations in that workspace, as comments and amendments credit
 * it (so the appendix and the deliberation agree); null when they have none there.
 */
import type { Logger } from 'pino';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { ClientAuthor } from '../../shared/schemas/versions';
import { structureIdsOf } from '../auth/people.repository';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure } from '../workspaces/workspaces.repository';

/** Who an accepted update is credited to. */
export interface Writer {
  personId: string;
  workspaceId: string;
}

/** How long new credits wait before the metadata file is written (one write per batch). */
const flushDelayMs = 500;

/** The structure a person writes for in a workspace: their first affiliation there, or null. */
export function writingStructureOf(db: MetadataStore, personId: string, workspaceId: string): string | null {
  return structureIdsOf(db, personId).find((id) => findStructure(db, workspaceId, id) !== undefined) ?? null;
}

/**
 * The client id of an update's single struct group, read from its first varints (V1 encoding:
 * number of groups, then per group: number of structs, client, clock). `undefined` when the
 * update has several groups (or none: a pure deletion adds no characters to credit).
 */
function singleClientOf(update: Uint8Array): number | null | undefined {
  const decoder = decoding.createDecoder(update);
  const groups = decoding.readVarUint(decoder);
  if (groups === 0) return null;
  if (groups !== 1) return undefined;
  decoding.readVarUint(decoder); // number of structs
  return decoding.readVarUint(decoder);
}

export class AuthorshipRecorder {
  /** Client ids credited per document. */
  private readonly credited = new Map<string, Set<number>>();
  private pending = false;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: MetadataStore,
    private readonly logger?: Logger,
  ) {
    for (const author of db.data.clientAuthors) this.creditedIn(author.document).add(author.clientId);
  }

  private creditedIn(document: string): Set<number> {
    let set = this.credited.get(document);
    if (set === undefined) {
      set = new Set();
      this.credited.set(document, set);
    }
    return set;
  }

  /** True when the client id is credited to someone in that document. */
  isCredited(document: string, clientId: number): boolean {
    return this.credited.get(document)?.has(clientId) === true;
  }

  /**
   * Called with each accepted update of a writable connection. Never throws (it runs inside the
   * connection's message handler, where an exception would close the connection).
   */
  accepted(document: string, update: Uint8Array, writer: Writer): void {
    try {
      const known = this.credited.get(document);
      const single = singleClientOf(update);
      if (single === null) return;
      if (single !== undefined && known?.has(single) === true) return;
      const clients = single === undefined ? [...Y.parseUpdateMeta(update).from.keys()] : [single];
      const fresh = clients.filter((clientId) => known?.has(clientId) !== true);
      if (fresh.length === 0) return;
      const structureId = writingStructureOf(this.db, writer.personId, writer.workspaceId);
      for (const clientId of fresh) this.credit(document, clientId, writer.personId, structureId);
    } catch (error) {
      this.logger?.warn({ err: error, document }, 'the authorship of an update could not be recorded');
    }
  }

  /**
   * Credits a client id to a person (and structure) in a document, unless someone already holds
   * it. Answers whether it was credited now.
   */
  credit(document: string, clientId: number, personId: string, structureId: string | null): boolean {
    const known = this.creditedIn(document);
    if (known.has(clientId)) return false;
    known.add(clientId);
    const author: ClientAuthor = { document, clientId, personId, structureId, firstSeenAt: new Date().toISOString() };
    this.db.data.clientAuthors.push(author);
    this.schedule();
    return true;
  }

  private schedule(): void {
    this.pending = true;
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, flushDelayMs);
  }

  /** Writes pending credits now (resolves when they are on disk). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.pending) return this.writing;
    this.pending = false;
    this.writing = this.writing
      .then(() => this.db.write())
      .catch((error: unknown) => {
        this.logger?.error({ err: error }, 'client authors could not be written');
      });
    return this.writing;
  }

  /** Writes what is pending and stops scheduling writes (credits still go to memory). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }
}

const recorders = new WeakMap<MetadataStore, AuthorshipRecorder>();

/** The one recorder of a metadata store (the y-websocket gate and `writeAs` share it). */
export function authorshipRecorderFor(db: MetadataStore, logger?: Logger): AuthorshipRecorder {
  let recorder = recorders.get(db);
  if (recorder === undefined) {
    recorder = new AuthorshipRecorder(db, logger);
    recorders.set(db, recorder);
  }
  return recorder;
}
