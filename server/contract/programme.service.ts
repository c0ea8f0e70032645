/**
 * The coordination's decisions on the programme as a whole: its envelope (total and each funder's
 * share) and its adoption, after which actions are followed. Both are stored on the workspace,
 * audited and announced live; the live report is re-checked against a new envelope.
 */
import type { Logger } from 'pino';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import type { Adoption } from '../../shared/schemas/follow-up';
import type { Person } from '../../shared/schemas/people';
import type { Envelope, EnvelopeInput, Workspace } from '../../shared/schemas/workspace';
import type { AuditLog } from '../audit/audit-log';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace } from '../workspaces/workspaces.repository';
import { adoptionBlockers, adoptionRefusalTitle } from './adoption-rules';
import type { ContractReader } from './contract-reader';
import type { ProgrammeMonitor } from './programme-monitor';
import type { WorkspaceEvents } from './workspace-events';

export const workspaceNotFound: DomainError = { kind: 'not_found', title: 'Espace de travail introuvable.' };
export const contractUnavailable: DomainError = {
  kind: 'internal',
  title: 'Le contrat n’a pas pu être lu.',
  detail: 'Le document du contrat n’a pas pu être chargé ; réessayez dans un instant.',
};

/** A refused adoption carries its reasons, each a French clause. */
export type AdoptionResult = Result<Adoption> | { ok: false; error: DomainError; reasons: string[] };

export interface ProgrammeServiceOptions {
  db: MetadataStore;
  audit: AuditLog;
  reader: ContractReader;
  monitor: ProgrammeMonitor;
  events: WorkspaceEvents;
  logger: Logger;
}

export class ProgrammeService {
  constructor(private readonly options: ProgrammeServiceOptions) {}

  async setEnvelope(actor: Person, workspaceId: string, input: EnvelopeInput): Promise<Result<Envelope>> {
    const { db, audit, events } = this.options;
    const workspace = findWorkspace(db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    const envelope: Envelope = { totalCents: input.totalCents, shares: input.shares.map((share) => ({ funder: share.funder, amountCents: share.amountCents })) };
    const previous = workspace.envelope;
    await db.update(() => {
      workspace.envelope = envelope;
    });
    void audit.record({ action: 'programme.envelopeSet', actorId: actor.id, workspaceId, target: workspaceId, detail: { from: previous, to: envelope } });
    events.workspaceChanged(workspaceId);
    events.followUpChanged(workspaceId);
    await this.refreshReport(workspace);
    return ok(envelope);
  }

  async adopt(actor: Person, workspaceId: string): Promise<AdoptionResult> {
    const { db, audit, events, reader } = this.options;
    const workspace = findWorkspace(db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    if (workspace.adoption !== undefined) return fail(alreadyAdopted(workspace));
    let live;
    try {
      live = await reader.read(workspace);
    } catch (error) {
      this.options.logger.warn({ err: error, workspace: workspaceId }, 'the contract could not be read for adoption');
      return fail(contractUnavailable);
    }
    const reasons = adoptionBlockers(live);
    if (reasons.length > 0) {
      return { ok: false, error: { kind: 'conflict', title: adoptionRefusalTitle(reasons), detail: 'Corrigez ces points dans les fiches ou dans l’enveloppe, puis adoptez à nouveau.' }, reasons };
    }
    if (workspace.adoption !== undefined) return fail(alreadyAdopted(workspace)); // adopted by someone else while reading
    const adoption: Adoption = { adoptedAt: new Date().toISOString(), adoptedBy: actor.id, adoptedByName: actor.displayName };
    await db.update(() => {
      workspace.adoption = adoption;
    });
    void audit.record({
      action: 'programme.adopted',
      actorId: actor.id,
      workspaceId,
      target: workspaceId,
      detail: { totalCents: live.consolidation.totalCents, sheetCount: live.programme.sheets.size },
    });
    events.workspaceChanged(workspaceId);
    events.followUpChanged(workspaceId);
    return ok(adoption);
  }

  private async refreshReport(workspace: Workspace): Promise<void> {
    try {
      await this.options.monitor.refresh(workspace);
    } catch (error) {
      this.options.logger.warn({ err: error, workspace: workspace.id }, 'the programme report could not be refreshed');
    }
  }
}

function alreadyAdopted(workspace: Workspace): DomainError {
  const at = workspace.adoption === undefined ? '' : new Date(workspace.adoption.adoptedAt).toLocaleDateString('fr-FR', { dateStyle: 'long' });
  return { kind: 'conflict', title: 'Le programme est déjà adopté.', detail: `Il a été adopté le ${at} par ${workspace.adoption?.adoptedByName ?? 'la coordination'}.` };
}
