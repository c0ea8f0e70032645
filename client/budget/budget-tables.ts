/**
 * The consolidated totals as tables: per axis, per year, per funder and year, and per action
 * sheet. Real tables (caption, header cells with scope, a total row in the footer), numbers
 * right-aligned in tabular figures; each scrolls sideways inside its own focusable, labelled
 * region on a phone rather than squeezing its columns.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Consolidation } from '../../shared/budget/consolidate';
import { sheetsInOrder, type ProgrammeView, type SheetView } from '../../shared/programme/read';
import { formatExactEuros, formatPercent } from '../i18n/format';
import { workspacePath } from '../routing/routes';
import { byFunderKeyAndYear, programmeYears, ratio, sheetAmountsByFunder, type FunderFigures } from './budget-figures';

/** What the tables are drawn from. */
export interface BudgetTablesInput {
  workspaceId: string;
  programme: ProgrammeView;
  consolidation: Consolidation;
  funders: readonly FunderFigures[];
}

const amount = (cents: number): TemplateResult => html`<td class="number">${formatExactEuros(cents)}</td>`;
const share = (cents: number, totalCents: number): TemplateResult => html`<td class="number">${formatPercent(ratio(cents, totalCents))}</td>`;

function scrollRegion(id: string, caption: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" role="region" aria-labelledby=${id} tabindex="0">
    <table class="data-table budget-table">
      <caption id=${id}>${caption}</caption>
      ${table}
    </table>
  </div>`;
}

function untitled(title: string): string {
  return title.trim() === '' ? msg('Sans titre', { id: 'budget.untitled' }) : title;
}

function axesTable({ programme, consolidation }: BudgetTablesInput): TemplateResult {
  const total = consolidation.totalCents;
  const orphanCents = programme.orphans.reduce((sum, sheet) => sum + (consolidation.bySheet.get(sheet.id) ?? 0), 0);
  return scrollRegion(
    'budget-axes-caption',
    msg('Total par axe', { id: 'budget.table.axes' }),
    html`<thead>
        <tr>
          <th scope="col">${msg('Axe', { id: 'budget.col.axis' })}</th>
          <th scope="col">${msg('Intitulé', { id: 'budget.col.title' })}</th>
          <th scope="col" class="number">${msg('Total', { id: 'budget.col.total' })}</th>
          <th scope="col" class="number">${msg('Part du programme', { id: 'budget.col.share' })}</th>
        </tr>
      </thead>
      <tbody>
        ${programme.axes.map((axis) => {
          const cents = consolidation.byAxis.get(axis.id) ?? 0;
          return html`<tr data-axis=${axis.id}>
            <th scope="row" class="number">${axis.number}</th>
            <td>${untitled(axis.title)}</td>
            ${amount(cents)} ${share(cents, total)}
          </tr>`;
        })}
        ${programme.orphans.length === 0
          ? nothing
          : html`<tr>
              <th scope="row">—</th>
              <td>${msg('Fiches sans axe', { id: 'budget.orphans' })}</td>
              ${amount(orphanCents)} ${share(orphanCents, total)}
            </tr>`}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="2">${msg('Total du programme', { id: 'budget.gauge.total' })}</th>
          ${amount(total)} ${share(total, total)}
        </tr>
      </tfoot>`,
  );
}

function yearsTable({ consolidation }: BudgetTablesInput): TemplateResult {
  const total = consolidation.totalCents;
  return scrollRegion(
    'budget-years-caption',
    msg('Total par année', { id: 'budget.table.years' }),
    html`<thead>
        <tr>
          <th scope="col">${msg('Année', { id: 'budget.col.year' })}</th>
          <th scope="col" class="number">${msg('Total', { id: 'budget.col.total' })}</th>
          <th scope="col" class="number">${msg('Part du programme', { id: 'budget.col.share' })}</th>
        </tr>
      </thead>
      <tbody>
        ${programmeYears(consolidation).map((year) => {
          const cents = consolidation.byYear.get(year) ?? 0;
          return html`<tr>
            <th scope="row">${year}</th>
            ${amount(cents)} ${share(cents, total)}
          </tr>`;
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${msg('Total', { id: 'budget.col.total' })}</th>
          ${amount(total)} ${share(total, total)}
        </tr>
      </tfoot>`,
  );
}

function fundersByYearTable({ consolidation, funders }: BudgetTablesInput): TemplateResult {
  const years = programmeYears(consolidation);
  const cross = byFunderKeyAndYear(consolidation);
  const planned = funders.filter((funder) => funder.plannedCents > 0 || cross.has(funder.key));
  return scrollRegion(
    'budget-funders-caption',
    msg('Total par financeur et par année', { id: 'budget.table.fundersByYear' }),
    html`<thead>
        <tr>
          <th scope="col">${msg('Financeur', { id: 'budget.col.funder' })}</th>
          ${years.map((year) => html`<th scope="col" class="number">${year}</th>`)}
          <th scope="col" class="number">${msg('Total', { id: 'budget.col.total' })}</th>
        </tr>
      </thead>
      <tbody>
        ${planned.map(
          (funder) => html`<tr>
            <th scope="row">${funder.funder}</th>
            ${years.map((year) => amount(cross.get(funder.key)?.get(year) ?? 0))} ${amount(funder.plannedCents)}
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${msg('Total', { id: 'budget.col.total' })}</th>
          ${years.map((year) => amount(consolidation.byYear.get(year) ?? 0))} ${amount(consolidation.totalCents)}
        </tr>
      </tfoot>`,
  );
}

function sheetsTable({ workspaceId, programme, consolidation, funders }: BudgetTablesInput): TemplateResult {
  const sheets: SheetView[] = sheetsInOrder(programme);
  const amounts = sheetAmountsByFunder(sheets);
  const columns = funders.filter((funder) => funder.plannedCents > 0);
  return scrollRegion(
    'budget-sheets-caption',
    msg('Total par fiche action', { id: 'budget.table.sheets' }),
    html`<thead>
        <tr>
          <th scope="col">${msg('N°', { id: 'budget.col.number' })}</th>
          <th scope="col">${msg('Fiche action', { id: 'budget.col.sheet' })}</th>
          ${columns.map((funder) => html`<th scope="col" class="number budget-table__funder">${funder.funder}</th>`)}
          <th scope="col" class="number">${msg('Total', { id: 'budget.col.total' })}</th>
        </tr>
      </thead>
      <tbody>
        ${sheets.map(
          (sheet) => html`<tr data-sheet=${sheet.id}>
            <th scope="row" class="nowrap">${sheet.number}</th>
            <td class="budget-table__sheet"><a href=${workspacePath(workspaceId, 'sheet', sheet.id)}>${untitled(sheet.title)}</a></td>
            ${columns.map((funder) => amount(amounts.get(sheet.id)?.get(funder.key) ?? 0))} ${amount(consolidation.bySheet.get(sheet.id) ?? 0)}
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="2">${msg('Total du programme', { id: 'budget.gauge.total' })}</th>
          ${columns.map((funder) => amount(funder.plannedCents))} ${amount(consolidation.totalCents)}
        </tr>
      </tfoot>`,
  );
}

/** The four tables, each under its own heading. */
export function renderBudgetTables(input: BudgetTablesInput): TemplateResult {
  return html`<section class="budget-section" aria-labelledby="budget-axes-heading">
      <h2 id="budget-axes-heading">${msg('Par axe et par année', { id: 'budget.heading.axesYears' })}</h2>
      ${axesTable(input)} ${yearsTable(input)}
    </section>
    <section class="budget-section" aria-labelledby="budget-funders-heading">
      <h2 id="budget-funders-heading">${msg('Par financeur et par année', { id: 'budget.heading.fundersByYear' })}</h2>
      ${fundersByYearTable(input)}
    </section>
    <section class="budget-section" aria-labelledby="budget-sheets-heading">
      <h2 id="budget-sheets-heading">${msg('Par fiche action', { id: 'budget.heading.sheets' })}</h2>
      ${sheetsTable(input)}
    </section>`;
}
