/**
 * `<trame-sheets-page>`: the programme's outline. Axes in order, their titles and aims typed live,
 * each with its action sheets (number, title, lead structure, dates, planned total, points to
 * fix). Sheets and axes are reordered by dragging them or from the keyboard (the "Monter" and
 * "Descendre" buttons, or Alt+↑ / Alt+↓ on a sheet), with focus kept on the moved item and the
 * move announced; numbers follow for everyone at once. Read-only roles see the same outline
 * without the editing controls.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import { addAxis, addSheet, axisText, moveAxis, moveSheet, removeAxis, removeSheet } from '../../shared/programme/edit';
import type { AxisView, ProgrammeView, SheetView } from '../../shared/programme/read';
import { navigate, workspacePath } from '../routing/routes';
import type { ConfirmDialog } from '../ui/confirm-dialog';
import { LightPage } from '../ui/light-page';
import { axisDropIndex, axisStep, isSamePlace, sheetDropPlace, sheetStep, type Direction, type OutlineShape, type SheetPlace } from './outline-moves';
import { renderSheetItem, type SheetItemActions } from './outline-sheet-item';
import type { ProgrammePageProps } from './page-props';
import { bindYText } from './y-text-binding';
import '../ui/confirm-dialog';

type Dragged = { kind: 'sheet' | 'axis'; id: string };

/** The outline of axes and action sheets. */
@customElement('trame-sheets-page')
export class SheetsPage extends LightPage {
  /** What every programme page receives from the app. */
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private announcement = '';
  @state() private dropTarget: string | null = null;
  // Assigned by Lit's @query getter; the dialog is rendered whenever deleting is possible.
  @query('trame-confirm-dialog') private confirmDialog!: ConfirmDialog;
  private dragged: Dragged | null = null;
  /** Where focus goes once the document has been read again after a move or an addition. */
  private pendingFocus: { selector: string; afterRevision: number } | null = null;

  override render(): TemplateResult {
    const props = this.props;
    const state = props?.programme ?? null;
    if (props === null || state === null || props.session === null || !props.loaded) {
      return html`<div class="page"><h1>${msg('Fiches action', { id: 'nav.sheets' })}</h1><p role="status">${msg('Chargement des fiches action…', { id: 'sheets.loading' })}</p></div>`;
    }
    const programme = state.programme;
    const isEmpty = programme.axes.length === 0 && programme.orphans.length === 0;
    return html`<div class="page outline-page">
      <div class="page-header">
        <h1>${msg('Fiches action', { id: 'nav.sheets' })}</h1>
        ${props.editable && !isEmpty ? html`<p class="page-actions"><button type="button" class="primary" @click=${() => this.addAxis()}>${msg('Ajouter un axe', { id: 'sheets.addAxis' })}</button></p>` : nothing}
      </div>
      ${isEmpty ? this.renderEmpty(props.editable) : html`<p class="lead">${this.summary(programme)}</p>`}
      ${props.editable && !isEmpty
        ? html`<p class="hint" id="outline-help">${msg('Pour réordonner, faites glisser une fiche ou un axe, ou utilisez les boutons Monter et Descendre (raccourci : Alt+↑ et Alt+↓ sur une fiche). Une fiche montée en tête d’axe passe à l’axe précédent.', { id: 'sheets.help' })}</p>`
        : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="outline-announcement">${this.announcement}</p>
      ${repeat(programme.axes, (axis) => axis.id, (axis) => this.renderAxis(props, programme, axis))}
      ${programme.orphans.length === 0 ? nothing : this.renderOrphans(props, programme)}
      ${props.editable ? html`<trame-confirm-dialog></trame-confirm-dialog>` : nothing}
    </div>`;
  }

  protected override updated(): void {
    const pending = this.pendingFocus;
    const revision = this.props?.programme?.revision ?? 0;
    if (pending === null || revision < pending.afterRevision) return;
    const target = this.querySelector<HTMLElement>(pending.selector);
    if (target === null) return;
    this.pendingFocus = null;
    if (document.activeElement !== target) target.focus();
  }

  private summary(programme: ProgrammeView): string {
    const sheets = programme.sheets.size;
    const axes = programme.axes.length;
    const sheetWords = sheets === 1 ? msg('1 fiche action', { id: 'sheets.count.one' }) : msg(str`${sheets} fiches action`, { id: 'sheets.count' });
    const axisWords = axes === 1 ? msg('1 axe', { id: 'sheets.axes.one' }) : msg(str`${axes} axes`, { id: 'sheets.axes' });
    return msg(str`${sheetWords} réparties en ${axisWords}.`, { id: 'sheets.summary' });
  }

  private renderEmpty(editable: boolean): TemplateResult {
    return html`<div class="empty-state">
      <p>${msg('Aucune fiche action pour l’instant. Le programme se construit en axes (les grandes priorités du contrat), puis en fiches action rattachées à chaque axe : une structure porteuse, des partenaires, des objectifs, des indicateurs et un plan de financement.', { id: 'sheets.empty' })}</p>
      ${editable
        ? html`<p><button type="button" class="primary" @click=${() => this.addAxis()}>${msg('Créer le premier axe', { id: 'sheets.empty.addAxis' })}</button></p>`
        : html`<p>${msg('La coordination et les membres les créent ; elles apparaîtront ici dès qu’elles seront écrites.', { id: 'sheets.empty.readOnly' })}</p>`}
    </div>`;
  }

  private renderAxis(props: ProgrammePageProps, programme: ProgrammeView, axis: AxisView): TemplateResult {
    const doc = props.session?.doc ?? null;
    const editable = props.editable;
    const prefix = `axis-${axis.id}`;
    const title = axis.title.trim() === '' ? msg('Sans titre', { id: 'sheet.untitled' }) : axis.title;
    const isFirst = programme.axes[0]?.id === axis.id;
    const isLast = programme.axes[programme.axes.length - 1]?.id === axis.id;
    return html`<section
      class="outline-axis ${this.dropTarget === prefix ? 'is-drop-target' : ''}"
      aria-labelledby="${prefix}-heading"
      data-axis=${axis.id}
      @dragover=${(event: DragEvent) => this.handleAxisDragOver(event, axis)}
      @dragleave=${() => (this.dropTarget = null)}
      @drop=${(event: DragEvent) => this.handleAxisDrop(event, programme, axis)}
    >
      <div class="outline-axis__header">
        ${editable
          ? html`<span class="drag-handle" draggable="true" title=${msg('Faire glisser pour déplacer l’axe', { id: 'sheets.dragAxis' })} aria-hidden="true"
              @dragstart=${(event: DragEvent) => this.handleDragStart(event, { kind: 'axis', id: axis.id })}
              @dragend=${() => this.handleDragEnd()}>⠿</span>`
          : nothing}
        <h2 id="${prefix}-heading">${editable ? msg(str`Axe ${axis.number}`, { id: 'sheets.axisNumber' }) : msg(str`Axe ${axis.number} : ${title}`, { id: 'sheet.axis' })}</h2>
        ${editable
          ? html`<div class="outline-axis__controls" role="group" aria-label=${msg(str`Axe ${axis.number}`, { id: 'sheets.axisNumber' })}>
              ${this.moveButton('up', isFirst, `[data-axis="${axis.id}"] [data-move="up"]`, () => this.stepAxis(programme, axis, 'up'), msg(str`Monter l’axe ${axis.number}`, { id: 'sheets.axisUp' }))}
              ${this.moveButton('down', isLast, `[data-axis="${axis.id}"] [data-move="down"]`, () => this.stepAxis(programme, axis, 'down'), msg(str`Descendre l’axe ${axis.number}`, { id: 'sheets.axisDown' }))}
              <button type="button" class="link danger-link" @click=${() => void this.deleteAxis(axis)}>
                ${msg('Supprimer', { id: 'sheets.delete' })}<span class="visually-hidden"> ${msg(str`l’axe ${axis.number}`, { id: 'sheets.deleteAxisWhich' })}</span>
              </button>
            </div>`
          : nothing}
      </div>
      ${editable ? this.renderAxisFields(doc, axis, prefix) : axis.aim.trim() === '' ? nothing : html`<p class="outline-axis__aim" lang="fr">${axis.aim}</p>`}
      ${axis.sheets.length === 0
        ? html`<p class="outline-axis__empty">${msg('Aucune fiche dans cet axe.', { id: 'sheets.axisEmpty' })}${editable ? ` ${msg('Ajoutez-en une, ou faites-en glisser une ici.', { id: 'sheets.axisEmpty.hint' })}` : ''}</p>`
        : html`<ol class="outline-sheets" aria-label=${msg(str`Fiches de l’axe ${axis.number}`, { id: 'sheets.axisSheets' })}>
            ${repeat(axis.sheets, (sheet) => sheet.id, (sheet) => renderSheetItem(this.itemInput(props, programme, sheet)))}
          </ol>`}
      ${editable
        ? html`<p><button type="button" @click=${() => this.addSheet(axis)}>${msg('Ajouter une fiche', { id: 'sheets.addSheet' })}<span class="visually-hidden"> ${msg(str`à l’axe ${axis.number}`, { id: 'sheets.addSheetWhere' })}</span></button></p>`
        : nothing}
    </section>`;
  }

  private renderAxisFields(doc: Y.Doc | null, axis: AxisView, prefix: string): TemplateResult {
    return html`<div class="outline-axis__fields">
      <div class="field">
        <label for="${prefix}-title">${msg(str`Titre de l’axe ${axis.number}`, { id: 'sheets.axisTitle' })}</label>
        <input id="${prefix}-title" class="outline-axis__title" autocomplete="off" maxlength="300" lang="fr" ${bindYText(doc === null ? undefined : axisText(doc, axis.id, 'title'))} />
      </div>
      <div class="field">
        <label for="${prefix}-aim">${msg('Finalité', { id: 'sheets.axisAim' })}</label>
        <textarea id="${prefix}-aim" rows="2" lang="fr" ${bindYText(doc === null ? undefined : axisText(doc, axis.id, 'aim'))}></textarea>
      </div>
    </div>`;
  }

  private renderOrphans(props: ProgrammePageProps, programme: ProgrammeView): TemplateResult {
    return html`<section class="outline-axis outline-axis--orphans" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">${msg('Fiches sans axe', { id: 'sheets.orphans' })}</h2>
      <p>${msg('L’axe de ces fiches a été supprimé pendant qu’elles étaient déplacées. Rattachez-les à un axe pour qu’elles retrouvent un numéro.', { id: 'sheets.orphans.body' })}</p>
      <ul class="outline-sheets">
        ${repeat(programme.orphans, (sheet) => sheet.id, (sheet) => renderSheetItem(this.itemInput(props, programme, sheet)))}
      </ul>
    </section>`;
  }

  private itemInput(props: ProgrammePageProps, programme: ProgrammeView, sheet: SheetView): Parameters<typeof renderSheetItem>[0] {
    const outline = shapeOf(programme);
    const isOrphan = !programme.axes.some((axis) => axis.id === sheet.axisId);
    const actions: SheetItemActions | null = props.editable
      ? {
          canMoveUp: sheetStep(outline, sheet.id, 'up') !== null,
          canMoveDown: sheetStep(outline, sheet.id, 'down') !== null,
          move: (direction, focusSelector) => this.stepSheet(programme, sheet, direction, focusSelector),
          remove: () => void this.deleteSheet(sheet),
          attach: (axisId) => this.attach(programme, sheet, axisId),
          dragStart: (event) => this.handleDragStart(event, { kind: 'sheet', id: sheet.id }),
          dragEnd: () => this.handleDragEnd(),
          dragOver: (event) => this.handleSheetDragOver(event, sheet),
          drop: (event) => this.handleSheetDrop(event, programme, sheet),
        }
      : null;
    return {
      sheet,
      href: workspacePath(props.view.id, 'sheet', sheet.id),
      leadName: props.view.structures.find((structure) => structure.id === sheet.lead)?.name ?? null,
      plannedCents: props.programme?.consolidation.bySheet.get(sheet.id) ?? 0,
      problemCount: props.programme?.programme.problems.filter((problem) => problem.sheetId === sheet.id).length ?? 0,
      axes: isOrphan ? programme.axes : null,
      dropSide: this.dropTarget === `sheet-${sheet.id}-before` ? 'before' : this.dropTarget === `sheet-${sheet.id}-after` ? 'after' : null,
      actions,
    };
  }

  private moveButton(direction: Direction, isAtEnd: boolean, focusSelector: string, run: () => void, label: string): TemplateResult {
    return html`<button type="button" class="icon-button" data-move=${direction} aria-label=${label} title=${label} aria-disabled=${String(isAtEnd)} @click=${() => {
      if (isAtEnd) return;
      this.pendingFocus = { selector: focusSelector, afterRevision: (this.props?.programme?.revision ?? 0) + 1 };
      run();
    }}>${direction === 'up' ? '↑' : '↓'}</button>`;
  }

  private get doc(): Y.Doc | null {
    return this.props?.session?.doc ?? null;
  }

  private stepSheet(programme: ProgrammeView, sheet: SheetView, direction: Direction, focusSelector: string): void {
    const place = sheetStep(shapeOf(programme), sheet.id, direction);
    if (place === null) return;
    this.placeSheet(programme, sheet, place, focusSelector);
  }

  private placeSheet(programme: ProgrammeView, sheet: SheetView, place: SheetPlace, focusSelector: string): void {
    const doc = this.doc;
    const axis = programme.axes.find((candidate) => candidate.id === place.axisId);
    if (doc === null || axis === undefined || isSamePlace(shapeOf(programme), sheet.id, place)) return;
    this.pendingFocus = { selector: focusSelector, afterRevision: (this.props?.programme?.revision ?? 0) + 1 };
    moveSheet(doc, sheet.id, place.axisId, place.index);
    this.announcement = msg(str`Fiche ${sheet.number} déplacée en position ${place.index + 1} de l’axe ${axis.number}.`, { id: 'sheets.moved' });
  }

  private attach(programme: ProgrammeView, sheet: SheetView, axisId: string): void {
    const axis = programme.axes.find((candidate) => candidate.id === axisId);
    if (axis === undefined) return;
    this.placeSheet(programme, sheet, { axisId, index: axis.sheets.length }, `[data-sheet="${sheet.id}"] .outline-sheet__link`);
  }

  private stepAxis(programme: ProgrammeView, axis: AxisView, direction: Direction): void {
    const doc = this.doc;
    const index = axisStep(programme.axes.map((candidate) => candidate.id), axis.id, direction);
    if (doc === null || index === null) return;
    moveAxis(doc, axis.id, index);
    this.announcement = msg(str`Axe ${axis.number} déplacé en position ${index + 1}.`, { id: 'sheets.axisMoved' });
  }

  private addAxis(): void {
    const doc = this.doc;
    if (doc === null) return;
    const id = addAxis(doc, { title: '', aim: '' });
    this.pendingFocus = { selector: `#axis-${CSS.escape(id)}-title`, afterRevision: (this.props?.programme?.revision ?? 0) + 1 };
    this.announcement = msg('Axe ajouté : donnez-lui un titre.', { id: 'sheets.axisAdded' });
  }

  private addSheet(axis: AxisView): void {
    const doc = this.doc;
    const view = this.props?.view;
    if (doc === null || view === undefined) return;
    const id = addSheet(doc, axis.id);
    navigate(workspacePath(view.id, 'sheet', id));
  }

  private async deleteSheet(sheet: SheetView): Promise<void> {
    const title = sheet.title.trim() === '' ? msg('Sans titre', { id: 'sheet.untitled' }) : sheet.title;
    const confirmed = await this.confirmDialog.ask({
      title: msg(str`Supprimer la fiche ${sheet.number} ?`, { id: 'sheets.deleteSheet.title' }),
      body: msg(str`« ${title} » disparaîtra pour tout le monde, avec son plan de financement ; les fiches suivantes seront renumérotées.`, { id: 'sheets.deleteSheet.body' }),
      confirmLabel: msg('Supprimer la fiche', { id: 'sheets.deleteSheet.confirm' }),
    });
    const doc = this.doc;
    if (!confirmed || doc === null) return;
    removeSheet(doc, sheet.id);
    this.announcement = msg(str`Fiche ${sheet.number} supprimée.`, { id: 'sheets.sheetDeleted' });
    this.pendingFocus = { selector: 'h1', afterRevision: (this.props?.programme?.revision ?? 0) + 1 };
  }

  private async deleteAxis(axis: AxisView): Promise<void> {
    const count = axis.sheets.length;
    const confirmed = await this.confirmDialog.ask({
      title: msg(str`Supprimer l’axe ${axis.number} ?`, { id: 'sheets.deleteAxis.title' }),
      body:
        count === 0
          ? msg('Cet axe ne contient aucune fiche. Les axes suivants seront renumérotés.', { id: 'sheets.deleteAxis.bodyEmpty' })
          : msg(str`Ses ${count} fiches action seront supprimées avec lui, pour tout le monde, avec leurs plans de financement. Pour les garder, déplacez-les d’abord vers un autre axe.`, { id: 'sheets.deleteAxis.body' }),
      confirmLabel: msg('Supprimer l’axe', { id: 'sheets.deleteAxis.confirm' }),
    });
    const doc = this.doc;
    if (!confirmed || doc === null) return;
    removeAxis(doc, axis.id);
    this.announcement = msg(str`Axe ${axis.number} supprimé.`, { id: 'sheets.axisDeleted' });
    this.pendingFocus = { selector: 'h1', afterRevision: (this.props?.programme?.revision ?? 0) + 1 };
  }

  private handleDragStart(event: DragEvent, dragged: Dragged): void {
    this.dragged = dragged;
    if (event.dataTransfer === null) return;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged.id);
    const item = (event.target as HTMLElement | null)?.closest<HTMLElement>(dragged.kind === 'sheet' ? '.outline-sheet' : '.outline-axis');
    if (item != null) event.dataTransfer.setDragImage(item, 16, 16);
  }

  private handleDragEnd(): void {
    this.dragged = null;
    this.dropTarget = null;
  }

  private handleSheetDragOver(event: DragEvent, sheet: SheetView): void {
    if (this.dragged?.kind !== 'sheet') return;
    event.preventDefault();
    event.stopPropagation();
    const side = isLowerHalf(event) ? 'after' : 'before';
    this.dropTarget = `sheet-${sheet.id}-${side}`;
  }

  private handleSheetDrop(event: DragEvent, programme: ProgrammeView, target: SheetView): void {
    const dragged = this.dragged;
    if (dragged?.kind !== 'sheet') return;
    event.preventDefault();
    event.stopPropagation();
    const sheet = programme.sheets.get(dragged.id);
    const place = sheet === undefined ? null : sheetDropPlace(shapeOf(programme), dragged.id, target.axisId, target.id, isLowerHalf(event));
    this.handleDragEnd();
    if (sheet !== undefined && place !== null) this.placeSheet(programme, sheet, place, `[data-sheet="${sheet.id}"] .outline-sheet__link`);
  }

  private handleAxisDragOver(event: DragEvent, axis: AxisView): void {
    if (this.dragged === null) return;
    event.preventDefault();
    this.dropTarget = `axis-${axis.id}`;
  }

  private handleAxisDrop(event: DragEvent, programme: ProgrammeView, axis: AxisView): void {
    const dragged = this.dragged;
    if (dragged === null) return;
    event.preventDefault();
    const doc = this.doc;
    this.handleDragEnd();
    if (doc === null) return;
    if (dragged.kind === 'sheet') {
      const sheet = programme.sheets.get(dragged.id);
      const place = sheetDropPlace(shapeOf(programme), dragged.id, axis.id, null, true);
      if (sheet !== undefined && place !== null) this.placeSheet(programme, sheet, place, `[data-sheet="${sheet.id}"] .outline-sheet__link`);
      return;
    }
    const ids = programme.axes.map((candidate) => candidate.id);
    const moved = programme.axes.find((candidate) => candidate.id === dragged.id);
    const index = axisDropIndex(ids, dragged.id, axis.id, ids.indexOf(dragged.id) < ids.indexOf(axis.id));
    if (moved === undefined || index === null) return;
    moveAxis(doc, dragged.id, index);
    this.announcement = msg(str`Axe ${moved.number} déplacé en position ${index + 1}.`, { id: 'sheets.axisMoved' });
  }
}

/** The outline as ids, for the move computations. */
function shapeOf(programme: ProgrammeView): OutlineShape {
  return { axes: programme.axes.map((axis) => ({ id: axis.id, sheetIds: axis.sheets.map((sheet) => sheet.id) })) };
}

function isLowerHalf(event: DragEvent): boolean {
  const target = event.currentTarget;
  if (!(target instanceof HTMLElement)) return true;
  const box = target.getBoundingClientRect();
  return event.clientY > box.top + box.height / 2;
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheets-page': SheetsPage;
  }
}
