/**
 * Versions of a workspace's contract: naming one, adopting one (which freezes the contract),
 * opening a new draft from any version (restoring its content), and the automatic checkpoints'
 * records. Public links of adopted versions: publications.ts.
 *
 * A version's state is taken synchronously inside the live document's room (no await between
 * reading and encoding), so it is exactly what everyone saw at that instant. Adoption checks the
 * programme and sets the freeze in that same synchronous step: from then on every write gate
 * (y-websocket, REST, server-side writes) refuses, so nothing can slip in between the check, the
 * state and the freeze.
 */
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { frozenTitle } from '../../shared/permissions';
import { newId } from '../../shared/programme/ids';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import type { Adoption } from '../../shared/schemas/follow-up';
import type { Person } from '../../shared/schemas/people';
import { liveVersionId, type Freeze, type Version, type VersionKind, type VersionView, type VersionsView } from '../../shared/schemas/versions';
import type { Workspace } from '../../shared/schemas/workspace';
import { restoreVersion } from '../../shared/versions/restore';
import { contractFragmentName } from '../../shared/document-names';
import { axesName, sheetsName } from '../../shared/programme/layout';
import type { AuditLog } from '../audit/audit-log';
import { adoptionBlockers, adoptionRefusalTitle } from '../contract/adoption-rules';
import { analyseProgramme } from '../contract/contract-reader';
import type { WorkspaceEvents } from '../contract/workspace-events';
import type { RoomRegistry } from '../realtime/room-registry';
import type { DocumentStore } from '../store/document-store';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace } from '../workspaces/workspaces.repository';
import { writingStructureOf } from './authorship-recorder';
import { writeAs, type WriteAuthor } from './write-as';
import { readVersionDoc, readVersionUpdate, versionStateName, writeVersionState } from './version-states';
import { activePublication, findVersion, versionsOf } from './versions.repository';

export interface VersionsServiceOptions {
  db: MetadataStore;
  store: DocumentStore;
  rooms: RoomRegistry;
  audit: AuditLog;
  events: WorkspaceEvents;
  logger: Logger;
}

/** A refused adoption carries its reasons, each a French clause. */
export type AdoptResult = Result<VersionView> | { ok: false; error: DomainError; reasons: string[] };

const workspaceNotFound: DomainError = { kind: 'not_found', title: 'Espace de travail introuvable.' };
const versionNotFound: DomainError = { kind: 'not_found', title: 'Cette version n’existe pas.' };
const unavailable: DomainError = { kind: 'internal', title: 'Le contrat n’a pas pu être lu.', detail: 'Réessayez dans un instant.' };
const versionUnreadable: DomainError = { kind: 'internal', title: 'Cette version n’a pas pu être relue.', detail: 'Son état enregistré est illisible ; les autres versions ne sont pas touchées.' };

/** What a snapshot is about to record (its state is taken by `snapshot`). */
interface SnapshotMeta {
  kind: VersionKind;
  name: string;
  comment: string;
  createdBy: string | null;
  createdByName: string;
  restoredFrom?: string | null;
  editors?: string[];
}

export class VersionsService {
  /** Snapshots being written: `stop()` waits for them. */
  private readonly writing = new Set<Promise<unknown>>();

  constructor(private readonly options: VersionsServiceOptions) {}

  list(workspaceId: string): Result<VersionsView> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    return ok({ versions: versionsOf(this.options.db, workspaceId).map((version) => this.view(workspace, version)), freeze: workspace.freeze ?? null });
  }

  get(workspaceId: string, versionId: string): Result<VersionView> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    const version = findVersion(this.options.db, workspaceId, versionId);
    return version === undefined ? fail(versionNotFound) : ok(this.view(workspace, version));
  }

  /** Names a version of the live contract (`adopt`: see `adopt`). */
  async create(actor: Person, workspaceId: string, input: { name: string; comment: string; adopt: boolean }): Promise<AdoptResult> {
    if (input.adopt) return this.adopt(actor, workspaceId, input);
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    const saved = await this.snapshot(workspace, { kind: 'named', name: input.name, comment: input.comment, createdBy: actor.id, createdByName: actor.displayName });
    if (!saved.ok) return saved;
    void this.options.audit.record({ action: 'versions.created', actorId: actor.id, workspaceId, target: saved.value.id, detail: { name: input.name } });
    return ok(this.view(workspace, saved.value));
  }

  /**
   * Adopts the live programme as a version: refused with reasons while the budget does not match
   * the envelope; otherwise the version is stored and the contract frozen until a new draft.
   */
  async adopt(actor: Person, workspaceId: string, input: { name: string; comment: string }): Promise<AdoptResult> {
    const { db, rooms, audit, events, logger } = this.options;
    const workspace = findWorkspace(db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    if (workspace.freeze !== undefined) return fail(alreadyFrozen(workspace.freeze));
    const id = newId();
    let taken: { reasons: string[] } | { state: Uint8Array; totalCents: number; sheetCount: number; freeze: Freeze; previousAdoption: Adoption | undefined };
    try {
      taken = await rooms.withDocument(workspace.contractDocument, (doc) => {
        if (workspace.freeze !== undefined) return { reasons: [frozenTitle] };
        const live = analyseProgramme(db, workspace, doc);
        const reasons = adoptionBlockers(live);
        if (reasons.length > 0) return { reasons };
        const freeze: Freeze = { versionId: id, frozenAt: new Date().toISOString(), frozenBy: actor.id, frozenByName: actor.displayName };
        const previousAdoption = workspace.adoption;
        // Synchronously with the state: from here, every write gate refuses.
        workspace.freeze = freeze;
        workspace.adoption = { adoptedAt: freeze.frozenAt, adoptedBy: actor.id, adoptedByName: actor.displayName };
        return { state: Y.encodeStateAsUpdateV2(doc), totalCents: live.consolidation.totalCents, sheetCount: live.programme.sheets.size, freeze, previousAdoption };
      });
    } catch (error) {
      logger.warn({ err: error, workspaceId }, 'the contract could not be read for adoption');
      return fail(unavailable);
    }
    if ('reasons' in taken) {
      return { ok: false, error: { kind: 'conflict', title: adoptionRefusalTitle(taken.reasons), detail: 'Corrigez ces points dans les fiches ou dans l’enveloppe, puis adoptez à nouveau.' }, reasons: taken.reasons };
    }
    const meta: SnapshotMeta = { kind: 'adopted', name: input.name, comment: input.comment, createdBy: actor.id, createdByName: actor.displayName };
    const stored = await this.store(workspace, id, taken.state, meta);
    if (!stored.ok) {
      // Nothing was adopted: lift the freeze taken for it.
      workspace.freeze = undefined;
      workspace.adoption = taken.previousAdoption;
      await db.write();
      return stored;
    }
    void audit.record({ action: 'versions.adopted', actorId: actor.id, workspaceId, target: id, detail: { name: input.name } });
    void audit.record({ action: 'programme.adopted', actorId: actor.id, workspaceId, target: workspaceId, detail: { totalCents: taken.totalCents, sheetCount: taken.sheetCount, versionId: id } });
    events.workspaceChanged(workspaceId);
    events.followUpChanged(workspaceId);
    return ok(this.view(workspace, stored.value));
  }

  /**
   * Opens a new draft from a version: the live contract takes the version's content (one change
   * on top of the history, nothing rewound) and the freeze is lifted. The live state just before
   * is kept as a checkpoint when it differs from the last one, so it can always be reopened.
   */
  async openDraft(actor: Person, workspaceId: string, versionId: string): Promise<Result<VersionsView>> {
    const { db, rooms, store, audit, events, logger } = this.options;
    const workspace = findWorkspace(db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    const version = findVersion(db, workspaceId, versionId);
    if (version === undefined) return fail(versionNotFound);
    let versionDoc: Y.Doc;
    try {
      versionDoc = await readVersionDoc(store, version.stateDocument);
    } catch (error) {
      logger.error({ err: error, workspaceId, versionId }, 'a version state could not be read');
      return fail(versionUnreadable);
    }
    const checkpoint = await this.snapshot(
      workspace,
      { kind: 'checkpoint', name: `Avant la restauration de « ${version.name} »`, comment: '', createdBy: null, createdByName: 'Trame' },
      { unlessSameAs: [versionDoc] },
    );
    if (!checkpoint.ok) return checkpoint;
    let changed: boolean;
    try {
      // Passages the restore re-creates are credited to the person restoring (see README: a limit).
      const author: WriteAuthor = { personId: actor.id, structureId: writingStructureOf(db, actor.id, workspaceId) };
      changed = await rooms.withDocument(workspace.contractDocument, (doc) => writeAs(db, doc, workspace.contractDocument, author, () => restoreVersion(doc, versionDoc)));
    } catch (error) {
      logger.error({ err: error, workspaceId, versionId }, 'a version could not be restored');
      return fail(unavailable);
    } finally {
      versionDoc.destroy();
    }
    const wasFrozen = workspace.freeze !== undefined;
    await db.update(() => {
      workspace.freeze = undefined;
    });
    void audit.record({ action: 'versions.draftOpened', actorId: actor.id, workspaceId, target: versionId, detail: { name: version.name, changed, wasFrozen } });
    events.workspaceChanged(workspaceId);
    events.versionsChanged(workspaceId);
    return this.list(workspaceId);
  }

  /** A version's whole state (V2 update), or the live contract's for `live`. */
  async stateOf(workspaceId: string, versionId: string): Promise<Result<Uint8Array>> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    if (versionId === liveVersionId) {
      try {
        return ok(await this.options.rooms.withDocument(workspace.contractDocument, (doc) => Y.encodeStateAsUpdateV2(doc)));
      } catch {
        return fail(unavailable);
      }
    }
    const version = findVersion(this.options.db, workspaceId, versionId);
    if (version === undefined) return fail(versionNotFound);
    try {
      return ok(await readVersionUpdate(this.options.store, version.stateDocument));
    } catch (error) {
      this.options.logger.error({ err: error, workspaceId, versionId }, 'a version state could not be read');
      return fail(versionUnreadable);
    }
  }

  /** A version (or `live`) as a fresh, unconnected Y.Doc: for diffs and exports. The caller destroys it. */
  async docOf(workspaceId: string, versionId: string): Promise<Result<Y.Doc>> {
    const state = await this.stateOf(workspaceId, versionId);
    if (!state.ok) return state;
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, state.value);
    return ok(doc);
  }

  /**
   * Takes a snapshot of the live contract and records it. With `unlessSameAs`, nothing is taken
   * (answers null) when the live content equals one of those documents' or the newest version's.
   */
  async snapshot(workspace: Workspace, meta: SnapshotMeta): Promise<Result<Version>>;
  async snapshot(workspace: Workspace, meta: SnapshotMeta, options: { unlessSameAs: Y.Doc[] }): Promise<Result<Version | null>>;
  async snapshot(workspace: Workspace, meta: SnapshotMeta, { unlessSameAs }: { unlessSameAs?: Y.Doc[] } = {}): Promise<Result<Version | null>> {
    let taken: { state: Uint8Array; content: string };
    try {
      taken = await this.options.rooms.withDocument(workspace.contractDocument, (doc) => ({ state: Y.encodeStateAsUpdateV2(doc), content: contentKey(doc) }));
    } catch (error) {
      this.options.logger.warn({ err: error, workspace: workspace.id }, 'the contract could not be read for a version');
      return fail(unavailable);
    }
    if (unlessSameAs !== undefined) {
      if (unlessSameAs.some((doc) => contentKey(doc) === taken.content)) return ok(null);
      const latest = versionsOf(this.options.db, workspace.id)[0];
      if (latest !== undefined && (await this.contentOf(latest)) === taken.content) return ok(null);
    }
    return this.store(workspace, newId(), taken.state, meta);
  }

  /** Records a state taken elsewhere (the checkpoints take theirs as a room closes). */
  async record(workspace: Workspace, state: Uint8Array, meta: SnapshotMeta): Promise<Result<Version>> {
    return this.store(workspace, newId(), state, meta);
  }

  /** A stored version's content key (undefined when unreadable). */
  private async contentOf(version: Version): Promise<string | undefined> {
    try {
      const doc = await readVersionDoc(this.options.store, version.stateDocument);
      const key = contentKey(doc);
      doc.destroy();
      return key;
    } catch {
      return undefined;
    }
  }

  private async store(workspace: Workspace, id: string, state: Uint8Array, meta: SnapshotMeta): Promise<Result<Version>> {
    const { db, store, events, logger } = this.options;
    const version: Version = {
      id,
      workspaceId: workspace.id,
      kind: meta.kind,
      name: meta.name,
      comment: meta.comment,
      createdAt: new Date().toISOString(),
      createdBy: meta.createdBy,
      createdByName: meta.createdByName,
      stateDocument: versionStateName(workspace.id, id),
      stateBytes: state.byteLength,
      restoredFrom: meta.restoredFrom ?? null,
      editors: meta.editors ?? [],
      envelope: structuredClone(workspace.envelope),
    };
    const writing = (async () => {
      await writeVersionState(store, version.stateDocument, state);
      await db.update(() => {
        db.data.versions.push(version);
      });
    })();
    this.writing.add(writing);
    try {
      await writing;
    } catch (error) {
      logger.error({ err: error, workspace: workspace.id }, 'a version could not be written');
      return fail({ kind: 'internal', title: 'La version n’a pas pu être enregistrée.', detail: 'Le disque du serveur a refusé l’écriture ; rien n’a été changé au contrat.' });
    } finally {
      this.writing.delete(writing);
    }
    events.versionsChanged(workspace.id);
    return ok(version);
  }

  /** Waits for the snapshots being written. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  private view(workspace: Workspace, version: Version): VersionView {
    const { stateDocument: _stored, ...rest } = version;
    const publication = activePublication(this.options.db, workspace.id, version.id);
    return {
      ...rest,
      isFreezing: workspace.freeze?.versionId === version.id,
      publication: publication === undefined ? null : { id: publication.id, path: `/p/${publication.token}`, createdAt: publication.createdAt },
    };
  }
}

/** What a contract says (text, axes, sheets), whatever the history that led to it. */
function contentKey(doc: Y.Doc): string {
  return JSON.stringify([doc.getXmlFragment(contractFragmentName).toJSON(), doc.getMap(axesName).toJSON(), doc.getMap(sheetsName).toJSON()]);
}

function alreadyFrozen(freeze: Freeze): DomainError {
  const at = new Date(freeze.frozenAt).toLocaleDateString('fr-FR', { dateStyle: 'long' });
  return { kind: 'conflict', title: 'Le programme est déjà adopté : le contrat est figé.', detail: `Il a été adopté le ${at} par ${freeze.frozenByName}. Ouvrez un nouveau brouillon pour le modifier, puis adoptez à nouveau.` };
}
