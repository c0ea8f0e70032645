/**
 * Update propagation latency, tracked by Yjs identity rather than by markers in the text: a
 * sender records (clientID, clock after its insert, time); an observer, on each update it
 * receives from the server, reads the update's per-client clock ranges (`Y.parseUpdateMeta`, no
 * integration work) and marks every recorded insert those ranges cover as arrived.
 *
 * Deletions do not advance a client's clock, so only inserts are tracked (they still count as
 * updates everywhere else). Senders and observers must live in one process (one clock).
 */
import * as Y from 'yjs';
import { SampleBuffer } from './stats';

interface SenderLog {
  clocks: number[];
  /** Index, in the tracker's per-send arrays, of each entry of `clocks`. */
  sendIndexes: number[];
}

export class LatencyTracker {
  private readonly senders = new Map<number, SenderLog>();
  private sentAt = new Float64Array(1 << 16);
  private arrivals = new Uint16Array(1 << 16);
  private lastArrivalAt = new Float64Array(1 << 16);
  private sendCount = 0;
  private readonly observerCursors = new Map<number, Map<number, number>>();
  /** Each (insert, observer) arrival, in ms. */
  readonly deliveries = new SampleBuffer();
  /** Arrivals at an observer of its own inserts are not expected and are not counted. */
  private readonly selfOf = new Map<number, number>();

  /** Registers an observer (an id, and the clientID of its own document, whose inserts it skips). */
  addObserver(observerId: number, ownClientId: number): void {
    this.observerCursors.set(observerId, new Map());
    this.selfOf.set(observerId, ownClientId);
  }

  get observerCount(): number {
    return this.observerCursors.size;
  }

  /** Call right after a local insert transaction (the provider has just sent it). */
  recordInsert(doc: Y.Doc, at = performance.now()): void {
    const clientId = doc.clientID;
    let log = this.senders.get(clientId);
    if (log === undefined) this.senders.set(clientId, (log = { clocks: [], sendIndexes: [] }));
    if (this.sendCount === this.sentAt.length) this.grow();
    log.clocks.push(Y.getState(doc.store, clientId));
    log.sendIndexes.push(this.sendCount);
    this.sentAt[this.sendCount] = at;
    this.sendCount++;
  }

  /** Call from an observer document's `update` event for updates that came from the server. */
  recordArrival(observerId: number, update: Uint8Array, at = performance.now()): void {
    const cursors = this.observerCursors.get(observerId);
    if (cursors === undefined) return;
    const { to } = Y.parseUpdateMeta(update);
    for (const [clientId, endClock] of to) {
      if (clientId === this.selfOf.get(observerId)) continue;
      const log = this.senders.get(clientId);
      if (log === undefined) continue;
      let cursor = cursors.get(clientId) ?? 0;
      while (cursor < log.clocks.length && (log.clocks[cursor] ?? Infinity) <= endClock) {
        const index = log.sendIndexes[cursor] ?? 0;
        const latency = at - (this.sentAt[index] ?? at);
        this.deliveries.push(latency);
        this.arrivals[index] = (this.arrivals[index] ?? 0) + 1;
        if (at > (this.lastArrivalAt[index] ?? 0)) this.lastArrivalAt[index] = at;
        cursor++;
      }
      cursors.set(clientId, cursor);
    }
  }

  get inserts(): number {
    return this.sendCount;
  }

  /** Observers that must see each insert: all of them, minus the sender if it observes too. */
  private expectedArrivals(senderIsObserver: boolean): number {
    return this.observerCursors.size - (senderIsObserver ? 1 : 0);
  }

  /**
   * Per insert, the time until every observer had it ("fully propagated"); and how many inserts
   * some observer never received.
   */
  fullPropagation(): { latencies: Float64Array; incomplete: number } {
    const observingClients = new Set(this.selfOf.values());
    const latencies = new SampleBuffer();
    let incomplete = 0;
    for (const [clientId, log] of this.senders) {
      const expected = this.expectedArrivals(observingClients.has(clientId));
      for (const index of log.sendIndexes) {
        if ((this.arrivals[index] ?? 0) >= expected) latencies.push((this.lastArrivalAt[index] ?? 0) - (this.sentAt[index] ?? 0));
        else incomplete++;
      }
    }
    return { latencies: latencies.toArray(), incomplete };
  }

  /** True once every recorded insert reached every observer. */
  isDrained(): boolean {
    return this.fullPropagation().incomplete === 0;
  }

  private grow(): void {
    const size = this.sentAt.length * 2;
    const sentAt = new Float64Array(size);
    sentAt.set(this.sentAt);
    const arrivals = new Uint16Array(size);
    arrivals.set(this.arrivals);
    const lastArrivalAt = new Float64Array(size);
    lastArrivalAt.set(this.lastArrivalAt);
    this.sentAt = sentAt;
    this.arrivals = arrivals;
    this.lastArrivalAt = lastArrivalAt;
  }
}
