/**
 * The signed-in person's unread notifications in the open workspace, for the bell in the top bar:
 * loaded when the workspace opens, then kept live by `notifications:changed` on the app's socket
 * (the server sends it to the person's own sockets only), by the inbox page's own answers, and
 * reloaded when the tab comes back into view or the network returns (an event may have been
 * missed while the socket was down).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SocketEvent } from '../../shared/protocol';
import { listNotifications } from '../api/notifications';
import type { ListenToWorkspace } from '../programme/page-props';
import { unreadCountEvent, type UnreadCountDetail } from './unread-count-event';

export class NotificationsController implements ReactiveController {
  /** Unread notifications in the followed workspace; null while unknown. */
  unread: number | null = null;

  private readonly host: ReactiveControllerHost;
  private workspaceId: string | null = null;
  private abort: AbortController | null = null;
  private stopListening: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly listen: ListenToWorkspace,
  ) {
    this.host = host;
    host.addController(this);
  }

  /** Follows a workspace's count (null: signed out or outside a workspace). */
  follow(workspaceId: string | null): void {
    if (workspaceId === this.workspaceId) return;
    this.workspaceId = workspaceId;
    this.unread = null;
    void this.load();
  }

  hostConnected(): void {
    this.stopListening = this.listen(SocketEvent.notificationsChanged, ({ workspaceId, unread }) => this.set({ workspaceId, unread }));
    window.addEventListener(unreadCountEvent, this.handleCount);
    document.addEventListener('visibilitychange', this.handleVisible);
    window.addEventListener('online', this.handleOnline);
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = null;
    window.removeEventListener(unreadCountEvent, this.handleCount);
    document.removeEventListener('visibilitychange', this.handleVisible);
    window.removeEventListener('online', this.handleOnline);
    this.abort?.abort();
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return; // unread was reset by follow(), during an update of the host
    const abort = new AbortController();
    this.abort = abort;
    try {
      const page = await listNotifications(workspaceId, { limit: 1, signal: abort.signal });
      this.set({ workspaceId, unread: page.unread });
    } catch {
      // The bell stays without a number; the next event or the next visit to the tab tries again.
    }
  }

  private set({ workspaceId, unread }: UnreadCountDetail): void {
    if (workspaceId !== this.workspaceId || typeof unread !== 'number' || !Number.isInteger(unread) || unread < 0 || unread === this.unread) return;
    this.unread = unread;
    this.host.requestUpdate();
  }

  private readonly handleCount = (event: CustomEvent<UnreadCountDetail>): void => this.set(event.detail);

  private readonly handleVisible = (): void => {
    if (document.visibilityState === 'visible') void this.load();
  };

  private readonly handleOnline = (): void => void this.load();
}
