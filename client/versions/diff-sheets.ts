/**
 * The axes and action sheets in the comparison: each sheet that changed, was added or removed,
 * with its number and axis before → after and each field that differs (a list of terms: title
 * word by word, lead, partners, territories, local plans, dates, indicators, rich text block by
 * block, and the financing as a table of amounts before → after per funder and year). Sheets only
 * moved or renumbered are listed compactly after them.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { AxisDiff, FinancingChange, IndicatorChange, IndicatorValues, Named, SheetDiff, SheetFieldChange } from '../../shared/versions/diff';
import { formatCount, formatExactEuros } from '../i18n/format';
import { change, dayWords, renderBlocks, renderRuns, signedEuros } from './diff-words';

function sheetStatusWords(status: SheetDiff['status']): string {
  switch (status) {
    case 'added':
      return msg('Fiche ajoutée', { id: 'versionDiff.sheet.added' });
    case 'removed':
      return msg('Fiche supprimée', { id: 'versionDiff.sheet.removed' });
    case 'changed':
      return msg('Fiche modifiée', { id: 'versionDiff.sheet.changed' });
    case 'moved':
      return msg('Fiche déplacée', { id: 'versionDiff.sheet.moved' });
    case 'unchanged':
      return msg('Fiche inchangée', { id: 'versionDiff.sheet.unchanged' });
  }
}

function fieldLabel(field: SheetFieldChange['field']): string {
  switch (field) {
    case 'title':
      return msg('Titre', { id: 'versionDiff.field.title' });
    case 'lead':
      return msg('Structure porteuse', { id: 'versionDiff.field.lead' });
    case 'partners':
      return msg('Partenaires', { id: 'versionDiff.field.partners' });
    case 'territories':
      return msg('Territoires', { id: 'versionDiff.field.territories' });
    case 'localPlans':
      return msg('Plans locaux de développement', { id: 'versionDiff.field.localPlans' });
    case 'dates':
      return msg('Calendrier', { id: 'versionDiff.field.dates' });
    case 'indicators':
      return msg('Indicateurs', { id: 'versionDiff.field.indicators' });
    case 'goals':
      return msg('Objectifs', { id: 'versionDiff.field.goals' });
    case 'description':
      return msg('Description', { id: 'versionDiff.field.description' });
    case 'expectedResults':
      return msg('Résultats attendus', { id: 'versionDiff.field.expectedResults' });
    case 'financing':
      return msg('Financement', { id: 'versionDiff.field.financing' });
  }
}

const none = (): string => msg('aucune', { id: 'versionDiff.value.none' });
const names = (items: readonly Named[]): string => items.map((item) => item.name).join(', ');

function renderSet(added: readonly Named[], removed: readonly Named[]): TemplateResult {
  return html`<ul class="version-diff__facts">
    ${added.length === 0 ? nothing : html`<li><ins><span class="visually-hidden">${msg('ajouté :', { id: 'versionDiff.run.inserted' })} </span>${msg(str`Ajout : ${names(added)}`, { id: 'versionDiff.set.added' })}</ins></li>`}
    ${removed.length === 0 ? nothing : html`<li><del><span class="visually-hidden">${msg('supprimé :', { id: 'versionDiff.run.deleted' })} </span>${msg(str`Retrait : ${names(removed)}`, { id: 'versionDiff.set.removed' })}</del></li>`}
  </ul>`;
}

function indicatorText(values: IndicatorValues): string {
  const number = (value: number | null): string => (value === null ? '–' : value.toLocaleString('fr-FR'));
  return msg(str`${values.name} (${values.unit}) : de ${number(values.baseline)} à ${number(values.target)}`, { id: 'versionDiff.indicator.values' });
}

function renderIndicator(indicator: IndicatorChange): TemplateResult {
  if (indicator.status === 'added') return html`<li>${msg('Ajouté :', { id: 'versionDiff.indicator.added' })} <ins>${indicatorText(indicator.after!)}</ins></li>`;
  if (indicator.status === 'removed') return html`<li>${msg('Supprimé :', { id: 'versionDiff.indicator.removed' })} <del>${indicatorText(indicator.before!)}</del></li>`;
  return html`<li>${msg('Modifié :', { id: 'versionDiff.indicator.changed' })} ${change(indicatorText(indicator.before!), indicatorText(indicator.after!), '')}</li>`;
}

/** Amounts of one sheet per funder and year, before → after, with the difference. */
function renderFinancing(lines: readonly FinancingChange[], caption: string): TemplateResult {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${caption}>
    <table class="data-table version-diff__amounts">
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Financeur', { id: 'versionDiff.amounts.funder' })}</th>
          <th scope="col">${msg('Année', { id: 'versionDiff.amounts.year' })}</th>
          <th scope="col" class="number">${msg('Avant', { id: 'versionDiff.amounts.before' })}</th>
          <th scope="col" class="number">${msg('Après', { id: 'versionDiff.amounts.after' })}</th>
          <th scope="col" class="number">${msg('Écart', { id: 'versionDiff.amounts.difference' })}</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr>
            <th scope="row">${line.funder}</th>
            <td>${line.year}</td>
            <td class="number">${formatExactEuros(line.beforeCents)}</td>
            <td class="number">${formatExactEuros(line.afterCents)}</td>
            <td class="number">${signedEuros(line.differenceCents)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function renderField(change_: SheetFieldChange, sheetLabel: string, whole: boolean): TemplateResult {
  switch (change_.field) {
    case 'title':
      return renderRuns(change_.runs);
    case 'lead':
      // An added or removed sheet lists its values as they are (or were), not "aucune → …".
      return whole ? html`${change_.after?.name ?? change_.before?.name ?? none()}` : change(change_.before?.name ?? null, change_.after?.name ?? null, none());
    case 'partners':
    case 'territories':
    case 'localPlans':
      return renderSet(change_.added, change_.removed);
    case 'dates':
      return html`<ul class="version-diff__facts">
        ${change_.startDate.before === change_.startDate.after ? nothing : html`<li>${msg('Début :', { id: 'versionDiff.dates.start' })} ${change(dayWords(change_.startDate.before), dayWords(change_.startDate.after), none())}</li>`}
        ${change_.endDate.before === change_.endDate.after ? nothing : html`<li>${msg('Fin :', { id: 'versionDiff.dates.end' })} ${change(dayWords(change_.endDate.before), dayWords(change_.endDate.after), none())}</li>`}
      </ul>`;
    case 'indicators':
      return html`<ul class="version-diff__facts">${change_.changes.map(renderIndicator)}</ul>`;
    case 'financing':
      return renderFinancing(change_.lines, msg(str`Financement de la fiche ${sheetLabel}, avant et après`, { id: 'versionDiff.amounts.caption' }));
    default:
      return renderBlocks(change_.blocks);
  }
}

/** "1.3 → 1.2" when renumbered; just the number of an added or removed sheet. */
function numberWords(sheet: SheetDiff): TemplateResult {
  if (sheet.number.before === null || sheet.number.after === null) return html`${sheet.number.after ?? sheet.number.before ?? ''}`;
  return change(sheet.number.before, sheet.number.after, '–');
}

function renderSheet(sheet: SheetDiff, index: number): TemplateResult {
  const id = `version-diff-sheet-${index}`;
  const title = sheet.title.after ?? sheet.title.before ?? '';
  const label = sheet.number.after ?? sheet.number.before ?? '';
  const whole = sheet.status === 'added' || sheet.status === 'removed';
  // The title of an added or removed sheet is its heading already.
  const fields = whole ? sheet.changes.filter((fieldChange) => fieldChange.field !== 'title') : sheet.changes;
  const axisMoved = sheet.axis.before !== null && sheet.axis.after !== null && sheet.axis.before.id !== sheet.axis.after.id;
  return html`<article class="version-diff__item version-diff__item--${sheet.status}" aria-labelledby=${id}>
    <div class="version-diff__item-head">
      <h3 id=${id}><span class="version-diff__number">${numberWords(sheet)}</span> ${title || msg('(sans titre)', { id: 'versionDiff.sheet.untitled' })}</h3>
      <span class="badge version-diff__badge version-diff__badge--${sheet.status}">${sheetStatusWords(sheet.status)}</span>
    </div>
    ${axisMoved
      ? html`<p class="version-diff__where">${msg(str`Déplacée de l’axe ${sheet.axis.before!.number} (${sheet.axis.before!.title}) vers l’axe ${sheet.axis.after!.number} (${sheet.axis.after!.title}).`, { id: 'versionDiff.sheet.axisMoved' })}</p>`
      : nothing}
    ${sheet.totals.differenceCents === 0 && sheet.status !== 'added' && sheet.status !== 'removed'
      ? nothing
      : html`<p class="version-diff__where">${msg('Montant de la fiche :', { id: 'versionDiff.sheet.total' })} ${change(formatExactEuros(sheet.totals.beforeCents), formatExactEuros(sheet.totals.afterCents), '')}
          ${sheet.totals.differenceCents === 0 ? nothing : html`<span class="nowrap">(${signedEuros(sheet.totals.differenceCents)})</span>`}</p>`}
    ${fields.length === 0
      ? nothing
      : html`<dl class="version-diff__fields">
          ${fields.map((fieldChange) => html`<div class="version-diff__field"><dt>${fieldLabel(fieldChange.field)}</dt><dd>${renderField(fieldChange, label, whole)}</dd></div>`)}
        </dl>`}
  </article>`;
}

function axisStatusWords(status: AxisDiff['status']): string {
  switch (status) {
    case 'added':
      return msg('Axe ajouté', { id: 'versionDiff.axis.added' });
    case 'removed':
      return msg('Axe supprimé', { id: 'versionDiff.axis.removed' });
    case 'changed':
      return msg('Axe modifié', { id: 'versionDiff.axis.changed' });
  }
}

function renderAxis(axis: AxisDiff, index: number): TemplateResult {
  const id = `version-diff-axis-${index}`;
  const changedAim = axis.aim.some((run) => run.kind !== 'equal');
  return html`<article class="version-diff__item version-diff__item--${axis.status}" aria-labelledby=${id}>
    <div class="version-diff__item-head">
      <h3 id=${id}>${msg('Axe', { id: 'versionDiff.axis.word' })} ${change(axis.number.before === null ? null : String(axis.number.before), axis.number.after === null ? null : String(axis.number.after), '–')} : ${renderRuns(axis.title)}</h3>
      <span class="badge version-diff__badge version-diff__badge--${axis.status}">${axisStatusWords(axis.status)}</span>
    </div>
    ${changedAim ? html`<p><span class="version-diff__mark">${msg('Finalité :', { id: 'versionDiff.axis.aim' })}</span> ${renderRuns(axis.aim)}</p>` : nothing}
  </article>`;
}

/** The "Axes et fiches action" part of the page. */
export function renderSheets(axes: readonly AxisDiff[], sheets: readonly SheetDiff[], unchangedCount: number): TemplateResult {
  const detailed = sheets.filter((sheet) => sheet.status !== 'moved');
  const moved = sheets.filter((sheet) => sheet.status === 'moved');
  return html`<section class="version-diff__part" aria-labelledby="version-diff-sheets-title">
    <h2 id="version-diff-sheets-title">${msg('Axes et fiches action', { id: 'versionDiff.sheets.title' })}</h2>
    ${axes.map(renderAxis)}
    ${detailed.map(renderSheet)}
    ${moved.length === 0
      ? nothing
      : html`<details class="version-diff__unchanged">
          <summary>${moved.length === 1 ? msg('1 fiche seulement déplacée ou renumérotée', { id: 'versionDiff.sheets.movedOne' }) : msg(str`${formatCount(moved.length)} fiches seulement déplacées ou renumérotées`, { id: 'versionDiff.sheets.moved' })}</summary>
          <ul>
            ${moved.map((sheet) => html`<li>${numberWords(sheet)} ${sheet.title.after ?? ''}</li>`)}
          </ul>
        </details>`}
    ${axes.length === 0 && sheets.length === 0 ? html`<p>${msg('Aucune fiche n’a changé.', { id: 'versionDiff.sheets.none' })}</p>` : nothing}
    ${unchangedCount === 0
      ? nothing
      : html`<p class="hint">${unchangedCount === 1 ? msg('1 autre fiche est inchangée.', { id: 'versionDiff.sheets.unchangedOne' }) : msg(str`${formatCount(unchangedCount)} autres fiches sont inchangées.`, { id: 'versionDiff.sheets.unchanged' })}</p>`}
  </section>`;
}
