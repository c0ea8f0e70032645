/** Messages between the bench (parent) and an editor-fleet process (child), over Node IPC. */
import type { LoopHealth } from '../lib/loop-health';

export interface FleetConfig {
  /** Base URL for `WebsocketProvider` (the document name is appended). */
  url: string;
  /** URL parameters for every provider (Trame's access token). */
  params: Record<string, string>;
  documentName: string;
  /** The Y.Text the editors type in (kept apart from the document's real content). */
  textName: string;
  editors: number;
  /** How many of the editors also measure arrivals (evenly spread); the others only type. */
  observers: number;
  /** Editors that type (evenly spread); the others are connected and receive everything. */
  typists: number;
  /** Keystrokes per second of each typing editor. */
  keystrokesPerSecond: number;
  seconds: number;
  /** Fraction of keystrokes that delete the character before the cursor. */
  deleteFraction: number;
  /** Each keystroke also moves the editor's cursor in awareness (as a real editor does). */
  awareness: boolean;
  connectConcurrency: number;
  syncTimeoutMs: number;
  drainTimeoutMs: number;
  seed: number;
}

export type ParentMessage = { type: 'connect'; config: FleetConfig } | { type: 'type' } | { type: 'close' };

export interface ConnectedReport {
  type: 'connected';
  editors: number;
  failed: number;
  connectMs: number;
  syncMs: Float64Array;
}

export interface TypingStartedReport {
  type: 'typing-started';
}

export interface TypingStoppedReport {
  type: 'typing-stopped';
  seconds: number;
  updates: number;
  inserts: number;
  deletes: number;
  syncMessages: number;
  awarenessMessages: number;
  otherMessages: number;
  receivedBytes: number;
  /** Messages the editors sent: their updates, and awareness (theirs, plus the remote awareness y-websocket re-sends). */
  sentSyncMessages: number;
  sentAwarenessMessages: number;
  /** The fleet's event loop over the typing window (utilisation 1 = saturated). */
  loop: LoopHealth;
}

export interface ResultReport {
  type: 'result';
  drainMs: number;
  drained: boolean;
  /** Each (insert, observer) arrival latency, ms. */
  deliveries: Float64Array;
  /** Per insert: time until every observer had it, ms (inserts that reached all observers). */
  fullPropagation: Float64Array;
  incomplete: number;
  observers: number;
  /** Connections that closed while they should have been open. */
  disconnects: number;
  /** Editors whose text differs from the first editor's after the drain (should be 0). */
  divergentEditors: number;
  textLength: number;
}

export interface ErrorReport {
  type: 'error';
  message: string;
}

export type FleetMessage = ConnectedReport | TypingStartedReport | TypingStoppedReport | ResultReport | ErrorReport;
