/**
 * `<trame-version-form>`: the coordination names the current state of the contract ("Version
 * soumise au comité de pilotage du 14 mars"), with a comment, and may mark it as the adopted
 * version, which freezes the contract for everyone until a new draft is opened. Checked with the
 * shared `versionInputSchema` before sending (messages at the fields); an adoption the server
 * refuses (409) lists its reasons, so the coordination knows what to fix first.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { maxVersionCommentLength, maxVersionNameLength, versionInputSchema, type VersionView } from '../../shared/schemas/versions';
import { ProblemError, describeDetail, describeError, fieldErrors } from '../api/fetch-json';
import { controlChecked, controlValue } from '../ui/dom';
import { describedBy, fieldNotes, focusFirstInvalid, textField } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { createVersion } from './versions-api';

interface Refusal {
  title: string;
  detail: string | null;
  reasons: string[];
}

/** The "Nommer une version" form. */
@customElement('trame-version-form')
export class VersionForm extends LightPage {
  /** The workspace whose contract is named. */
  @property({ attribute: false }) workspaceId = '';
  /** Called with the new version once the server has stored it. */
  @property({ attribute: false }) onCreated: (version: VersionView) => void = () => undefined;

  @state() private name = '';
  @state() private comment = '';
  @state() private adopt = false;
  @state() private fields: Record<string, string> = {};
  @state() private refusal: Refusal | null = null;
  @state() private isSending = false;

  override render(): TemplateResult {
    return html`<section class="card version-form" aria-labelledby="version-form-title">
      <h2 id="version-form-title">${msg('Nommer une version', { id: 'versions.form.title' })}</h2>
      <p class="hint">
        ${msg('Une version nommée garde le texte et le programme tels qu’ils sont à cet instant, pour toujours : vous pourrez la relire, la comparer, l’exporter ou la restaurer.', { id: 'versions.form.intro' })}
      </p>
      ${this.renderRefusal()}
      <form class="form" novalidate @submit=${(event: SubmitEvent) => void this.submit(event)}>
        ${textField({
          id: 'version-name',
          name: 'name',
          label: msg('Nom de la version', { id: 'versions.form.name' }),
          value: this.name,
          required: true,
          maxlength: maxVersionNameLength,
          hint: msg('Par exemple : « Version soumise au comité de pilotage du 14 mars ».', { id: 'versions.form.name.hint' }),
          error: this.fields['name'],
          onInput: (value) => (this.name = value),
        })}
        <div class="field">
          <label for="version-comment">${msg('Commentaire (facultatif)', { id: 'versions.form.comment' })}</label>
          <textarea
            id="version-comment"
            name="comment"
            rows="3"
            maxlength=${maxVersionCommentLength}
            aria-invalid=${String(this.fields['comment'] !== undefined)}
            aria-describedby=${describedBy('version-comment', undefined, this.fields['comment'])}
            .value=${live(this.comment)}
            @input=${(event: Event) => (this.comment = controlValue(event))}
          ></textarea>
          ${fieldNotes('version-comment', undefined, this.fields['comment'])}
        </div>
        <div class="field">
          <label class="check">
            <input type="checkbox" id="version-adopt" name="adopt" .checked=${live(this.adopt)} aria-describedby="version-adopt-hint" @change=${(event: Event) => (this.adopt = controlChecked(event))} />
            ${msg('C’est la version adoptée (le contrat sera figé)', { id: 'versions.form.adopt' })}
          </label>
          <p class="hint" id="version-adopt-hint">
            ${msg('Cochez seulement pour le programme adopté par les instances. Trame vérifie d’abord que le budget des fiches correspond à l’enveloppe ; ensuite plus personne ne peut modifier le contrat, ni le texte ni les fiches, jusqu’à ce que la coordination ouvre un nouveau brouillon.', { id: 'versions.form.adopt.hint' })}
          </p>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this.isSending}>
            ${this.isSending
              ? msg('Enregistrement…', { id: 'versions.form.sending' })
              : this.adopt
                ? msg('Adopter et figer le contrat', { id: 'versions.form.submitAdopt' })
                : msg('Nommer la version', { id: 'versions.form.submit' })}
          </button>
        </div>
      </form>
    </section>`;
  }

  private renderRefusal(): TemplateResult | typeof nothing {
    const refusal = this.refusal;
    if (refusal === null) return nothing;
    return html`<div class="notice notice--error" role="alert" id="version-form-problem" tabindex="-1">
      <p class="notice__title">${refusal.reasons.length > 0 ? msg('Le programme ne peut pas encore être adopté :', { id: 'versions.form.refused' }) : refusal.title}</p>
      ${refusal.reasons.length > 0 ? html`<ul class="version-form__reasons">${refusal.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : nothing}
      ${refusal.detail === null ? nothing : html`<p>${refusal.detail}</p>`}
    </div>`;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.refusal = null;
    const parsed = versionInputSchema.safeParse({ name: this.name, comment: this.comment, adopt: this.adopt });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'name'] ??= issue.message;
      this.fields = fields;
      await this.updateComplete;
      focusFirstInvalid(this);
      return;
    }
    this.fields = {};
    this.isSending = true;
    try {
      const created = await createVersion(this.workspaceId, parsed.data);
      this.name = '';
      this.comment = '';
      this.adopt = false;
      this.onCreated(created);
    } catch (error) {
      const reasons = error instanceof ProblemError && Array.isArray(error.body['reasons']) ? error.body['reasons'].filter((reason): reason is string => typeof reason === 'string') : [];
      this.fields = fieldErrors(error);
      this.refusal = { title: describeError(error), detail: describeDetail(error), reasons };
      await this.updateComplete;
      this.querySelector<HTMLElement>('#version-form-problem')?.focus();
    } finally {
      this.isSending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-version-form': VersionForm;
  }
}
