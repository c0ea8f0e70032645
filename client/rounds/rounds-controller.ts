/**
 * Keeps a page's rounds current. The list page holds every round of the workspace; the round page
 * one round. Both apply the tally carried by each `rounds:changed` event at once, so that a
 * hundred and fifty screens do not re-read the round at every vote; they re-read only what the
 * event does not carry: the list when a round appears or changes state, the round's positions when
 * its state changes (or continuously, throttled, for facilitators who follow them). A clock ticks
 * every 30 s for the countdowns, and re-renders at the deadline.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SocketEvent } from '../../shared/protocol';
import type { RoundsChanged, RoundView } from '../../shared/schemas/rounds';
import { describeError } from '../api/fetch-json';
import type { ProgrammePageProps } from '../programme/page-props';
import { fetchRound, fetchRounds } from './rounds-api';

const clockMs = 30_000;
const followThrottleMs = 1_500;

abstract class LiveRounds implements ReactiveController {
  /** Why the latest read failed (French), or null. */
  problem: string | null = null;
  /** Now, as of the last tick (countdowns). */
  now = new Date();

  protected readonly host: ReactiveControllerHost;
  protected readonly props: () => ProgrammePageProps | null;
  protected key: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private abort: AbortController | null = null;
  private clock: ReturnType<typeof setInterval> | null = null;
  private connected = false;

  constructor(host: ReactiveControllerHost, props: () => ProgrammePageProps | null) {
    this.host = host;
    this.props = props;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.clock = setInterval(() => {
      this.now = new Date();
      this.host.requestUpdate();
    }, clockMs);
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.clock !== null) clearInterval(this.clock);
    this.clock = null;
    this.stop();
    this.key = null;
  }

  reload(): void {
    void this.load();
  }

  /** Which workspace (and round) to follow; null when there is nothing to follow. */
  protected abstract keyOf(props: ProgrammePageProps): string | null;
  protected abstract read(props: ProgrammePageProps, signal: AbortSignal): Promise<void>;
  protected abstract handle(payload: RoundsChanged, props: ProgrammePageProps): void;
  protected abstract reset(): void;

  private follow(): void {
    const props = this.props();
    if (!this.connected || props === null) return;
    const key = this.keyOf(props);
    if (key === this.key) return;
    this.stop();
    this.key = key;
    this.reset();
    this.problem = null;
    if (key === null) return;
    this.unsubscribe = props.listen(SocketEvent.roundsChanged, (payload) => {
      const current = this.props();
      if (current !== null && payload.workspaceId === current.view.id) this.handle(payload, current);
    });
    void this.load();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.abort?.abort();
    this.abort = null;
  }

  protected async load(): Promise<void> {
    const props = this.props();
    if (props === null || this.key === null) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      await this.read(props, abort.signal);
      if (abort.signal.aborted) return;
      this.problem = null;
      this.now = new Date();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.problem = describeError(error);
    }
    this.host.requestUpdate();
  }
}

/** Every round of the workspace. */
export class RoundsController extends LiveRounds {
  rounds: RoundView[] | null = null;

  protected keyOf(props: ProgrammePageProps): string {
    return props.view.id;
  }

  protected reset(): void {
    this.rounds = null;
  }

  protected async read(props: ProgrammePageProps, signal: AbortSignal): Promise<void> {
    const rounds = await fetchRounds(props.view.id, signal);
    if (!signal.aborted) this.rounds = rounds;
  }

  protected handle(payload: RoundsChanged): void {
    const round = this.rounds?.find((candidate) => candidate.id === payload.roundId);
    // A new round, a state change, or news of a closed round (its outcome): read the list again.
    if (round === undefined || payload.tally === undefined || payload.status !== round.status || round.status === 'closed') return void this.load();
    if ((payload.revision ?? 0) <= round.revision) return;
    round.tally = payload.tally;
    round.revision = payload.revision ?? round.revision;
    this.host.requestUpdate();
  }
}

/** One round (`itemId`), its tally live. */
export class RoundController extends LiveRounds {
  round: RoundView | null = null;
  /** Re-read the positions at every change (throttled), not only the tally: for facilitators. */
  followPositions = false;
  private pending: ReturnType<typeof setTimeout> | null = null;

  protected keyOf(props: ProgrammePageProps): string | null {
    return props.itemId === undefined ? null : `${props.view.id}/${props.itemId}`;
  }

  protected reset(): void {
    this.round = null;
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
  }

  /** Takes a round the server just answered with (after one's own vote or action). */
  accept(round: RoundView): void {
    if (this.round !== null && round.id === this.round.id && round.revision >= this.round.revision) this.round = round;
    this.host.requestUpdate();
  }

  protected async read(props: ProgrammePageProps, signal: AbortSignal): Promise<void> {
    const round = await fetchRound(props.view.id, props.itemId ?? '', signal);
    if (!signal.aborted && (this.round === null || round.revision >= this.round.revision)) this.round = round;
  }

  protected handle(payload: RoundsChanged, props: ProgrammePageProps): void {
    const round = this.round;
    if (round === null || payload.roundId !== round.id || payload.roundId !== props.itemId) return;
    if ((payload.revision ?? 0) <= round.revision) return;
    const stateChanged = payload.status !== undefined && payload.status !== round.status;
    if (payload.tally !== undefined) round.tally = payload.tally;
    if (payload.status !== undefined) round.status = payload.status;
    this.host.requestUpdate();
    // Closing and the outcome are rare and change more than the tally: read the round again.
    if (stateChanged || payload.tally === undefined || round.status === 'closed') return void this.load();
    if (this.followPositions && this.pending === null) {
      this.pending = setTimeout(() => {
        this.pending = null;
        void this.load();
      }, followThrottleMs);
    }
  }
}
