/**
 * Follows the current route and loads the workspace it names: `/` resolves to the person's first
 * workspace, `/w/<id>/…` loads that one (once for all its pages). Each load cancels the previous
 * one so that a slow answer for an old route can never replace a newer one. Nothing is loaded
 * until someone is signed in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { describeError } from '../api/fetch-json';
import { fetchWorkspace, fetchWorkspaces } from '../api/workspaces';
import { navigate, parseRoute, workspacePath } from '../routing/routes';

/** Where loading the current route stands. */
export type WorkspaceLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; view: WorkspaceView }
  | { status: 'empty' }
  | { status: 'not-found' }
  | { status: 'error'; message: string };

/** Loads the workspace of the current route and tells the host when a new one is ready. */
export class WorkspaceController implements ReactiveController {
  /** The current loading state, read by the host's render. */
  load: WorkspaceLoad = { status: 'idle' };

  private readonly host: ReactiveControllerHost;
  private readonly onReady: (view: WorkspaceView | null) => void;
  private readonly isAllowed: () => boolean;
  private abort: AbortController | null = null;
  private loadedId: string | null = null;

  constructor(host: ReactiveControllerHost, options: { onReady: (view: WorkspaceView | null) => void; isAllowed: () => boolean }) {
    this.host = host;
    this.onReady = options.onReady;
    this.isAllowed = options.isAllowed;
    host.addController(this);
  }

  /** The open workspace, or null. */
  get view(): WorkspaceView | null {
    return this.load.status === 'ready' ? this.load.view : null;
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.handleRouteChange);
    void this.resolve();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handleRouteChange);
    this.abort?.abort();
    this.abort = null;
  }

  /** Loads the current route again (after an error, or once someone signed in). */
  retry(): void {
    this.loadedId = null;
    void this.resolve();
  }

  /**
   * Loads the open workspace again in the background (its envelope or structures changed): the
   * page stays on screen, and a failure keeps what is shown rather than replacing it with an error.
   */
  async refresh(): Promise<void> {
    const current = this.view;
    if (current === null || !this.isAllowed()) return;
    try {
      const view = await fetchWorkspace(current.id);
      // A navigation or a sign-out meanwhile wins over this late answer.
      if (this.view?.id !== view.id || this.loadedId !== view.id) return;
      this.set({ status: 'ready', view });
    } catch {
      // The next change (or the next visit) loads it again; what is shown is still the latest known.
    }
  }

  /** Forgets the workspace (signed out). */
  reset(): void {
    this.abort?.abort();
    this.abort = null;
    this.loadedId = null;
    if (this.load.status === 'ready') this.onReady(null);
    this.set({ status: 'idle' });
  }

  private readonly handleRouteChange = (): void => {
    void this.resolve();
  };

  private set(load: WorkspaceLoad): void {
    this.load = load;
    this.host.requestUpdate();
  }

  private async resolve(): Promise<void> {
    if (!this.isAllowed()) return;
    const route = parseRoute(location.pathname);
    // Pages outside any workspace (account, invitation) keep the open one for the way back.
    if (route.kind !== 'home' && route.kind !== 'workspace') return;
    if (route.kind === 'workspace' && route.workspaceId === this.loadedId && this.load.status === 'ready') return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    // Going home from a workspace keeps it on screen while the list loads: the redirect usually
    // lands on the same workspace, which then needs no reload (see the check above).
    if (!(route.kind === 'home' && this.load.status === 'ready')) this.set({ status: 'loading' });
    try {
      if (route.kind === 'home') {
        const workspaces = await fetchWorkspaces(abort.signal);
        const first = workspaces[0];
        if (abort.signal.aborted) return;
        if (first === undefined) this.set({ status: 'empty' });
        // The redirect fires popstate, which loads the workspace through the branch below.
        else navigate(workspacePath(first.id), { replace: true });
        return;
      }
      const view = await fetchWorkspace(route.workspaceId, abort.signal);
      if (abort.signal.aborted) return;
      this.loadedId = view.id;
      this.onReady(view);
      this.set({ status: 'ready', view });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadedId = null;
      this.set({ status: 'error', message: describeError(error) });
    }
  }
}
