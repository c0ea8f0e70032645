/**
 * `<trame-envelope-form>`: the coordination sets the programme envelope, its total and each
 * funder's share, typed in euros the French way. The same shared schema as the server's checks
 * the form before sending, with the message next to the field at fault; whatever the server still
 * refuses is shown the same way. Saving tells everyone (`workspace:changed`), so every budget
 * page, this one included, shows the new envelope when the workspace reloads.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { maxEnvelopeShares, type Envelope } from '../../shared/schemas/workspace';
import { saveEnvelope } from '../api/programme';
import { formatExactEuros } from '../i18n/format';
import { describedBy, fieldNotes, focusFirstInvalid } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { controlValue } from '../ui/dom';
import { LightPage } from '../ui/light-page';
import { parseEurosInput } from '../../shared/programme/fields';
import { draftOf, emptyShare, readEnvelopeDraft, type EnvelopeDraft, type ShareDraft } from './envelope-input';

/** The envelope editor. */
@customElement('trame-envelope-form')
export class EnvelopeForm extends LightPage {
  /** The workspace whose envelope is set. */
  @property({ attribute: false }) workspaceId = '';
  /** The envelope as it stands: the form starts from it. */
  @property({ attribute: false }) envelope: Envelope = { totalCents: 0, shares: [] };

  @state() private draft: EnvelopeDraft = { total: '', shares: [emptyShare()] };
  @state() private errors: Record<string, string> = {};
  @state() private problem: FormProblem | null = null;
  @state() private isSaving = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.draft = draftOf(this.envelope);
  }

  /** Puts focus on the first field (when the form opens). */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('#envelope-total')?.focus();
  }

  override render(): TemplateResult {
    return html`<form class="form budget-envelope-form" novalidate aria-labelledby="envelope-form-title" @submit=${this.handleSubmit}>
      <h2 id="envelope-form-title">${msg('Modifier l’enveloppe', { id: 'budget.envelope.edit' })}</h2>
      ${renderFormProblem(this.problem, 'envelope-form-problem')}
      ${this.amountField({
        id: 'envelope-total',
        key: 'totalCents',
        label: msg('Total du programme (en euros)', { id: 'budget.envelope.total' }),
        hint: msg('Par exemple 33 816 491 ou 33 816 491,50. La somme des parts doit être égale à ce total.', { id: 'budget.envelope.totalHint' }),
        value: this.draft.total,
        onInput: (value) => (this.draft = { ...this.draft, total: value }),
      })}
      <fieldset class="field budget-envelope-form__shares" aria-describedby=${this.errors['shares'] === undefined ? nothing : 'envelope-shares-error'}>
        <legend>${msg('Parts des financeurs', { id: 'budget.envelope.shares' })}</legend>
        ${this.errors['shares'] === undefined ? nothing : html`<p id="envelope-shares-error" class="field-error">${this.errors['shares']}</p>`}
        <ol class="budget-envelope-form__list">
          ${this.draft.shares.map((share, index) => this.renderShare(share, index))}
        </ol>
        <p class="budget-envelope-form__sum">${this.describeSum()}</p>
        <p>
          <button type="button" class="budget-envelope-form__add" ?disabled=${this.draft.shares.length >= maxEnvelopeShares} @click=${this.addShare}>
            ${msg('Ajouter un financeur', { id: 'budget.envelope.add' })}
          </button>
        </p>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isSaving}>${msg('Enregistrer l’enveloppe', { id: 'budget.envelope.save' })}</button>
        <button type="button" @click=${this.cancel}>${msg('Annuler', { id: 'common.cancel' })}</button>
        ${this.isSaving ? html`<span role="status">${msg('Enregistrement…', { id: 'budget.envelope.saving' })}</span>` : nothing}
      </div>
    </form>`;
  }

  private renderShare(share: ShareDraft, index: number): TemplateResult {
    const number = index + 1;
    const funderId = `envelope-funder-${share.key}`;
    const funderError = this.errors[`shares.${index}.funder`];
    const name = share.funder.trim() === '' ? msg(str`financeur ${number}`, { id: 'budget.envelope.funderN' }) : share.funder.trim();
    return html`<li class="budget-envelope-form__share">
      <div class="field">
        <label for=${funderId}>${msg(str`Financeur ${number}`, { id: 'budget.envelope.funder' })}</label>
        <input
          id=${funderId}
          name="funder"
          autocomplete="off"
          maxlength="160"
          aria-invalid=${String(funderError !== undefined)}
          aria-describedby=${describedBy(funderId, undefined, funderError)}
          .value=${share.funder}
          @input=${(event: Event) => this.updateShare(index, { funder: controlValue(event) })}
        />
        ${fieldNotes(funderId, undefined, funderError)}
      </div>
      ${this.amountField({
        id: `envelope-amount-${share.key}`,
        key: `shares.${index}.amountCents`,
        // Seen as "Part (en euros)" beside its funder; heard as "Part du financeur 2 (en euros)".
        label: html`${msg('Part', { id: 'budget.envelope.amountShort' })}<span class="visually-hidden"> ${msg(str`du financeur ${number}`, { id: 'budget.envelope.amountOf' })}</span>
          ${msg('(en euros)', { id: 'budget.envelope.inEuros' })}`,
        value: share.amount,
        onInput: (value) => this.updateShare(index, { amount: value }),
      })}
      <button type="button" class="budget-envelope-form__remove" ?disabled=${this.draft.shares.length === 1} @click=${() => this.removeShare(index)}>
        ${msg('Retirer', { id: 'budget.envelope.remove' })}<span class="visually-hidden"> ${name}</span>
      </button>
    </li>`;
  }

  private amountField(field: { id: string; key: string; label: string | TemplateResult; hint?: string; value: string; onInput: (value: string) => void }): TemplateResult {
    const error = this.errors[field.key];
    return html`<div class="field">
      <label for=${field.id}>${field.label}</label>
      <input
        id=${field.id}
        name=${field.key}
        inputmode="decimal"
        autocomplete="off"
        class="number"
        aria-invalid=${String(error !== undefined)}
        aria-describedby=${describedBy(field.id, field.hint, error)}
        .value=${field.value}
        @input=${(event: Event) => field.onInput(controlValue(event))}
      />
      ${fieldNotes(field.id, field.hint, error)}
    </div>`;
  }

  /** The running sum of the shares against the total, so the gap shows before saving. */
  private describeSum(): string {
    const amounts = this.draft.shares.map((share) => parseEurosInput(share.amount));
    const total = parseEurosInput(this.draft.total);
    if (!total.ok || amounts.some((amount) => !amount.ok)) return msg('La somme des parts s’affiche ici une fois les montants saisis.', { id: 'budget.envelope.sumPending' });
    const sum = amounts.reduce((cents, amount) => cents + (amount.ok ? amount.cents : 0), 0);
    const [sumText, gap] = [formatExactEuros(sum), formatExactEuros(Math.abs(total.cents - sum))];
    if (sum === total.cents) return msg(str`Somme des parts : ${sumText}, égale au total.`, { id: 'budget.envelope.sumEqual' });
    return sum < total.cents
      ? msg(str`Somme des parts : ${sumText}, il reste ${gap} à répartir.`, { id: 'budget.envelope.sumBelow' })
      : msg(str`Somme des parts : ${sumText}, soit ${gap} de plus que le total.`, { id: 'budget.envelope.sumAbove' });
  }

  private updateShare(index: number, patch: Partial<ShareDraft>): void {
    this.draft = { ...this.draft, shares: this.draft.shares.map((share, i) => (i === index ? { ...share, ...patch } : share)) };
  }

  private readonly addShare = async (): Promise<void> => {
    const share = emptyShare();
    this.draft = { ...this.draft, shares: [...this.draft.shares, share] };
    this.errors = {};
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#envelope-funder-${share.key}`)?.focus();
  };

  private async removeShare(index: number): Promise<void> {
    const shares = this.draft.shares.filter((_, i) => i !== index);
    this.draft = { ...this.draft, shares };
    // Messages are keyed by position: after a removal they would point at the wrong lines.
    this.errors = {};
    await this.updateComplete;
    const neighbour = shares[Math.min(index, shares.length - 1)];
    this.querySelector<HTMLInputElement>(neighbour === undefined ? '.budget-envelope-form__add' : `#envelope-funder-${neighbour.key}`)?.focus();
  }

  private readonly cancel = (): void => {
    this.dispatchEvent(new CustomEvent('trame-envelope-close', { detail: { saved: false }, bubbles: true, composed: true }));
  };

  private readonly handleSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.isSaving) return;
    this.problem = null;
    const reading = readEnvelopeDraft(this.draft);
    if (!reading.ok) {
      this.errors = reading.fields;
      await this.updateComplete;
      focusFirstInvalid(this);
      return;
    }
    this.errors = {};
    this.isSaving = true;
    try {
      await saveEnvelope(this.workspaceId, reading.envelope);
      this.dispatchEvent(new CustomEvent('trame-envelope-close', { detail: { saved: true }, bubbles: true, composed: true }));
    } catch (error) {
      this.problem = formProblem(error);
      this.errors = this.problem.fields;
      await this.updateComplete;
      if (Object.keys(this.errors).some((key) => key !== '_')) focusFirstInvalid(this);
      else this.querySelector<HTMLElement>('#envelope-form-problem')?.focus();
    } finally {
      this.isSaving = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-envelope-form': EnvelopeForm;
  }
  interface GlobalEventHandlersEventMap {
    /** The envelope form closed: saved, or cancelled. */
    'trame-envelope-close': CustomEvent<{ saved: boolean }>;
  }
}
