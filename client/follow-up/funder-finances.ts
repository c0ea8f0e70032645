/**
 * `<trame-funder-finances>`: for each funder of an action, what the financing plan planned (read
 * from the sheet's lines, never typed here), and what is committed and spent, typed in euros the
 * French way ("12 500,50") and read with `parseEurosInput`. One small form per funder, so a
 * refusal for one funder never loses what was typed for another.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { funderKey } from '../../shared/budget/consolidate';
import { parseEurosInput } from '../../shared/programme/fields';
import { financeInputSchema } from '../../shared/schemas/follow-up';
import { saveFinances } from '../api/follow-up';
import { formatDateTime, formatEuros, formatEurosInput, formatExactEuros } from '../i18n/format';
import { FollowUpForm, inputField } from './follow-up-form';

/** One funder of the action: planned from the plan, committed and spent as last recorded. */
export interface FunderFinance {
  funder: string;
  plannedCents: number;
  committedCents: number | null;
  spentCents: number | null;
  updatedAt: string | null;
}

interface Draft {
  committed: string;
  spent: string;
}

@customElement('trame-funder-finances')
export class FunderFinances extends FollowUpForm {
  @property({ attribute: false }) funders: FunderFinance[] = [];
  @property({ type: Boolean }) canEdit = false;

  /** What is being typed, per funder key, until saved. */
  @state() private drafts = new Map<string, Draft>();
  /** The funder whose form was sent last (its row shows the messages). */
  @state() private activeKey: string | null = null;

  override render(): TemplateResult {
    if (this.funders.length === 0) {
      return html`<p>${msg('Le plan de financement de cette fiche est vide.', { id: 'followUp.finances.none' })}</p>`;
    }
    const title = msg('Prévu, engagé et dépensé par financeur', { id: 'followUp.finances.table' });
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
        <table class="data-table">
          <caption class="visually-hidden">${title}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Financeur', { id: 'followUp.col.funder' })}</th>
              <th scope="col" class="number">${msg('Prévu', { id: 'followUp.col.planned' })}</th>
              <th scope="col" class="number">${msg('Engagé', { id: 'followUp.col.committed' })}</th>
              <th scope="col" class="number">${msg('Dépensé', { id: 'followUp.col.spent' })}</th>
            </tr>
          </thead>
          <tbody>
            ${this.funders.map(
              (funder) => html`<tr>
                <th scope="row">${funder.funder}</th>
                <td class="number">${formatExactEuros(funder.plannedCents)}</td>
                <td class="number">${funder.committedCents === null ? '—' : formatExactEuros(funder.committedCents)}</td>
                <td class="number">${funder.spentCents === null ? '—' : formatExactEuros(funder.spentCents)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.canEdit ? this.funders.map((funder, index) => this.renderForm(funder, index)) : nothing}`;
  }

  private draftOf(funder: FunderFinance): Draft {
    return (
      this.drafts.get(funderKey(funder.funder)) ?? {
        committed: funder.committedCents === null ? '' : formatEurosInput(funder.committedCents),
        spent: funder.spentCents === null ? '' : formatEurosInput(funder.spentCents),
      }
    );
  }

  private setDraft(funder: FunderFinance, change: Partial<Draft>): void {
    const drafts = new Map(this.drafts);
    drafts.set(funderKey(funder.funder), { ...this.draftOf(funder), ...change });
    this.drafts = drafts;
  }

  private renderForm(funder: FunderFinance, index: number): TemplateResult {
    const key = funderKey(funder.funder);
    const isActive = this.activeKey === key;
    const draft = this.draftOf(funder);
    const id = `finance-${index}`;
    return html`<form class="form follow-up-subform" novalidate aria-labelledby="${id}-title" @submit=${(event: Event) => void this.handleSubmit(event, funder)}>
      <h3 id="${id}-title">${msg(str`Montants de ${funder.funder}`, { id: 'followUp.finances.form' })}</h3>
      ${isActive ? this.renderStatus(id) : nothing}
      <p class="hint">
        ${msg(str`Prévu au plan de financement : ${formatEuros(funder.plannedCents)}.`, { id: 'followUp.finances.planned' })}
        ${funder.updatedAt === null ? nothing : msg(str`Dernière mise à jour le ${formatDateTime(funder.updatedAt)}.`, { id: 'followUp.finances.updated' })}
      </p>
      <div class="follow-up-pair">
        ${inputField({
          id: `${id}-committed`,
          inputmode: 'decimal',
          label: msg('Engagé (€)', { id: 'followUp.finances.committed' }),
          value: draft.committed,
          error: isActive ? this.error('committedCents') : undefined,
          required: true,
          onInput: (value) => this.setDraft(funder, { committed: value }),
        })}
        ${inputField({
          id: `${id}-spent`,
          inputmode: 'decimal',
          label: msg('Dépensé (€)', { id: 'followUp.finances.spent' }),
          value: draft.spent,
          error: isActive ? this.error('spentCents') : undefined,
          required: true,
          onInput: (value) => this.setDraft(funder, { spent: value }),
        })}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isSaving}>${msg(str`Enregistrer les montants de ${funder.funder}`, { id: 'followUp.finances.submit' })}</button>
      </div>
    </form>`;
  }

  private async handleSubmit(event: Event, funder: FunderFinance): Promise<void> {
    event.preventDefault();
    const key = funderKey(funder.funder);
    this.activeKey = key;
    const draft = this.draftOf(funder);
    const committed = parseEurosInput(draft.committed);
    const spent = parseEurosInput(draft.spent);
    const extra: Record<string, string> = {};
    if (!committed.ok) extra['committedCents'] = committed.message;
    if (!spent.ok) extra['spentCents'] = spent.message;
    const input = this.check(financeInputSchema, { funder: funder.funder, committedCents: committed.ok ? committed.cents : 0, spentCents: spent.ok ? spent.cents : 0 }, extra);
    if (input === undefined) return;
    if (await this.send(() => saveFinances(this.workspaceId, this.sheetId, input))) {
      const drafts = new Map(this.drafts);
      drafts.delete(key);
      this.drafts = drafts;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-funder-finances': FunderFinances;
  }
}
