/**
 * `<trame-sheet-rich-text>`: one rich-text field of an action sheet (goals, description, expected
 * results), edited live with the contract editor's ProseMirror stack bound to the sheet's own
 * Y.XmlFragment. Formatting is by keyboard (Ctrl+B, Ctrl+I, lists with Ctrl+Maj+8/7, the
 * contract editor's shortcuts); the toolbar stays with the contract's main text, to keep a sheet
 * of ten fields calm. Light DOM, so that the label, the cursors and the text belong to the page.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type * as Y from 'yjs';
import type { ContractSession } from '../controllers/contract-session';
import { EditorViewController } from '../controllers/editor-view-controller';
import { LightPage } from '../ui/light-page';
import 'prosemirror-view/style/prosemirror.css';
import '../documents/remote-cursors.css';

/** A labelled, live rich-text field. */
@customElement('trame-sheet-rich-text')
export class SheetRichText extends LightPage {
  /** The live contract document. */
  @property({ attribute: false }) session: ContractSession | null = null;
  /** The sheet's rich text to edit (undefined while the field is missing or damaged). */
  @property({ attribute: false }) fragment: Y.XmlFragment | undefined;
  /** Whether the person may type. */
  @property({ type: Boolean }) editable = false;
  /** Unique id prefix in the page (label, hint and problem ids). */
  @property() fieldId = '';
  @property() label = '';
  /** What belongs in the field, shown while it is empty. */
  @property() placeholderText = '';
  /** Problems of the document about this field, in French. */
  @property({ attribute: false }) problems: readonly string[] = [];

  @query('.sheet-rich-text__mount', true) private mount!: HTMLElement;

  private readonly editorView = new EditorViewController(this, {
    openLinkDialog: () => false,
    focusToolbar: () => false,
    onChangeTooLarge: () => undefined,
    placeholderText: () => this.placeholderText,
  });

  override render(): TemplateResult {
    return html`<div class="field sheet-rich-text">
      <span class="field-label" id="${this.fieldId}-label">${this.label}</span>
      <div class="sheet-rich-text__mount"></div>
      ${this.fragment === undefined && this.session !== null
        ? html`<p class="field-error" id="${this.fieldId}-missing">${msg('Ce champ est endommagé dans le document : il ne peut pas être modifié ici.', { id: 'sheet.richText.damaged' })}</p>`
        : nothing}
      ${this.problems.map((problem, index) => html`<p class="field-error" id="${this.fieldId}-problem-${index}">${problem}</p>`)}
    </div>`;
  }

  protected override updated(): void {
    const describedBy = this.problems.map((_, index) => `${this.fieldId}-problem-${index}`).join(' ');
    this.editorView.sync({
      mount: this.mount,
      session: this.fragment === undefined ? null : this.session,
      fragment: this.fragment,
      editable: this.editable,
      attributes: {
        class: 'contract-text sheet-rich-text__text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${this.fieldId}-label`,
        'aria-readonly': String(!this.editable),
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
        ...(this.editable ? {} : { tabindex: '0' }),
        // Sheets are written in French whatever the interface language.
        lang: 'fr',
        spellcheck: 'true',
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheet-rich-text': SheetRichText;
  }
}
