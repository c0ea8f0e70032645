/**
 * Keeps a page's copy of the workspace's follow-up (`GET .../follow-up`) current: loaded when the
 * page opens, reloaded whenever the server announces `followup:changed` or `workspace:changed`
 * (another person's report, status or evaluation; the adoption), and on demand after a save.
 * Reloads are coalesced and the superseded request is aborted, so a burst of events gives one read.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SocketEvent } from '../../shared/protocol';
import type { FollowUpView } from '../../shared/schemas/follow-up';
import { describeError } from '../api/fetch-json';
import { fetchFollowUp } from '../api/follow-up';
import type { ProgrammePageProps } from '../programme/page-props';

export class FollowUpController implements ReactiveController {
  /** The latest follow-up read, kept while a reload runs. */
  view: FollowUpView | null = null;
  /** Why the latest read failed (French), or null. */
  problem: string | null = null;
  /** Increments at every successful read (tests and live regions can tell a new one). */
  revision = 0;

  private readonly host: ReactiveControllerHost;
  private readonly props: () => ProgrammePageProps | null;
  private workspaceId: string | null = null;
  private unsubscribe: (() => void)[] = [];
  private abort: AbortController | null = null;
  private connected = false;

  constructor(host: ReactiveControllerHost, props: () => ProgrammePageProps | null) {
    this.host = host;
    this.props = props;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.workspaceId = null;
  }

  /** Reads the follow-up again now (after a save, or when asked to retry). */
  reload(): void {
    void this.load();
  }

  private follow(): void {
    const props = this.props();
    if (!this.connected || props === null || props.view.id === this.workspaceId) return;
    this.stop();
    this.workspaceId = props.view.id;
    this.view = null;
    this.problem = null;
    this.unsubscribe = [props.listen(SocketEvent.followUpChanged, this.handleChange), props.listen(SocketEvent.workspaceChanged, this.handleChange)];
    void this.load();
  }

  private stop(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.unsubscribe = [];
    this.abort?.abort();
    this.abort = null;
  }

  private readonly handleChange = (payload: { workspaceId: string }): void => {
    if (payload.workspaceId === this.workspaceId) void this.load();
  };

  private async load(): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const view = await fetchFollowUp(workspaceId, abort.signal);
      if (abort.signal.aborted) return;
      this.view = view;
      this.problem = null;
      this.revision += 1;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.problem = describeError(error);
    }
    this.host.requestUpdate();
  }
}
