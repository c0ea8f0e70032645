/** `<trame-password-form>`: changes the password (current, then new twice); every other session ends. */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changePassword } from '../api/session';
import { checkNewPassword, newPasswordHint } from '../auth/password-rules';
import { trameEvent } from '../events';
import { focusFirstInvalid, textField } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';

/** The password form; dispatches `trame-sessions-change` once the others are ended. */
@customElement('trame-password-form')
export class PasswordForm extends LightPage {
  @state() private current = '';
  @state() private password = '';
  @state() private confirmation = '';
  @state() private errors: Record<string, string> = {};
  @state() private problem: FormProblem | null = null;
  @state() private done = '';
  @state() private isSaving = false;

  override render(): TemplateResult {
    return html`<form class="form" novalidate @submit=${this.handleSubmit}>
      ${renderFormProblem(this.problem, 'password-problem')}
      <input type="text" name="username" autocomplete="username" hidden />
      ${textField({ id: 'password-current', name: 'currentPassword', type: 'password', autocomplete: 'current-password', label: msg('Mot de passe actuel', { id: 'account.password.current' }),
        value: this.current, error: this.errors['currentPassword'], required: true, onInput: (value) => (this.current = value) })}
      ${textField({ id: 'password-new', name: 'newPassword', type: 'password', autocomplete: 'new-password', label: msg('Nouveau mot de passe', { id: 'account.password.new' }),
        hint: newPasswordHint(), value: this.password, error: this.errors['newPassword'], required: true, onInput: (value) => (this.password = value) })}
      ${textField({ id: 'password-confirmation', name: 'confirmation', type: 'password', autocomplete: 'new-password', label: msg('Nouveau mot de passe, une seconde fois', { id: 'account.password.again' }),
        value: this.confirmation, error: this.errors['confirmation'], required: true, onInput: (value) => (this.confirmation = value) })}
      <p class="hint">${msg('Changer de mot de passe termine vos sessions sur les autres appareils.', { id: 'account.password.note' })}</p>
      <div class="form-actions">
        <button type="submit" ?disabled=${this.isSaving}>${msg('Changer le mot de passe', { id: 'account.password.submit' })}</button>
        <span role="status">${this.done}</span>
      </div>
    </form>`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.problem = null;
    this.done = '';
    this.errors = checkNewPassword(this.password, this.confirmation, { password: 'newPassword', confirmation: 'confirmation' });
    if (this.current === '') this.errors = { ...this.errors, currentPassword: msg('Indiquez votre mot de passe actuel.', { id: 'account.password.currentMissing' }) };
    if (Object.keys(this.errors).length > 0) {
      await this.updateComplete;
      return focusFirstInvalid(this);
    }
    this.isSaving = true;
    try {
      await changePassword(this.current, this.password);
      this.current = this.password = this.confirmation = '';
      this.done = msg('Mot de passe changé. Vos sessions sur les autres appareils sont terminées.', { id: 'account.password.done' });
      this.dispatchEvent(trameEvent('trame-sessions-change', null));
    } catch (error) {
      this.problem = formProblem(error);
      this.errors = this.problem.fields;
      await this.updateComplete;
      focusFirstInvalid(this);
    } finally {
      this.isSaving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-password-form': PasswordForm;
  }
}
