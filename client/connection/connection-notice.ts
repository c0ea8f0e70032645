/**
 * `<trame-connection-notice>`: the explanation above the contract when the connection is lost or
 * refused: what happened, that nothing is lost, and what to do. Errors are announced as alerts;
 * going offline is already announced by the top-bar status, so that notice stays quiet.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { trameEvent } from '../events';
import { baseStyles, buttonStyles } from '../ui/shared-styles';
import { closeCodeExplanation, offlineReassurance } from './connection-messages';
import { initialConnection, type ConnectionSnapshot } from './connection-state';

/** Explains an offline or error state; dispatches `trame-reconnect-request`. */
@customElement('trame-connection-notice')
export class ConnectionNotice extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .notice {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin: 0.5rem auto;
        max-width: var(--trame-paper-width);
        padding: 0.75rem 1rem;
        border-radius: var(--trame-radius);
        line-height: 1.5;
      }
      p {
        margin: 0;
        flex: 1 1 20rem;
      }
      .offline {
        background: var(--trame-paper);
        border: 1px dashed var(--trame-ink-muted);
      }
      .error {
        background: var(--trame-danger-soft);
        border: 1px solid var(--trame-danger);
        color: var(--trame-danger-strong);
      }
    `,
  ];

  /** The connection to explain; nothing is shown while connected or connecting. */
  @property({ attribute: false }) connection: ConnectionSnapshot = initialConnection;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render(): TemplateResult | typeof nothing {
    const { state, closeCode, needsManualRetry } = this.connection;
    if (state === 'offline') return html`<div class="notice offline"><p>${offlineReassurance()}</p></div>`;
    if (state !== 'error') return nothing;
    return html`<div class="notice error" role="alert">
      <p>${closeCodeExplanation(closeCode)}</p>
      ${needsManualRetry
        ? html`<button type="button" @click=${() => this.dispatchEvent(trameEvent('trame-reconnect-request', null))}>
            ${msg('Se reconnecter', { id: 'connection.retry' })}
          </button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-connection-notice': ConnectionNotice;
  }
}
