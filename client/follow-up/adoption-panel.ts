/**
 * `<trame-adoption-panel>`: what the follow-up page shows before the programme is adopted. It
 * explains that follow-up starts at adoption; the coordination adopts from here, after a
 * confirmation that states the totals. When the server refuses (409), its reasons are listed
 * one per line, so the coordination knows what to fix in the sheets or the envelope.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Consolidation } from '../../shared/budget/consolidate';
import type { Envelope } from '../../shared/schemas/workspace';
import { ProblemError, describeDetail, describeError } from '../api/fetch-json';
import { adoptProgramme } from '../api/follow-up';
import { formatEuros } from '../i18n/format';
import type { ConfirmDialog } from '../ui/confirm-dialog';
import { LightPage } from '../ui/light-page';
import '../ui/confirm-dialog';

interface Refusal {
  title: string;
  detail: string | null;
  reasons: string[];
}

@customElement('trame-adoption-panel')
export class AdoptionPanel extends LightPage {
  /** The workspace to adopt. */
  @property({ attribute: false }) workspaceId = '';
  /** True for the coordination (`programme.adopt`). */
  @property({ type: Boolean }) canAdopt = false;
  /** The live totals of the programme (null while the document opens). */
  @property({ attribute: false }) consolidation: Consolidation | null = null;
  @property({ attribute: false }) sheetCount = 0;
  @property({ attribute: false }) envelope: Envelope | null = null;
  /** Called once the server has adopted the programme. */
  @property({ attribute: false }) onAdopted: () => void = () => undefined;

  @state() private isBusy = false;
  @state() private refusal: Refusal | null = null;
  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('trame-confirm-dialog') private confirmDialog!: ConfirmDialog;

  override render(): TemplateResult {
    return html`<section class="card adoption" aria-labelledby="adoption-title">
      <h2 id="adoption-title">${msg('Le suivi commence à l’adoption du programme', { id: 'followUp.adoption.title' })}</h2>
      <p>
        ${msg(
          'Tant que le programme n’est pas adopté, les fiches action se construisent ensemble dans le contrat. Une fois adopté, chaque action est suivie ici : état de réalisation, comptes rendus datés, indicateurs, montants engagés et dépensés, et évaluations du comité de pilotage.',
          { id: 'followUp.adoption.explain' },
        )}
      </p>
      ${this.renderTotals()}
      ${this.canAdopt
        ? html`${this.renderRefusal()}
            <p class="page-actions">
              <button type="button" class="primary" ?disabled=${this.isBusy || this.consolidation === null} @click=${() => void this.adopt()}>
                ${this.isBusy ? msg('Adoption en cours…', { id: 'followUp.adoption.busy' }) : msg('Adopter le programme', { id: 'followUp.adoption.button' })}
              </button>
            </p>`
        : html`<p class="hint">${msg('Seule la coordination peut adopter le programme.', { id: 'followUp.adoption.coordinationOnly' })}</p>`}
      <trame-confirm-dialog></trame-confirm-dialog>
    </section>`;
  }

  private renderTotals(): TemplateResult | typeof nothing {
    const consolidation = this.consolidation;
    const envelope = this.envelope;
    if (consolidation === null || envelope === null) return nothing;
    return html`<dl class="facts">
      <dt>${msg('Fiches action', { id: 'followUp.adoption.sheets' })}</dt>
      <dd>${this.sheetCount}</dd>
      <dt>${msg('Total des fiches', { id: 'followUp.adoption.planned' })}</dt>
      <dd>${formatEuros(consolidation.totalCents)}</dd>
      <dt>${msg('Enveloppe', { id: 'followUp.adoption.envelope' })}</dt>
      <dd>${formatEuros(envelope.totalCents)}</dd>
    </dl>`;
  }

  private renderRefusal(): TemplateResult | typeof nothing {
    const refusal = this.refusal;
    if (refusal === null) return nothing;
    return html`<div class="notice notice--error" role="alert" id="adoption-problem" tabindex="-1">
      <p class="notice__title">
        ${refusal.reasons.length > 0 ? msg('Le programme ne peut pas encore être adopté :', { id: 'followUp.adoption.refused' }) : refusal.title}
      </p>
      ${refusal.reasons.length > 0 ? html`<ul class="adoption__reasons">${refusal.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : nothing}
      ${refusal.detail === null ? nothing : html`<p>${refusal.detail}</p>`}
    </div>`;
  }

  /** The confirmation's words: the totals that will be adopted. */
  private confirmationBody(): string {
    const consolidation = this.consolidation;
    const envelope = this.envelope;
    if (consolidation === null || envelope === null) return '';
    const funders = [...consolidation.byFunder].map(([funder, cents]) => `${funder} : ${formatEuros(cents)}`).join(' ; ');
    return msg(
      str`Vous allez adopter un programme de ${this.sheetCount} fiches action pour ${formatEuros(consolidation.totalCents)} (enveloppe : ${formatEuros(envelope.totalCents)}). Par financeur : ${funders}. Le suivi des actions commencera aussitôt pour tous les membres.`,
      { id: 'followUp.adoption.confirm.body' },
    );
  }

  private async adopt(): Promise<void> {
    const confirmed = await this.confirmDialog.ask({
      title: msg('Adopter le programme ?', { id: 'followUp.adoption.confirm.title' }),
      body: this.confirmationBody(),
      confirmLabel: msg('Adopter le programme', { id: 'followUp.adoption.button' }),
    });
    if (!confirmed) return;
    this.isBusy = true;
    this.refusal = null;
    try {
      await adoptProgramme(this.workspaceId);
      this.onAdopted();
    } catch (error) {
      const reasons = error instanceof ProblemError && Array.isArray(error.body['reasons']) ? error.body['reasons'].filter((reason): reason is string => typeof reason === 'string') : [];
      this.refusal = { title: describeError(error), detail: describeDetail(error), reasons };
      await this.updateComplete;
      this.querySelector<HTMLElement>('#adoption-problem')?.focus();
    } finally {
      this.isBusy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-adoption-panel': AdoptionPanel;
  }
}
