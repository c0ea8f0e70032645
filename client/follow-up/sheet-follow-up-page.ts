/**
 * `<trame-sheet-follow-up-page>` (`/w/<id>/suivi/<sheetId>`): one action's follow-up after
 * adoption — its realisation status, dated progress reports, indicator actuals against targets,
 * committed and spent amounts per funder, and the steering committee's evaluations with their
 * history. Forms appear only for people who may use them: reports for the coordination, the
 * facilitators and the members whose structure leads or partners the action; evaluations for
 * the partners and the coordination. Everyone else reads. Reloaded live on `followup:changed`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { funderKey } from '../../shared/budget/consolidate';
import { buildDashboard, currentFinances, plannedByFunder } from '../../shared/follow-up/dashboard';
import { can } from '../../shared/permissions';
import type { SheetView } from '../../shared/programme/read';
import type { FollowUp } from '../../shared/schemas/follow-up';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import { LightPage } from '../ui/light-page';
import { FollowUpController } from './follow-up-controller';
import { formatDay, lateText, todayIso } from './follow-up-words';
import type { FunderFinance } from './funder-finances';
import './follow-up-status';
import './funder-finances';
import './indicator-actuals';
import './progress-reports';
import './sheet-evaluations';

/** Each funder of the action: planned from its plan, then committed/spent as recorded. */
function funderFinances(sheet: SheetView, followUp: FollowUp | undefined): FunderFinance[] {
  const funders = new Map<string, FunderFinance>();
  for (const [funder, plannedCents] of plannedByFunder(sheet)) funders.set(funderKey(funder), { funder, plannedCents, committedCents: null, spentCents: null, updatedAt: null });
  for (const record of currentFinances(followUp)) {
    const key = funderKey(record.funder);
    const entry = funders.get(key) ?? { funder: record.funder, plannedCents: 0, committedCents: null, spentCents: null, updatedAt: null };
    funders.set(key, { ...entry, committedCents: record.committedCents, spentCents: record.spentCents, updatedAt: record.updatedAt });
  }
  return [...funders.values()];
}

@customElement('trame-sheet-follow-up-page')
export class SheetFollowUpPage extends LightPage {
  /** The workspace, the viewer, the live programme and the sheet's id (`itemId`). */
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  private readonly followUp = new FollowUpController(this, () => this.props);

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    const workspaceId = props.view.id;
    const sheetId = props.itemId ?? '';
    const sheet = props.programme?.programme.sheets.get(sheetId);
    const view = this.followUp.view;
    const back = html`<p class="follow-up-links">
      <a href=${workspacePath(workspaceId, 'follow-up')}>${msg('Retour au tableau de bord du suivi', { id: 'followUp.sheet.back' })}</a>
      ${sheet === undefined ? nothing : html`<a href=${workspacePath(workspaceId, 'sheet', sheetId)}>${msg('Voir la fiche action', { id: 'followUp.sheet.open' })}</a>`}
    </p>`;
    const heading = sheet === undefined ? msg('Suivi d’une action', { id: 'followUp.sheet.title' }) : msg(str`Suivi de l’action ${sheet.number} · ${sheet.title || '—'}`, { id: 'followUp.sheet.titleOf' });
    let body: TemplateResult;
    if (this.followUp.problem !== null && view === null) {
      body = html`<div class="notice notice--error" role="alert">
        <p>${this.followUp.problem}</p>
        <p><button type="button" @click=${() => this.followUp.reload()}>${msg('Réessayer', { id: 'followUp.retry' })}</button></p>
      </div>`;
    } else if (view === null || props.programme === null) {
      body = html`<p role="status">${msg('Chargement du suivi…', { id: 'followUp.loading' })}</p>`;
    } else if (sheet === undefined) {
      body = html`<div class="notice notice--error" role="alert"><p>${msg('Cette fiche action n’existe pas. Elle a peut-être été supprimée du contrat.', { id: 'followUp.sheet.missing' })}</p></div>`;
    } else if (view.adoption === null) {
      body = html`<div class="notice">
        <p>${msg('Le suivi commence à l’adoption du programme. Cette action sera suivie ici une fois le programme adopté par la coordination.', { id: 'followUp.sheet.notAdopted' })}</p>
      </div>`;
    } else body = this.renderFollowUp(props, sheet);
    return html`<div class="page follow-up">
      ${back}
      <h1>${heading}</h1>
      ${body}
    </div>`;
  }

  private renderFollowUp(props: ProgrammePageProps, sheet: SheetView): TemplateResult {
    const view = this.followUp.view;
    const programme = props.programme;
    if (view === null || programme === null) return html``;
    const workspaceId = props.view.id;
    const followUp = view.followUps.find((candidate) => candidate.sheetId === sheet.id);
    const evaluations = view.evaluations.filter((evaluation) => evaluation.sheetId === sheet.id);
    const row = buildDashboard({
      programme: programme.programme,
      consolidation: programme.consolidation,
      envelope: props.view.envelope,
      followUps: followUp === undefined ? [] : [followUp],
      evaluations,
      structures: props.view.structures,
      today: todayIso(),
    }).rows.find((candidate) => candidate.sheetId === sheet.id);
    const myStructures = new Set(props.me.structures.filter((structure) => structure.workspaceId === workspaceId).map((structure) => structure.id));
    const isInvolved = (sheet.lead !== null && myStructures.has(sheet.lead)) || sheet.partners.some((partner) => myStructures.has(partner));
    const canReport = can(props.role, 'followup.report') && (props.role !== 'member' || isInvolved);
    const canEvaluate = can(props.role, 'followup.evaluate');
    const common = { workspaceId, sheetId: sheet.id, onSaved: () => this.followUp.reload() };

    return html`<dl class="facts">
        <dt>${msg('Structure porteuse', { id: 'followUp.sheet.lead' })}</dt>
        <dd>${row?.leadName || '—'}</dd>
        <dt>${msg('Territoires', { id: 'followUp.sheet.territories' })}</dt>
        <dd>${row === undefined || row.territories.length === 0 ? '—' : row.territories.join(', ')}</dd>
        <dt>${msg('Dates prévues', { id: 'followUp.sheet.dates' })}</dt>
        <dd>${msg(str`du ${formatDay(sheet.startDate)} au ${formatDay(sheet.endDate)}`, { id: 'followUp.sheet.fromTo' })}</dd>
      </dl>
      ${row?.late == null ? nothing : html`<p class="notice notice--warning"><span class="state state--warning">${lateText(row.late.kind, row.late.daysLate)}</span></p>`}
      ${!canReport && can(props.role, 'followup.report')
        ? html`<p class="notice">${msg('Vous pouvez lire ce suivi. Seules les structures qui portent ou accompagnent cette action, l’animation et la coordination le renseignent.', { id: 'followUp.sheet.readOnly' })}</p>`
        : nothing}

      <section class="card" aria-labelledby="status-title">
        <h2 id="status-title">${msg('État de réalisation', { id: 'followUp.status.label' })}</h2>
        <trame-follow-up-status
          .workspaceId=${common.workspaceId}
          .sheetId=${common.sheetId}
          .onSaved=${common.onSaved}
          .status=${followUp?.status ?? 'not-started'}
          .changedAt=${followUp?.statusChangedAt ?? null}
          .changedBy=${followUp?.statusChangedByName ?? null}
          ?canEdit=${canReport}
        ></trame-follow-up-status>
      </section>

      <section class="card" aria-labelledby="reports-title">
        <h2 id="reports-title">${msg('Comptes rendus d’avancement', { id: 'followUp.reports.title' })}</h2>
        <trame-progress-reports .workspaceId=${common.workspaceId} .sheetId=${common.sheetId} .onSaved=${common.onSaved} .reports=${followUp?.reports ?? []} ?canEdit=${canReport}></trame-progress-reports>
      </section>

      <section class="card" aria-labelledby="indicators-title">
        <h2 id="indicators-title">${msg('Indicateurs', { id: 'followUp.indicators.title' })}</h2>
        <trame-indicator-actuals
          .workspaceId=${common.workspaceId}
          .sheetId=${common.sheetId}
          .onSaved=${common.onSaved}
          .indicators=${row?.indicators ?? []}
          .actuals=${followUp?.actuals ?? []}
          ?canEdit=${canReport}
        ></trame-indicator-actuals>
      </section>

      <section class="card" aria-labelledby="finances-title">
        <h2 id="finances-title">${msg('Engagé et dépensé par financeur', { id: 'followUp.finances.title' })}</h2>
        <trame-funder-finances .workspaceId=${common.workspaceId} .sheetId=${common.sheetId} .onSaved=${common.onSaved} .funders=${funderFinances(sheet, followUp)} ?canEdit=${canReport}></trame-funder-finances>
      </section>

      <section class="card" aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">${msg('Évaluations du comité de pilotage', { id: 'followUp.evaluation.title' })}</h2>
        <trame-sheet-evaluations .workspaceId=${common.workspaceId} .sheetId=${common.sheetId} .onSaved=${common.onSaved} .evaluations=${evaluations} ?canEdit=${canEvaluate}></trame-sheet-evaluations>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheet-follow-up-page': SheetFollowUpPage;
  }
}
