/**
 * Test hook for the end-to-end tests. When `localStorage['trame:debug'] === '1'` (set by the test
 * before the page loads), the live contract is exposed as `window.trame = { doc, provider }` so
 * tests can read the Yjs state and drive the provider. It is never set otherwise.
 */
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

declare global {
  interface Window {
    /** Present only in debug mode; see `client/controllers/debug-hook.ts`. */
    trame?: { doc: Y.Doc; provider: WebsocketProvider };
  }
}

function isDebugEnabled(): boolean {
  try {
    return localStorage.getItem('trame:debug') === '1';
  } catch {
    return false;
  }
}

/** Exposes the session on `window.trame` when debug mode is on. */
export function exposeForTests(doc: Y.Doc, provider: WebsocketProvider): void {
  if (isDebugEnabled()) window.trame = { doc, provider };
}

/** Removes the hook if it still points at `doc`. */
export function withdrawFromTests(doc: Y.Doc): void {
  if (window.trame?.doc === doc) delete window.trame;
}
