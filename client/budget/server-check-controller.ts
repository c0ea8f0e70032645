/**
 * The server's own check of the programme, as the budget page shows it beside the live totals:
 * loaded once when the page opens, then replaced by each `programme:report` the server sends
 * after it validated an update. An answer older than the report already shown is ignored, so a
 * slow first load can never replace a fresher pushed report.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SocketEvent } from '../../shared/protocol';
import type { ProgrammeReport } from '../../shared/schemas/programme-report';
import { describeError } from '../api/fetch-json';
import { fetchProgrammeReport } from '../api/programme';
import type { ListenToWorkspace } from '../programme/page-props';

/** Where the server's check stands. */
export type ServerCheck = { status: 'loading' } | { status: 'ready'; report: ProgrammeReport } | { status: 'error'; message: string; report: ProgrammeReport | null };

export class ServerCheckController implements ReactiveController {
  /** The latest state, read by the host's render. */
  check: ServerCheck = { status: 'loading' };

  private readonly host: ReactiveControllerHost;
  private workspaceId: string | null = null;
  private listen: ListenToWorkspace | null = null;
  private unsubscribe: (() => void) | null = null;
  private abort: AbortController | null = null;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /**
   * Follows the workspace `workspaceId` (called at each update; only a new workspace restarts).
   * The app hands a fresh `listen` at each render, all bound to the same socket: one subscription
   * is enough.
   */
  follow(workspaceId: string, listen: ListenToWorkspace): void {
    this.listen = listen;
    if (workspaceId === this.workspaceId) return;
    this.stop();
    this.workspaceId = workspaceId;
    this.subscribe();
    this.check = { status: 'loading' };
    void this.load();
  }

  /** Asks the server again (after a failure). */
  retry(): void {
    this.check = { status: 'loading' };
    this.host.requestUpdate();
    void this.load();
  }

  /**
   * Asks the server again in the background (a report event may have been missed while
   * reconnecting). The report shown stays; a failure here is not news: the page already says
   * that the server has not seen every change, and the connection status says why.
   */
  reload(): Promise<void> {
    return this.load({ isBackground: true });
  }

  hostConnected(): void {
    if (this.workspaceId === null) return;
    this.subscribe();
    void this.load();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private subscribe(): void {
    if (this.listen === null || this.unsubscribe !== null) return;
    this.unsubscribe = this.listen(SocketEvent.programmeReport, this.handleReport);
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.abort?.abort();
    this.abort = null;
  }

  private readonly handleReport = (report: ProgrammeReport): void => {
    if (report.workspaceId !== this.workspaceId) return;
    this.accept(report);
  };

  private accept(report: ProgrammeReport): void {
    const current = this.current();
    if (current !== null && Date.parse(current.checkedAt) > Date.parse(report.checkedAt)) return;
    this.check = { status: 'ready', report };
    this.host.requestUpdate();
  }

  private current(): ProgrammeReport | null {
    return this.check.status === 'loading' ? null : this.check.report;
  }

  private async load({ isBackground = false } = {}): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const report = await fetchProgrammeReport(workspaceId, abort.signal);
      if (abort.signal.aborted) return;
      this.accept(report);
    } catch (error) {
      if (abort.signal.aborted || (isBackground && this.current() !== null)) return;
      // A report pushed meanwhile is still good: keep it, and say the request itself failed.
      this.check = { status: 'error', message: describeError(error), report: this.current() };
      this.host.requestUpdate();
    }
  }
}
