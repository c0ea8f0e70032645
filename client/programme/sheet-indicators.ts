/**
 * `<trame-sheet-indicators>`: what an action sheet measures. Each indicator's name is a shared
 * text typed live by anyone; its unit, baseline and target are plain values, checked with the
 * shared schema when the field is left (a refused value keeps its message; nothing is written).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import { addIndicator, indicatorName, removeIndicator, updateIndicator } from '../../shared/programme/edit';
import { firstMessage, indicatorSchema, parseDecimalInput } from '../../shared/programme/fields';
import type { IndicatorView, SheetView } from '../../shared/programme/read';
import { controlValue } from '../ui/dom';
import { LightPage } from '../ui/light-page';
import { FieldDrafts } from './field-drafts';
import type { SheetProblems } from './sheet-problems';
import { bindYText } from './y-text-binding';

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6, useGrouping: false });

/** The indicators of a sheet. */
@customElement('trame-sheet-indicators')
export class SheetIndicators extends LightPage {
  @property({ attribute: false }) doc: Y.Doc | null = null;
  @property({ attribute: false }) sheet: SheetView | null = null;
  @property({ attribute: false }) problems: SheetProblems | null = null;
  @property({ type: Boolean }) editable = false;
  @property({ type: Number }) revision = 0;

  @state() private announcement = '';
  private readonly drafts = new FieldDrafts(this);
  private focusAfterRender: string | null = null;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('revision')) this.drafts.settle();
  }

  override render(): TemplateResult | typeof nothing {
    const sheet = this.sheet;
    if (sheet === null) return nothing;
    return html`<section class="sheet-section" aria-labelledby="sheet-indicators-title">
      <h2 id="sheet-indicators-title">${msg('Indicateurs', { id: 'sheet.indicators.title' })}</h2>
      ${sheet.indicators.length === 0
        ? html`<p class="empty-state">${msg('Aucun indicateur. Un indicateur dit ce qui sera mesuré (par exemple « Emplois créés »), sa valeur de départ et la cible visée.', { id: 'sheet.indicators.empty' })}</p>`
        : html`<ol class="sheet-indicators">${repeat(sheet.indicators, (indicator) => indicator.id, (indicator, index) => this.renderIndicator(sheet, indicator, index + 1))}</ol>`}
      ${this.editable
        ? html`<p><button type="button" class="sheet-indicators__add" @click=${() => this.add(sheet)}>${msg('Ajouter un indicateur', { id: 'sheet.indicators.add' })}</button></p>`
        : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  protected override updated(): void {
    if (this.focusAfterRender === null) return;
    const target = this.querySelector<HTMLElement>(`#${CSS.escape(this.focusAfterRender)}`);
    if (target !== null) {
      target.focus();
      this.focusAfterRender = null;
    }
  }

  private renderIndicator(sheet: SheetView, indicator: IndicatorView, rank: number): TemplateResult {
    const doc = this.doc;
    const prefix = `indicator-${indicator.id}`;
    const problems = this.problems?.indicator(indicator.id) ?? [];
    const plain = (field: 'unit' | 'baseline' | 'target', label: string, documentValue: string): TemplateResult => {
      const key = `${prefix}-${field}`;
      const error = this.drafts.error(key);
      return html`<div class="field">
        <label for=${key}>${label}</label>
        <input
          id=${key}
          inputmode=${field === 'unit' ? nothing : 'decimal'}
          autocomplete="off"
          ?readonly=${!this.editable}
          aria-invalid=${String(error !== undefined)}
          aria-describedby=${error === undefined ? nothing : `${key}-error`}
          .value=${live(this.drafts.value(key, documentValue))}
          @input=${(event: Event) => this.drafts.type(key, controlValue(event))}
          @change=${(event: Event) => this.commit(sheet, indicator, field, key, controlValue(event))}
        />
        ${error === undefined ? nothing : html`<p id="${key}-error" class="field-error">${error}</p>`}
      </div>`;
    };
    return html`<li class="sheet-indicator">
      <div class="field sheet-indicator__name">
        <label for="${prefix}-name">${msg(str`Indicateur ${rank}`, { id: 'sheet.indicators.name' })}</label>
        <input
          id="${prefix}-name"
          autocomplete="off"
          maxlength="160"
          ?readonly=${!this.editable}
          aria-describedby=${problems.length === 0 ? nothing : `${prefix}-problems`}
          ${bindYText(doc === null ? undefined : indicatorName(doc, sheet.id, indicator.id))}
        />
      </div>
      ${plain('unit', msg('Unité', { id: 'sheet.indicators.unit' }), indicator.unit)}
      ${plain('baseline', msg('Valeur de départ', { id: 'sheet.indicators.baseline' }), indicator.baseline === null ? '' : decimal.format(indicator.baseline))}
      ${plain('target', msg('Cible', { id: 'sheet.indicators.target' }), indicator.target === null ? '' : decimal.format(indicator.target))}
      ${this.editable
        ? html`<button type="button" class="link sheet-indicator__remove" @click=${() => this.removeIndicator(sheet, indicator, rank)}>
            ${msg('Retirer', { id: 'sheet.budget.remove' })}<span class="visually-hidden"> ${msg(str`l’indicateur ${rank}`, { id: 'sheet.indicators.removeWhich' })}</span>
          </button>`
        : nothing}
      ${problems.length === 0 ? nothing : html`<div id="${prefix}-problems">${problems.map((problem) => html`<p class="field-error">${problem}</p>`)}</div>`}
    </li>`;
  }

  private commit(sheet: SheetView, indicator: IndicatorView, field: 'unit' | 'baseline' | 'target', key: string, text: string): void {
    const doc = this.doc;
    if (doc === null || !this.editable) return;
    if (field === 'unit') {
      const checked = indicatorSchema.shape.unit.safeParse(text);
      if (!checked.success) return this.drafts.refuse(key, text, firstMessage(checked.error));
      updateIndicator(doc, sheet.id, indicator.id, { unit: checked.data });
    } else {
      const parsed = parseDecimalInput(text);
      if (!parsed.ok) return this.drafts.refuse(key, text, parsed.message);
      updateIndicator(doc, sheet.id, indicator.id, { [field]: parsed.value });
    }
    this.drafts.accept(key);
  }

  private add(sheet: SheetView): void {
    const doc = this.doc;
    if (doc === null) return;
    const id = addIndicator(doc, sheet.id, { name: '', unit: '', baseline: null, target: null });
    if (id === undefined) return;
    this.focusAfterRender = `indicator-${id}-name`;
    this.announcement = msg('Indicateur ajouté : donnez-lui un nom.', { id: 'sheet.indicators.added' });
  }

  private removeIndicator(sheet: SheetView, indicator: IndicatorView, rank: number): void {
    const doc = this.doc;
    if (doc === null) return;
    removeIndicator(doc, sheet.id, indicator.id);
    this.announcement = msg(str`Indicateur ${rank} retiré.`, { id: 'sheet.indicators.removed' });
    this.querySelector<HTMLElement>('.sheet-indicators__add')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheet-indicators': SheetIndicators;
  }
}
