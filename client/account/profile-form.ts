/** `<trame-profile-form>`: the name others see (beside cursors, in lists); the email is shown, not edited. */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../shared/schemas/people';
import { updateDisplayName } from '../api/session';
import { trameEvent } from '../events';
import { focusFirstInvalid, textField } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';

/** The profile form; dispatches `trame-me-change`. */
@customElement('trame-profile-form')
export class ProfileForm extends LightPage {
  /** Who is signed in. */
  @property({ attribute: false }) me: Me | null = null;

  @state() private displayName: string | null = null;
  @state() private error: string | undefined;
  @state() private problem: FormProblem | null = null;
  @state() private saved = '';
  @state() private isSaving = false;

  override render(): TemplateResult {
    const value = this.displayName ?? this.me?.displayName ?? '';
    return html`<form class="form" novalidate @submit=${this.handleSubmit}>
      ${renderFormProblem(this.problem, 'profile-problem')}
      <p><span class="field-label">${msg('Adresse e-mail :', { id: 'account.email' })}</span> ${this.me?.email ?? ''}</p>
      ${textField({ id: 'profile-name', name: 'displayName', autocomplete: 'name', label: msg('Votre nom', { id: 'field.displayName' }),
        hint: msg('Il s’affiche à côté de votre curseur et dans les listes.', { id: 'account.name.hint' }),
        value, error: this.error, required: true, maxlength: 80, onInput: (next) => (this.displayName = next) })}
      <div class="form-actions">
        <button type="submit" ?disabled=${this.isSaving}>${msg('Enregistrer le nom', { id: 'account.name.save' })}</button>
        <span role="status">${this.saved}</span>
      </div>
    </form>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const name = (this.displayName ?? this.me?.displayName ?? '').trim();
    this.problem = null;
    this.saved = '';
    this.error = name === '' ? msg('Indiquez votre nom.', { id: 'field.displayName.missing' }) : undefined;
    if (this.error !== undefined) {
      await this.updateComplete;
      return focusFirstInvalid(this);
    }
    this.isSaving = true;
    try {
      const me = await updateDisplayName(name);
      this.displayName = null;
      this.saved = msg('Nom enregistré : les autres le voient déjà.', { id: 'account.name.saved' });
      this.dispatchEvent(trameEvent('trame-me-change', me));
    } catch (error) {
      this.problem = formProblem(error);
      this.error = this.problem.fields['displayName'];
    } finally {
      this.isSaving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-profile-form': ProfileForm;
  }
}
