/**
 * `<trame-connection-status>`: the top-bar connection indicator, a polite live region. The host
 * carries `data-state` (connected | connecting | offline | error) and `data-synced` (true | false)
 * for styling hooks and the end-to-end tests.
 */
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../ui/shared-styles';
import { connectionDetail, connectionLabel } from './connection-messages';
import { initialConnection, type ConnectionSnapshot } from './connection-state';

/** Shows and announces the state of the contract's connection. */
@customElement('trame-connection-status')
export class ConnectionStatus extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
      }
      .pill {
        display: inline-flex;
        align-items: center;
        gap: 0.45rem;
        padding: 0.3rem 0.7rem;
        border-radius: 999px;
        border: 1px solid var(--trame-line);
        background: var(--trame-paper);
        font-size: 0.875rem;
        font-weight: 600;
        white-space: nowrap;
      }
      .dot {
        width: 0.65rem;
        height: 0.65rem;
        border-radius: 50%;
        flex: none;
        background: var(--dot);
      }
      :host([data-state='connected'][data-synced='true']) {
        --dot: var(--trame-success);
      }
      :host([data-state='connected'][data-synced='false']),
      :host([data-state='connecting']) {
        --dot: var(--trame-warning);
      }
      /* Offline and error differ in shape as well as colour: a hollow ring, a square. */
      :host([data-state='offline']) .dot {
        background: none;
        border: 2px solid var(--trame-ink-muted);
      }
      :host([data-state='error']) .dot {
        border-radius: 2px;
        background: var(--trame-danger);
      }
      :host([data-state='error']) .pill {
        border-color: var(--trame-danger);
        color: var(--trame-danger-strong);
      }
    `,
  ];

  /** The connection to show. */
  @property({ attribute: false }) connection: ConnectionSnapshot = initialConnection;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection')) {
      this.dataset['state'] = this.connection.state;
      this.dataset['synced'] = String(this.connection.synced);
    }
  }

  override render(): TemplateResult {
    const label = connectionLabel(this.connection);
    const detail = connectionDetail(this.connection);
    return html`<div class="pill" role="status" title=${label + detail}>
      <span class="dot" aria-hidden="true"></span>
      <span class="label">${label}</span><span class="visually-hidden">${detail}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-connection-status': ConnectionStatus;
  }
}
