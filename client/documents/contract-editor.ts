/**
 * `<trame-contract-editor>`: the shared contract, edited live with ProseMirror bound to Yjs.
 * Rendered in light DOM (no shadow root) so that native selection, y-prosemirror's cursor
 * decorations and automated typing behave exactly as on a plain page; its CSS lives in
 * contract-editor.css, loaded globally.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Command } from 'prosemirror-state';
import { customElement, property, query, state } from 'lit/decorators.js';
import { neutralColour } from '../../shared/colours';
import { can } from '../../shared/permissions';
import { liveVersionId } from '../../shared/schemas/versions';
import { noStructureName } from '../../shared/versions/authorship';
import { AuthorshipBinding } from '../authorship/authorship-binding';
import { CommentBinding } from '../comments/comment-binding';
import type { ContractSession } from '../controllers/contract-session';
import type { ProgrammePageProps } from '../programme/page-props';
import { EditorViewController } from '../controllers/editor-view-controller';
import type { TrameEventDetails } from '../events';
import { currentLocale } from '../i18n/localization';
import { editorCommands } from './editor/commands';
import { applyLink, linkAtSelection, removeLink } from './editor/link-commands';
import { maxChangeBytes } from './editor/size-guard';
import { computeToolbarState } from './editor/toolbar-state';
import type { EditorToolbar } from './editor-toolbar';
import type { LinkDialog } from './link-dialog';
import './editor-toolbar';
import './link-dialog';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-tables/style/tables.css';
import './contract-editor.css';
import './remote-cursors.css';

/** The contract text editor; read-only (no toolbar, a calm notice) for those who may not edit. */
@customElement('trame-contract-editor')
export class ContractEditor extends LitElement {
  /** The live contract to bind to; nothing is shown without one. */
  @property({ attribute: false }) session: ContractSession | null = null;
  /** Whether the person may type (their role allows it and the server accepts their edits). */
  @property({ type: Boolean }) editable = false;
  /** Why the text is read-only, shown above it when `editable` is false. */
  @property() readOnlyNotice = '';
  /** True once the text is available (from this browser's copy or from the server). */
  @property({ type: Boolean }) loaded = false;
  /** The page's props, to show and write comments on the text (none without them). */
  @property({ attribute: false }) commentProps: ProgrammePageProps | null = null;

  @state() private refusal: string | null = null;
  // Assigned by Lit's @query getters; all three are part of every render.
  @query('.contract-editor__mount', true) private mount!: HTMLElement;
  @query('trame-editor-toolbar') private toolbar!: EditorToolbar;
  @query('trame-link-dialog') private linkDialog!: LinkDialog;

  private readonly editorView = new EditorViewController(this, {
    openLinkDialog: () => this.openLinkDialog(),
    focusToolbar: () => this.editable && this.toolbar.focusToolbar(),
    onChangeTooLarge: (bytes) => this.showRefusal(bytes),
    placeholderText: () => msg('Le contrat est vide. Commencez par son titre, puis le diagnostic partagé.', { id: 'editor.placeholder' }),
    extraPlugins: () => [this.comments.plugin, this.authorship.plugin],
  });

  private readonly comments: CommentBinding = new CommentBinding(this, {
    target: () => (this.commentProps === null ? undefined : { kind: 'contract' }),
    fragment: () => this.session?.fragment,
    view: () => this.editorView.view,
    ready: () => this.loaded,
  });

  /** « Afficher les auteurs »: the text coloured by its authors' structures, and a legend. */
  private readonly authorship: AuthorshipBinding = new AuthorshipBinding(this, { view: () => this.editorView.view, idPrefix: 'contrat-auteurs' });

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Puts the caret in the text (once the latest `editable` value has been applied). */
  async focusText(): Promise<void> {
    await this.updateComplete;
    this.editorView.focus();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    const editorState = this.editorView.state;
    return html`
      ${this.editable ? nothing : this.renderReadOnlyNotice()}
      <trame-editor-toolbar
        ?hidden=${!this.editable}
        .toolbarState=${editorState === null ? null : computeToolbarState(editorState, this.editable)}
        @trame-editor-command=${this.handleCommand}
      ></trame-editor-toolbar>
      ${this.refusal === null
        ? nothing
        : html`<div class="contract-editor__refusal" role="alert">
            <p>${this.refusal}</p>
            <button type="button" @click=${() => (this.refusal = null)}>${msg('Compris', { id: 'editor.refusal.dismiss' })}</button>
          </div>`}
      ${this.loaded || this.session === null
        ? nothing
        : html`<p class="contract-editor__loading" role="status">${msg('Chargement du contrat…', { id: 'editor.loading' })}</p>`}
      ${this.mayShowAuthorship ? html`<div class="authorship-bar">${this.authorship.renderToggle()}</div>${this.authorship.renderLegend()}` : nothing}
      <div class="commented-text">
        <div class="contract-editor__mount" aria-busy=${this.loaded ? 'false' : 'true'}></div>
        ${this.commentProps === null ? nothing : this.comments.renderMargin()}
      </div>
      <trame-link-dialog
        @trame-link-apply=${(event: CustomEvent<{ href: string }>) => this.runCommand(applyLink(event.detail.href))}
        @trame-link-remove=${() => this.runCommand(removeLink)}
        @trame-dialog-close=${() => this.editorView.focus()}
      ></trame-link-dialog>
    `;
  }

  protected override willUpdate(): void {
    this.comments.setProps(this.commentProps);
    this.authorship.setTarget(this.authorshipTarget());
  }

  private get mayShowAuthorship(): boolean {
    return this.commentProps !== null && can(this.commentProps.role, 'versions.read');
  }

  /** The live contract's authorship; this browser's client id is the person's own. */
  private authorshipTarget(): Parameters<AuthorshipBinding['setTarget']>[0] {
    const props = this.commentProps;
    if (props === null || !this.mayShowAuthorship) return null;
    const structure = props.me.structures.find((s) => s.workspaceId === props.view.id);
    const viewer = {
      personId: props.me.id,
      personName: props.me.displayName,
      structureId: structure?.id ?? null,
      structureName: structure?.name ?? noStructureName,
      colour: structure?.colour ?? neutralColour,
    };
    return { workspaceId: props.view.id, versionId: liveVersionId, own: this.session === null ? undefined : { clientId: this.session.doc.clientID, viewer } };
  }

  protected override updated(): void {
    this.editorView.sync({
      mount: this.mount,
      session: this.session,
      editable: this.editable,
      attributes: {
        class: 'contract-text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': msg('Texte du contrat', { id: 'editor.label' }),
        'aria-readonly': String(!this.editable),
        // Read-only text stays reachable by Tab, and says why it cannot be changed.
        ...(this.editable ? {} : { tabindex: '0' }),
        ...(this.editable || this.readOnlyNotice === '' ? {} : { 'aria-describedby': 'contract-readonly-notice' }),
        // The contract is written in French whatever the interface language.
        lang: 'fr',
        spellcheck: 'true',
      },
    });
  }

  private renderReadOnlyNotice(): TemplateResult | typeof nothing {
    if (this.readOnlyNotice === '') return nothing;
    return html`<div class="contract-editor__readonly" id="contract-readonly-notice" data-testid="readonly-notice">
      <p>${this.readOnlyNotice}</p>
    </div>`;
  }

  private handleCommand(event: CustomEvent<TrameEventDetails['trame-editor-command']>): void {
    const view = this.editorView.view;
    const { command } = event.detail;
    if (view === null || !this.editable) return;
    if (command === 'link') {
      this.openLinkDialog();
      return;
    }
    const pressed = computeToolbarState(view.state, true)[command].pressed === true;
    // Pressing an active heading turns the block back into a paragraph, as a toggle should.
    const run = command.startsWith('heading') && pressed ? editorCommands.paragraph : editorCommands[command];
    run(view.state, view.dispatch, view);
    if (!event.detail.viaKeyboard) view.focus();
  }

  private runCommand(command: Command): void {
    const view = this.editorView.view;
    if (view !== null) command(view.state, view.dispatch, view);
  }

  private openLinkDialog(): boolean {
    const view = this.editorView.view;
    if (view === null || !this.editable) return false;
    void this.linkDialog.show(linkAtSelection(view.state)?.href ?? null);
    return true;
  }

  private showRefusal(estimatedBytes: number): void {
    const size = new Intl.NumberFormat(currentLocale() === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
    const change = size.format(estimatedBytes / 1024 / 1024);
    const limit = size.format(maxChangeBytes / 1024 / 1024);
    this.refusal = msg(
      str`Ce collage est trop volumineux pour être partagé en une fois (environ ${change} Mo une fois mis en forme ; au plus ${limit} Mo à la fois). Rien n’a été modifié : collez le texte en plusieurs parties.`,
      { id: 'editor.tooLarge' },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-contract-editor': ContractEditor;
  }
}
