/**
 * `<trame-progress-reports>`: an action's dated progress reports (newest first, with who wrote
 * them), and the form to add one for those who report on the action.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { progressReportInputSchema, type ProgressReport } from '../../shared/schemas/follow-up';
import { addProgressReport } from '../api/follow-up';
import { FollowUpForm, inputField, textAreaField } from './follow-up-form';
import { formatDay, todayIso } from './follow-up-words';

@customElement('trame-progress-reports')
export class ProgressReports extends FollowUpForm {
  @property({ attribute: false }) reports: ProgressReport[] = [];
  @property({ type: Boolean }) canEdit = false;

  @state() private date = todayIso();
  @state() private text = '';

  override render(): TemplateResult {
    const reports = [...this.reports].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    return html`${reports.length === 0
        ? html`<p>${msg('Aucun compte rendu pour l’instant. Chaque compte rendu daté raconte où en est l’action.', { id: 'followUp.reports.none' })}</p>`
        : html`<ol class="follow-up-history">
            ${reports.map(
              (report) => html`<li>
                <p class="follow-up-history__meta">
                  <strong>${formatDay(report.date)}</strong> ·
                  ${report.structureName === null ? report.authorName : msg(str`${report.authorName} (${report.structureName})`, { id: 'followUp.author.withStructure' })}
                </p>
                <p class="follow-up-history__text">${report.text}</p>
              </li>`,
            )}
          </ol>`}
      ${this.canEdit ? this.renderForm() : nothing}`;
  }

  private renderForm(): TemplateResult {
    return html`<form class="form follow-up-subform" novalidate @submit=${this.handleSubmit} aria-labelledby="report-form-title">
      <h3 id="report-form-title">${msg('Ajouter un compte rendu', { id: 'followUp.reports.add' })}</h3>
      ${this.renderStatus('report')}
      ${inputField({ id: 'report-date', type: 'date', label: msg('Date', { id: 'followUp.field.date' }), value: this.date, error: this.error('date'), required: true, onInput: (value) => (this.date = value) })}
      ${textAreaField({
        id: 'report-text',
        label: msg('Où en est l’action ?', { id: 'followUp.reports.text' }),
        value: this.text,
        error: this.error('text'),
        required: true,
        onInput: (value) => (this.text = value),
      })}
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isSaving}>${msg('Ajouter le compte rendu', { id: 'followUp.reports.submit' })}</button>
      </div>
    </form>`;
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.check(progressReportInputSchema, { date: this.date, text: this.text });
    if (input === undefined) return;
    if (await this.send(() => addProgressReport(this.workspaceId, this.sheetId, input))) this.text = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-progress-reports': ProgressReports;
  }
}
