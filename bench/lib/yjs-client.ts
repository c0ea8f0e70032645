/**
 * Real y-websocket clients for the bench: the npm `WebsocketProvider` over `ws` (Node 20 has no
 * global WebSocket), BroadcastChannel off so that every byte goes through the server, and a
 * WebSocket class that counts what each client receives.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** y-websocket message types (first varint of each message). */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** Messages and bytes received, by all clients of this process. */
export interface ReceiveCounters {
  syncMessages: number;
  awarenessMessages: number;
  otherMessages: number;
  bytes: number;
}

export const received: ReceiveCounters = { syncMessages: 0, awarenessMessages: 0, otherMessages: 0, bytes: 0 };
/** Messages sent by all clients of this process (y-websocket also re-sends awareness it receives). */
export const sent: ReceiveCounters = { syncMessages: 0, awarenessMessages: 0, otherMessages: 0, bytes: 0 };

export function resetCounters(): void {
  for (const counters of [received, sent]) {
    counters.syncMessages = 0;
    counters.awarenessMessages = 0;
    counters.otherMessages = 0;
    counters.bytes = 0;
  }
}

function count(counters: ReceiveCounters, firstByte: number | undefined, bytes: number): void {
  counters.bytes += bytes;
  if (firstByte === MessageType.sync) counters.syncMessages++;
  else if (firstByte === MessageType.awareness) counters.awarenessMessages++;
  else counters.otherMessages++;
}

/** `ws` WebSocket that counts every message it receives and sends (y-websocket sets `onmessage` on it). */
class CountingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      if (data instanceof ArrayBuffer) count(received, new Uint8Array(data, 0, 1)[0], data.byteLength);
      else if (Array.isArray(data)) count(received, data[0]?.[0], data.reduce((n, b) => n + b.byteLength, 0));
      else count(received, data[0], data.byteLength);
    });
  }

  override send(data: Uint8Array, ...rest: unknown[]): void {
    count(sent, data[0], data.byteLength);
    (super.send as (data: Uint8Array, ...rest: unknown[]) => void)(data, ...rest);
  }
}

export function connectProvider(baseUrl: string, documentName: string, doc = new Y.Doc(), params: Record<string, string> = {}): WebsocketProvider {
  return new WebsocketProvider(baseUrl, documentName, doc, {
    params,
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // A server that closes a connection deliberately (rate limit, malformed) must show up as a
    // failure, not as a silent reconnect loop.
    maxBackoffTime: 1000,
  });
}

/** Resolves once the provider has synced with the server, rejects after `timeoutMs`. */
export function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`no sync within ${timeoutMs} ms`));
    }, timeoutMs);
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Destroys providers and their documents. */
export function disconnect(providers: Iterable<WebsocketProvider>): void {
  for (const provider of providers) {
    provider.destroy();
    provider.doc.destroy();
  }
}

/** Polls `condition` until it holds; false after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, intervalMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return true;
}
