/**
 * Custom events the client's elements dispatch. All bubble and cross shadow roots, and are typed
 * here so that listeners get their `detail` checked by the compiler.
 */
import type { Me } from '../shared/schemas/people';
import type { EditorCommandId } from './documents/editor/commands';

/** Creates a bubbling, composed, typed custom event. */
export function trameEvent<K extends keyof TrameEventDetails>(type: K, detail: TrameEventDetails[K]): CustomEvent<TrameEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

/** Detail of each Trame event, by name. */
export interface TrameEventDetails {
  /** The person signed in, accepted an invitation or changed their profile: here is who they are now. */
  'trame-signed-in': { me: Me; returnTo: string | null };
  /** The person's account changed (name, structures): the app refreshes what it shows. */
  'trame-me-change': Me;
  /** The invitation's sign-up form is filled in and checked. */
  'trame-sign-up': { displayName: string; password: string };
  /** The person asked to sign out. */
  'trame-sign-out-request': null;
  /** An invitation was created: the list of invitations reloads. */
  'trame-invitation-created': null;
  /** A session or access token was created or ended: lists of them reload. */
  'trame-sessions-change': null;
  /** A request needing a session got a 401 (dispatched on window): the session has ended. */
  'trame-session-end': null;
  /** The person chose which of their structures they act for in this workspace. */
  'trame-structure-choose': { workspaceId: string; structureId: string };
  /** A toolbar button was activated; `viaKeyboard` tells whether focus should stay in the toolbar. */
  'trame-editor-command': { command: EditorCommandId; viaKeyboard: boolean };
  /** The link dialog confirmed an address (already checked as safe). */
  'trame-link-apply': { href: string };
  /** The link dialog asked to remove the link under the selection. */
  'trame-link-remove': null;
  /** A dialog closed, whatever the reason; the opener restores focus. */
  'trame-dialog-close': null;
  /** A confirmation dialog was accepted. */
  'trame-confirm': null;
  /** The connection notice asked to reconnect after a permanent close. */
  'trame-reconnect-request': null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'trame-signed-in': CustomEvent<TrameEventDetails['trame-signed-in']>;
    'trame-me-change': CustomEvent<TrameEventDetails['trame-me-change']>;
    'trame-sign-up': CustomEvent<TrameEventDetails['trame-sign-up']>;
    'trame-sign-out-request': CustomEvent<null>;
    'trame-sessions-change': CustomEvent<null>;
    'trame-invitation-created': CustomEvent<null>;
    'trame-structure-choose': CustomEvent<TrameEventDetails['trame-structure-choose']>;
    'trame-editor-command': CustomEvent<TrameEventDetails['trame-editor-command']>;
    'trame-link-apply': CustomEvent<TrameEventDetails['trame-link-apply']>;
    'trame-link-remove': CustomEvent<null>;
    'trame-dialog-close': CustomEvent<null>;
    'trame-confirm': CustomEvent<null>;
    'trame-reconnect-request': CustomEvent<null>;
  }
  interface WindowEventMap {
    'trame-session-end': CustomEvent<null>;
  }
}
