/**
 * `<trame-invitation-sign-up>`: the account an invitation creates: a name and a password typed
 * twice (the email is the invitation's). Checks locally first, then shows the server's field
 * messages next to their fields.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { trameEvent } from '../events';
import { focusFirstInvalid, textField } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { checkNewPassword, newPasswordHint } from './password-rules';

/** The sign-up form; dispatches `trame-sign-up` with the name and password. */
@customElement('trame-invitation-sign-up')
export class InvitationSignUp extends LightPage {
  /** The invited email (shown, not editable). */
  @property() email = '';
  /** True while the parent sends the form. */
  @property({ type: Boolean }) busy = false;
  /** Field messages from the server's refusal. */
  @property({ attribute: false }) serverErrors: Record<string, string> = {};

  @state() private displayName = '';
  @state() private password = '';
  @state() private confirmation = '';
  @state() private errors: Record<string, string> = {};

  override render(): TemplateResult {
    const errors = { ...this.serverErrors, ...this.errors };
    return html`<form class="card form" novalidate aria-labelledby="sign-up-title" aria-busy=${String(this.busy)} @submit=${this.handleSubmit}>
      <h2 id="sign-up-title">${msg('Créez votre compte', { id: 'signUp.title' })}</h2>
      <input type="email" name="email" autocomplete="username" .value=${this.email} hidden />
      ${textField({ id: 'sign-up-name', name: 'displayName', autocomplete: 'name', label: msg('Votre nom', { id: 'field.displayName' }),
        hint: msg('Tel que les autres le verront, par exemple « Hélène Garnier ».', { id: 'field.displayName.hint' }),
        value: this.displayName, error: errors['displayName'], required: true, maxlength: 80, onInput: (value) => (this.displayName = value) })}
      ${textField({ id: 'sign-up-password', name: 'password', type: 'password', autocomplete: 'new-password', label: msg('Mot de passe', { id: 'field.password' }),
        hint: newPasswordHint(), value: this.password, error: errors['password'], required: true, onInput: (value) => (this.password = value) })}
      ${textField({ id: 'sign-up-confirmation', name: 'confirmation', type: 'password', autocomplete: 'new-password', label: msg('Mot de passe, une seconde fois', { id: 'field.passwordAgain' }),
        value: this.confirmation, error: errors['confirmation'], required: true, onInput: (value) => (this.confirmation = value) })}
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Créer mon compte et rejoindre l’espace', { id: 'signUp.submit' })}</button>
        ${this.busy ? html`<span role="status">${msg('Création du compte…', { id: 'setup.submitting' })}</span>` : nothing}
      </div>
    </form>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.errors = checkNewPassword(this.password, this.confirmation);
    if (this.displayName.trim() === '') this.errors = { ...this.errors, displayName: msg('Indiquez votre nom.', { id: 'field.displayName.missing' }) };
    if (Object.keys(this.errors).length > 0) {
      await this.updateComplete;
      return focusFirstInvalid(this);
    }
    this.dispatchEvent(trameEvent('trame-sign-up', { displayName: this.displayName.trim(), password: this.password }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-invitation-sign-up': InvitationSignUp;
  }
}
