/**
 * `<trame-budget-page>`: the programme's budget, always consolidated. Totals are computed live
 * from every sheet's financing lines (never typed) and set beside the envelope: each funder's
 * share against what the sheets plan, warnings written as sentences in a live region (so screen
 * readers hear them come and go), the lines left out of the totals and why, the tables per axis,
 * year, funder and sheet, and the server's own check of the same figures. The coordination sets
 * the envelope from here.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Consolidation } from '../../shared/budget/consolidate';
import { can } from '../../shared/permissions';
import type { ProgrammeView } from '../../shared/programme/read';
import type { Envelope } from '../../shared/schemas/workspace';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import { LightPage } from '../ui/light-page';
import { funderFigures, hasEnvelope } from './budget-figures';
import { renderBudgetTables } from './budget-tables';
import { describeWarning } from './budget-words';
import { renderEnvelopeComparison, renderNoEnvelope } from './envelope-comparison';
import type { EnvelopeForm } from './envelope-form';
import { renderExcludedLines } from './excluded-lines';
import { agreesWithServer, renderServerCheck } from './server-check';
import { ServerCheckController } from './server-check-controller';
import './envelope-form';

/** An edit reaches the server and comes back checked well within this: a longer difference is worth a word. */
const lastingDifferenceMs = 3000;

/** The consolidated budget. */
@customElement('trame-budget-page')
export class BudgetPage extends LightPage {
  /** What every programme page receives from the app. */
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private isEditingEnvelope = false;
  @state() private savedNotice = '';
  /** The server's totals have differed from the local ones for longer than an edit takes to travel. */
  @state() private isDifferenceLasting = false;
  private readonly serverCheck = new ServerCheckController(this);
  /** Running while the server's totals differ from the local ones. */
  private differenceTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('trame-envelope-close', this.handleEnvelopeClose);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('trame-envelope-close', this.handleEnvelopeClose);
    clearTimeout(this.differenceTimer);
    this.differenceTimer = undefined;
  }

  protected override willUpdate(): void {
    const props = this.props;
    if (props !== null) this.serverCheck.follow(props.view.id, props.listen);
  }

  /** Starts the clock when the server's totals start to differ from the local ones; stops it when they agree. */
  protected override updated(): void {
    if (!this.differsFromServer()) {
      clearTimeout(this.differenceTimer);
      this.differenceTimer = undefined;
      if (this.isDifferenceLasting) this.isDifferenceLasting = false;
    } else if (this.differenceTimer === undefined) {
      this.differenceTimer = setTimeout(() => void this.checkLastingDifference(), lastingDifferenceMs);
    }
  }

  private differsFromServer(): boolean {
    const check = this.serverCheck.check;
    const local = this.props?.programme?.consolidation;
    return check.status !== 'loading' && check.report !== null && local !== undefined && !agreesWithServer(check.report, local);
  }

  /**
   * The difference outlasted an edit's round trip: ask the server again (its report event may
   * have been missed while this page reconnected), and if it still differs, say so and keep asking.
   */
  private async checkLastingDifference(): Promise<void> {
    const timer = this.differenceTimer;
    await this.serverCheck.reload();
    await this.updateComplete;
    if (timer !== this.differenceTimer || !this.differsFromServer()) return;
    this.isDifferenceLasting = true;
    this.differenceTimer = setTimeout(() => void this.checkLastingDifference(), lastingDifferenceMs);
  }

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    // An adopted version freezes the envelope with the text (the server refuses it too).
    const canSetEnvelope = can(props.role, 'envelope.set') && props.view.freeze === null;
    return html`<div class="page budget-page">
      <div class="page-header">
        <h1>${msg('Budget consolidé', { id: 'budget.title' })}</h1>
        ${canSetEnvelope && !this.isEditingEnvelope
          ? html`<p class="page-actions"><button type="button" class="primary" id="budget-edit-envelope" @click=${this.openEnvelopeForm}>${msg('Modifier l’enveloppe', { id: 'budget.envelope.edit' })}</button></p>`
          : nothing}
      </div>
      <p class="lead">${msg('Les totaux sont calculés en direct à partir des lignes de financement des fiches action, et comparés à l’enveloppe du programme.', { id: 'budget.lead' })}</p>
      <p class="budget-page__saved" role="status">${this.savedNotice}</p>
      ${props.programme === null || !props.loaded ? this.renderLoading() : this.renderBudget(props, props.programme.programme, props.programme.consolidation, canSetEnvelope)}
    </div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<p class="status-page__loading" role="status">${msg('Chargement du programme…', { id: 'budget.loading' })}</p>`;
  }

  private renderBudget(props: ProgrammePageProps, programme: ProgrammeView, consolidation: Consolidation, canSetEnvelope: boolean): TemplateResult {
    const envelope = props.view.envelope;
    const workspaceId = props.view.id;
    const funders = funderFigures(consolidation, envelope);
    const hasLines = programme.lines.length > 0;
    return html`${renderServerCheck({
        workspaceId,
        check: this.serverCheck.check,
        local: consolidation,
        isDifferenceLasting: this.isDifferenceLasting,
        sheetName: (sheetId) => {
          const sheet = programme.sheets.get(sheetId);
          return sheet === undefined ? sheetId : `${sheet.number} ${sheet.title}`.trim();
        },
        onRetry: () => this.serverCheck.retry(),
      })}
      ${this.renderWarnings(consolidation, envelope)} ${renderExcludedLines(workspaceId, programme, consolidation.invalidLines)}
      <section class="budget-section" aria-labelledby="budget-envelope-heading">
        <h2 id="budget-envelope-heading">${msg('L’enveloppe et ce que les fiches programment', { id: 'budget.heading.envelope' })}</h2>
        ${this.isEditingEnvelope
          ? html`<trame-envelope-form .workspaceId=${workspaceId} .envelope=${envelope}></trame-envelope-form>`
          : hasEnvelope(envelope)
            ? renderEnvelopeComparison(consolidation.totalCents, envelope.totalCents, funders)
            : renderNoEnvelope(canSetEnvelope)}
      </section>
      ${hasLines
        ? renderBudgetTables({ workspaceId, programme, consolidation, funders })
        : html`<div class="empty-state">
            <p>${msg('Aucune fiche action n’a encore de ligne de financement. Les totaux apparaissent ici dès qu’une fiche a son plan de financement : financeur, année et montant.', { id: 'budget.empty' })}</p>
            <p><a href=${workspacePath(workspaceId, 'sheets')}>${msg('Ouvrir les fiches action', { id: 'budget.empty.action' })}</a></p>
          </div>`}`;
  }

  /** The warnings, as sentences, in a live region that stays in place so that changes are heard. */
  private renderWarnings(consolidation: Consolidation, envelope: Envelope): TemplateResult {
    const warnings = hasEnvelope(envelope) ? consolidation.warnings : [];
    let content: TemplateResult | typeof nothing = nothing;
    if (warnings.length > 0) {
      content = html`<div class="notice notice--warning">
        <p class="notice__title">
          <span class="state state--warning">${warnings.length === 1 ? msg('Un écart avec l’enveloppe', { id: 'budget.warnings.one' }) : msg('Des écarts avec l’enveloppe', { id: 'budget.warnings.many' })}</span>
        </p>
        <ul class="budget-warnings__list">
          ${warnings.map((warning) => html`<li>${describeWarning(warning)}</li>`)}
        </ul>
      </div>`;
    } else if (hasEnvelope(envelope) && consolidation.totalCents > 0) {
      content = html`<p class="budget-warnings__ok">
        <span class="state state--ok">${msg('Le programme correspond à l’enveloppe au centime près, et aucun financeur ne dépasse sa part.', { id: 'budget.warnings.none' })}</span>
      </p>`;
    }
    return html`<div class="budget-warnings" role="status" aria-live="polite" data-testid="budget-warnings">${content}</div>`;
  }

  private readonly openEnvelopeForm = async (): Promise<void> => {
    this.savedNotice = '';
    this.isEditingEnvelope = true;
    await this.updateComplete;
    await this.querySelector<EnvelopeForm>('trame-envelope-form')?.focusFirst();
  };

  private readonly handleEnvelopeClose = async (event: CustomEvent<{ saved: boolean }>): Promise<void> => {
    this.isEditingEnvelope = false;
    if (event.detail.saved) this.savedNotice = msg('Enveloppe enregistrée : chaque membre voit maintenant la nouvelle enveloppe.', { id: 'budget.envelope.saved' });
    await this.updateComplete;
    this.querySelector<HTMLElement>('#budget-edit-envelope')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-budget-page': BudgetPage;
  }
}
