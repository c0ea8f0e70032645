/**
 * `<trame-round-vote-form>`: a representative gives their structure's position — four big radio
 * options with what each means, a reason (required for an objection, said so at the field), and
 * "Modifier ma position" once one is given, until the deadline. Checked with the shared schema
 * before sending; the server's refusals (closed round, not the representative) show as is.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { maxReasonLength, positionInputSchema, positionKinds, type PositionKind, type RoundPosition, type RoundView } from '../../shared/schemas/rounds';
import type { StructureView } from '../../shared/schemas/workspace';
import { describeError, fieldErrors } from '../api/fetch-json';
import { controlValue } from '../ui/dom';
import { describedBy, fieldNotes, focusFirstInvalid } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { givePosition } from './rounds-api';
import { positionHint, positionWords } from './round-words';

@customElement('trame-round-vote-form')
export class RoundVoteForm extends LightPage {
  @property({ attribute: false }) workspaceId = '';
  @property({ attribute: false }) round: RoundView | null = null;
  @property({ attribute: false }) structure: StructureView | null = null;
  /** More than one structure represented: the position says for which. */
  @property({ attribute: false }) isOneOfSeveral = false;
  @property({ attribute: false }) onSaved: (round: RoundView) => void = () => undefined;

  @state() private choice: PositionKind | null = null;
  @state() private reason = '';
  @state() private isEditing = false;
  @state() private errors: Record<string, string> = {};
  @state() private problem: string | null = null;
  @state() private saved: string | null = null;
  @state() private isBusy = false;

  private current(): RoundPosition | undefined {
    return this.round?.positions.find((position) => position.structureId === this.structure?.id);
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const round = this.round;
    const structure = this.structure;
    if (round === null || structure === null) return;
    this.problem = null;
    this.saved = null;
    const input = { position: this.choice ?? undefined, reason: this.reason, ...(this.isOneOfSeveral ? { structureId: structure.id } : {}) };
    const parsed = positionInputSchema.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= issue.message;
      this.errors = errors;
      await this.updateComplete;
      focusFirstInvalid(this);
      return;
    }
    this.errors = {};
    this.isBusy = true;
    try {
      const updated = await givePosition(this.workspaceId, round.id, parsed.data);
      this.isEditing = false;
      this.saved = msg(str`Position enregistrée : ${positionWords(parsed.data.position)}.`, { id: 'rounds.vote.saved' });
      this.onSaved(updated);
    } catch (error) {
      this.errors = fieldErrors(error);
      this.problem = describeError(error);
      await this.updateComplete;
      focusFirstInvalid(this);
    } finally {
      this.isBusy = false;
    }
  }

  private startEditing(current: RoundPosition): void {
    this.choice = current.position;
    this.reason = current.reason ?? '';
    this.saved = null;
    this.isEditing = true;
  }

  override render(): TemplateResult | typeof nothing {
    const structure = this.structure;
    if (this.round === null || structure === null) return nothing;
    const current = this.current();
    const status = this.saved === null ? nothing : html`<p class="notice notice--success" role="status">${this.saved}</p>`;
    if (current !== undefined && !this.isEditing) {
      return html`${status}<div class="round-current">
        <p>${msg(str`Position de ${structure.name} : `, { id: 'rounds.vote.current' })}<strong data-testid="my-position">${positionWords(current.position)}</strong></p>
        ${current.reason === null ? nothing : html`<p class="round-current__reason">${msg(str`Raison : ${current.reason}`, { id: 'rounds.vote.currentReason' })}</p>`}
        <p><button type="button" class="big" @click=${() => this.startEditing(current)}>${msg('Modifier ma position', { id: 'rounds.vote.change' })}</button></p>
      </div>`;
    }
    // Ids stay unique when a person represents several structures (one form each).
    const prefix = `round-option-${structure.id}`;
    const reasonHint = msg('Obligatoire pour une objection ; facultative sinon.', { id: 'rounds.vote.reason.hint' });
    return html`${status}<form class="form round-vote-form" novalidate @submit=${(event: Event) => void this.submit(event)}>
      <fieldset class="field" aria-describedby=${describedBy('round-position', undefined, this.errors['position'])}>
        <legend>${msg(str`Position de ${structure.name}`, { id: 'rounds.vote.legend' })}</legend>
        <div class="round-options">
          ${positionKinds.map(
            (kind) => html`<label class="round-option round-option--${kind}">
              <input type="radio" name="position" .value=${kind} .checked=${this.choice === kind} aria-invalid=${String(this.errors['position'] !== undefined)}
                aria-labelledby="${prefix}-${kind}-label" aria-describedby="${prefix}-${kind}-hint" @change=${() => (this.choice = kind)} />
              <span class="round-option__text">
                <span class="round-option__label" id="${prefix}-${kind}-label">${positionWords(kind)}</span>
                <span class="round-option__hint" id="${prefix}-${kind}-hint">${positionHint(kind)}</span>
              </span>
            </label>`,
          )}
        </div>
        ${fieldNotes('round-position', undefined, this.errors['position'])}
      </fieldset>
      <div class="field">
        <label for="round-reason">${this.choice === 'object' ? msg('Raison de l’objection (obligatoire)', { id: 'rounds.vote.reason.required' }) : msg('Raison', { id: 'rounds.vote.reason' })}</label>
        <textarea id="round-reason" name="reason" rows="4" maxlength=${maxReasonLength} ?required=${this.choice === 'object'}
          aria-invalid=${String(this.errors['reason'] !== undefined)} aria-describedby=${describedBy('round-reason', reasonHint, this.errors['reason'])}
          .value=${this.reason} @input=${(event: Event) => (this.reason = controlValue(event))}></textarea>
        ${fieldNotes('round-reason', reasonHint, this.errors['reason'])}
      </div>
      ${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
      <p class="round-vote-form__actions">
        <button type="submit" class="primary big" ?disabled=${this.isBusy}>${current === undefined ? msg('Donner ma position', { id: 'rounds.vote.submit' }) : msg('Enregistrer ma nouvelle position', { id: 'rounds.vote.resubmit' })}</button>
        ${this.isEditing ? html`<button type="button" class="big" @click=${() => (this.isEditing = false)}>${msg('Annuler', { id: 'common.cancel' })}</button>` : nothing}
      </p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-round-vote-form': RoundVoteForm;
  }
}
