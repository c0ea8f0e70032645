/**
 * `<trame-round-controls>`: what the animation and the coordination do with a round — remind the
 * representatives who have not answered, close it early (after a confirmation), and once it is
 * closed, record its outcome with a note (the consent's suggestion is preselected).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { maxNoteLength, outcomeDecisions, outcomeInputSchema, type OutcomeDecision, type RoundView } from '../../shared/schemas/rounds';
import { isOver } from '../../shared/rounds/tally';
import { describeError } from '../api/fetch-json';
import { controlValue } from '../ui/dom';
import { describedBy, fieldNotes } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { closeRound, recordOutcome, sendReminder } from './rounds-api';
import { deadlineWords, outcomeWords, suggestionWords } from './round-words';

@customElement('trame-round-controls')
export class RoundControls extends LightPage {
  @property({ attribute: false }) workspaceId = '';
  @property({ attribute: false }) round: RoundView | null = null;
  @property({ attribute: false }) now = new Date();
  @property({ attribute: false }) onSaved: (round: RoundView) => void = () => undefined;

  @state() private isConfirmingClose = false;
  @state() private decision: OutcomeDecision | null = null;
  @state() private note = '';
  @state() private problem: string | null = null;
  @state() private done: string | null = null;
  @state() private isBusy = false;

  private async run(action: () => Promise<RoundView>, success: (round: RoundView) => string): Promise<void> {
    this.problem = null;
    this.done = null;
    this.isBusy = true;
    try {
      const round = await action();
      this.done = success(round);
      this.isConfirmingClose = false;
      this.onSaved(round);
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.isBusy = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const round = this.round;
    if (round === null) return nothing;
    const over = isOver(round, this.now);
    const lastReminder = round.reminders.at(-1);
    return html`<div class="round-controls">
      ${this.done === null ? nothing : html`<p class="notice notice--success" role="status">${this.done}</p>`}
      ${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
      ${over && round.outcome !== null ? nothing : html`<p class="hint">${suggestionWords(round.tally)}</p>`}
      ${over ? this.renderOutcome(round) : html`<div class="round-controls__actions">
            <button type="button" class="big" ?disabled=${this.isBusy || round.tally.waiting.length === 0}
              @click=${() => void this.run(() => sendReminder(this.workspaceId, round.id), (updated) => msg(str`Rappel envoyé à ${updated.reminders.at(-1)?.count ?? 0} représentant·es.`, { id: 'rounds.remind.done' }))}>
              ${msg('Relancer les structures qui n’ont pas répondu', { id: 'rounds.remind' })}
            </button>
            ${this.isConfirmingClose
              ? html`<div class="notice notice--warning round-controls__confirm">
                  <p>${msg('Clore le tour maintenant ? Plus aucune position ne pourra être donnée ni changée.', { id: 'rounds.close.confirm' })}</p>
                  <p>
                    <button type="button" class="danger big" ?disabled=${this.isBusy} @click=${() => void this.run(() => closeRound(this.workspaceId, round.id), () => msg('Tour de décision clos.', { id: 'rounds.close.done' }))}>${msg('Oui, clore le tour', { id: 'rounds.close.yes' })}</button>
                    <button type="button" class="big" @click=${() => (this.isConfirmingClose = false)}>${msg('Annuler', { id: 'common.cancel' })}</button>
                  </p>
                </div>`
              : html`<button type="button" class="big" @click=${() => (this.isConfirmingClose = true)}>${msg('Clore le tour maintenant', { id: 'rounds.close' })}</button>`}
          </div>
          ${lastReminder === undefined ? nothing : html`<p class="hint">${msg(str`Dernier rappel : ${deadlineWords(lastReminder.at)} (${lastReminder.count} représentant·es).`, { id: 'rounds.remind.last' })}</p>`}`}
    </div>`;
  }

  private renderOutcome(round: RoundView): TemplateResult {
    if (round.outcome !== null) return html``;
    const decision = this.decision ?? round.tally.suggestedOutcome ?? 'not-adopted';
    return html`<form class="form round-outcome-form" novalidate @submit=${(event: Event) => {
      event.preventDefault();
      const parsed = outcomeInputSchema.safeParse({ decision, note: this.note });
      if (!parsed.success) return void (this.problem = parsed.error.issues[0]?.message ?? null);
      void this.run(() => recordOutcome(this.workspaceId, round.id, parsed.data), () => msg('Issue enregistrée.', { id: 'rounds.outcome.done' }));
    }}>
      <fieldset class="field">
        <legend>${msg('Issue du tour', { id: 'rounds.outcome.legend' })}</legend>
        <div class="round-choices">
          ${outcomeDecisions.map(
            (value) => html`<label class="round-choice">
              <input type="radio" name="decision" .value=${value} .checked=${decision === value} @change=${() => (this.decision = value)} />
              <span>${outcomeWords(value)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="round-note">${msg('Note (ce qui a été décidé, la suite)', { id: 'rounds.outcome.note' })}</label>
        <textarea id="round-note" name="note" rows="3" maxlength=${maxNoteLength} aria-describedby=${describedBy('round-note', undefined, undefined)} .value=${this.note} @input=${(event: Event) => (this.note = controlValue(event))}></textarea>
        ${fieldNotes('round-note', undefined, undefined)}
      </div>
      <p><button type="submit" class="primary big" ?disabled=${this.isBusy}>${msg('Enregistrer l’issue', { id: 'rounds.outcome.submit' })}</button></p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-round-controls': RoundControls;
  }
}
