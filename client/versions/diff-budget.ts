/**
 * The budget in the comparison: the consolidated totals per axis, per funder and per year,
 * before, after and the difference (right-aligned, fr-FR, signed), each table with its total row,
 * and the envelope of each side (the one each version was taken with; today's for now).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { AmountChange, BudgetDiff } from '../../shared/versions/diff';
import { formatExactEuros } from '../i18n/format';
import { signedEuros } from './diff-words';

function axisLabel(row: AmountChange): string {
  if (row.number === null || row.number === undefined) return msg('Fiches sans axe', { id: 'versionDiff.budget.noAxis' });
  return msg(str`Axe ${row.number} : ${row.label}`, { id: 'versionDiff.budget.axis' });
}

function table(id: string, caption: string, head: string, rows: readonly AmountChange[], total: AmountChange, label: (row: AmountChange) => string): TemplateResult {
  const cells = (row: AmountChange): TemplateResult => html`
    <td class="number">${formatExactEuros(row.beforeCents)}</td>
    <td class="number">${formatExactEuros(row.afterCents)}</td>
    <td class="number version-diff__difference ${row.differenceCents === 0 ? '' : 'version-diff__difference--changed'}">${signedEuros(row.differenceCents)}</td>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby=${id}>
    <table class="data-table version-diff__budget-table">
      <caption id=${id}>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${head}</th>
          <th scope="col" class="number">${msg('Avant', { id: 'versionDiff.amounts.before' })}</th>
          <th scope="col" class="number">${msg('Après', { id: 'versionDiff.amounts.after' })}</th>
          <th scope="col" class="number">${msg('Écart', { id: 'versionDiff.amounts.difference' })}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => html`<tr><th scope="row">${label(row)}</th>${cells(row)}</tr>`)}
      </tbody>
      <tfoot>
        <tr><th scope="row">${msg('Total', { id: 'versionDiff.budget.total' })}</th>${cells(total)}</tr>
      </tfoot>
    </table>
  </div>`;
}

/** The "Budget" part of the page. */
export function renderBudget(budget: BudgetDiff): TemplateResult {
  const { envelope } = budget;
  return html`<section class="version-diff__part" aria-labelledby="version-diff-budget-title">
    <h2 id="version-diff-budget-title">${msg('Budget consolidé', { id: 'versionDiff.budget.title' })}</h2>
    ${budget.byAxis.length === 0
      ? html`<p>${msg('Aucune ligne de financement dans ces deux versions.', { id: 'versionDiff.budget.empty' })}</p>`
      : html`<div class="version-diff__budget">
          ${table('version-diff-budget-axis', msg('Par axe', { id: 'versionDiff.budget.byAxis' }), msg('Axe', { id: 'versionDiff.budget.axisHead' }), budget.byAxis, budget.total, axisLabel)}
          ${table('version-diff-budget-funder', msg('Par financeur', { id: 'versionDiff.budget.byFunder' }), msg('Financeur', { id: 'versionDiff.amounts.funder' }), budget.byFunder, budget.total, (row) => row.label)}
          ${table('version-diff-budget-year', msg('Par année', { id: 'versionDiff.budget.byYear' }), msg('Année', { id: 'versionDiff.amounts.year' }), budget.byYear, budget.total, (row) => row.label)}
        </div>`}
    ${envelope.afterCents === null && envelope.beforeCents === null
      ? nothing
      : html`<p class="hint">
          ${envelope.beforeCents === envelope.afterCents
            ? msg(str`Enveloppe du programme : ${formatExactEuros(envelope.afterCents ?? 0)}, la même pour les deux versions.`, { id: 'versionDiff.budget.envelope' })
            : msg(str`Enveloppe du programme : ${formatExactEuros(envelope.beforeCents ?? 0)} avant, ${formatExactEuros(envelope.afterCents ?? 0)} après.`, { id: 'versionDiff.budget.envelopeChanged' })}
        </p>`}
    ${budget.invalidLines.before + budget.invalidLines.after === 0
      ? nothing
      : html`<p class="hint">${msg(str`Lignes de financement non valides, hors des totaux : ${budget.invalidLines.before} avant, ${budget.invalidLines.after} après.`, { id: 'versionDiff.budget.invalid' })}</p>`}
  </section>`;
}
