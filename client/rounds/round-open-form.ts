/**
 * `<trame-round-open-form>`: "Ouvrir un tour de décision", for the animation and the coordination.
 * What it is about (the whole contract, a section chosen among the contract's headings, an action
 * sheet, an amendment), the question, and the deadline as a date and a time. Checked with the
 * shared schema before sending (the server checks again); messages appear at their field.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { maxQuestionLength, roundOpenInputSchema, type RoundSubject, type RoundSubjectKind, type RoundView } from '../../shared/schemas/rounds';
import { describeError, fieldErrors } from '../api/fetch-json';
import { controlValue } from '../ui/dom';
import { describedBy, fieldNotes, focusFirstInvalid } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { openRound, type AmendmentChoice } from './rounds-api';

export interface Choice {
  value: string;
  label: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');
const localDay = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

@customElement('trame-round-open-form')
export class RoundOpenForm extends LightPage {
  @property({ attribute: false }) workspaceId = '';
  @property({ attribute: false }) sections: readonly string[] = [];
  @property({ attribute: false }) sheets: readonly Choice[] = [];
  @property({ attribute: false }) amendments: readonly AmendmentChoice[] = [];
  @property({ attribute: false }) onOpened: (round: RoundView) => void = () => undefined;

  @state() private kind: RoundSubjectKind = 'contract';
  @state() private target = '';
  @state() private question = '';
  // A week from now at 18:00, local time: a usual rhythm for a network's consultation.
  @state() private day = localDay(new Date(Date.now() + 7 * 86_400_000));
  @state() private time = '18:00';
  @state() private errors: Record<string, string> = {};
  @state() private problem: string | null = null;
  @state() private isBusy = false;

  private subject(): RoundSubject {
    switch (this.kind) {
      case 'contract': return { kind: 'contract' };
      case 'section': return { kind: 'section', title: this.target };
      case 'sheet': return { kind: 'sheet', sheetId: this.target };
      case 'amendment': return { kind: 'amendment', amendmentId: this.target };
    }
  }

  private deadline(): string {
    const date = new Date(`${this.day}T${this.time || '00:00'}`);
    return Number.isNaN(date.getTime()) ? '' : date.toISOString();
  }

  private targets(): Choice[] {
    switch (this.kind) {
      case 'section': return this.sections.map((title) => ({ value: title, label: title }));
      case 'sheet': return [...this.sheets];
      case 'amendment': return this.amendments.map((amendment) => ({ value: amendment.id, label: amendment.label }));
      case 'contract': return [];
    }
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.problem = null;
    const parsed = roundOpenInputSchema.safeParse({ subject: this.subject(), question: this.question, deadline: this.deadline() });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'subject' ? 'target' : String(issue.path[0] ?? '_');
        errors[key] ??= issue.message;
      }
      this.errors = errors;
      await this.updateComplete;
      focusFirstInvalid(this);
      return;
    }
    this.errors = {};
    this.isBusy = true;
    try {
      const round = await openRound(this.workspaceId, parsed.data);
      this.question = '';
      this.onOpened(round);
    } catch (error) {
      const fields = fieldErrors(error);
      this.errors = Object.fromEntries(Object.entries(fields).map(([key, message]) => [key.startsWith('subject') ? 'target' : key, message]));
      this.problem = describeError(error);
      await this.updateComplete;
      focusFirstInvalid(this);
    } finally {
      this.isBusy = false;
    }
  }

  override render(): TemplateResult {
    const kinds: Choice[] = [
      { value: 'contract', label: msg('Tout le contrat', { id: 'rounds.subject.contract' }) },
      { value: 'section', label: msg('Une section du contrat', { id: 'rounds.subject.kind.section' }) },
      { value: 'sheet', label: msg('Une fiche action', { id: 'rounds.subject.kind.sheet' }) },
      ...(this.amendments.length === 0 ? [] : [{ value: 'amendment', label: msg('Un amendement', { id: 'rounds.subject.kind.amendment' }) }]),
    ];
    const targets = this.targets();
    const deadlineError = this.errors['deadline'];
    return html`<form class="form round-open-form" novalidate @submit=${(event: Event) => void this.submit(event)}>
      <fieldset class="field">
        <legend>${msg('Sur quoi porte le tour ?', { id: 'rounds.open.subject' })}</legend>
        <div class="round-choices">
          ${kinds.map(
            (kind) => html`<label class="round-choice">
              <input type="radio" name="subject-kind" .value=${kind.value} .checked=${this.kind === kind.value} @change=${() => {
                this.kind = kind.value as RoundSubjectKind;
                this.target = '';
              }} />
              <span>${kind.label}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${this.kind === 'contract'
        ? nothing
        : html`<div class="field">
            <label for="round-target">${this.kind === 'section'
              ? msg('Section', { id: 'rounds.open.section' })
              : this.kind === 'sheet'
                ? msg('Fiche action', { id: 'rounds.open.sheet' })
                : msg('Amendement', { id: 'rounds.open.amendment' })}</label>
            <select id="round-target" name="target" aria-invalid=${String(this.errors['target'] !== undefined)} aria-describedby=${describedBy('round-target', undefined, this.errors['target'])} @change=${(event: Event) => (this.target = controlValue(event))}>
              <option value="" ?selected=${this.target === ''}>${msg('— Choisissez —', { id: 'rounds.open.choose' })}</option>
              ${targets.map((target) => html`<option .value=${target.value} ?selected=${this.target === target.value}>${target.label}</option>`)}
            </select>
            ${fieldNotes('round-target', undefined, this.errors['target'])}
          </div>`}
      <div class="field">
        <label for="round-question">${msg('Question posée aux structures', { id: 'rounds.open.question' })}</label>
        <textarea id="round-question" name="question" rows="3" maxlength=${maxQuestionLength} aria-invalid=${String(this.errors['question'] !== undefined)}
          aria-describedby=${describedBy('round-question', msg('Une question fermée, à laquelle chaque structure peut consentir ou objecter.', { id: 'rounds.open.question.hint' }), this.errors['question'])}
          .value=${this.question} @input=${(event: Event) => {
            this.question = controlValue(event);
            if (this.errors['question'] !== undefined) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([key]) => key !== 'question'));
          }}></textarea>
        ${fieldNotes('round-question', msg('Une question fermée, à laquelle chaque structure peut consentir ou objecter.', { id: 'rounds.open.question.hint' }), this.errors['question'])}
      </div>
      <fieldset class="field round-deadline">
        <legend>${msg('Date limite', { id: 'rounds.open.deadline' })}</legend>
        <div class="round-deadline__inputs">
          <div class="field">
            <label for="round-day">${msg('Jour', { id: 'rounds.open.day' })}</label>
            <input id="round-day" type="date" name="day" .value=${this.day} aria-invalid=${String(deadlineError !== undefined)} aria-describedby=${describedBy('round-deadline', undefined, deadlineError)} @input=${(event: Event) => (this.day = controlValue(event))} />
          </div>
          <div class="field">
            <label for="round-time">${msg('Heure', { id: 'rounds.open.time' })}</label>
            <input id="round-time" type="time" name="time" .value=${this.time} aria-invalid=${String(deadlineError !== undefined)} aria-describedby=${describedBy('round-deadline', undefined, deadlineError)} @input=${(event: Event) => (this.time = controlValue(event))} />
          </div>
        </div>
        ${fieldNotes('round-deadline', undefined, deadlineError)}
      </fieldset>
      ${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
      <p><button type="submit" class="primary big" ?disabled=${this.isBusy}>${this.isBusy ? msg('Ouverture…', { id: 'rounds.open.busy' }) : msg('Ouvrir le tour de décision', { id: 'rounds.open.submit' })}</button></p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-round-open-form': RoundOpenForm;
  }
}
