/**
 * Reads a workspace's structured contract from its live Yjs document, on the server: the
 * programme (`readProgramme`, checked against the workspace's member structures) and its
 * consolidation against the envelope. The document is the room's, loaded if no one has it open
 * and unloaded again after the read (`RoomRegistry.withDocument`).
 */
import type * as Y from 'yjs';
import { consolidate, type Consolidation } from '../../shared/budget/consolidate';
import { readProgramme, type ProgrammeView } from '../../shared/programme/read';
import type { Workspace } from '../../shared/schemas/workspace';
import type { RoomRegistry } from '../realtime/room-registry';
import type { MetadataStore } from '../store/metadata-store';
import { structuresOf } from '../workspaces/workspaces.repository';

export interface LiveProgramme {
  programme: ProgrammeView;
  consolidation: Consolidation;
}

/** Reads and consolidates a programme from a document (never throws on damaged content). */
export function analyseProgramme(db: MetadataStore, workspace: Workspace, doc: Y.Doc): LiveProgramme {
  const memberStructureIds = new Set(structuresOf(db, workspace.id).map((structure) => structure.id));
  const programme = readProgramme(doc, { memberStructureIds });
  return { programme, consolidation: consolidate(programme.lines, workspace.envelope) };
}

export class ContractReader {
  constructor(
    private readonly db: MetadataStore,
    private readonly rooms: RoomRegistry,
  ) {}

  /** The live programme of a workspace; rejects when its document cannot be loaded. */
  read(workspace: Workspace): Promise<LiveProgramme> {
    return this.rooms.withDocument(workspace.contractDocument, (doc) => analyseProgramme(this.db, workspace, doc));
  }
}
