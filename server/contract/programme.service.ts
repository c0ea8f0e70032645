/**
 * The coordination's envelope of the programme (total and each funder's share), stored on the
 * workspace, audited and announced live; the live report is re-checked against a new envelope.
 * Adopting the programme is adopting a version of the contract: see server/versions/.
 */
import type { Logger } from 'pino';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import type { Person } from '../../shared/schemas/people';
import type { Envelope, EnvelopeInput, Workspace } from '../../shared/schemas/workspace';
import type { AuditLog } from '../audit/audit-log';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace } from '../workspaces/workspaces.repository';
import type { ContractReader } from './contract-reader';
import type { ProgrammeMonitor } from './programme-monitor';
import type { WorkspaceEvents } from './workspace-events';

export const workspaceNotFound: DomainError = { kind: 'not_found', title: 'Espace de travail introuvable.' };
export const contractUnavailable: DomainError = {
  kind: 'internal',
  title: 'Le contrat n’a pas pu être lu.',
  detail: 'Le document du contrat n’a pas pu être chargé ; réessayez dans un instant.',
};

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

  private async refreshReport(workspace: Workspace): Promise<void> {
    try {
      await this.options.monitor.refresh(workspace);
    } catch (error) {
      this.options.logger.warn({ err: error, workspace: workspace.id }, 'the programme report could not be refreshed');
    }
  }
}
