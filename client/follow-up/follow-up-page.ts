/**
 * `<trame-follow-up-page>` (`/w/<id>/suivi`): the steering committee's dashboard. Before adoption
 * it explains that follow-up starts then (and lets the coordination adopt); after, it shows the
 * progress per axis and per territory, the budget per funder (SVG charts, each with its table),
 * late actions, the latest evaluations, every action, and the CSV/XLSX exports. It is computed
 * with `buildDashboard` from the live programme and the follow-up, reloaded on `followup:changed`,
 * so what one person records appears on everyone's dashboard within a second.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { buildDashboard, type Dashboard } from '../../shared/follow-up/dashboard';
import { can } from '../../shared/permissions';
import { exportPaths } from '../api/follow-up';
import { formatDateTime } from '../i18n/format';
import type { ProgrammePageProps } from '../programme/page-props';
import { LightPage } from '../ui/light-page';
import { renderAxisChart, renderFunderChart, renderTerritoryChart } from './dashboard-charts';
import { renderActionTable, renderLateActions, renderLatestEvaluations, renderTotals } from './dashboard-lists';
import { FollowUpController } from './follow-up-controller';
import { todayIso } from './follow-up-words';
import './adoption-panel';

@customElement('trame-follow-up-page')
export class FollowUpPage extends LightPage {
  /** The workspace, the viewer and the live programme. */
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  private readonly followUp = new FollowUpController(this, () => this.props);

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    const view = this.followUp.view;
    return html`<div class="page page--wide follow-up">
      <div class="page-header">
        <h1>${msg('Suivi du programme', { id: 'followUp.title' })}</h1>
        ${view?.adoption == null ? nothing : this.renderExports(props.view.id)}
      </div>
      ${this.followUp.problem === null
        ? nothing
        : html`<div class="notice notice--error" role="alert">
            <p>${this.followUp.problem}</p>
            <p><button type="button" @click=${() => this.followUp.reload()}>${msg('Réessayer', { id: 'followUp.retry' })}</button></p>
          </div>`}
      ${view === null || props.programme === null ? html`<p role="status">${msg('Chargement du suivi…', { id: 'followUp.loading' })}</p>` : this.renderBody(props)}
    </div>`;
  }

  private renderBody(props: ProgrammePageProps): TemplateResult {
    const view = this.followUp.view;
    const programme = props.programme;
    if (view === null || programme === null) return html``;
    if (view.adoption === null) {
      return html`<trame-adoption-panel
        .workspaceId=${props.view.id}
        ?canAdopt=${can(props.role, 'programme.adopt')}
        .consolidation=${programme.consolidation}
        .sheetCount=${programme.programme.sheets.size}
        .envelope=${props.view.envelope}
        .onAdopted=${() => this.followUp.reload()}
      ></trame-adoption-panel>`;
    }
    const dashboard: Dashboard = buildDashboard({
      programme: programme.programme,
      consolidation: programme.consolidation,
      envelope: props.view.envelope,
      followUps: view.followUps,
      evaluations: view.evaluations,
      structures: props.view.structures,
      today: todayIso(),
    });
    const workspaceId = props.view.id;
    return html`<p class="lead">
        ${msg(str`Programme adopté le ${formatDateTime(view.adoption.adoptedAt)} par ${view.adoption.adoptedByName}.`, { id: 'followUp.adopted' })}
      </p>
      ${renderTotals(dashboard)}
      <section class="card" aria-labelledby="progress-title">
        <h2 id="progress-title">${msg('Avancement et budget', { id: 'followUp.charts.title' })}</h2>
        <div class="follow-up-charts">${renderAxisChart(dashboard)} ${renderFunderChart(dashboard)} ${renderTerritoryChart(dashboard)}</div>
      </section>
      ${renderLateActions(dashboard, workspaceId)} ${renderLatestEvaluations(dashboard, workspaceId)} ${renderActionTable(dashboard, workspaceId)}`;
  }

  private renderExports(workspaceId: string): TemplateResult {
    const paths = exportPaths(workspaceId);
    return html`<p class="page-actions" aria-label=${msg('Exporter le tableau de bord', { id: 'followUp.export' })} role="group">
      <a class="button" href=${paths.csv} download>${msg('Exporter en CSV', { id: 'followUp.export.csv' })}</a>
      <a class="button" href=${paths.xlsx} download>${msg('Exporter en tableur (XLSX)', { id: 'followUp.export.xlsx' })}</a>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-follow-up-page': FollowUpPage;
  }
}
