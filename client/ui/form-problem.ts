/**
 * A refused form, as shown above it: the server's French title and detail in an alert (focused
 * so that keyboard and screen-reader users land on it), while field messages go next to fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { describeDetail, describeError, fieldErrors } from '../api/fetch-json';

/** What went wrong with a submit. */
export interface FormProblem {
  title: string;
  detail: string | null;
  fields: Record<string, string>;
}

/** Reads any failure as a form problem. */
export function formProblem(error: unknown): FormProblem {
  return { title: describeError(error), detail: describeDetail(error), fields: fieldErrors(error) };
}

/** The alert above a form, or nothing. */
export function renderFormProblem(problem: FormProblem | null, id: string): TemplateResult | typeof nothing {
  if (problem === null) return nothing;
  return html`<div class="notice notice--error" role="alert" id=${id} tabindex="-1">
    <p class="notice__title">${problem.title}</p>
    ${problem.detail === null ? nothing : html`<p>${problem.detail}</p>`}
  </div>`;
}
