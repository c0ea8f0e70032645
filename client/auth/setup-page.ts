/**
 * `<trame-setup-page>`: the first start of a real installation. The one-time link printed by the
 * server (`/installation#<secret>`, the secret in the fragment so it never reaches a log) opens
 * this form, which creates the coordination account and opens Trame.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { completeSetup } from '../api/session';
import { trameEvent } from '../events';
import { focusFirstInvalid, textField } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';
import { checkNewPassword, newPasswordHint } from './password-rules';

/** The setup form; dispatches `trame-signed-in`. */
@customElement('trame-setup-page')
export class SetupPage extends LightPage {
  @state() private email = '';
  @state() private displayName = '';
  @state() private password = '';
  @state() private confirmation = '';
  @state() private errors: Record<string, string> = {};
  @state() private problem: FormProblem | null = null;
  @state() private isSubmitting = false;

  override render(): TemplateResult {
    const secret = location.hash.slice(1);
    return html`<div class="page page--narrow">
      <h1>${msg('Installer Trame', { id: 'setup.title' })}</h1>
      <p class="lead">${msg('Créez le compte de la coordination : c’est lui qui invitera les structures et les personnes. Ce lien ne sert qu’une fois.', { id: 'setup.intro' })}</p>
      ${secret === ''
        ? html`<div class="notice notice--error" role="alert">
            <p>${msg('Ce lien d’installation est incomplet. Copiez-le en entier depuis le message affiché au démarrage du serveur (il se termine par « #… »).', { id: 'setup.noSecret' })}</p>
          </div>`
        : this.renderForm(secret)}
    </div>`;
  }

  private renderForm(secret: string): TemplateResult {
    return html`${renderFormProblem(this.problem, 'setup-problem')}
      <form class="card form" novalidate aria-busy=${String(this.isSubmitting)} @submit=${(event: SubmitEvent) => this.handleSubmit(event, secret)}>
        ${textField({ id: 'setup-email', name: 'email', type: 'email', autocomplete: 'username', label: msg('Adresse e-mail', { id: 'field.email' }),
          value: this.email, error: this.errors['email'], required: true, onInput: (value) => (this.email = value) })}
        ${textField({ id: 'setup-name', name: 'displayName', autocomplete: 'name', label: msg('Votre nom', { id: 'field.displayName' }),
          hint: msg('Tel que les autres le verront, par exemple « Hélène Garnier ».', { id: 'field.displayName.hint' }),
          value: this.displayName, error: this.errors['displayName'], required: true, maxlength: 80, onInput: (value) => (this.displayName = value) })}
        ${textField({ id: 'setup-password', name: 'password', type: 'password', autocomplete: 'new-password', label: msg('Mot de passe', { id: 'field.password' }),
          hint: newPasswordHint(), value: this.password, error: this.errors['password'], required: true, onInput: (value) => (this.password = value) })}
        ${textField({ id: 'setup-confirmation', name: 'confirmation', type: 'password', autocomplete: 'new-password', label: msg('Mot de passe, une seconde fois', { id: 'field.passwordAgain' }),
          value: this.confirmation, error: this.errors['confirmation'], required: true, onInput: (value) => (this.confirmation = value) })}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this.isSubmitting}>${msg('Créer le compte et ouvrir Trame', { id: 'setup.submit' })}</button>
          ${this.isSubmitting ? html`<span role="status">${msg('Création du compte…', { id: 'setup.submitting' })}</span>` : nothing}
        </div>
      </form>`;
  }

  private async handleSubmit(event: SubmitEvent, secret: string): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    this.problem = null;
    this.errors = checkNewPassword(this.password, this.confirmation);
    if (this.email.trim() === '') this.errors = { ...this.errors, email: msg('Indiquez votre adresse e-mail.', { id: 'signIn.error.emailMissing' }) };
    if (this.displayName.trim() === '') this.errors = { ...this.errors, displayName: msg('Indiquez votre nom.', { id: 'field.displayName.missing' }) };
    if (Object.keys(this.errors).length > 0) {
      await this.updateComplete;
      return focusFirstInvalid(this);
    }
    this.isSubmitting = true;
    try {
      const me = await completeSetup({ secret, email: this.email.trim(), displayName: this.displayName.trim(), password: this.password });
      this.dispatchEvent(trameEvent('trame-signed-in', { me, returnTo: '/' }));
    } catch (error) {
      const problem = formProblem(error);
      this.errors = problem.fields;
      this.problem = problem;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#setup-problem')?.focus();
    } finally {
      this.isSubmitting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-setup-page': SetupPage;
  }
}
