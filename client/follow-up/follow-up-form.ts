/**
 * What every follow-up form shares: it checks its input with the shared zod schema before sending
 * (the same schema the server applies), shows each message at its field, shows the server's
 * refusal above the form (focused, so keyboard and screen-reader users land on it), keeps what was
 * typed when anything fails, and says "Enregistré" in a live region when the server accepts.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { z } from 'zod';
import { live } from 'lit/directives/live.js';
import { controlValue } from '../ui/dom';
import { describedBy, fieldNotes, focusFirstInvalid } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';

/** Field messages keyed by dotted path, from a zod error (as the server's `fields`). */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}

/** Base of the follow-up forms of one action sheet. */
export class FollowUpForm extends LightPage {
  /** The workspace and the action sheet followed. */
  @property({ attribute: false }) workspaceId = '';
  @property({ attribute: false }) sheetId = '';
  /** Called after the server accepted a change (the page reloads the follow-up). */
  @property({ attribute: false }) onSaved: () => void = () => undefined;

  @state() protected errors: Record<string, string> = {};
  @state() protected problem: FormProblem | null = null;
  @state() protected isSaving = false;
  @state() protected saved = '';

  /** Checks `value` with `schema`; on failure shows the messages at the fields and returns undefined. */
  protected check<S extends z.ZodType>(schema: S, value: unknown, extraErrors: Record<string, string> = {}): z.infer<S> | undefined {
    const parsed = schema.safeParse(value);
    const errors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...extraErrors };
    this.errors = errors;
    this.problem = null;
    if (parsed.success && Object.keys(errors).length === 0) return parsed.data;
    void this.updateComplete.then(() => focusFirstInvalid(this));
    return undefined;
  }

  /** Sends a change; returns true when the server accepted it. */
  protected async send(request: () => Promise<unknown>): Promise<boolean> {
    this.isSaving = true;
    this.saved = '';
    try {
      await request();
      this.problem = null;
      this.errors = {};
      this.saved = msg('Enregistré.', { id: 'followUp.saved' });
      this.onSaved();
      return true;
    } catch (error) {
      const problem = formProblem(error);
      this.problem = problem;
      this.errors = problem.fields;
      await this.updateComplete;
      this.querySelector<HTMLElement>('.notice--error')?.focus();
      return false;
    } finally {
      this.isSaving = false;
    }
  }

  /** The server's refusal (above the form) and the live confirmation. */
  protected renderStatus(id: string): TemplateResult {
    return html`${renderFormProblem(this.problem, `${id}-problem`)}
      <p class="follow-up-saved" role="status">${this.saved === '' ? nothing : this.saved}</p>`;
  }

  /** The error of a field, for `aria-describedby` and the message below it. */
  protected error(field: string): string | undefined {
    return this.errors[field];
  }
}

/** One labelled control of a follow-up form. */
export interface ControlInput {
  /** Unique in the page: the control's id, and the prefix of its hint and error ids. */
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  onInput: (value: string) => void;
}

/** A labelled input (text, date, or a number typed the French way with a decimal keyboard). */
export function inputField(field: ControlInput & { type?: 'text' | 'date'; inputmode?: 'decimal' | 'numeric' }): TemplateResult {
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    <input
      id=${field.id}
      type=${field.type ?? 'text'}
      inputmode=${field.inputmode ?? nothing}
      autocomplete="off"
      ?required=${field.required ?? false}
      aria-invalid=${String(field.error !== undefined)}
      aria-describedby=${describedBy(field.id, field.hint, field.error)}
      .value=${live(field.value)}
      @input=${(event: Event) => field.onInput(controlValue(event))}
    />
    ${fieldNotes(field.id, field.hint, field.error)}
  </div>`;
}

/** A labelled multi-line text. */
export function textAreaField(field: ControlInput & { rows?: number }): TemplateResult {
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    <textarea
      id=${field.id}
      rows=${field.rows ?? 4}
      ?required=${field.required ?? false}
      aria-invalid=${String(field.error !== undefined)}
      aria-describedby=${describedBy(field.id, field.hint, field.error)}
      .value=${live(field.value)}
      @input=${(event: Event) => field.onInput(controlValue(event))}
    ></textarea>
    ${fieldNotes(field.id, field.hint, field.error)}
  </div>`;
}

/**
 * A labelled choice among a few options. `selected` sets the first rendering (the options do not
 * exist yet when `.value` is first set); `.value` follows later changes, even after people chose.
 */
export function selectField(field: ControlInput & { options: { value: string; label: string }[] }): TemplateResult {
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    <select
      id=${field.id}
      aria-invalid=${String(field.error !== undefined)}
      aria-describedby=${describedBy(field.id, field.hint, field.error)}
      .value=${live(field.value)}
      @change=${(event: Event) => field.onInput(controlValue(event))}
    >
      ${field.options.map((option) => html`<option value=${option.value} ?selected=${option.value === field.value}>${option.label}</option>`)}
    </select>
    ${fieldNotes(field.id, field.hint, field.error)}
  </div>`;
}
