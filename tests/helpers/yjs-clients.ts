/** Real y-websocket clients (the npm `WebsocketProvider`) for Node tests, and a polling wait. */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * Connects a standard WebsocketProvider with an access token (`?token=`); BroadcastChannel off so
 * that clients sync only via the server.
 */
export function connectClient(wsUrl: string, documentName: string, token: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, documentName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, // Node 20 has no global WebSocket
    disableBc: true,
    params: { token },
  });
}

/**
 * Connects a standard WebsocketProvider as a browser does: with the session cookie and an Origin
 * header (Node's `ws` lets us set the headers a browser would send by itself).
 */
export function connectClientWithCookie(wsUrl: string, documentName: string, cookie: string, origin: string, doc = new Y.Doc()): WebsocketProvider {
  class BrowserLikeWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  return new WebsocketProvider(wsUrl, documentName, doc, {
    WebSocketPolyfill: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket, // same shape as the DOM WebSocket for the provider's use
    disableBc: true,
  });
}

/**
 * Counts the y-websocket "permission denied" messages a provider receives (the provider itself
 * only logs them). Listens on the provider's current socket and on every reconnection's.
 */
export function countPermissionDenials(provider: WebsocketProvider): { readonly count: number } {
  const counter = { count: 0 };
  const listen = (ws: WebSocket | globalThis.WebSocket | null): void => {
    ws?.addEventListener('message', (event: { data: unknown }) => {
      const data = event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : new Uint8Array(event.data as Buffer);
      if (data[0] === 2) counter.count++; // y-websocket message type "auth"; its only server message is "permission denied"
    });
  };
  listen(provider.ws);
  provider.on('status', ({ status }) => {
    if (status === 'connecting') listen(provider.ws);
  });
  return counter;
}

/** Resolves with the close code the server ends the provider's connection with. */
export function whenClosedByServer(provider: WebsocketProvider, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connection was not closed')), timeoutMs);
    provider.on('connection-close', (event) => {
      if (event === null) return; // closed by the client itself
      clearTimeout(timer);
      resolve(event.code);
    });
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
