/**
 * `<trame-identity-button>`: the person's own identity in the top bar (initials in their
 * structure's colour, name and structure) and the way to change it. Without an identity it
 * invites them to introduce themselves.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { trameEvent } from '../events';
import { initials } from '../i18n/format';
import { baseStyles } from '../ui/shared-styles';

/** What the button shows about the person. */
export interface IdentitySummary {
  name: string;
  structureName: string;
  colour: string;
}

/** Shows who the person is; dispatches `trame-identity-request` when clicked. */
@customElement('trame-identity-button')
export class IdentityButton extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
        min-width: 0;
      }
      button {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        min-width: 0;
        max-width: 16rem;
        min-height: 2.5rem;
        padding: 0.2rem 0.6rem 0.2rem 0.2rem;
        font: inherit;
        text-align: left;
        border: 1px solid var(--trame-line);
        border-radius: 999px;
        background: var(--trame-paper);
        color: var(--trame-ink);
        cursor: pointer;
      }
      button.empty {
        padding-left: 0.8rem;
        font-weight: 600;
        color: var(--trame-accent);
        border-color: var(--trame-accent);
      }
      .avatar {
        display: inline-grid;
        place-items: center;
        flex: none;
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        color: #fff;
        font-size: 0.75rem;
        font-weight: 700;
      }
      .text {
        display: grid;
        min-width: 0;
        line-height: 1.2;
      }
      .name,
      .structure {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .name {
        font-weight: 600;
        font-size: 0.875rem;
      }
      .structure {
        font-size: 0.75rem;
        color: var(--trame-ink-muted);
      }
      @media (max-width: 48rem) {
        .text {
          display: none;
        }
        button {
          padding-right: 0.2rem;
        }
      }
    `,
  ];

  /** The person's identity, or null before they have given one. */
  @property({ attribute: false }) identity: IdentitySummary | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render(): TemplateResult {
    const request = (): boolean => this.dispatchEvent(trameEvent('trame-identity-request', null));
    const identity = this.identity;
    if (identity === null) {
      return html`<button type="button" class="empty" @click=${request}>${msg('Me présenter', { id: 'identity.button.empty' })}</button>`;
    }
    const label = msg(str`Vous êtes ${identity.name} (${identity.structureName}). Changer`, { id: 'identity.button.label' });
    // The accessible name is the visible text plus a hidden verb (WCAG 2.5.3, label in name).
    return html`<button type="button" title=${label} @click=${request}>
      <span class="avatar" style="background-color: ${identity.colour}" aria-hidden="true">${initials(identity.name)}</span>
      <span class="text">
        <span class="name">${identity.name}</span>
        <span class="structure">${identity.structureName}</span>
      </span>
      <span class="visually-hidden">${msg('Changer d’identité', { id: 'identity.button.change' })}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-identity-button': IdentityButton;
  }
}
