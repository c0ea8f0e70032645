/**
 * Importing a Markdown or Word text: first a preview (converted, counted, kept in memory for the
 * person), then its application — into the live contract at the start, the end or after a
 * section, in ONE transaction credited to the importer (`writeAs`), or as the contract of a new
 * workspace (same networks and structures, the importer as coordinator, an envelope of 0).
 * Nothing is written when anything fails; previews are forgotten once applied.
 */
import type { Logger } from 'pino';
import { contractDocumentName, contractFragmentName } from '../../shared/document-names';
import { fail, ok, type Result } from '../../shared/result';
import type { MarkdownImport } from '../../shared/rich-text/markdown';
import { formatOfFileName, importFormats, type ApplyImportInput, type ImportApplied, type ImportFormat, type ImportPreview } from '../../shared/rich-text/text-import';
import type { Workspace } from '../../shared/schemas/workspace';
import type { AccessControl } from '../access/access-control';
import type { AuditLog } from '../audit/audit-log';
import type { WorkspaceActor } from '../http/route-helpers';
import type { RoomRegistry } from '../realtime/room-registry';
import type { MetadataStore } from '../store/metadata-store';
import { writingStructureOf } from '../versions/authorship-recorder';
import { writeAs } from '../versions/write-as';
import { findWorkspace, networksOf, structuresOf } from '../workspaces/workspaces.repository';
import { frozenTitle } from '../../shared/permissions';
import { importProblems } from './import-problems';
import { importStats } from './import-stats';
import { markdownFileToRichText } from './markdown-file';
import { blocksFromJson, insertionIndex, type SectionPosition } from './place-blocks';
import { PreviewStore } from './preview-store';

/** Origin of the transactions that write an imported text. */
export const importOrigin = Symbol('trame-text-import');

export interface TextImportsDependencies {
  db: MetadataStore;
  rooms: RoomRegistry;
  access: AccessControl;
  audit: AuditLog;
  logger: Logger;
  previews?: PreviewStore;
}

/** A file name fit to show and store: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, 200);
  return base === '' ? 'texte importé' : base;
}

/** A workspace id from its name: "Contrat ESS 2014" → "contrat-ess-2014". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug === '' ? 'espace' : slug;
}

export class TextImportsService {
  private readonly previews: PreviewStore;

  constructor(private readonly deps: TextImportsDependencies) {
    this.previews = deps.previews ?? new PreviewStore();
  }

  /** Converts an uploaded file and keeps it as the person's preview. */
  async preview(actor: WorkspaceActor, workspaceId: string, format: string | undefined, name: string | undefined, bytes: Uint8Array): Promise<Result<ImportPreview>> {
    const fileName = cleanFileName(name);
    const chosen: ImportFormat | undefined = (importFormats as readonly string[]).includes(format ?? '') ? (format as ImportFormat) : format === undefined || format === '' ? formatOfFileName(fileName) : undefined;
    if (chosen === undefined) return fail(importProblems.unknownFormat);
    let converted: Result<MarkdownImport>;
    try {
      // mammoth and linkedom are loaded with the first Word file, not at start-up.
      converted = chosen === 'docx' ? await (await import('./docx-file')).docxToRichText(bytes) : markdownFileToRichText(bytes);
    } catch (error) {
      this.deps.logger.warn({ err: error, workspaceId, format: chosen }, 'text import conversion failed');
      return fail(chosen === 'docx' ? importProblems.damagedDocx : importProblems.notText);
    }
    if (!converted.ok) return converted;
    const { doc, warnings } = converted.value;
    const preview = this.previews.add({ personId: actor.person.id, workspaceId, fileName, format: chosen, doc, warnings, stats: importStats(doc) });
    return ok({
      previewId: preview.id,
      fileName,
      format: chosen,
      stats: preview.stats,
      warnings,
      doc,
      expiresAt: new Date(preview.expiresAt).toISOString(),
    });
  }

  /** Writes a preview where the person chose; the preview is forgotten once written. */
  async apply(actor: WorkspaceActor, workspaceId: string, previewId: string, input: ApplyImportInput): Promise<Result<ImportApplied>> {
    const preview = this.previews.get(previewId, actor.person.id, workspaceId);
    const workspace = findWorkspace(this.deps.db, workspaceId);
    if (preview === undefined || workspace === undefined) return fail(importProblems.previewGone);
    const target = input.target;
    const result = target.kind === 'section' ? await this.intoContract(actor, workspace, preview.doc, target.position) : await this.intoNewWorkspace(actor, workspace, preview.doc, target.name);
    if (!result.ok) return result;
    this.previews.delete(preview.id);
    if (target.kind === 'section') {
      await this.deps.audit.record({
        action: 'contract.imported',
        actorId: actor.person.id,
        workspaceId,
        target: workspace.contractDocument,
        detail: { fileName: preview.fileName, format: preview.format, position: target.position, blocks: result.value.blocks, words: preview.stats.words },
      });
    } else {
      await this.deps.audit.record({
        action: 'workspace.imported',
        actorId: actor.person.id,
        workspaceId,
        target: result.value.workspaceId,
        detail: { fileName: preview.fileName, format: preview.format, name: result.value.workspaceName, blocks: result.value.blocks },
      });
      await this.deps.audit.record({
        action: 'contract.imported',
        actorId: actor.person.id,
        workspaceId: result.value.workspaceId,
        target: contractDocumentName(result.value.workspaceId),
        detail: { fileName: preview.fileName, format: preview.format, fromWorkspaceId: workspaceId, blocks: result.value.blocks, words: preview.stats.words },
      });
    }
    return result;
  }

  private async intoContract(actor: WorkspaceActor, workspace: Workspace, json: MarkdownImport['doc'], position: SectionPosition): Promise<Result<ImportApplied>> {
    const { db, rooms, access } = this.deps;
    const documentName = workspace.contractDocument;
    return rooms.withDocument(documentName, (doc): Result<ImportApplied> => {
      // The contract may have been adopted while the room loaded: the freeze is checked again.
      if (access.isFrozen(workspace.id)) return fail({ kind: 'conflict', title: frozenTitle });
      const fragment = doc.getXmlFragment(contractFragmentName);
      const index = insertionIndex(fragment, position);
      if (index === undefined) return fail(importProblems.headingGone);
      const blocks = blocksFromJson(json);
      const author = { personId: actor.person.id, structureId: writingStructureOf(db, actor.person.id, workspace.id) };
      writeAs(db, doc, documentName, author, () => doc.transact(() => fragment.insert(index, blocks), importOrigin));
      return ok({ kind: 'section', workspaceId: workspace.id, workspaceName: workspace.name, blocks: blocks.length, path: `/w/${workspace.id}` });
    });
  }

  /** A new workspace id from the name, unused by any workspace or document. */
  private freshWorkspaceId(name: string): string {
    const { db } = this.deps;
    const base = slugOf(name);
    const taken = (id: string): boolean =>
      db.data.workspaces.some((workspace) => workspace.id === id) || db.data.documents.some((document) => document.name === contractDocumentName(id));
    if (!taken(base)) return base;
    for (let suffix = 2; ; suffix++) {
      const candidate = `${base.slice(0, 60)}-${suffix}`;
      if (!taken(candidate)) return candidate;
    }
  }

  private async intoNewWorkspace(actor: WorkspaceActor, source: Workspace, json: MarkdownImport['doc'], name: string): Promise<Result<ImportApplied>> {
    const { db, rooms } = this.deps;
    const id = this.freshWorkspaceId(name);
    const documentName = contractDocumentName(id);
    const structureId = writingStructureOf(db, actor.person.id, source.id);
    // The contract first: if it cannot be written, no workspace points to nothing.
    const written = await rooms.withDocument(documentName, (doc): Result<number> => {
      // A document left by an earlier workspace of that name is never written over.
      if (doc.store.clients.size > 0) return fail(importProblems.notEmptyDocument);
      const fragment = doc.getXmlFragment(contractFragmentName);
      const blocks = blocksFromJson(json);
      writeAs(db, doc, documentName, { personId: actor.person.id, structureId }, () => doc.transact(() => fragment.insert(0, blocks), importOrigin));
      return ok(blocks.length);
    });
    if (!written.ok) return written;
    const createdAt = new Date().toISOString();
    await db.update((data) => {
      data.workspaces.push({
        id,
        name,
        description: `Espace créé par import, avec les réseaux et les structures de « ${source.name} ».`.slice(0, 4000),
        contractDocument: documentName,
        envelope: { totalCents: 0, shares: [] },
        createdAt,
      });
      data.networks.push(...networksOf(db, source.id).map((network) => ({ ...network, workspaceId: id })));
      data.structures.push(
        ...structuresOf(db, source.id).map((structure) => ({
          ...structure,
          workspaceId: id,
          // Representatives give a structure's voice in this workspace: only the importer is part of it yet.
          representativeId: structure.representativeId === actor.person.id ? actor.person.id : null,
        })),
      );
      data.workspaceRoles.push({ workspaceId: id, personId: actor.person.id, role: 'coordinator' });
      data.documents.push({ name: documentName, workspaceId: id, kind: 'contract', title: 'Contrat', createdAt });
    });
    return ok({ kind: 'workspace', workspaceId: id, workspaceName: name, blocks: written.value, path: `/w/${id}` });
  }
}
