/**
 * The registry of open Rooms: one per document. A room is created on first join (or for a
 * server-side read, `withDocument`), and unloaded `idleUnloadMs` after its last peer leaves or its
 * last read ends (a page reload should not reload the document).
 *
 * Observers (`observe`) learn when a room's document is loaded and when the room is about to be
 * closed: the contract's live validation hangs on these, without the room knowing about it.
 */
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { DocumentStore } from '../store/document-store';
import { Room } from './room';

/** Told about rooms coming and going. Called synchronously; must not throw (errors are logged). */
export interface RoomObserver {
  /** The room's document is loaded (`room.ready` resolved): updates may be listened to. */
  opened?(room: Room): void;
  /** The room is about to close: stop listening, its document is destroyed next. */
  closing?(room: Room): void;
}

export interface RoomRegistryOptions {
  store: DocumentStore;
  logger: Logger;
  idleUnloadMs: number;
  awarenessFlushMs: number;
  compactAfterUpdates: number;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Server-side reads in progress per document (a room being read is not unloaded). */
  private readonly reads = new Map<string, number>();
  private readonly observers = new Set<RoomObserver>();

  constructor(private readonly options: RoomRegistryOptions) {}

  /** The room of a document, loading it if needed (await `room.ready` before using it). */
  async open(name: string): Promise<Room> {
    await this.closing.get(name);
    this.cancelUnload(name);
    let room = this.rooms.get(name);
    if (room === undefined) {
      const created = new Room({
        name,
        store: this.options.store,
        logger: this.options.logger,
        awarenessFlushMs: this.options.awarenessFlushMs,
        compactAfterUpdates: this.options.compactAfterUpdates,
        onEmpty: (emptied) => this.scheduleUnload(emptied),
      });
      room = created;
      this.rooms.set(name, created);
      created.ready.catch((error: unknown) => {
        this.options.logger.error({ err: error, document: name }, 'document could not be loaded');
        if (this.rooms.get(name) === created) this.rooms.delete(name);
        void created.close();
      });
      void created.ready.then(
        () => {
          if (this.rooms.get(name) === created) this.notify('opened', created);
        },
        () => undefined, // logged just above
      );
    }
    return room;
  }

  /**
   * Runs `read` on a document's live state, loading it if no room is open, for the server's own
   * reads (REST routes). A room opened only for this is unloaded `idleUnloadMs` after the read,
   * unless someone joined meanwhile. Rejects when the document cannot be loaded.
   */
  async withDocument<T>(name: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    this.reads.set(name, (this.reads.get(name) ?? 0) + 1);
    try {
      const room = await this.open(name);
      await room.ready;
      return await read(room.doc);
    } finally {
      const left = (this.reads.get(name) ?? 1) - 1;
      if (left > 0) this.reads.set(name, left);
      else this.reads.delete(name);
      const room = this.rooms.get(name);
      if (left === 0 && room !== undefined && room.peerCount === 0) this.scheduleUnload(room);
    }
  }

  /** Adds an observer of rooms opening and closing; returns how to remove it. */
  observe(observer: RoomObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private notify(event: keyof RoomObserver, room: Room): void {
    for (const observer of this.observers) {
      try {
        observer[event]?.(room);
      } catch (error) {
        this.options.logger.warn({ err: error, document: room.name, event }, 'room observer failed');
      }
    }
  }

  /** Open rooms, for health and tests. */
  get openRooms(): ReadonlyMap<string, Room> {
    return this.rooms;
  }

  private cancelUnload(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer !== undefined) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room.name);
    this.idleTimers.set(
      room.name,
      setTimeout(() => {
        this.idleTimers.delete(room.name);
        if (room.peerCount === 0 && !this.reads.has(room.name) && this.rooms.get(room.name) === room) void this.unload(room);
      }, this.options.idleUnloadMs),
    );
  }

  private unload(room: Room): Promise<void> {
    this.rooms.delete(room.name);
    this.notify('closing', room);
    const closed = room.close().finally(() => this.closing.delete(room.name));
    this.closing.set(room.name, closed);
    return closed;
  }

  /** Writes everything and closes every room (server shutdown). */
  async closeAll(): Promise<void> {
    for (const name of this.idleTimers.keys()) this.cancelUnload(name);
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)));
    await Promise.all(this.closing.values());
  }
}
