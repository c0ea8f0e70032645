/**
 * `<trame-account-menu>`: the signed-in person in the top bar (initials in their structure's
 * colour, name, and structure or role) and a disclosure with "Mon compte", the choice of the
 * structure they act for (when they have several here) and "Se déconnecter". A disclosure rather
 * than an ARIA menu: it holds a link, radio buttons and a button, all reachable with Tab.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { trameEvent } from '../events';
import { initials } from '../i18n/format';
import { baseStyles, buttonStyles } from '../ui/shared-styles';
import { accountMenuStyles } from './account-menu-styles';

/** What the menu shows about the person. */
export interface AccountSummary {
  name: string;
  email: string;
  /** Their structure here, or their role for people outside any structure. */
  detail: string;
  colour: string;
}

/** The account button and its panel; dispatches `trame-sign-out-request` and `trame-structure-choose`. */
@customElement('trame-account-menu')
export class AccountMenu extends LitElement {
  static override styles = [baseStyles, buttonStyles, accountMenuStyles];

  /** Who is signed in. */
  @property({ attribute: false }) summary: AccountSummary | null = null;
  /** The open workspace, if any (the structure choice applies to it). */
  @property() workspaceId = '';
  /** The person's structures in that workspace. */
  @property({ attribute: false }) structures: readonly { id: string; name: string }[] = [];
  /** The structure they act for now. */
  @property() chosenStructureId = '';

  @state() private isOpen = false;
  // Assigned by Lit's @query getter; the toggle is part of every render with a summary (the only
  // renders in which the menu can be open).
  @query('.toggle') private toggle!: HTMLButtonElement;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen) {
        event.stopPropagation();
        this.close(true);
      }
    });
    this.addEventListener('focusout', (event) => {
      // Leaving the menu with Tab closes it, so it never hides the page behind it.
      // (Focus moving inside the shadow root is retargeted to the host itself.)
      const next = event.relatedTarget;
      if (!(next instanceof Node) || !this.contains(next)) this.close(false);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.handleDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.handleDocumentClick);
  }

  override render(): TemplateResult | typeof nothing {
    const summary = this.summary;
    if (summary === null) return nothing;
    return html`<button type="button" class="toggle" aria-expanded=${String(this.isOpen)} aria-controls="account-panel"
        title=${msg(str`Votre compte : ${summary.name} (${summary.detail})`, { id: 'account.menu.title' })}
        @click=${() => (this.isOpen ? this.close(false) : this.open())}>
        <span class="avatar" style="background-color: ${summary.colour}" aria-hidden="true">${initials(summary.name)}</span>
        <span class="text"><span class="name">${summary.name}</span><span class="detail">${summary.detail}</span></span>
        <span class="visually-hidden">${msg('— menu du compte', { id: 'account.menu.label' })}</span>
      </button>
      <div id="account-panel" class="panel" ?hidden=${!this.isOpen}>
        <p class="who">${msg('Connecté·e en tant que', { id: 'account.menu.signedInAs' })} <strong>${summary.email}</strong></p>
        ${this.renderStructureChoice()}
        <ul>
          <li><a href="/compte" @click=${() => this.close(false)}>${msg('Mon compte', { id: 'nav.account' })}</a></li>
          <li><button type="button" class="sign-out" @click=${this.handleSignOut}>${msg('Se déconnecter', { id: 'account.signOut' })}</button></li>
        </ul>
      </div>`;
  }

  private renderStructureChoice(): TemplateResult | typeof nothing {
    if (this.structures.length < 2 || this.workspaceId === '') return nothing;
    return html`<fieldset>
      <legend>${msg('Vous écrivez au nom de', { id: 'account.menu.actFor' })}</legend>
      ${this.structures.map(
        (structure) => html`<label class="choice">
          <input type="radio" name="structure" .checked=${structure.id === this.chosenStructureId}
            @change=${() => this.dispatchEvent(trameEvent('trame-structure-choose', { workspaceId: this.workspaceId, structureId: structure.id }))} />
          ${structure.name}
        </label>`,
      )}
    </fieldset>`;
  }

  private async open(): Promise<void> {
    this.isOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#account-panel a')?.focus();
  }

  private close(restoreFocus: boolean): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    if (restoreFocus) this.toggle.focus();
  }

  private handleSignOut(): void {
    this.close(false);
    this.dispatchEvent(trameEvent('trame-sign-out-request', null));
  }

  private readonly handleDocumentClick = (event: MouseEvent): void => {
    if (this.isOpen && !event.composedPath().includes(this)) this.close(false);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-account-menu': AccountMenu;
  }
}
