/**
 * Form fields for the light-DOM pages: a visible label, an optional hint, and the error right
 * below the field, both tied to it with `aria-describedby` so that screen readers read them when
 * the field gets focus. Errors come from the client's checks or from the server's `fields`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { controlValue } from './dom';

/** One text-like field. */
export interface TextFieldInput {
  /** Unique in the page: the input's id, and the prefix of its hint and error ids. */
  id: string;
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'email' | 'password' | 'search';
  autocomplete?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  maxlength?: number;
  onInput: (value: string) => void;
}

/** The ids an input is described by (hint, then error). */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | typeof nothing {
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter((value) => value !== null);
  return ids.length === 0 ? nothing : ids.join(' ');
}

/** Renders the hint and error paragraphs of a field. */
export function fieldNotes(id: string, hint: string | undefined, error: string | undefined): TemplateResult {
  return html`${hint === undefined ? nothing : html`<p id="${id}-hint" class="hint">${hint}</p>`}
  ${error === undefined ? nothing : html`<p id="${id}-error" class="field-error">${error}</p>`}`;
}

/** A labelled input with its hint and error. */
export function textField(field: TextFieldInput): TemplateResult {
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    <input
      id=${field.id}
      name=${field.name}
      type=${field.type ?? 'text'}
      autocomplete=${field.autocomplete ?? 'off'}
      maxlength=${field.maxlength ?? nothing}
      ?required=${field.required ?? false}
      aria-invalid=${String(field.error !== undefined)}
      aria-describedby=${describedBy(field.id, field.hint, field.error)}
      .value=${live(field.value)}
      @input=${(event: Event) => field.onInput(controlValue(event))}
    />
    ${fieldNotes(field.id, field.hint, field.error)}
  </div>`;
}

/** Moves focus to the first field marked invalid inside `root` (after a refused submit). */
export function focusFirstInvalid(root: ParentNode): void {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
