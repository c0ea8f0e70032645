/**
 * `<trame-indicator-actuals>`: each indicator of an action from its baseline to its latest
 * recorded value and its target, the values recorded so far, and the form to record a new one
 * (typed the French way, "12,5", read with `parseDecimalInput`).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { IndicatorProgress } from '../../shared/follow-up/dashboard';
import { parseDecimalInput } from '../../shared/programme/fields';
import { indicatorActualInputSchema, type IndicatorActual } from '../../shared/schemas/follow-up';
import { addIndicatorActual } from '../api/follow-up';
import { FollowUpForm, inputField, selectField } from './follow-up-form';
import { formatDay, formatNumber, todayIso } from './follow-up-words';

@customElement('trame-indicator-actuals')
export class IndicatorActuals extends FollowUpForm {
  /** Each indicator with its latest actual (from the dashboard's row of the sheet). */
  @property({ attribute: false }) indicators: IndicatorProgress[] = [];
  @property({ attribute: false }) actuals: IndicatorActual[] = [];
  @property({ type: Boolean }) canEdit = false;

  @state() private indicatorId = '';
  @state() private date = todayIso();
  @state() private value = '';

  override render(): TemplateResult {
    if (this.indicators.length === 0) {
      return html`<p>${msg('Cette fiche n’a pas d’indicateur. Ils s’ajoutent dans la fiche action, avant l’adoption.', { id: 'followUp.indicators.none' })}</p>`;
    }
    const title = msg('Indicateurs : départ, dernière valeur relevée et cible', { id: 'followUp.indicators.table' });
    const names = new Map(this.indicators.map((indicator) => [indicator.id, indicator.name]));
    const history = [...this.actuals].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
        <table class="data-table">
          <caption class="visually-hidden">${title}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Indicateur', { id: 'followUp.col.indicator' })}</th>
              <th scope="col" class="number">${msg('Départ', { id: 'followUp.col.baseline' })}</th>
              <th scope="col" class="number">${msg('Dernière valeur', { id: 'followUp.col.actual' })}</th>
              <th scope="col" class="number">${msg('Cible', { id: 'followUp.col.target' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this.indicators.map(
              (indicator) => html`<tr>
                <th scope="row">${indicator.name || '—'}${indicator.unit === '' ? nothing : html` <span class="hint">(${indicator.unit})</span>`}</th>
                <td class="number">${formatNumber(indicator.baseline)}</td>
                <td class="number">
                  ${formatNumber(indicator.latestActual)}
                  ${indicator.latestActualDate === null ? nothing : html`<br /><span class="hint">${msg(str`le ${formatDay(indicator.latestActualDate)}`, { id: 'followUp.indicators.on' })}</span>`}
                </td>
                <td class="number">${formatNumber(indicator.target)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${history.length === 0
        ? nothing
        : html`<details class="follow-up-details">
            <summary>${msg(str`Toutes les valeurs relevées (${history.length})`, { id: 'followUp.indicators.history' })}</summary>
            <ol class="follow-up-history">
              ${history.map(
                (actual) => html`<li>
                  <strong>${names.get(actual.indicatorId) ?? '—'}</strong> : ${formatNumber(actual.value)} · ${formatDay(actual.date)} ·
                  <span class="hint">${actual.authorName}</span>
                </li>`,
              )}
            </ol>
          </details>`}
      ${this.canEdit ? this.renderForm() : nothing}`;
  }

  private renderForm(): TemplateResult {
    const indicatorId = this.indicatorId === '' ? (this.indicators[0]?.id ?? '') : this.indicatorId;
    return html`<form class="form follow-up-subform" novalidate @submit=${this.handleSubmit} aria-labelledby="actual-form-title">
      <h3 id="actual-form-title">${msg('Relever une valeur', { id: 'followUp.indicators.add' })}</h3>
      ${this.renderStatus('actual')}
      ${selectField({
        id: 'actual-indicator',
        label: msg('Indicateur', { id: 'followUp.col.indicator' }),
        value: indicatorId,
        error: this.error('indicatorId'),
        options: this.indicators.map((indicator) => ({ value: indicator.id, label: indicator.unit === '' ? indicator.name : `${indicator.name} (${indicator.unit})` })),
        onInput: (value) => (this.indicatorId = value),
      })}
      <div class="follow-up-pair">
        ${inputField({ id: 'actual-date', type: 'date', label: msg('Date du relevé', { id: 'followUp.indicators.date' }), value: this.date, error: this.error('date'), required: true, onInput: (value) => (this.date = value) })}
        ${inputField({
          id: 'actual-value',
          inputmode: 'decimal',
          label: msg('Valeur atteinte', { id: 'followUp.indicators.value' }),
          hint: msg('Par exemple 12 ou 12,5.', { id: 'followUp.indicators.valueHint' }),
          value: this.value,
          error: this.error('value'),
          required: true,
          onInput: (value) => (this.value = value),
        })}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isSaving}>${msg('Enregistrer la valeur', { id: 'followUp.indicators.submit' })}</button>
      </div>
    </form>`;
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const indicatorId = this.indicatorId === '' ? (this.indicators[0]?.id ?? '') : this.indicatorId;
    const parsed = parseDecimalInput(this.value);
    const value = parsed.ok ? parsed.value : undefined;
    const extra: Record<string, string> = parsed.ok ? (parsed.value === null ? { value: msg('Saisissez la valeur atteinte, par exemple 12 ou 12,5.', { id: 'followUp.indicators.valueMissing' }) } : {}) : { value: parsed.message };
    const input = this.check(indicatorActualInputSchema, { indicatorId, date: this.date, value: value ?? 0 }, extra);
    if (input === undefined) return;
    if (await this.send(() => addIndicatorActual(this.workspaceId, this.sheetId, input))) this.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-indicator-actuals': IndicatorActuals;
  }
}
