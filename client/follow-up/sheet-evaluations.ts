/**
 * `<trame-sheet-evaluations>`: the steering committee's evaluations of one action, one per period
 * (latest period first), each with its current assessment and recommendation and its whole
 * history of revisions, oldest to newest, with who recorded each and when. Partners and the
 * coordination record a new evaluation or amend one (the amendment adds a revision; nothing is
 * overwritten).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { comparePeriods } from '../../shared/follow-up/dashboard';
import { assessments, evaluationInputSchema, type Evaluation, type EvaluationRevision } from '../../shared/schemas/follow-up';
import { addEvaluation, amendEvaluation } from '../api/follow-up';
import { formatDateTime } from '../i18n/format';
import { FollowUpForm, inputField, selectField, textAreaField } from './follow-up-form';
import { assessmentName } from './follow-up-words';

interface Draft {
  period: string;
  assessment: string;
  comment: string;
  recommendation: string;
}

const emptyDraft = (): Draft => ({ period: String(new Date().getFullYear()), assessment: '', comment: '', recommendation: '' });

@customElement('trame-sheet-evaluations')
export class SheetEvaluations extends FollowUpForm {
  /** The evaluations of this action. */
  @property({ attribute: false }) evaluations: Evaluation[] = [];
  @property({ type: Boolean }) canEdit = false;

  @state() private draft: Draft = emptyDraft();
  /** The evaluation being amended, or null for a new one. */
  @state() private amending: Evaluation | null = null;

  override render(): TemplateResult {
    const evaluations = [...this.evaluations].sort((a, b) => comparePeriods(b.period, a.period));
    return html`${evaluations.length === 0
        ? html`<p>${msg('Cette action n’a pas encore été évaluée par le comité de pilotage.', { id: 'followUp.evaluation.none' })}</p>`
        : html`<div class="evaluation-list">${evaluations.map((evaluation) => this.renderEvaluation(evaluation))}</div>`}
      ${this.canEdit ? this.renderForm() : nothing}`;
  }

  private renderEvaluation(evaluation: Evaluation): TemplateResult {
    const current = evaluation.revisions[evaluation.revisions.length - 1];
    if (current === undefined) return html``;
    const headingId = `evaluation-${evaluation.id}`;
    return html`<article class="evaluation" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${msg(str`Période ${evaluation.period}`, { id: 'followUp.evaluation.period' })}</h3>
      ${this.renderRevision(current)}
      ${evaluation.revisions.length > 1
        ? html`<details class="follow-up-details">
            <summary>${msg(str`Historique : ${evaluation.revisions.length} versions`, { id: 'followUp.evaluation.history' })}</summary>
            <ol class="follow-up-history evaluation-history">
              ${evaluation.revisions.map((revision, index) => html`<li><p class="follow-up-history__meta">${msg(str`Version ${index + 1}`, { id: 'followUp.evaluation.version' })}</p>${this.renderRevision(revision)}</li>`)}
            </ol>
          </details>`
        : nothing}
      ${this.canEdit
        ? html`<p><button type="button" @click=${() => this.startAmending(evaluation)}>${msg(str`Modifier l’évaluation ${evaluation.period}`, { id: 'followUp.evaluation.amend' })}</button></p>`
        : nothing}
    </article>`;
  }

  private renderRevision(revision: EvaluationRevision): TemplateResult {
    const author = revision.structureName === null ? revision.authorName : msg(str`${revision.authorName} (${revision.structureName})`, { id: 'followUp.author.withStructure' });
    return html`<dl class="facts evaluation__facts">
        <dt>${msg('Appréciation', { id: 'followUp.col.assessment' })}</dt>
        <dd><span class="assessment assessment--${revision.assessment}">${assessmentName(revision.assessment)}</span></dd>
        <dt>${msg('Commentaire', { id: 'followUp.evaluation.comment' })}</dt>
        <dd class="evaluation__text">${revision.comment}</dd>
        <dt>${msg('Recommandation', { id: 'followUp.col.recommendation' })}</dt>
        <dd class="evaluation__text">${revision.recommendation === '' ? '—' : revision.recommendation}</dd>
      </dl>
      <p class="hint">${msg(str`Enregistrée par ${author} le ${formatDateTime(revision.recordedAt)}.`, { id: 'followUp.evaluation.recorded' })}</p>`;
  }

  private renderForm(): TemplateResult {
    const amending = this.amending;
    const title = amending === null ? msg('Enregistrer une évaluation', { id: 'followUp.evaluation.add' }) : msg(str`Modifier l’évaluation ${amending.period}`, { id: 'followUp.evaluation.amend' });
    return html`<form class="form follow-up-subform" id="evaluation-form" novalidate @submit=${this.handleSubmit} aria-labelledby="evaluation-form-title">
      <h3 id="evaluation-form-title">${title}</h3>
      ${amending === null ? nothing : html`<p class="hint">${msg('La version actuelle est conservée dans l’historique.', { id: 'followUp.evaluation.kept' })}</p>`}
      ${this.renderStatus('evaluation')}
      ${amending === null
        ? inputField({
            id: 'evaluation-period',
            label: msg('Période', { id: 'followUp.col.period' }),
            hint: msg('Une année (2012) ou un semestre (2012-S1).', { id: 'followUp.evaluation.periodHint' }),
            value: this.draft.period,
            error: this.error('period'),
            required: true,
            onInput: (value) => (this.draft = { ...this.draft, period: value }),
          })
        : nothing}
      ${selectField({
        id: 'evaluation-assessment',
        label: msg('Appréciation', { id: 'followUp.col.assessment' }),
        value: this.draft.assessment,
        error: this.error('assessment'),
        options: [{ value: '', label: msg('Choisissez…', { id: 'followUp.evaluation.choose' }) }, ...assessments.map((assessment) => ({ value: assessment, label: assessmentName(assessment) }))],
        onInput: (value) => (this.draft = { ...this.draft, assessment: value }),
      })}
      ${textAreaField({
        id: 'evaluation-comment',
        label: msg('Commentaire', { id: 'followUp.evaluation.comment' }),
        value: this.draft.comment,
        error: this.error('comment'),
        required: true,
        onInput: (value) => (this.draft = { ...this.draft, comment: value }),
      })}
      ${textAreaField({
        id: 'evaluation-recommendation',
        label: msg('Recommandation', { id: 'followUp.col.recommendation' }),
        hint: msg('Facultatif : ce que le comité de pilotage recommande pour la suite.', { id: 'followUp.evaluation.recommendationHint' }),
        value: this.draft.recommendation,
        error: this.error('recommendation'),
        onInput: (value) => (this.draft = { ...this.draft, recommendation: value }),
      })}
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isSaving}>
          ${amending === null ? msg('Enregistrer l’évaluation', { id: 'followUp.evaluation.submit' }) : msg('Enregistrer la modification', { id: 'followUp.evaluation.submitAmend' })}
        </button>
        ${amending === null ? nothing : html`<button type="button" @click=${() => this.stopAmending()}>${msg('Annuler', { id: 'common.cancel' })}</button>`}
      </div>
    </form>`;
  }

  private startAmending(evaluation: Evaluation): void {
    const current = evaluation.revisions[evaluation.revisions.length - 1];
    this.amending = evaluation;
    this.errors = {};
    this.problem = null;
    this.saved = '';
    this.draft = { period: evaluation.period, assessment: current?.assessment ?? '', comment: current?.comment ?? '', recommendation: current?.recommendation ?? '' };
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#evaluation-assessment')?.focus());
  }

  private stopAmending(): void {
    this.amending = null;
    this.errors = {};
    this.problem = null;
    this.draft = emptyDraft();
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const amending = this.amending;
    const input = this.check(evaluationInputSchema, { ...this.draft, period: amending?.period ?? this.draft.period });
    if (input === undefined) return;
    const sent = await this.send(() => (amending === null ? addEvaluation(this.workspaceId, this.sheetId, input) : amendEvaluation(this.workspaceId, this.sheetId, amending.id, input)));
    if (sent) {
      this.amending = null;
      this.draft = emptyDraft();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheet-evaluations': SheetEvaluations;
  }
}
