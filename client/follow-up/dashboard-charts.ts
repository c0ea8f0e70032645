/**
 * The dashboard's three charts (progress per axis, budget per funder, progress per territory),
 * each with its summary in words and the table that repeats its data, from a computed `Dashboard`.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Dashboard, GroupProgress } from '../../shared/follow-up/dashboard';
import type { RealisationStatus } from '../../shared/schemas/follow-up';
import { formatEuros } from '../i18n/format';
import type { BarChartData, ChartLook, ChartSeries } from './bar-chart';
import { statusName } from './follow-up-words';
import './bar-chart';

const statusLooks: Record<RealisationStatus, ChartLook> = {
  done: 'solid-green',
  'in-progress': 'hatch-blue',
  'not-started': 'outline-grey',
  abandoned: 'cross-dark',
};

/** Done first: the bars read from what is achieved to what is not. */
const statusOrder: RealisationStatus[] = ['done', 'in-progress', 'not-started', 'abandoned'];

function statusSeries(): ChartSeries[] {
  return statusOrder.map((status) => ({ key: status, label: statusName(status), look: statusLooks[status] }));
}

function percentText(group: GroupProgress): string {
  return group.percentDone === null ? msg('aucune fiche à réaliser', { id: 'followUp.percent.none' }) : msg(str`${group.percentDone} % réalisé`, { id: 'followUp.percent' });
}

function sheetsText(count: number): string {
  return count === 1 ? msg('1 fiche', { id: 'followUp.sheets.one' }) : msg(str`${count} fiches`, { id: 'followUp.sheets' });
}

/** "2 réalisées, 1 en cours" in words, leaving out the statuses no sheet has. */
function statusSummary(group: GroupProgress): string {
  const parts = statusOrder.filter((status) => group.byStatus[status] > 0).map((status) => `${statusName(status).toLocaleLowerCase()} : ${group.byStatus[status]}`);
  return `${sheetsText(group.sheetCount)}${parts.length === 0 ? '' : ` (${parts.join(', ')})`}, ${percentText(group)}`;
}

function progressTable(caption: string, firstHeader: string, groups: { name: string; group: GroupProgress; extra?: TemplateResult | typeof nothing }[]): TemplateResult {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
    <table class="data-table">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${firstHeader}</th>
          <th scope="col" class="number">${msg('Fiches', { id: 'followUp.col.sheets' })}</th>
          ${statusOrder.map((status) => html`<th scope="col" class="number">${statusName(status)}</th>`)}
          <th scope="col" class="number">${msg('Réalisé', { id: 'followUp.col.percentDone' })}</th>
          <th scope="col" class="number">${msg('Prévu', { id: 'followUp.col.planned' })}</th>
          <th scope="col" class="number">${msg('Engagé', { id: 'followUp.col.committed' })}</th>
          <th scope="col" class="number">${msg('Dépensé', { id: 'followUp.col.spent' })}</th>
        </tr>
      </thead>
      <tbody>
        ${groups.map(
          ({ name, group, extra }) => html`<tr>
            <th scope="row">${name}${extra ?? nothing}</th>
            <td class="number">${group.sheetCount}</td>
            ${statusOrder.map((status) => html`<td class="number">${group.byStatus[status]}</td>`)}
            <td class="number">${group.percentDone === null ? '—' : `${group.percentDone} %`}</td>
            <td class="number">${formatEuros(group.plannedCents)}</td>
            <td class="number">${formatEuros(group.committedCents)}</td>
            <td class="number">${formatEuros(group.spentCents)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function axisName(axis: Dashboard['axes'][number]): string {
  return axis.number === null ? msg('Fiches sans axe', { id: 'followUp.axis.orphans' }) : msg(str`Axe ${axis.number} · ${axis.title || '—'}`, { id: 'followUp.axis.name' });
}

/** Progress per axis: stacked bars of sheets by status. */
export function renderAxisChart(dashboard: Dashboard): TemplateResult {
  const title = msg('Avancement par axe', { id: 'followUp.chart.axes' });
  const data: BarChartData = {
    id: 'chart-axes',
    title,
    description: dashboard.axes.map((axis) => `${axisName(axis)} : ${statusSummary(axis)}.`).join(' '),
    mode: 'stacked',
    series: statusSeries(),
    categories: dashboard.axes.map((axis) => ({ label: axisName(axis), values: { ...axis.byStatus }, note: `${sheetsText(axis.sheetCount)} · ${percentText(axis)}` })),
    formatValue: (value) => String(value),
  };
  const table = progressTable(title, msg('Axe', { id: 'followUp.col.axis' }), dashboard.axes.map((axis) => ({ name: axisName(axis), group: axis })));
  return html`<trame-bar-chart .data=${data} .table=${table}></trame-bar-chart>`;
}

/** Progress per territory: stacked bars; a sheet counts in each territory it covers. */
export function renderTerritoryChart(dashboard: Dashboard): TemplateResult {
  const title = msg('Avancement par territoire', { id: 'followUp.chart.territories' });
  const name = (territory: Dashboard['territories'][number]): string => (territory.code === '' ? msg('Territoire non précisé', { id: 'followUp.territory.none' }) : territory.name);
  const data: BarChartData = {
    id: 'chart-territories',
    title,
    description: `${msg('Une fiche compte dans chaque territoire qu’elle couvre.', { id: 'followUp.territory.sharedRule' })} ${dashboard.territories.map((territory) => `${name(territory)} : ${statusSummary(territory)}.`).join(' ')}`,
    mode: 'stacked',
    series: statusSeries(),
    categories: dashboard.territories.map((territory) => ({ label: name(territory), values: { ...territory.byStatus }, note: `${sheetsText(territory.sheetCount)} · ${percentText(territory)}` })),
    formatValue: (value) => String(value),
  };
  const table = progressTable(
    title,
    msg('Territoire', { id: 'followUp.col.territory' }),
    dashboard.territories.map((territory) => ({
      name: name(territory),
      group: territory,
      extra:
        territory.sharedSheetCount === 0
          ? nothing
          : html`<br /><span class="hint">${msg(str`dont ${territory.sharedSheetCount} fiche(s) partagée(s) avec d’autres territoires (${formatEuros(territory.sharedPlannedCents)} prévus)`, { id: 'followUp.territory.shared' })}</span>`,
    })),
  );
  return html`<trame-bar-chart .data=${data} .table=${table}></trame-bar-chart>
    <p class="hint">${msg('Une fiche qui couvre plusieurs territoires compte dans chacun : les montants des territoires ne s’additionnent pas.', { id: 'followUp.territory.note' })}</p>`;
}

/** Budget per funder: planned, committed and spent side by side. */
export function renderFunderChart(dashboard: Dashboard): TemplateResult {
  const title = msg('Budget par financeur', { id: 'followUp.chart.funders' });
  const planned = msg('Prévu', { id: 'followUp.col.planned' });
  const committed = msg('Engagé', { id: 'followUp.col.committed' });
  const spent = msg('Dépensé', { id: 'followUp.col.spent' });
  const data: BarChartData = {
    id: 'chart-funders',
    title,
    description: dashboard.funders
      .map((funder) => msg(str`${funder.funder} : prévu ${formatEuros(funder.plannedCents)}, engagé ${formatEuros(funder.committedCents)}, dépensé ${formatEuros(funder.spentCents)}.`, { id: 'followUp.funder.summary' }))
      .join(' '),
    mode: 'grouped',
    series: [
      { key: 'planned', label: planned, look: 'outline-blue' },
      { key: 'committed', label: committed, look: 'hatch-blue' },
      { key: 'spent', label: spent, look: 'solid-navy' },
    ],
    categories: dashboard.funders.map((funder) => ({ label: funder.funder, values: { planned: funder.plannedCents, committed: funder.committedCents, spent: funder.spentCents } })),
    formatValue: formatEuros,
  };
  const table = html`<div class="table-scroll" tabindex="0" role="region" aria-label=${title}>
    <table class="data-table">
      <caption>${title}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Financeur', { id: 'followUp.col.funder' })}</th>
          <th scope="col" class="number">${msg('Part de l’enveloppe', { id: 'followUp.col.share' })}</th>
          <th scope="col" class="number">${planned}</th>
          <th scope="col" class="number">${committed}</th>
          <th scope="col" class="number">${spent}</th>
        </tr>
      </thead>
      <tbody>
        ${dashboard.funders.map(
          (funder) => html`<tr>
            <th scope="row">${funder.funder}</th>
            <td class="number">${funder.shareCents === null ? msg('hors enveloppe', { id: 'followUp.funder.noShare' }) : formatEuros(funder.shareCents)}</td>
            <td class="number">${formatEuros(funder.plannedCents)}</td>
            <td class="number">${formatEuros(funder.committedCents)}</td>
            <td class="number">${formatEuros(funder.spentCents)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
  return html`<trame-bar-chart .data=${data} .table=${table}></trame-bar-chart>`;
}
