/**
 * One action sheet in the outline, as a light-DOM template: its number, title (a link to the
 * sheet), lead structure, dates, planned total and the points to fix, in words. For people who
 * may edit: a drag handle, "Monter" / "Descendre" buttons (Alt+↑ / Alt+↓ anywhere on the item),
 * "Supprimer", and for a sheet without an axis, a choice of axis to attach it to.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { AxisView, SheetView } from '../../shared/programme/read';
import { formatDate, formatEuros } from '../i18n/format';
import { controlValue } from '../ui/dom';
import type { Direction } from './outline-moves';

/** What people who may edit can do with the item. */
export interface SheetItemActions {
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Moves one step; focus then goes to `focusSelector`. */
  move: (direction: Direction, focusSelector: string) => void;
  remove: () => void;
  attach: (axisId: string) => void;
  dragStart: (event: DragEvent) => void;
  dragEnd: () => void;
  dragOver: (event: DragEvent) => void;
  drop: (event: DragEvent) => void;
}

export interface SheetItemInput {
  sheet: SheetView;
  href: string;
  leadName: string | null;
  plannedCents: number;
  problemCount: number;
  /** The axes to attach the sheet to, when it has none (null otherwise). */
  axes: readonly AxisView[] | null;
  /** Where a dragged sheet would land, relative to this one. */
  dropSide: 'before' | 'after' | null;
  actions: SheetItemActions | null;
}

/** Renders one sheet of the outline. */
export function renderSheetItem(input: SheetItemInput): TemplateResult {
  const { sheet, actions } = input;
  const title = sheet.title.trim() === '' ? msg('Sans titre', { id: 'sheet.untitled' }) : sheet.title;
  const selector = (part: string): string => `[data-sheet="${sheet.id}"] ${part}`;
  const handleKeydown = (event: KeyboardEvent): void => {
    if (actions === null || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const direction: Direction = event.key === 'ArrowUp' ? 'up' : 'down';
    const focused = event.target instanceof HTMLElement ? event.target : null;
    const part = focused?.dataset['move'] !== undefined ? `[data-move="${focused.dataset['move']}"]` : '.outline-sheet__link';
    actions.move(direction, selector(part));
  };
  return html`<li
    class="outline-sheet ${input.dropSide === null ? '' : `is-drop-${input.dropSide}`}"
    data-sheet=${sheet.id}
    @keydown=${handleKeydown}
    @dragover=${actions?.dragOver ?? nothing}
    @drop=${actions?.drop ?? nothing}
  >
    ${actions === null
      ? nothing
      : html`<span class="drag-handle" draggable="true" aria-hidden="true" title=${msg('Faire glisser pour déplacer la fiche', { id: 'sheets.dragSheet' })} @dragstart=${actions.dragStart} @dragend=${actions.dragEnd}>⠿</span>`}
    <div class="outline-sheet__main">
      <a class="outline-sheet__link" href=${input.href}><span class="outline-sheet__number">${sheet.number}</span> <span class="outline-sheet__title" lang="fr">${title}</span></a>
      <p class="outline-sheet__facts">
        <span>${input.leadName ?? msg('Structure porteuse à désigner', { id: 'sheets.noLead' })}</span>
        <span>${datesText(sheet)}</span>
        <span class="outline-sheet__total" data-testid="sheet-planned">${formatEuros(input.plannedCents)}</span>
        ${input.problemCount === 0
          ? nothing
          : html`<span class="badge badge--warning">${input.problemCount === 1 ? msg('1 point à corriger', { id: 'sheets.problem.one' }) : msg(str`${input.problemCount} points à corriger`, { id: 'sheets.problems' })}</span>`}
      </p>
      ${actions !== null && input.axes !== null ? renderAttach(sheet, input.axes, actions) : nothing}
    </div>
    ${actions === null
      ? nothing
      : html`<div class="outline-sheet__controls" role="group" aria-label=${msg(str`Fiche ${sheet.number}`, { id: 'sheet.number' })}>
          ${input.axes === null
            ? html`${moveButton('up', !actions.canMoveUp, msg(str`Monter la fiche ${sheet.number}`, { id: 'sheets.sheetUp' }), () => actions.move('up', selector('[data-move="up"]')))}
              ${moveButton('down', !actions.canMoveDown, msg(str`Descendre la fiche ${sheet.number}`, { id: 'sheets.sheetDown' }), () => actions.move('down', selector('[data-move="down"]')))}`
            : nothing}
          <button type="button" class="link danger-link" @click=${actions.remove}>
            ${msg('Supprimer', { id: 'sheets.delete' })}<span class="visually-hidden"> ${msg(str`la fiche ${sheet.number}`, { id: 'sheets.deleteSheetWhich' })}</span>
          </button>
        </div>`}
  </li>`;
}

function moveButton(direction: Direction, isDisabled: boolean, label: string, run: () => void): TemplateResult {
  return html`<button type="button" class="icon-button" data-move=${direction} aria-label=${label} title=${label} aria-disabled=${String(isDisabled)} @click=${() => isDisabled || run()}>
    ${direction === 'up' ? '↑' : '↓'}
  </button>`;
}

function renderAttach(sheet: SheetView, axes: readonly AxisView[], actions: SheetItemActions): TemplateResult {
  const id = `attach-${sheet.id}`;
  return html`<div class="outline-sheet__attach">
    <label for=${id}>${msg('Rattacher à l’axe', { id: 'sheets.attach' })}</label>
    <select id=${id} @change=${(event: Event) => controlValue(event) !== '' && actions.attach(controlValue(event))}>
      <option value="">${msg('Choisir un axe…', { id: 'sheet.attach.choose' })}</option>
      ${axes.map((axis) => html`<option value=${axis.id}>${msg(str`Axe ${axis.number} : ${axis.title}`, { id: 'sheet.axis' })}</option>`)}
    </select>
  </div>`;
}

/** "1 janvier 2011 – 31 décembre 2013", or what is missing. */
function datesText(sheet: SheetView): string {
  if (sheet.startDate === null && sheet.endDate === null) return msg('Dates à préciser', { id: 'sheets.noDates' });
  const start = sheet.startDate === null ? '…' : formatDate(sheet.startDate);
  const end = sheet.endDate === null ? '…' : formatDate(sheet.endDate);
  return `${start} – ${end}`;
}
