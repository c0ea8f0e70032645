/**
 * The structured contract as the pages read it: re-read from the live `Y.Doc` (axes, sheets,
 * budget lines) after every local or remote change, and consolidated against the workspace's
 * envelope, so totals and warnings follow each keystroke of anyone. Changes are coalesced: many
 * transactions in one task give one reading.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { consolidate, type Consolidation } from '../../shared/budget/consolidate';
import { axesMap, sheetsMap } from '../../shared/programme/layout';
import { readProgramme, type ProgrammeView } from '../../shared/programme/read';
import type { Envelope } from '../../shared/schemas/workspace';

/** What pages receive: the programme read from the document, and its totals. */
export interface ProgrammeState {
  programme: ProgrammeView;
  consolidation: Consolidation;
  /** Increments at each reading, so that elements can tell a new reading from the same one. */
  revision: number;
}

/** Name of the performance measure of one reading (read + consolidate). */
export const readMeasure = 'trame:programme-read';

export class ProgrammeController implements ReactiveController {
  /** The latest reading, or null while no document is open. */
  state: ProgrammeState | null = null;

  private readonly host: ReactiveControllerHost;
  private doc: Y.Doc | null = null;
  private envelope: Envelope | undefined;
  private memberStructureIds: ReadonlySet<string> | undefined;
  private scheduled = false;
  private revision = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** Follows `doc` (null: none), with the workspace's envelope and member structures. */
  follow(doc: Y.Doc | null, envelope: Envelope | undefined, memberStructureIds: ReadonlySet<string> | undefined): void {
    const contextChanged = envelope !== this.envelope || memberStructureIds !== this.memberStructureIds;
    this.envelope = envelope;
    this.memberStructureIds = memberStructureIds;
    if (doc === this.doc) {
      if (contextChanged && doc !== null) this.schedule();
      return;
    }
    this.unobserve();
    this.doc = doc;
    if (doc === null) {
      this.state = null;
      return;
    }
    axesMap(doc).observeDeep(this.schedule);
    sheetsMap(doc).observeDeep(this.schedule);
    // Called from the host's update: the reading is part of it, no further update is needed.
    this.read(false);
  }

  hostConnected(): void {
    if (this.doc !== null) this.read();
  }

  hostDisconnected(): void {
    this.unobserve();
    this.doc = null;
    this.state = null;
  }

  private unobserve(): void {
    if (this.doc === null) return;
    axesMap(this.doc).unobserveDeep(this.schedule);
    sheetsMap(this.doc).unobserveDeep(this.schedule);
  }

  private readonly schedule = (): void => {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.read();
    }, 0);
  };

  private read(notify = true): void {
    const doc = this.doc;
    if (doc === null) return;
    const started = performance.now();
    const programme = readProgramme(doc, this.memberStructureIds === undefined ? {} : { memberStructureIds: this.memberStructureIds });
    this.state = { programme, consolidation: consolidate(programme.lines, this.envelope), revision: ++this.revision };
    // The last reading's duration, for profiling and `npm run bench` (only the last is kept).
    performance.clearMeasures(readMeasure);
    performance.measure(readMeasure, { start: started });
    if (notify) this.host.requestUpdate();
  }
}
