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
import type { RichTextField } from '../../shared/programme/layout';
import { CommentBinding } from '../comments/comment-binding';
import type { ContractSession } from '../controllers/contract-session';
import type { ProgrammePageProps } from './page-props';
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
  /** The page's props, and which sheet field this is, to comment on its passages. */
  @property({ attribute: false }) commentProps: ProgrammePageProps | null = null;
  @property() sheetId = '';
  @property() field: RichTextField | '' = '';

  @query('.sheet-rich-text__mount', true) private mount!: HTMLElement;

  private readonly editorView = new EditorViewController(this, {
    openLinkDialog: () => false,
    focusToolbar: () => false,
    onChangeTooLarge: () => undefined,
    placeholderText: () => this.placeholderText,
    extraPlugins: () => [this.comments.plugin],
  });

  private readonly comments: CommentBinding = new CommentBinding(this, {
    target: () => (this.commentProps === null || this.sheetId === '' || this.field === '' ? undefined : { kind: 'sheet', sheetId: this.sheetId, field: this.field }),
    fragment: () => this.fragment,
    view: () => this.editorView.view,
    ready: () => this.fragment !== undefined,
    // Three fields a sheet: « Commenter » shows when text is selected in this one (Ctrl+Alt+M always works).
    actionOnSelection: true,
  });

  override render(): TemplateResult {
    return html`<div class="field sheet-rich-text ${this.commentProps === null ? '' : 'sheet-rich-text--commented'}">
      <span class="field-label" id="${this.fieldId}-label">${this.label}</span>
      <div class="sheet-rich-text__mount"></div>
      ${this.fragment === undefined && this.session !== null
        ? html`<p class="field-error" id="${this.fieldId}-missing">${msg('Ce champ est endommagé dans le document : il ne peut pas être modifié ici.', { id: 'sheet.richText.damaged' })}</p>`
        : nothing}
      ${this.problems.map((problem, index) => html`<p class="field-error" id="${this.fieldId}-problem-${index}">${problem}</p>`)}
      ${this.commentProps === null ? nothing : this.comments.renderMargin()}
    </div>`;
  }

  protected override willUpdate(): void {
    this.comments.setProps(this.commentProps);
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
