/**
 * The envelope beside the planned totals: the programme total against the envelope's, then each
 * funder's share against what the sheets plan for it. Every gauge says in words what its bar
 * shows (the percentage of the share programmed, and the difference with its meaning), so that
 * neither the colour nor the bar carries information alone.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatExactEuros, formatPercent } from '../i18n/format';
import { ratio, type FunderFigures } from './budget-figures';

type GaugeState = 'ok' | 'under' | 'over' | 'no-share';

interface Gauge {
  id: string;
  title: string;
  shareLabel: string;
  shareCents: number | null;
  plannedCents: number;
  /** The bar's length in words: "98,7 % de la part programmée". */
  describeRatio: (percent: string) => string;
}

function gaugeState(shareCents: number | null, plannedCents: number): GaugeState {
  if (shareCents === null) return 'no-share';
  if (plannedCents > shareCents) return 'over';
  return plannedCents === shareCents ? 'ok' : 'under';
}

function stateWords(state: GaugeState, shareCents: number | null, plannedCents: number): TemplateResult {
  const gap = formatExactEuros(Math.abs((shareCents ?? 0) - plannedCents));
  switch (state) {
    case 'ok':
      return html`<span class="state state--ok">${msg('Entièrement programmée', { id: 'budget.gauge.exact' })}</span>`;
    case 'under':
      return html`<span class="state state--neutral">${msg(str`Reste à programmer : ${gap}`, { id: 'budget.gauge.remaining' })}</span>`;
    case 'over':
      return html`<span class="state state--warning">${msg(str`Dépassement : ${gap}`, { id: 'budget.gauge.over' })}</span>`;
    case 'no-share':
      return html`<span class="state state--warning">${msg('Aucune part prévue dans l’enveloppe', { id: 'budget.gauge.noShare' })}</span>`;
  }
}

function renderGauge(gauge: Gauge): TemplateResult {
  const state = gaugeState(gauge.shareCents, gauge.plannedCents);
  const used = gauge.shareCents === null ? null : ratio(gauge.plannedCents, gauge.shareCents);
  const fill = used === null ? 100 : Math.min(100, used * 100);
  return html`<li class="budget-gauge budget-gauge--${state}" aria-labelledby="${gauge.id}-title">
    <h3 id="${gauge.id}-title">${gauge.title}</h3>
    <dl class="budget-gauge__facts">
      <dt>${gauge.shareLabel}</dt>
      <dd class="number">${gauge.shareCents === null ? msg('aucune', { id: 'budget.gauge.none' }) : formatExactEuros(gauge.shareCents)}</dd>
      <dt>${msg('Programmé', { id: 'budget.gauge.planned' })}</dt>
      <dd class="number">${formatExactEuros(gauge.plannedCents)}</dd>
    </dl>
    <div class="budget-bar" aria-hidden="true"><span style=${styleMap({ '--fill': `${fill.toFixed(2)}%` })}></span></div>
    <p class="budget-gauge__ratio">${used === null ? msg('Montant programmé sans part correspondante', { id: 'budget.gauge.ratioNone' }) : gauge.describeRatio(formatPercent(used))}</p>
    <p class="budget-gauge__state">${stateWords(state, gauge.shareCents, gauge.plannedCents)}</p>
  </li>`;
}

/** The programme total, then each funder, as gauges. */
export function renderEnvelopeComparison(totalCents: number, envelopeCents: number, funders: readonly FunderFigures[]): TemplateResult {
  return html`<ul class="budget-gauges">
    ${renderGauge({ id: 'gauge-total', title: msg('Total du programme', { id: 'budget.gauge.total' }), shareLabel: msg('Enveloppe', { id: 'budget.gauge.envelope' }), shareCents: envelopeCents, plannedCents: totalCents,
      describeRatio: (percent) => msg(str`Programmé : ${percent} de l’enveloppe`, { id: 'budget.gauge.ratioTotal' }),
    })}
    ${funders.map((funder, index) =>
      renderGauge({ id: `gauge-funder-${index}`, title: funder.funder, shareLabel: msg('Part', { id: 'budget.gauge.share' }), shareCents: funder.shareCents, plannedCents: funder.plannedCents,
        describeRatio: (percent) => msg(str`Programmé : ${percent} de la part`, { id: 'budget.gauge.ratio' }),
      }),
    )}
  </ul>`;
}

/** Shown instead of the gauges while no envelope is set. */
export function renderNoEnvelope(canSet: boolean): TemplateResult {
  return html`<div class="empty-state">
    <p>${msg('L’enveloppe du programme n’est pas encore fixée : sans elle, les totaux des fiches ne peuvent pas être comparés aux parts des financeurs.', { id: 'budget.envelope.none' })}</p>
    ${canSet ? html`<p>${msg('Fixez le total du programme et la part de chaque financeur avec « Modifier l’enveloppe ».', { id: 'budget.envelope.noneAction' })}</p>` : nothing}
  </div>`;
}
