/**
 * `<trame-sign-in-page>`: email and password. Says why the person is here (their session ended,
 * they signed out), shows the server's French refusals (wrong credentials, too many attempts with
 * when to retry) and, once signed in, hands over to the app, which returns to where they were going.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { signIn } from '../api/session';
import { trameEvent } from '../events';
import { returnPathFromSignIn } from '../routing/routes';
import { focusFirstInvalid, textField } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { LightPage } from '../ui/light-page';

/** The sign-in form; dispatches `trame-signed-in`. */
@customElement('trame-sign-in-page')
export class SignInPage extends LightPage {
  @state() private email = '';
  @state() private password = '';
  @state() private errors: Record<string, string> = {};
  @state() private problem: FormProblem | null = null;
  @state() private isSubmitting = false;

  override render(): TemplateResult {
    return html`<div class="page page--narrow">
      <h1>${msg('Connexion à Trame', { id: 'signIn.title' })}</h1>
      ${this.renderReason()}
      ${renderFormProblem(this.problem, 'sign-in-problem')}
      <form class="card form" novalidate @submit=${this.handleSubmit} aria-busy=${String(this.isSubmitting)}>
        ${textField({ id: 'sign-in-email', name: 'email', type: 'email', autocomplete: 'username', label: msg('Adresse e-mail', { id: 'field.email' }),
          value: this.email, error: this.errors['email'], required: true, onInput: (value) => (this.email = value) })}
        ${textField({ id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', label: msg('Mot de passe', { id: 'field.password' }),
          value: this.password, error: this.errors['password'], required: true, onInput: (value) => (this.password = value) })}
        <div class="form-actions">
          <button type="submit" class="primary" ?disabled=${this.isSubmitting}>${msg('Se connecter', { id: 'signIn.submit' })}</button>
          ${this.isSubmitting ? html`<span role="status">${msg('Connexion…', { id: 'signIn.submitting' })}</span>` : nothing}
        </div>
      </form>
      <details class="card">
        <summary>${msg('Mot de passe oublié ?', { id: 'signIn.forgot' })}</summary>
        <p>${msg('Trame n’envoie pas de lien de réinitialisation. Demandez à la coordination de votre espace de travail un nouveau lien d’invitation : il vous permettra de choisir un nouveau mot de passe.', { id: 'signIn.forgot.body' })}</p>
      </details>
      <p class="hint">${msg('Première visite ? Ouvrez le lien d’invitation que la coordination vous a envoyé : il crée votre compte.', { id: 'signIn.firstVisit' })}</p>
    </div>`;
  }

  private renderReason(): TemplateResult | typeof nothing {
    const reason = new URLSearchParams(location.search).get('motif');
    if (reason === 'session') {
      return html`<div class="notice notice--warning" role="status">
        <p>${msg('Votre session a pris fin (déconnexion depuis un autre appareil, mot de passe changé ou longue absence). Reconnectez-vous pour continuer : ce que vous aviez écrit hors connexion est gardé sur cet appareil.', { id: 'signIn.reason.ended' })}</p>
      </div>`;
    }
    if (reason === 'deconnexion') {
      return html`<div class="notice notice--success" role="status"><p>${msg('Vous êtes déconnecté·e. À bientôt !', { id: 'signIn.reason.signedOut' })}</p></div>`;
    }
    return nothing;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.isSubmitting) return;
    this.problem = null;
    this.errors = {};
    if (this.email.trim() === '') this.errors = { ...this.errors, email: msg('Indiquez votre adresse e-mail.', { id: 'signIn.error.emailMissing' }) };
    if (this.password === '') this.errors = { ...this.errors, password: msg('Indiquez votre mot de passe.', { id: 'signIn.error.passwordMissing' }) };
    if (Object.keys(this.errors).length > 0) {
      await this.updateComplete;
      return focusFirstInvalid(this);
    }
    this.isSubmitting = true;
    try {
      const me = await signIn(this.email.trim(), this.password);
      this.dispatchEvent(trameEvent('trame-signed-in', { me, returnTo: returnPathFromSignIn() }));
    } catch (error) {
      const problem = formProblem(error);
      this.errors = problem.fields;
      this.problem = Object.keys(problem.fields).length > 0 ? null : problem;
      this.password = '';
      await this.updateComplete;
      if (this.problem === null) focusFirstInvalid(this);
      else this.querySelector<HTMLElement>('#sign-in-problem')?.focus();
    } finally {
      this.isSubmitting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sign-in-page': SignInPage;
  }
}
