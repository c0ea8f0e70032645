/**
 * `<trame-token-form>`: creates an access token for a program (a script, another tool) that
 * talks to Trame without a browser. The token is shown once, with how to use it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { createAccessToken, type NewAccessToken } from '../api/session';
import { trameEvent } from '../events';
import { formatDate } from '../i18n/format';
import { focusFirstInvalid, textField } from '../ui/form-field';
import { formProblem, renderFormProblem, type FormProblem } from '../ui/form-problem';
import { selectControlText } from '../ui/dom';
import { LightPage } from '../ui/light-page';
import '../ui/copy-button';

/** The token form; dispatches `trame-sessions-change`. */
@customElement('trame-token-form')
export class TokenForm extends LightPage {
  @state() private label = '';
  @state() private error: string | undefined;
  @state() private problem: FormProblem | null = null;
  @state() private created: NewAccessToken | null = null;

  override render(): TemplateResult {
    const socketBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs/`;
    return html`<p>${msg('Un jeton permet à un programme (un script, un autre outil) de lire ou d’écrire avec vos droits, sans navigateur. Ne le donnez qu’à un outil de confiance.', { id: 'account.tokens.intro' })}</p>
      ${renderFormProblem(this.problem, 'token-problem')}
      <form class="form" novalidate @submit=${this.handleSubmit}>
        ${textField({ id: 'token-label', name: 'label', label: msg('Nom du jeton', { id: 'account.tokens.label' }),
          hint: msg('Pour le reconnaître dans la liste, par exemple « Export vers le tableur ».', { id: 'account.tokens.label.hint' }),
          value: this.label, error: this.error, required: true, maxlength: 120, onInput: (value) => (this.label = value) })}
        <div class="form-actions"><button type="submit">${msg('Créer un jeton', { id: 'account.tokens.create' })}</button></div>
      </form>
      ${this.created === null
        ? nothing
        : html`<div class="notice notice--success" role="status">
            <p class="notice__title">${msg(str`Jeton « ${this.created.label} » créé. Copiez-le maintenant : il ne sera plus affiché.`, { id: 'account.tokens.created' })}</p>
            <div class="field">
              <label for="token-value">${msg('Jeton', { id: 'account.sessions.token' })}</label>
              <input id="token-value" type="text" readonly .value=${this.created.token} @focus=${selectControlText} />
            </div>
            <trame-copy-button .text=${this.created.token} .label=${msg('Copier le jeton', { id: 'account.tokens.copy' })}
              .confirmation=${msg('Jeton copié dans le presse-papiers.', { id: 'account.tokens.copied' })}></trame-copy-button>
            <p>${msg('Pour l’API : en-tête', { id: 'account.tokens.usage.api' })} <code>Authorization: Bearer …</code>.
              ${msg('Pour le temps réel (y-websocket) : ajoutez', { id: 'account.tokens.usage.socket' })} <code>?token=…</code>
              ${msg('à l’adresse du document, par exemple', { id: 'account.tokens.usage.example' })} <code>${socketBase}&lt;document&gt;?token=…</code></p>
            <p>${msg(str`Il expire le ${formatDate(this.created.expiresAt)}. Terminez-le dans la liste des sessions quand il ne sert plus.`, { id: 'account.tokens.expiry' })}</p>
          </div>`}`;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.problem = null;
    this.error = this.label.trim() === '' ? msg('Nommez ce jeton.', { id: 'account.tokens.labelMissing' }) : undefined;
    if (this.error !== undefined) {
      await this.updateComplete;
      return focusFirstInvalid(this);
    }
    try {
      this.created = await createAccessToken(this.label.trim());
      this.label = '';
      this.dispatchEvent(trameEvent('trame-sessions-change', null));
    } catch (error) {
      this.problem = formProblem(error);
      this.error = this.problem.fields['label'];
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-token-form': TokenForm;
  }
}
