/**
 * Live validation of the structured contract. For every open room holding a workspace's contract,
 * the server re-reads the programme shortly after updates (coalesced over `debounceMs`, so a burst
 * of keystrokes costs one check) and builds a `ProgrammeReport`: problems found (a string where an
 * amount belongs, a deleted title, …) and totals. When the report says something new, everyone in
 * the workspace receives it (`programme:report`).
 *
 * Off the keystroke path: the room's update listener only arms a timer; the room logs and
 * broadcasts updates without waiting for any check. A damaged document never crashes the server:
 * a check that throws is logged at warn and the previous report is kept.
 */
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { ProgrammeReport } from '../../shared/schemas/programme-report';
import type { Workspace } from '../../shared/schemas/workspace';
import type { Room } from '../realtime/room';
import type { RoomRegistry } from '../realtime/room-registry';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace } from '../workspaces/workspaces.repository';
import { analyseProgramme } from './contract-reader';
import { buildProgrammeReport, reportKey } from './programme-report';
import type { WorkspaceEvents } from './workspace-events';

export interface ProgrammeMonitorOptions {
  db: MetadataStore;
  rooms: RoomRegistry;
  events: WorkspaceEvents;
  logger: Logger;
  /** Updates arriving within this delay after the first are checked together. */
  debounceMs?: number;
}

/** One watched room: its workspace, its update listener and the pending check. */
interface Watch {
  room: Room;
  workspaceId: string;
  onUpdate: () => void;
  timer: NodeJS.Timeout | undefined;
}

export class ProgrammeMonitor {
  private readonly latest = new Map<string, { report: ProgrammeReport; key: string }>();
  private readonly watches = new Map<string, Watch>();
  private readonly debounceMs: number;
  private stopObserving: (() => void) | undefined;

  constructor(private readonly options: ProgrammeMonitorOptions) {
    this.debounceMs = options.debounceMs ?? 100;
  }

  /** Starts watching contract rooms as they open (and those already open). */
  start(): void {
    this.stopObserving ??= this.options.rooms.observe({ opened: (room) => this.watch(room), closing: (room) => this.unwatch(room, true) });
    for (const room of this.options.rooms.openRooms.values()) void room.ready.then(() => this.watch(room), () => undefined);
  }

  /** Stops watching (server shutdown). */
  stop(): void {
    this.stopObserving?.();
    this.stopObserving = undefined;
    for (const watch of [...this.watches.values()]) this.unwatch(watch.room, false);
  }

  /**
   * The current report of a workspace: the latest one when its room is open and no check is
   * pending; otherwise checked now (loading the document if needed). Rejects when the document
   * cannot be loaded or read.
   */
  async current(workspace: Workspace): Promise<ProgrammeReport> {
    const watch = this.watches.get(workspace.contractDocument);
    const latest = this.latest.get(workspace.id);
    if (watch !== undefined && watch.timer === undefined && latest !== undefined) return latest.report;
    return this.refresh(workspace);
  }

  /** Checks a workspace's contract now (after its envelope changed, say), and tells everyone if the report changed. */
  async refresh(workspace: Workspace): Promise<ProgrammeReport> {
    return this.options.rooms.withDocument(workspace.contractDocument, (doc) => {
      const watch = this.watches.get(workspace.contractDocument);
      if (watch?.timer !== undefined) {
        clearTimeout(watch.timer);
        watch.timer = undefined;
      }
      return this.check(workspace, doc);
    });
  }

  private watch(room: Room): void {
    if (this.watches.has(room.name)) return;
    const workspace = this.options.db.data.workspaces.find((w) => w.contractDocument === room.name);
    if (workspace === undefined) return; // not a contract document
    const watch: Watch = {
      room,
      workspaceId: workspace.id,
      timer: undefined,
      onUpdate: () => {
        watch.timer ??= setTimeout(() => {
          watch.timer = undefined;
          this.checkSafely(watch);
        }, this.debounceMs);
      },
    };
    this.watches.set(room.name, watch);
    room.doc.on('update', watch.onUpdate);
    this.checkSafely(watch);
  }

  /** Stops watching a room; with `checkPending`, a check that was waiting runs first (the document is still there). */
  private unwatch(room: Room, checkPending: boolean): void {
    const watch = this.watches.get(room.name);
    if (watch === undefined || watch.room !== room) return;
    this.watches.delete(room.name);
    room.doc.off('update', watch.onUpdate);
    if (watch.timer !== undefined) {
      clearTimeout(watch.timer);
      watch.timer = undefined;
      if (checkPending) this.checkSafely(watch);
    }
  }

  private checkSafely(watch: Watch): void {
    const workspace = findWorkspace(this.options.db, watch.workspaceId);
    if (workspace === undefined) return;
    try {
      this.check(workspace, watch.room.doc);
    } catch (error) {
      this.options.logger.warn({ err: error, document: watch.room.name }, 'the structured contract could not be checked; the previous report is kept');
    }
  }

  /** Builds the report, keeps it, and emits it when it says something new. */
  private check(workspace: Workspace, doc: Y.Doc): ProgrammeReport {
    const report = buildProgrammeReport(workspace.id, analyseProgramme(this.options.db, workspace, doc), new Date());
    const key = reportKey(report);
    const previous = this.latest.get(workspace.id);
    this.latest.set(workspace.id, { report, key });
    if (previous?.key !== key) {
      try {
        this.options.events.programmeReport(report);
      } catch (error) {
        this.options.logger.warn({ err: error, workspace: workspace.id }, 'the programme report could not be sent');
      }
    }
    return report;
  }
}
