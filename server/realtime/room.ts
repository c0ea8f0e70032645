/**
 * A Room owns one open Yjs document: it loads it before answering anyone, applies what clients
 * send, logs each tick's updates before broadcasting them, and relays awareness.
 *
 * Invariants:
 * - Nothing is sent to any client before the document is loaded.
 * - Log before broadcast: an update reaches other clients only after the store has written it,
 *   and a sync reply that carries document state is held until that state is written. So whatever
 *   a client has seen survives a crash of the process.
 * - Broadcast once per tick: the tick's updates (the doc's own `update` events, so re-sent content
 *   is already deduplicated) are merged in small chunks, encoded once, and the same bytes go to
 *   every connection. Awareness is coalesced over `awarenessFlushMs`.
 */
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { DocumentStore } from '../store/document-store';
import { RecordKind } from '../store/update-log-format';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages';

/** One client connection, as the room sees it. */
export interface RoomPeer {
  readonly id: string;
  send(message: Uint8Array): void;
  close(code: CloseCode): void;
}

export interface RoomOptions {
  name: string;
  store: DocumentStore;
  logger: Logger;
  awarenessFlushMs: number;
  /** Compact the stored log into a snapshot once this many updates follow the last snapshot. */
  compactAfterUpdates: number;
  /** Called when the last peer leaves. */
  onEmpty: (room: Room) => void;
}

/** Updates merged into one broadcast message at most (Y.mergeUpdates grows super-linearly). */
const maxUpdatesPerMerge = 64;
/** Origin of transactions that replay the stored log (they must not be logged again). */
const loadOrigin = Symbol('load');

export class Room {
  readonly name: string;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Settles when the document is loaded (rejects if it cannot be). */
  readonly ready: Promise<void>;
  private readonly options: RoomOptions;
  private readonly logger: Logger;
  private readonly peers = new Set<RoomPeer>();
  private readonly awarenessClientsOf = new Map<RoomPeer, Set<number>>();
  private pendingUpdates: Uint8Array[] = [];
  /** Count of document updates applied, and of those written to the store. */
  private appliedSeq = 0;
  private durableSeq = 0;
  /** Replies holding document state, waiting for that state to be written. */
  private waitingReplies: { seq: number; peer: RoomPeer; message: Uint8Array }[] = [];
  private flushing: Promise<void> | undefined;
  private isFlushScheduled = false;
  private changedAwarenessClients = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | undefined;
  private fullStateReply: { seq: number; message: Uint8Array } | undefined;
  private isClosed = false;

  constructor(options: RoomOptions) {
    this.options = options;
    this.name = options.name;
    this.logger = options.logger.child({ document: options.name });
    this.awareness.setLocalState(null);
    this.ready = this.load();
  }

  get peerCount(): number {
    return this.peers.size;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const stored = await this.options.store.load(this.name);
    Y.transact(this.doc, () => {
      for (const record of stored.records) {
        if (record.kind === RecordKind.snapshot) Y.applyUpdateV2(this.doc, record.payload, loadOrigin);
        else Y.applyUpdate(this.doc, record.payload, loadOrigin);
      }
    }, loadOrigin);
    this.doc.on('update', this.handleDocumentUpdate);
    this.awareness.on('update', this.handleAwarenessUpdate);
    if (stored.updatesSinceSnapshot >= this.options.compactAfterUpdates) await this.compact();
    this.logger.debug({ records: stored.records.length, loadMs: Math.round(performance.now() - started) }, 'document loaded');
  }

  /** Adds a peer to a loaded room: sends the server's sync step 1 and everyone's awareness. */
  join(peer: RoomPeer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(this.doc));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) peer.send(encodeAwareness(this.awareness, clients));
  }

  /** Removes a peer and the awareness states it controlled. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    const clients = this.awarenessClientsOf.get(peer);
    this.awarenessClientsOf.delete(peer);
    if (clients !== undefined && clients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
    }
    this.waitingReplies = this.waitingReplies.filter((reply) => reply.peer !== peer);
    if (this.peers.size === 0) this.options.onEmpty(this);
  }

  /** Answers a client's sync step 1 with what it lacks, once that state is durable. */
  answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    const isEmpty = stateVector.byteLength === 1 && stateVector[0] === 0;
    const message = isEmpty ? this.encodeFullState() : encodeSyncStep2(this.doc, stateVector);
    if (this.durableSeq >= this.appliedSeq) peer.send(message);
    else this.waitingReplies.push({ seq: this.appliedSeq, peer, message });
  }

  /** New joiners all ask for the full state: encode it once per document version. */
  private encodeFullState(): Uint8Array {
    if (this.fullStateReply?.seq !== this.appliedSeq) {
      this.fullStateReply = { seq: this.appliedSeq, message: encodeSyncStep2(this.doc, new Uint8Array([0])) };
    }
    return this.fullStateReply.message;
  }

  /** Applies a client's update (throws on a malformed one; the caller closes that connection). */
  applyUpdate(peer: RoomPeer, update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, peer);
  }

  /** True when the update would add nothing to the document (used to gate read-only peers). */
  isAlreadyContained(update: Uint8Array): boolean {
    return Y.snapshotContainsUpdate(Y.snapshot(this.doc), update);
  }

  /** Applies a client's awareness update (throws on a malformed one). */
  applyAwareness(peer: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** Sends every known awareness state to one peer (answer to "query awareness"). */
  sendAllAwareness(peer: RoomPeer): void {
    peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
  }

  private readonly handleDocumentUpdate = (update: Uint8Array): void => {
    this.pendingUpdates.push(update);
    this.appliedSeq++;
    if (!this.isFlushScheduled && this.flushing === undefined) {
      this.isFlushScheduled = true;
      setImmediate(() => {
        this.isFlushScheduled = false;
        this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
      });
    }
  };

  /** Writes then broadcasts pending updates, tick after tick, until none are left. */
  private async flush(): Promise<void> {
    while (this.pendingUpdates.length > 0) {
      const batch = this.pendingUpdates;
      const batchSeq = this.appliedSeq;
      this.pendingUpdates = [];
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < batch.length; i += maxUpdatesPerMerge) {
        const slice = batch.slice(i, i + maxUpdatesPerMerge);
        chunks.push(slice.length === 1 && slice[0] !== undefined ? slice[0] : Y.mergeUpdates(slice));
      }
      try {
        await this.options.store.append(this.name, chunks);
      } catch (error) {
        // Keep the updates and retry: clients still hold them, and nothing unwritten is shown.
        this.logger.error({ err: error }, 'could not write document updates; retrying');
        this.pendingUpdates = batch.concat(this.pendingUpdates);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (this.isClosed && this.peers.size === 0) return;
        continue;
      }
      this.durableSeq = batchSeq;
      for (const chunk of chunks) this.broadcast(encodeUpdate(chunk));
      this.releaseWaitingReplies();
      const stats = this.options.store.stats(this.name);
      if (stats !== undefined && stats.updatesSinceSnapshot >= this.options.compactAfterUpdates) await this.compact();
    }
  }

  private releaseWaitingReplies(): void {
    if (this.waitingReplies.length === 0) return;
    const stillWaiting: typeof this.waitingReplies = [];
    for (const reply of this.waitingReplies) {
      if (reply.seq <= this.durableSeq) reply.peer.send(reply.message);
      else stillWaiting.push(reply);
    }
    this.waitingReplies = stillWaiting;
  }

  private async compact(): Promise<void> {
    const started = performance.now();
    try {
      await this.options.store.compact(this.name, Y.encodeStateAsUpdateV2(this.doc));
      this.logger.debug({ compactMs: Math.round(performance.now() - started) }, 'document log compacted');
    } catch (error) {
      this.logger.error({ err: error }, 'compaction failed; the log is kept as it was');
    }
  }

  private broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin as RoomPeer | null; // origin is the peer passed to applyAwareness, or null
    if (peer !== null && this.peers.has(peer)) {
      let clients = this.awarenessClientsOf.get(peer);
      if (clients === undefined) this.awarenessClientsOf.set(peer, (clients = new Set()));
      for (const id of [...added, ...updated]) clients.add(id);
      for (const id of removed) clients.delete(id);
    }
    for (const id of [...added, ...updated, ...removed]) this.changedAwarenessClients.add(id);
    this.awarenessTimer ??= setTimeout(() => {
      this.awarenessTimer = undefined;
      const changed = [...this.changedAwarenessClients];
      this.changedAwarenessClients.clear();
      if (changed.length > 0) this.broadcast(encodeAwareness(this.awareness, changed));
    }, this.options.awarenessFlushMs);
  };

  /** Resolves once every applied update is written (or writing was given up on a closed room). */
  async whenDurable(): Promise<void> {
    while (this.flushing !== undefined || this.isFlushScheduled) {
      await (this.flushing ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }

  /** Writes what is pending, closes every peer with `code`, and frees the document. */
  async close(code: CloseCode = CloseCode.goingAway): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await this.ready.catch(() => undefined);
    await this.whenDurable();
    for (const peer of [...this.peers]) peer.close(code);
    this.peers.clear();
    if (this.awarenessTimer !== undefined) clearTimeout(this.awarenessTimer);
    this.awareness.destroy();
    this.doc.destroy();
    await this.options.store.release(this.name);
  }
}
