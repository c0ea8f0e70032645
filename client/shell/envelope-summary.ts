/**
 * `<trame-envelope-summary>`: the programme's envelope, its total and each funder's share, as
 * amounts (fr-FR, whole euros) and as bars whose length is also written as a percentage.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Envelope } from '../../shared/schemas/workspace';
import { formatEuros, formatPercent } from '../i18n/format';
import { baseStyles } from '../ui/shared-styles';

/** The envelope of the programme, with its funders' shares. */
@customElement('trame-envelope-summary')
export class EnvelopeSummary extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      section {
        padding: 1rem;
        border: 1px solid var(--trame-line);
        border-radius: var(--trame-radius);
        background: var(--trame-paper);
      }
      h2 {
        margin: 0;
        font-size: 0.8125rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--trame-ink-muted);
      }
      .total {
        margin: 0.25rem 0 0.75rem;
        font-size: 1.375rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      ul {
        display: grid;
        gap: 0.65rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.1rem 0.5rem;
        font-size: 0.875rem;
      }
      .funder {
        grid-column: 1 / -1;
      }
      .amount {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .bar {
        grid-column: 1 / -1;
        height: 0.4rem;
        border-radius: 999px;
        background: var(--trame-line);
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        width: var(--share);
        background: var(--trame-accent);
      }
      .share {
        align-self: end;
        color: var(--trame-ink-muted);
        font-size: 0.8125rem;
        text-align: right;
      }
    `,
  ];

  /** The envelope to summarise; nothing is shown without one. */
  @property({ attribute: false }) envelope: Envelope | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render(): TemplateResult | typeof nothing {
    const envelope = this.envelope;
    if (envelope === null || envelope.totalCents === 0) return nothing;
    return html`<section aria-labelledby="envelope-title">
      <h2 id="envelope-title">${msg('Enveloppe du programme', { id: 'envelope.title' })}</h2>
      <p class="total">${formatEuros(envelope.totalCents)}</p>
      <ul>
        ${envelope.shares.map((share) => {
          const ratio = share.amountCents / envelope.totalCents;
          return html`<li>
            <span class="funder">${share.funder}</span>
            <span class="bar" aria-hidden="true"><span style="--share: ${Math.min(100, ratio * 100).toFixed(2)}%"></span></span>
            <span class="amount">${formatEuros(share.amountCents)}</span>
            <span class="share">${formatPercent(ratio)}</span>
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-envelope-summary': EnvelopeSummary;
  }
}
