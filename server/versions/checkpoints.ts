/**
 * The automatic timeline of a contract: while its live document is edited, a checkpoint (a full
 * state, like a named version) is taken at most `intervalMs` after the first change following the
 * previous one, and when the document is unloaded after changes. So the history holds at least an
 * hourly state of every editing session, with nothing per keystroke but a flag: who edited is
 * derived at checkpoint time, from the client ids whose clocks moved since the previous one.
 */
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Workspace } from '../../shared/schemas/workspace';
import type { Room } from '../realtime/room';
import type { RoomRegistry } from '../realtime/room-registry';
import type { MetadataStore } from '../store/metadata-store';
import { clientAuthorsOf, versionsOf } from './versions.repository';
import type { VersionsService } from './versions.service';

export interface CheckpointsOptions {
  db: MetadataStore;
  rooms: RoomRegistry;
  versions: VersionsService;
  intervalMs: number;
  logger: Logger;
}

interface Followed {
  room: Room;
  workspace: Workspace;
  /** True once the document changed after the last checkpoint. */
  isChanged: boolean;
  /** Each client id's clock at the last checkpoint (or when the room opened). */
  clocksAtCheckpoint: Map<number, number>;
  timer: NodeJS.Timeout | undefined;
  stopListening: () => void;
}

/** Each client id's clock in a document (its state vector). */
function clocksOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

export class Checkpoints {
  private readonly followed = new Map<string, Followed>();
  private readonly pending = new Set<Promise<unknown>>();
  private stopObserving: (() => void) | undefined;

  constructor(private readonly options: CheckpointsOptions) {}

  start(): void {
    this.stopObserving = this.options.rooms.observe({
      opened: (room) => this.follow(room),
      closing: (room) => this.unfollow(room),
    });
  }

  /** Stops taking checkpoints and waits for those being written. */
  async stop(): Promise<void> {
    this.stopObserving?.();
    for (const followed of this.followed.values()) {
      clearTimeout(followed.timer);
      followed.stopListening();
    }
    this.followed.clear();
    await Promise.allSettled([...this.pending]);
  }

  private follow(room: Room): void {
    const workspace = this.options.db.data.workspaces.find((candidate) => candidate.contractDocument === room.name);
    if (workspace === undefined) return;
    const followed: Followed = { room, workspace, isChanged: false, clocksAtCheckpoint: clocksOf(room.doc), timer: undefined, stopListening: () => undefined };
    const onUpdate = (): void => {
      followed.isChanged = true;
      followed.timer ??= setTimeout(() => this.take(followed), this.delayFor(workspace));
    };
    room.doc.on('update', onUpdate);
    followed.stopListening = () => room.doc.off('update', onUpdate);
    this.followed.set(room.name, followed);
  }

  /** The wait before the next checkpoint: what remains of the interval since the last version. */
  private delayFor(workspace: Workspace): number {
    const latest = versionsOf(this.options.db, workspace.id)[0];
    const since = latest === undefined ? Infinity : Date.now() - Date.parse(latest.createdAt);
    return Math.max(0, Math.min(this.options.intervalMs, this.options.intervalMs - since));
  }

  /** The room is about to close: its changes since the last checkpoint become one. */
  private unfollow(room: Room): void {
    const followed = this.followed.get(room.name);
    if (followed === undefined) return;
    this.followed.delete(room.name);
    clearTimeout(followed.timer);
    followed.stopListening();
    if (!followed.isChanged) return;
    // The document is destroyed right after this call: encode its state now.
    this.write(followed, Y.encodeStateAsUpdateV2(room.doc));
  }

  private take(followed: Followed): void {
    followed.timer = undefined;
    if (!followed.isChanged || this.followed.get(followed.room.name) !== followed) return;
    this.write(followed, Y.encodeStateAsUpdateV2(followed.room.doc));
  }

  private write(followed: Followed, state: Uint8Array): void {
    const editors = this.editorsOf(followed);
    followed.isChanged = false;
    followed.clocksAtCheckpoint = clocksOf(followed.room.doc);
    const writing = this.options.versions
      .record(followed.workspace, state, { kind: 'checkpoint', name: 'Point automatique', comment: '', createdBy: null, createdByName: 'Trame', editors })
      .then((result) => {
        if (!result.ok) this.options.logger.warn({ workspace: followed.workspace.id, problem: result.error.title }, 'a checkpoint could not be taken');
      });
    this.pending.add(writing);
    void writing.finally(() => this.pending.delete(writing));
  }

  /** The people whose client ids wrote (their clocks moved) since the last checkpoint. */
  private editorsOf(followed: Followed): string[] {
    const authors = new Map(clientAuthorsOf(this.options.db, followed.room.name).map((author) => [author.clientId, author.personId]));
    const people = new Set<string>();
    for (const [client, clock] of clocksOf(followed.room.doc)) {
      const person = authors.get(client);
      if (person !== undefined && clock > (followed.clocksAtCheckpoint.get(client) ?? 0)) people.add(person);
    }
    return [...people];
  }
}
