/** Real y-websocket clients (the npm `WebsocketProvider`) for Node tests, and a polling wait. */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Connects a standard WebsocketProvider; BroadcastChannel off so that clients sync only via the server. */
export function connectClient(wsUrl: string, documentName: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, documentName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, // Node 20 has no global WebSocket
    disableBc: true,
  });
}

/** Resolves once the provider has completed its first sync with the server. */
export function whenSynced(provider: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls `condition` until it holds, or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Destroys providers and their docs. */
export function disconnectAll(...providers: WebsocketProvider[]): void {
  for (const provider of providers) {
    provider.destroy();
    provider.doc.destroy();
  }
}
