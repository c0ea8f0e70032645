/**
 * Comments on one rich-text editor (the contract's text, or a field of an action sheet): a
 * reactive controller its host element owns. It subscribes to the workspace's comments, gives the
 * editor its highlight plugin, opens the composer on the selection (« Commenter », Ctrl+Alt+M),
 * keeps which thread is active (clicking a highlight focuses its card in the margin; opening a
 * card scrolls to its passage) and renders the margin beside the text.
 */
import { msg } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import { createAnchor } from '../../shared/comments/anchors';
import { can } from '../../shared/permissions';
import { quoteMaxChars, type AnchorTarget, type CommentThread } from '../../shared/schemas/comments';
import type { ProgrammePageProps } from '../programme/page-props';
import { commentHighlights, commentHighlightsKey, refreshHighlights, type HighlightState } from './comment-highlights';
import type { ThreadContext } from './comment-thread';
import { commentsStore, type CommentsSnapshot, type CommentsStore } from './comments-store';
import { mentionablesOf, type Mentionable } from './mentionables';
import './comment-margin';

export interface CommentBindingOptions {
  /** Which rich text this editor shows (undefined: no comments here). */
  target: () => AnchorTarget | undefined;
  fragment: () => Y.XmlFragment | undefined;
  view: () => EditorView | null;
  /** True once the text is there (before, no passage can be found: nothing is said deleted). */
  ready: () => boolean;
  /** Show « Commenter » only while text of this editor is selected (default: always). */
  actionOnSelection?: boolean;
}

/** A passage chosen for a new thread, anchored at the moment « Commenter » was used. */
export interface Draft {
  start: string;
  end: string;
  quote: string;
  /** Where the passage starts in the editor (to place the composer level with it). */
  from: number;
}

export const sameTarget = (a: AnchorTarget, b: AnchorTarget): boolean =>
  a.kind === b.kind && (a.kind === 'contract' || (b.kind === 'sheet' && a.sheetId === b.sheetId && a.field === b.field));

export class CommentBinding implements ReactiveController {
  readonly plugin: Plugin<HighlightState>;
  snapshot: CommentsSnapshot = { threads: [], loaded: false, problem: null, revision: 0 };
  draft: Draft | null = null;
  notice: string | null = null;
  active: string | null = null;
  private props: ProgrammePageProps | null = null;
  private store: CommentsStore | null = null;
  private unsubscribe: (() => void) | null = null;
  private mentionables: readonly Mentionable[] = [];
  private visible: CommentThread[] = [];
  private handledHash = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CommentBindingOptions,
  ) {
    host.addController(this);
    this.plugin = commentHighlights({
      fragment: options.fragment,
      threads: () => this.visible,
      onActivate: (threadId) => this.activate(threadId, 'text'),
    });
  }

  /** Counts changes of what the margin shows (the margin re-renders when it moves). */
  changes = 0;

  private changed(): void {
    this.changes++;
    this.host.requestUpdate();
  }

  /** The page's props (workspace, person, live events); comments follow its workspace. */
  setProps(props: ProgrammePageProps | null): void {
    if (props === this.props) return;
    const workspaceChanged = props?.view.id !== this.props?.view.id;
    this.props = props;
    if (!workspaceChanged) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.store = null;
    if (props === null) return;
    const store = commentsStore(props.view.id);
    this.store = store;
    void mentionablesOf(props.view.id, props.view.structures).then((found) => {
      this.mentionables = found;
      this.changed();
    });
    this.unsubscribe = store.subscribe(props.listen, (snapshot) => this.receive(snapshot));
  }

  /** True while text of this editor is selected. */
  hasSelection = false;

  /** Whether the margin shows the « Commenter » action now. */
  get showsAction(): boolean {
    return this.mayComment && (this.options.actionOnSelection !== true || this.hasSelection || this.draft !== null);
  }

  hostConnected(): void {
    if (this.options.actionOnSelection === true) document.addEventListener('selectionchange', this.onSelectionChange);
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener('trame-comment-activate', this.onActivateEvent as EventListener);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('trame-comment-activate', this.onActivateEvent as EventListener);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.props = null;
  }

  get context(): ThreadContext | null {
    const props = this.props;
    if (props === null || this.store === null) return null;
    return { workspaceId: props.view.id, me: props.me, role: props.role, store: this.store, mentionables: this.mentionables };
  }

  get mayComment(): boolean {
    return can(this.props?.role, 'comments.write');
  }

  /** Open, visible threads of this rich text. */
  get threads(): readonly CommentThread[] {
    return this.visible;
  }

  highlightState(): HighlightState | undefined {
    const view = this.options.view();
    return view === null ? undefined : commentHighlightsKey.getState(view.state);
  }

  /** The margin, to render beside the editor's text. */
  renderMargin(): TemplateResult {
    return html`<trame-comment-margin .binding=${this} .highlights=${this.highlightState()} .changes=${this.changes}></trame-comment-margin>`;
  }

  /** « Commenter »: anchors the selected passage and opens the composer. */
  compose(): void {
    const view = this.options.view();
    const fragment = this.options.fragment();
    if (!this.mayComment) return;
    const range = view === null ? null : selectedRange(view);
    const anchor = range === null || fragment === undefined ? undefined : createAnchor(fragment, range.from, range.to, quoteMaxChars);
    if (anchor === undefined) {
      this.draft = null;
      this.notice = msg('Sélectionnez d’abord un passage du texte, puis choisissez « Commenter ».', { id: 'comments.compose.noSelection' });
    } else {
      this.draft = { ...anchor, from: range?.from ?? 0 };
      this.notice = null;
    }
    this.changed();
  }

  cancelDraft(): void {
    this.draft = null;
    this.notice = null;
    this.changed();
    this.options.view()?.focus();
  }

  /** Makes a thread the active one; from the text, its card gets the focus; from the card, the passage is shown. */
  activate(threadId: string | null, from: 'text' | 'card'): void {
    this.active = threadId;
    const view = this.options.view();
    if (view !== null && !view.isDestroyed) view.dispatch(refreshHighlights(view.state.tr, threadId));
    this.changed();
    if (threadId === null) return;
    void this.host.updateComplete.then(() => {
      if (from === 'text') {
        const card = this.host.querySelector<HTMLElement>(`#marge-fil-${CSS.escape(threadId)}`);
        card?.scrollIntoView({ block: 'nearest' });
        card?.querySelector<HTMLElement>('textarea, button')?.focus({ preventScroll: true });
      } else {
        this.host.querySelector(`[data-comment-thread="${CSS.escape(threadId)}"]`)?.scrollIntoView({ block: 'center' });
      }
    });
  }

  /** True once the text is loaded and its passages can be looked for. */
  get ready(): boolean {
    return this.options.ready() && this.options.view() !== null;
  }

  editorView(): EditorView | null {
    return this.options.view();
  }

  /** Target of this editor, for the composer. */
  target(): AnchorTarget | undefined {
    return this.options.target();
  }

  private receive(snapshot: CommentsSnapshot): void {
    this.snapshot = snapshot;
    const target = this.options.target();
    this.visible =
      target === undefined ? [] : snapshot.threads.filter((t) => t.status === 'open' && t.hidden === null && sameTarget(t.anchor.target, target));
    const view = this.options.view();
    if (view !== null && !view.isDestroyed) view.dispatch(refreshHighlights(view.state.tr));
    this.changed();
    this.followHash();
  }

  /** Arriving from a link to a thread (`#fil-<id>`): open it beside its passage. */
  private followHash(): void {
    if (this.handledHash || !this.snapshot.loaded) return;
    const match = /^#fil-(.+)$/.exec(location.hash);
    if (match === null) return;
    const id = decodeURIComponent(match[1] ?? '');
    if (!this.visible.some((t) => t.id === id)) return;
    this.handledHash = true;
    setTimeout(() => this.activate(id, 'card'), 50);
  }

  private readonly onSelectionChange = (): void => {
    const view = this.options.view();
    const selected = view !== null && !view.isDestroyed && view.dom.contains(document.getSelection()?.anchorNode ?? null) && selectedRange(view) !== null;
    if (selected === this.hasSelection) return;
    this.hasSelection = selected;
    this.changed();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
      if (!this.mayComment || this.options.target() === undefined) return;
      event.preventDefault();
      this.compose();
    }
  };

  private readonly onActivateEvent = (event: CustomEvent<{ threadId: string | null }>): void => {
    event.stopPropagation();
    this.activate(event.detail.threadId, 'card');
  };
}

/** The selected range, from ProseMirror, or from the page's selection when the text is read-only. */
export function selectedRange(view: EditorView): { from: number; to: number } | null {
  const { from, to, empty } = view.state.selection;
  if (!empty) return { from, to };
  const selection = view.dom.ownerDocument.getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
  try {
    const start = view.posAtDOM(range.startContainer, range.startOffset);
    const end = view.posAtDOM(range.endContainer, range.endOffset);
    return start < end ? { from: start, to: end } : null;
  } catch {
    return null;
  }
}
