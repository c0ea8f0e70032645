/**
 * Follows the current route and loads the workspace it names: `/` resolves to the first
 * workspace, `/w/<id>` loads that one. Each load cancels the previous one so that a slow answer
 * for an old route can never replace a newer one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { describeError } from '../api/fetch-json';
import { fetchWorkspace, fetchWorkspaces } from '../api/workspaces';
import { navigate, parseRoute, workspacePath } from '../routing/routes';

/** Where loading the current route stands. */
export type WorkspaceLoad =
  | { status: 'loading' }
  | { status: 'ready'; view: WorkspaceView }
  | { status: 'empty' }
  | { status: 'not-found' }
  | { status: 'error'; message: string };

/** Loads the workspace of the current route and tells the host when a new one is ready. */
export class WorkspaceController implements ReactiveController {
  /** The current loading state, read by the host's render. */
  load: WorkspaceLoad = { status: 'loading' };

  private readonly host: ReactiveControllerHost;
  private readonly onReady: (view: WorkspaceView) => void;
  private abort: AbortController | null = null;
  private loadedId: string | null = null;

  constructor(host: ReactiveControllerHost, onReady: (view: WorkspaceView) => void) {
    this.host = host;
    this.onReady = onReady;
    host.addController(this);
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

  /** Loads the current route again (after an error). */
  retry(): void {
    this.loadedId = null;
    void this.resolve();
  }

  private readonly handleRouteChange = (): void => {
    void this.resolve();
  };

  private set(load: WorkspaceLoad): void {
    this.load = load;
    this.host.requestUpdate();
  }

  private async resolve(): Promise<void> {
    const route = parseRoute(location.pathname);
    if (route.kind === 'workspace' && route.workspaceId === this.loadedId && this.load.status === 'ready') return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (route.kind === 'not-found') {
      this.loadedId = null;
      this.set({ status: 'not-found' });
      return;
    }
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
