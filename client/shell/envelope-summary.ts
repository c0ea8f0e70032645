/**
 * `<trame-envelope-summary>`: the programme's envelope, its total and each funder's share, as
 * amounts (fr-FR, whole euros) and as bars whose length is also written as a percentage; with
 * the live planned total beside it and, when the sheets depart from it, a link to the budget
 * saying how many gaps there are (in words and shape, not colour alone).
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Consolidation } from '../../shared/budget/consolidate';
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
      .planned {
        margin: -0.5rem 0 0.75rem;
        font-size: 0.875rem;
      }
      .planned strong {
        font-variant-numeric: tabular-nums;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        margin: 0 0 0.75rem;
        font-size: 0.875rem;
        font-weight: 600;
      }
      .check::before {
        content: '';
        flex: none;
        width: 0.6rem;
        height: 0.6rem;
      }
      .check--ok {
        color: var(--trame-success);
      }
      .check--ok::before {
        border-radius: 50%;
        background: var(--trame-success);
      }
      .check--warning a {
        color: var(--trame-warning);
      }
      .check--warning::before {
        border: 2px solid var(--trame-warning);
        transform: rotate(45deg);
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
  /** The live totals of the sheets, compared with the envelope; nothing is said without them. */
  @property({ attribute: false }) consolidation: Consolidation | null = null;
  /** Where the consolidated budget is. */
  @property({ attribute: false }) budgetHref = '';

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
      ${this.renderPlanned()}
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

  private renderPlanned(): TemplateResult | typeof nothing {
    const consolidation = this.consolidation;
    if (consolidation === null) return nothing;
    const gaps = consolidation.warnings.length;
    return html`<p class="planned">${msg('Programmé :', { id: 'envelope.planned' })} <strong>${formatEuros(consolidation.totalCents)}</strong></p>
      ${gaps === 0
        ? html`<p class="check check--ok">${msg('Conforme à l’enveloppe', { id: 'envelope.matches' })}</p>`
        : html`<p class="check check--warning">
            <a href=${this.budgetHref}>${gaps === 1 ? msg('1 écart avec l’enveloppe', { id: 'envelope.gapOne' }) : msg(str`${gaps} écarts avec l’enveloppe`, { id: 'envelope.gaps' })}</a>
          </p>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-envelope-summary': EnvelopeSummary;
  }
}
