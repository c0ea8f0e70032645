/**
 * What people are told about the contract's connection, derived from the WebSocket provider's
 * events, the browser's online flag and the close codes the server sends (shared/protocol.ts).
 */
import { CloseCode } from '../../shared/protocol';

/** The four states the interface distinguishes (also exposed as `data-state` for tests). */
export type ConnectionState = 'connected' | 'connecting' | 'offline' | 'error';

/** Everything the connection indicator and notice need to render. */
export interface ConnectionSnapshot {
  state: ConnectionState;
  /** True once the server and this browser hold the same document. */
  synced: boolean;
  /** The Trame close code behind the `error` state, if any. */
  closeCode: number | null;
  /** True when reconnecting would fail again until the person acts (e.g. undoes a huge paste). */
  needsManualRetry: boolean;
}

/** Raw facts the controller tracks; `describeConnection` turns them into a snapshot. */
export interface ConnectionFacts {
  browserOnline: boolean;
  socketStatus: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
  /** Connections closed since the last successful one (0 while the first attempt runs). */
  failedAttempts: number;
  closeCode: number | null;
  needsManualRetry: boolean;
}

/** Close codes that mean "the server refused something": shown as an error, not as offline. */
const errorCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.messageTooBig,
  CloseCode.malformedMessage,
  CloseCode.rateLimited,
  CloseCode.documentUnavailable,
]);

/** True when a close code should put the indicator in the error state. */
export function isErrorCloseCode(code: number): boolean {
  return errorCloseCodes.has(code);
}

/**
 * Close codes after which reconnecting would resend the same refused update: the provider must
 * wait for the person to act instead of looping.
 */
export function needsManualRetry(code: number): boolean {
  return code === CloseCode.messageTooBig || code === CloseCode.malformedMessage;
}

/** Derives the displayed state; an explicit server error wins over a generic "offline". */
export function describeConnection(facts: ConnectionFacts): ConnectionSnapshot {
  const base = { synced: facts.synced && facts.socketStatus === 'connected', closeCode: facts.closeCode, needsManualRetry: facts.needsManualRetry };
  if (!facts.browserOnline) return { ...base, state: 'offline' };
  if (facts.closeCode !== null) return { ...base, state: 'error' };
  if (facts.socketStatus === 'connected') return { ...base, state: 'connected' };
  if (facts.failedAttempts > 0) return { ...base, state: 'offline' };
  return { ...base, state: 'connecting' };
}

/** The state before anything is known. */
export const initialConnection: ConnectionSnapshot = {
  state: 'connecting',
  synced: false,
  closeCode: null,
  needsManualRetry: false,
};
