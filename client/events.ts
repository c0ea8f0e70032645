/**
 * Custom events the client's elements dispatch. All bubble and cross shadow roots, and are typed
 * here so that listeners get their `detail` checked by the compiler.
 */
import type { Identity } from './identity/identity-store';
import type { EditorCommandId } from './documents/editor/commands';

/** Creates a bubbling, composed, typed custom event. */
export function trameEvent<K extends keyof TrameEventDetails>(type: K, detail: TrameEventDetails[K]): CustomEvent<TrameEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

/** Detail of each Trame event, by name. */
export interface TrameEventDetails {
  /** The person confirmed who they are. */
  'trame-identity-change': Identity;
  /** Someone asked to change (or give) their identity. */
  'trame-identity-request': null;
  /** A toolbar button was activated; `viaKeyboard` tells whether focus should stay in the toolbar. */
  'trame-editor-command': { command: EditorCommandId; viaKeyboard: boolean };
  /** The link dialog confirmed an address (already checked as safe). */
  'trame-link-apply': { href: string };
  /** The link dialog asked to remove the link under the selection. */
  'trame-link-remove': null;
  /** A dialog closed, whatever the reason; the opener restores focus. */
  'trame-dialog-close': null;
  /** The connection notice asked to reconnect after a permanent close. */
  'trame-reconnect-request': null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'trame-identity-change': CustomEvent<TrameEventDetails['trame-identity-change']>;
    'trame-identity-request': CustomEvent<null>;
    'trame-editor-command': CustomEvent<TrameEventDetails['trame-editor-command']>;
    'trame-link-apply': CustomEvent<TrameEventDetails['trame-link-apply']>;
    'trame-link-remove': CustomEvent<null>;
    'trame-dialog-close': CustomEvent<null>;
    'trame-reconnect-request': CustomEvent<null>;
  }
}
