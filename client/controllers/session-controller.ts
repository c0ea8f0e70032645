/**
 * Who is signed in (`GET /api/me`), for the whole app. Learns that a session ended from any 401
 * (`trame-session-end` on window), from a WebSocket closed with 4401, or by probing `/api/me`
 * when a connection is refused; tells the host each time the state changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Me } from '../../shared/schemas/people';
import { describeError, ProblemError } from '../api/fetch-json';
import { fetchMe, signOut } from '../api/session';

/** Where the session stands. `reason` says why someone is signed out, to tell them. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-in'; me: Me }
  | { status: 'signed-out'; reason: 'ended' | 'signed-out' | null }
  | { status: 'error'; message: string };

/** Refused connections are checked against `/api/me` at most this often. */
const probeIntervalMs = 5000;

/** Holds the signed-in person and follows their session's end. */
export class SessionController implements ReactiveController {
  /** The current state, read by the host's render. */
  state: SessionState = { status: 'loading' };

  private readonly host: ReactiveControllerHost;
  private readonly onChange: (state: SessionState) => void;
  private lastProbeAt = 0;
  private isSigningOut = false;

  constructor(host: ReactiveControllerHost, onChange: (state: SessionState) => void) {
    this.host = host;
    this.onChange = onChange;
    host.addController(this);
  }

  /** The signed-in person, or null. */
  get me(): Me | null {
    return this.state.status === 'signed-in' ? this.state.me : null;
  }

  hostConnected(): void {
    window.addEventListener('trame-session-end', this.handleSessionEnd);
    void this.load();
  }

  hostDisconnected(): void {
    window.removeEventListener('trame-session-end', this.handleSessionEnd);
  }

  /** Asks the server who is signed in (first load, or retry after an error). */
  async load(): Promise<void> {
    this.set({ status: 'loading' });
    try {
      this.set({ status: 'signed-in', me: await fetchMe() });
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 401) this.set({ status: 'signed-out', reason: null });
      else this.set({ status: 'error', message: describeError(error) });
    }
  }

  /** Records who is signed in now (after sign-in, setup, an accepted invitation or a profile change). */
  setMe(me: Me): void {
    this.set({ status: 'signed-in', me });
  }

  /** Re-reads the account (roles and structures may have changed); an ended session signs out. */
  async refresh(): Promise<void> {
    if (this.state.status !== 'signed-in') return;
    try {
      this.setMe(await fetchMe());
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 401) this.end();
    }
  }

  /** A connection was refused: checks (rarely) whether the session is the reason. */
  probe(): void {
    if (this.state.status !== 'signed-in' || Date.now() - this.lastProbeAt < probeIntervalMs) return;
    this.lastProbeAt = Date.now();
    void this.refresh();
  }

  /** The session ended elsewhere (expired, revoked, password changed). */
  end(): void {
    if (this.state.status === 'signed-in' && !this.isSigningOut) this.set({ status: 'signed-out', reason: 'ended' });
  }

  /** Signs out; throws a `ProblemError` when the server could not be reached (still signed in). */
  async signOut(): Promise<void> {
    this.isSigningOut = true;
    try {
      await signOut();
      this.set({ status: 'signed-out', reason: 'signed-out' });
    } finally {
      this.isSigningOut = false;
    }
  }

  private readonly handleSessionEnd = (): void => {
    this.end();
  };

  private set(state: SessionState): void {
    this.state = state;
    this.host.requestUpdate();
    this.onChange(state);
  }
}
