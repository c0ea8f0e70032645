/**
 * Owns the ProseMirror `EditorView` of the contract editor: builds it when a session and a mount
 * point are available, rebuilds it when the session changes (another workspace), keeps its
 * editability and accessible name current, and destroys it with the host.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { contractSchema } from '../../shared/contract-schema';
import type { ContractSession } from './contract-session';
import { buildPlugins, type PluginHooks } from '../documents/editor/plugins';

/** What the view needs on every render. */
export interface EditorViewInput {
  mount: HTMLElement;
  session: ContractSession | null;
  /** Another rich text of the session's document to edit instead of the contract's text. */
  fragment?: Y.XmlFragment | undefined;
  editable: boolean;
  /** Accessible name and language attributes of the contenteditable. */
  attributes: Record<string, string>;
}

/** Keeps one EditorView alive per session and exposes its latest state. */
export class EditorViewController implements ReactiveController {
  /** The live view, or null without a session. */
  view: EditorView | null = null;
  /** The latest editor state (re-read by the host's render for the toolbar). */
  state: EditorState | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly hooks: PluginHooks;
  private session: ContractSession | null = null;
  private fragment: Y.XmlFragment | undefined;
  private editable = false;
  private attributes: Record<string, string> = {};
  private isConstructing = false;

  constructor(host: ReactiveControllerHost, hooks: PluginHooks) {
    this.host = host;
    this.hooks = hooks;
    host.addController(this);
  }

  /** Brings the view in line with `input`; cheap when nothing changed. */
  sync(input: EditorViewInput): void {
    const propsChanged = input.editable !== this.editable || !sameAttributes(input.attributes, this.attributes);
    this.editable = input.editable;
    this.attributes = input.attributes;
    if (input.session !== this.session || input.fragment !== this.fragment) {
      this.destroyView();
      this.session = input.session;
      this.fragment = input.fragment;
      if (input.session !== null) this.createView(input.mount, input.session);
      return;
    }
    if (propsChanged) this.view?.setProps({ editable: () => this.editable, attributes: { ...this.attributes } });
  }

  /** Puts the caret in the text. */
  focus(): void {
    this.view?.focus();
  }

  hostConnected(): void {
    // The view is (re)built by the host's next `sync` call, once its mount point exists.
  }

  hostDisconnected(): void {
    this.destroyView();
    this.session = null;
    this.fragment = undefined;
  }

  private createView(mount: HTMLElement, session: ContractSession): void {
    const state = EditorState.create({ schema: contractSchema, plugins: buildPlugins(session, this.hooks, { fragment: this.fragment }) });
    const apply = (view: EditorView, tr: Transaction): void => this.apply(view, tr);
    this.isConstructing = true;
    this.view = new EditorView(mount, {
      state,
      editable: () => this.editable,
      attributes: { ...this.attributes },
      // Keep the caret clear of the sticky top bar and toolbar when the view scrolls to it.
      scrollMargin: { top: 140, bottom: 40, left: 5, right: 5 },
      // ProseMirror calls this with the view as `this`. y-prosemirror dispatches its first render
      // from inside the view's constructor, before `this.view` is assigned: taking the view from
      // the call keeps that render (a text already loaded, opened again, would show empty).
      dispatchTransaction(this: EditorView, tr: Transaction) {
        apply(this, tr);
      },
    });
    this.isConstructing = false;
    this.state = this.view.state;
    this.host.requestUpdate();
  }

  private apply(view: EditorView, tr: Transaction): void {
    // A destroyed view (another workspace's) may still dispatch: only the current one counts.
    if (view !== this.view && !this.isConstructing) return;
    view.updateState(view.state.apply(tr));
    this.state = view.state;
    this.host.requestUpdate();
  }

  private destroyView(): void {
    this.view?.destroy();
    this.view = null;
    this.state = null;
  }
}

function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
