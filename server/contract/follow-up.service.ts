/**
 * Follow-up after adoption: each action's realisation status, dated progress reports, indicator
 * actuals, committed and spent amounts per funder; and the steering committee's evaluations, one
 * per action and period, corrected by new revisions (history is never overwritten).
 *
 * Rules: nothing is followed before the programme is adopted (409); the action must exist in the
 * live contract (404); a member reports only on actions their structure leads or partners (403).
 * Every stored write is audited and announced (`followup:changed`).
 */
import type { Logger } from 'pino';
import { funderKey } from '../../shared/budget/consolidate';
import { newId } from '../../shared/programme/ids';
import type { SheetView } from '../../shared/programme/read';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import type {
  Evaluation,
  EvaluationInput,
  FinanceInput,
  FollowUp,
  FollowUpView,
  IndicatorActualInput,
  ProgressReportInput,
  RealisationStatus,
} from '../../shared/schemas/follow-up';
import type { Workspace } from '../../shared/schemas/workspace';
import type { AuditAction, AuditLog } from '../audit/audit-log';
import { structureIdsOf } from '../auth/people.repository';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure, findWorkspace } from '../workspaces/workspaces.repository';
import type { ContractReader, LiveProgramme } from './contract-reader';
import { ensureFollowUp, evaluationsOf, findEvaluation, followUpsOf } from './follow-up.repository';
import { contractUnavailable, workspaceNotFound } from './programme.service';
import type { WorkspaceEvents } from './workspace-events';
import type { WorkspaceActor } from '../http/route-helpers';

export const notAdoptedYet: DomainError = {
  kind: 'conflict',
  title: 'Le suivi commence à l’adoption du programme.',
  detail: 'La coordination doit d’abord adopter le programme.',
};
const sheetNotFound: DomainError = { kind: 'not_found', title: 'Cette fiche action n’existe pas.', detail: 'Elle a peut-être été supprimée du contrat.' };
const notYourAction: DomainError = {
  kind: 'forbidden',
  title: 'Vous ne pouvez renseigner que le suivi des actions que votre structure porte ou accompagne.',
};

/** Who acts, as the routes know them. */
export type FollowUpActor = WorkspaceActor;

/** An evaluation's correction: the same fields; the period, if sent, must be the evaluation's. */
export type EvaluationAmendment = Omit<EvaluationInput, 'period'> & { period?: string | undefined };

interface Checked {
  workspace: Workspace;
  sheet: SheetView;
  structureName: string | null;
}

export interface FollowUpServiceOptions {
  db: MetadataStore;
  audit: AuditLog;
  reader: ContractReader;
  events: WorkspaceEvents;
  logger: Logger;
}

export class FollowUpService {
  constructor(private readonly options: FollowUpServiceOptions) {}

  view(workspaceId: string): Result<FollowUpView> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    return ok({ adoption: workspace.adoption ?? null, followUps: followUpsOf(this.options.db, workspaceId), evaluations: evaluationsOf(this.options.db, workspaceId) });
  }

  /** The live programme and everything followed, for exports. */
  async exportData(workspaceId: string): Promise<Result<{ workspace: Workspace; live: LiveProgramme; view: FollowUpView }>> {
    const view = this.view(workspaceId);
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (!view.ok || workspace === undefined) return fail(workspaceNotFound);
    const live = await this.readLive(workspace);
    return live.ok ? ok({ workspace, live: live.value, view: view.value }) : live;
  }

  async setStatus(actor: FollowUpActor, workspaceId: string, sheetId: string, status: RealisationStatus): Promise<Result<FollowUp>> {
    return this.report(actor, workspaceId, sheetId, 'followup.statusSet', (followUp) => {
      if (followUp.status === status) return {};
      const from = followUp.status;
      followUp.status = status;
      followUp.statusChangedAt = new Date().toISOString();
      followUp.statusChangedByName = actor.person.displayName;
      return { from, to: status };
    });
  }

  async addReport(actor: FollowUpActor, workspaceId: string, sheetId: string, input: ProgressReportInput): Promise<Result<FollowUp>> {
    return this.report(actor, workspaceId, sheetId, 'followup.reportAdded', (followUp, checked) => {
      const id = newId();
      followUp.reports.push({ id, ...input, ...this.author(actor, checked), createdAt: new Date().toISOString() });
      return { reportId: id, date: input.date };
    });
  }

  async recordActual(actor: FollowUpActor, workspaceId: string, sheetId: string, input: IndicatorActualInput): Promise<Result<FollowUp>> {
    return this.report(
      actor,
      workspaceId,
      sheetId,
      'followup.actualRecorded',
      (followUp, checked) => {
        const id = newId();
        followUp.actuals.push({ id, ...input, ...this.author(actor, checked), createdAt: new Date().toISOString() });
        return { actualId: id, indicatorId: input.indicatorId, date: input.date, value: input.value };
      },
      (checked) =>
        checked.sheet.indicators.some((indicator) => indicator.id === input.indicatorId)
          ? undefined
          : { kind: 'invalid', title: 'Certains champs sont à corriger.', fields: { indicatorId: 'Cet indicateur n’existe pas sur cette fiche.' } },
    );
  }

  /** Replaces one funder's committed and spent amounts for an action. */
  async setFinances(actor: FollowUpActor, workspaceId: string, sheetId: string, input: FinanceInput): Promise<Result<FollowUp>> {
    return this.report(actor, workspaceId, sheetId, 'followup.financesSet', (followUp) => {
      const record = { ...input, updatedAt: new Date().toISOString(), updatedBy: actor.person.id };
      const index = followUp.finances.findIndex((finance) => funderKey(finance.funder) === funderKey(input.funder));
      if (index === -1) followUp.finances.push(record);
      else followUp.finances[index] = record;
      return { funder: input.funder, committedCents: input.committedCents, spentCents: input.spentCents };
    });
  }

  async addEvaluation(actor: FollowUpActor, workspaceId: string, sheetId: string, input: EvaluationInput): Promise<Result<Evaluation>> {
    const checked = await this.check(actor, workspaceId, sheetId, false);
    if (!checked.ok) return checked;
    // No await from here to the write: two submissions for one period cannot both pass.
    const existing = evaluationsOf(this.options.db, workspaceId).find((e) => e.sheetId === sheetId && e.period === input.period);
    if (existing !== undefined) {
      return fail({
        kind: 'conflict',
        title: `Une évaluation existe déjà pour la période ${input.period} : modifiez-la plutôt que d’en créer une autre.`,
        detail: `Évaluation ${existing.id}.`,
      });
    }
    const evaluation: Evaluation = {
      id: newId(),
      workspaceId,
      sheetId,
      period: input.period,
      revisions: [{ ...input, ...this.author(actor, checked.value), recordedAt: new Date().toISOString() }],
    };
    await this.options.db.update((data) => {
      data.evaluations.push(evaluation);
    });
    this.stored(actor, workspaceId, 'followup.evaluationAdded', sheetId, { evaluationId: evaluation.id, period: input.period, assessment: input.assessment });
    return ok(evaluation);
  }

  /** Adds a revision to an evaluation; the earlier ones stay as they were. */
  async amendEvaluation(actor: FollowUpActor, workspaceId: string, sheetId: string, evaluationId: string, input: EvaluationAmendment): Promise<Result<Evaluation>> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    if (workspace.adoption === undefined) return fail(notAdoptedYet);
    const evaluation = findEvaluation(this.options.db, workspaceId, evaluationId);
    if (evaluation === undefined || evaluation.sheetId !== sheetId) return fail({ kind: 'not_found', title: 'Cette évaluation n’existe pas.' });
    if (input.period !== undefined && input.period !== evaluation.period) {
      return fail({
        kind: 'invalid',
        title: 'Certains champs sont à corriger.',
        fields: { period: 'La période d’une évaluation ne change pas : enregistrez une nouvelle évaluation pour l’autre période.' },
      });
    }
    const structureName = this.structureNameOf(actor.person.id, workspaceId, undefined);
    await this.options.db.update(() => {
      evaluation.revisions.push({
        period: evaluation.period,
        assessment: input.assessment,
        comment: input.comment,
        recommendation: input.recommendation,
        authorId: actor.person.id,
        authorName: actor.person.displayName,
        structureName,
        recordedAt: new Date().toISOString(),
      });
    });
    this.stored(actor, workspaceId, 'followup.evaluationAmended', sheetId, { evaluationId, period: evaluation.period, assessment: input.assessment, revision: evaluation.revisions.length });
    return ok(evaluation);
  }

  /** Checks, applies `change` to the sheet's follow-up, writes, audits and announces. */
  private async report(
    actor: FollowUpActor,
    workspaceId: string,
    sheetId: string,
    action: AuditAction,
    change: (followUp: FollowUp, checked: Checked) => Record<string, unknown>,
    refuse?: (checked: Checked) => DomainError | undefined,
  ): Promise<Result<FollowUp>> {
    const checked = await this.check(actor, workspaceId, sheetId, true);
    if (!checked.ok) return checked;
    const refusal = refuse?.(checked.value);
    if (refusal !== undefined) return fail(refusal);
    let followUp: FollowUp | undefined;
    let detail: Record<string, unknown> = {};
    await this.options.db.update(() => {
      followUp = ensureFollowUp(this.options.db, workspaceId, sheetId);
      detail = change(followUp, checked.value);
    });
    if (followUp === undefined) throw new Error('follow-up not written');
    this.stored(actor, workspaceId, action, sheetId, detail);
    return ok(followUp);
  }

  private stored(actor: FollowUpActor, workspaceId: string, action: AuditAction, sheetId: string, detail: Record<string, unknown>): void {
    void this.options.audit.record({ action, actorId: actor.person.id, workspaceId, target: sheetId, detail });
    this.options.events.followUpChanged(workspaceId);
  }

  /** Adoption, the sheet in the live contract, and (for reports) the member's link to the action. */
  private async check(actor: FollowUpActor, workspaceId: string, sheetId: string, isReport: boolean): Promise<Result<Checked>> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    if (workspace.adoption === undefined) return fail(notAdoptedYet);
    const live = await this.readLive(workspace);
    if (!live.ok) return live;
    const sheet = live.value.programme.sheets.get(sheetId);
    if (sheet === undefined) return fail(sheetNotFound);
    if (isReport && actor.role === 'member') {
      const involved = new Set([sheet.lead, ...sheet.partners]);
      if (!structureIdsOf(this.options.db, actor.person.id).some((id) => involved.has(id))) return fail(notYourAction);
    }
    return ok({ workspace, sheet, structureName: this.structureNameOf(actor.person.id, workspaceId, sheet) });
  }

  private async readLive(workspace: Workspace): Promise<Result<LiveProgramme>> {
    try {
      return ok(await this.options.reader.read(workspace));
    } catch (error) {
      this.options.logger.warn({ err: error, workspace: workspace.id }, 'the contract could not be read for the follow-up');
      return fail(contractUnavailable);
    }
  }

  /** The name of the author's structure: the one involved in the action if any, else their first in the workspace. */
  private structureNameOf(personId: string, workspaceId: string, sheet: SheetView | undefined): string | null {
    const structures = structureIdsOf(this.options.db, personId).flatMap((id) => findStructure(this.options.db, workspaceId, id) ?? []);
    const involved = sheet === undefined ? undefined : structures.find((s) => s.id === sheet.lead) ?? structures.find((s) => sheet.partners.includes(s.id));
    return (involved ?? structures[0])?.name ?? null;
  }

  private author(actor: FollowUpActor, checked: Checked): { authorId: string; authorName: string; structureName: string | null } {
    return { authorId: actor.person.id, authorName: actor.person.displayName, structureName: checked.structureName };
  }
}
