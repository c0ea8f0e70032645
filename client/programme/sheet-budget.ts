/**
 * `<trame-sheet-budget>`: the financing plan of one action sheet. A table of lines (funder, year,
 * amount typed the French way), each checked with the shared schemas before anything is written:
 * a refused value stays in its field with its message, and the document is left untouched. Lines
 * made invalid by someone else (a string where an amount belongs) show why they are left out of
 * the totals. Under the table, the sheet's totals per funder and year, computed never typed.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import { consolidate, type RawBudgetLine } from '../../shared/budget/consolidate';
import { addBudgetLine, removeBudgetLine, updateBudgetLine } from '../../shared/programme/edit';
import { budgetYearSchema, firstMessage, funderSchema, parseEurosInput } from '../../shared/programme/fields';
import { lineProblemMessages, type BudgetLineView, type SheetView } from '../../shared/programme/read';
import { formatEuros, formatEurosInput } from '../i18n/format';
import { controlValue } from '../ui/dom';
import { describedBy } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { FieldDrafts } from './field-drafts';
import type { SheetProblems } from './sheet-problems';

/** The financing plan of a sheet. */
@customElement('trame-sheet-budget')
export class SheetBudget extends LightPage {
  @property({ attribute: false }) doc: Y.Doc | null = null;
  @property({ attribute: false }) sheet: SheetView | null = null;
  /** Every financing line of the programme (the sheet's are consolidated here). */
  @property({ attribute: false }) lines: readonly RawBudgetLine[] = [];
  @property({ attribute: false }) problems: SheetProblems | null = null;
  /** The funders of the envelope, offered first. */
  @property({ attribute: false }) funders: readonly string[] = [];
  @property({ type: Boolean }) editable = false;
  /** Increments with each reading of the document. */
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
    return html`<section class="sheet-section" aria-labelledby="sheet-budget-title">
      <h2 id="sheet-budget-title">${msg('Plan de financement', { id: 'sheet.budget.title' })}</h2>
      <datalist id="sheet-funders">${this.funders.map((funder) => html`<option value=${funder}></option>`)}</datalist>
      ${sheet.budget.length === 0
        ? html`<p class="empty-state">${msg('Aucune ligne de financement. Ajoutez une ligne par financeur et par année : les totaux de la fiche, de l’axe et du programme se mettent à jour pour tout le monde.', { id: 'sheet.budget.empty' })}</p>`
        : this.renderTable(sheet)}
      ${this.editable
        ? html`<p><button type="button" class="sheet-budget__add" @click=${() => this.addLine(sheet)}>${msg('Ajouter une ligne de financement', { id: 'sheet.budget.add' })}</button></p>`
        : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.renderTotals(sheet)}
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

  private renderTable(sheet: SheetView): TemplateResult {
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${msg(str`Lignes de financement de la fiche ${sheet.number}`, { id: 'sheet.budget.caption' })}>
      <table class="data-table sheet-budget__table">
        <caption class="visually-hidden">${msg(str`Lignes de financement de la fiche ${sheet.number}`, { id: 'sheet.budget.caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Financeur', { id: 'sheet.budget.funder' })}</th>
            <th scope="col">${msg('Année', { id: 'sheet.budget.year' })}</th>
            <th scope="col" class="number">${msg('Montant (€)', { id: 'sheet.budget.amount' })}</th>
            ${this.editable ? html`<th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'sheet.budget.actions' })}</span></th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${repeat(sheet.budget, (line) => line.id, (line, index) => this.renderLine(sheet, line, index + 1))}
        </tbody>
      </table>
    </div>`;
  }

  private renderLine(sheet: SheetView, line: BudgetLineView, rank: number): TemplateResult {
    const problems = this.problems?.line(line.id) ?? (line.invalid === null ? [] : [lineProblemMessages[line.invalid]]);
    const rowProblemId = `line-${line.id}-problem`;
    const cell = (field: 'funder' | 'year' | 'amount', label: string, documentValue: string, extra: { list?: string; inputmode?: string; className?: string }): TemplateResult => {
      const key = `line-${line.id}-${field}`;
      const error = this.drafts.error(key);
      const notes = [describedBy(key, undefined, error), problems.length > 0 ? rowProblemId : null].filter((value): value is string => typeof value === 'string');
      return html`<td class=${extra.className ?? nothing}>
        <input
          id=${key}
          class="sheet-budget__input"
          aria-label=${label}
          list=${extra.list ?? nothing}
          inputmode=${extra.inputmode ?? nothing}
          autocomplete="off"
          ?readonly=${!this.editable}
          aria-invalid=${String(error !== undefined || problems.length > 0)}
          aria-describedby=${notes.length === 0 ? nothing : notes.join(' ')}
          .value=${live(this.drafts.value(key, documentValue))}
          @input=${(event: Event) => this.drafts.type(key, controlValue(event))}
          @change=${(event: Event) => this.commit(sheet, line, field, key, controlValue(event))}
        />
        ${error === undefined ? nothing : html`<p id="${key}-error" class="field-error">${error}</p>`}
      </td>`;
    };
    return html`<tr class=${problems.length > 0 ? 'sheet-budget__line--invalid' : ''} data-line=${line.id}>
        ${cell('funder', msg(str`Financeur, ligne ${rank}`, { id: 'sheet.budget.funderLabel' }), line.funder ?? '', { list: 'sheet-funders' })}
        ${cell('year', msg(str`Année, ligne ${rank}`, { id: 'sheet.budget.yearLabel' }), line.year === null ? '' : String(line.year), { inputmode: 'numeric', className: 'sheet-budget__year' })}
        ${cell('amount', msg(str`Montant en euros, ligne ${rank}`, { id: 'sheet.budget.amountLabel' }), line.amountCents === null ? '' : formatEurosInput(line.amountCents), { inputmode: 'decimal', className: 'number' })}
        ${this.editable
          ? html`<td>
              <button type="button" class="link" @click=${() => this.removeLine(sheet, line, rank)}>
                ${msg('Retirer', { id: 'sheet.budget.remove' })}<span class="visually-hidden"> ${msg(str`la ligne ${rank}`, { id: 'sheet.budget.removeWhich' })}</span>
              </button>
            </td>`
          : nothing}
      </tr>
      ${problems.length === 0
        ? nothing
        : html`<tr class="sheet-budget__problem">
            <td colspan=${this.editable ? 4 : 3} id=${rowProblemId}>${problems.map((problem) => html`<p class="field-error">${msg(str`Ligne ${rank} :`, { id: 'sheet.budget.lineProblem' })} ${problem}</p>`)}</td>
          </tr>`}`;
  }

  private commit(sheet: SheetView, line: BudgetLineView, field: 'funder' | 'year' | 'amount', key: string, text: string): void {
    const doc = this.doc;
    if (doc === null || !this.editable) return;
    if (field === 'amount') {
      const parsed = parseEurosInput(text);
      if (!parsed.ok) return this.drafts.refuse(key, text, parsed.message);
      updateBudgetLine(doc, sheet.id, line.id, { amountCents: parsed.cents });
    } else if (field === 'year') {
      const trimmed = text.trim();
      const checked = budgetYearSchema.safeParse(/^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN);
      if (!checked.success) return this.drafts.refuse(key, text, firstMessage(checked.error));
      updateBudgetLine(doc, sheet.id, line.id, { year: checked.data });
    } else {
      const checked = funderSchema.safeParse(text);
      if (!checked.success) return this.drafts.refuse(key, text, firstMessage(checked.error));
      updateBudgetLine(doc, sheet.id, line.id, { funder: checked.data });
    }
    this.drafts.accept(key);
  }

  private addLine(sheet: SheetView): void {
    const doc = this.doc;
    if (doc === null) return;
    const last = sheet.budget[sheet.budget.length - 1];
    const year = last?.year ?? (sheet.startDate === null ? new Date().getFullYear() : Number(sheet.startDate.slice(0, 4)));
    const funder = this.funders[0] ?? msg('Financeur à préciser', { id: 'sheet.budget.newFunder' });
    const lineId = addBudgetLine(doc, sheet.id, { funder, year, amountCents: 0 });
    if (lineId === undefined) return;
    this.focusAfterRender = `line-${lineId}-amount`;
    this.announcement = msg('Ligne de financement ajoutée : saisissez son montant.', { id: 'sheet.budget.added' });
  }

  private removeLine(sheet: SheetView, line: BudgetLineView, rank: number): void {
    const doc = this.doc;
    if (doc === null) return;
    removeBudgetLine(doc, sheet.id, line.id);
    for (const field of ['funder', 'year', 'amount']) this.drafts.forget(`line-${line.id}-${field}`);
    this.announcement = msg(str`Ligne ${rank} retirée.`, { id: 'sheet.budget.removed' });
    this.querySelector<HTMLElement>('.sheet-budget__add')?.focus();
  }

  private renderTotals(sheet: SheetView): TemplateResult | typeof nothing {
    const totals = consolidate(this.lines.filter((line) => line.sheetId === sheet.id));
    const years = [...totals.byYear.keys()].sort((a, b) => a - b);
    const skipped = totals.invalidLines.length;
    return html`<div class="sheet-budget__totals">
      <p class="sheet-budget__total">
        ${msg('Total prévu de la fiche :', { id: 'sheet.budget.total' })} <strong data-testid="sheet-total">${formatEuros(totals.totalCents)}</strong>
      </p>
      ${skipped === 0
        ? nothing
        : html`<p class="notice notice--warning">
            ${skipped === 1
              ? msg('Une ligne n’est pas valide : elle est exclue des totaux.', { id: 'sheet.budget.skippedOne' })
              : msg(str`${skipped} lignes ne sont pas valides : elles sont exclues des totaux.`, { id: 'sheet.budget.skipped' })}
          </p>`}
      ${totals.byFunder.size === 0
        ? nothing
        : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${msg('Totaux par financeur et par année', { id: 'sheet.budget.totalsCaption' })}>
            <table class="data-table">
              <caption>${msg('Totaux par financeur et par année', { id: 'sheet.budget.totalsCaption' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Financeur', { id: 'sheet.budget.funder' })}</th>
                  ${years.map((year) => html`<th scope="col" class="number">${year}</th>`)}
                  <th scope="col" class="number">${msg('Total', { id: 'sheet.budget.totalColumn' })}</th>
                </tr>
              </thead>
              <tbody>
                ${[...totals.byFunderAndYear].map(
                  ([funder, byYear]) => html`<tr>
                    <th scope="row">${funder}</th>
                    ${years.map((year) => html`<td class="number">${formatEuros(byYear.get(year) ?? 0)}</td>`)}
                    <td class="number">${formatEuros(totals.byFunder.get(funder) ?? 0)}</td>
                  </tr>`,
                )}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">${msg('Total', { id: 'sheet.budget.totalColumn' })}</th>
                  ${years.map((year) => html`<td class="number">${formatEuros(totals.byYear.get(year) ?? 0)}</td>`)}
                  <td class="number">${formatEuros(totals.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheet-budget': SheetBudget;
  }
}
