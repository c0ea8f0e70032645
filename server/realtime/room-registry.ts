/**
 * The registry of open Rooms: one per document. A room is created on first join, and unloaded
 * `idleUnloadMs` after its last peer leaves (a page reload should not reload the document).
 */
import type { Logger } from 'pino';
import type { DocumentStore } from '../store/document-store';
import { Room } from './room';

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
    }
    return room;
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
        if (room.peerCount === 0 && this.rooms.get(room.name) === room) void this.unload(room);
      }, this.options.idleUnloadMs),
    );
  }

  private unload(room: Room): Promise<void> {
    this.rooms.delete(room.name);
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
