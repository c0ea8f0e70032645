/** The shapes a live contract session is made of, shared by the controllers and the editor. */
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** A live contract: what the editor binds to. */
export interface ContractSession {
  documentName: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  fragment: Y.XmlFragment;
}

/** Which document to open, and whose local copy to use. */
export interface ContractTarget {
  documentName: string;
  personId: string;
}

/** What the controller tells its host about the session, beyond re-rendering. */
export interface ContractCallbacks {
  /** The server closed the connection because the session ended (4401). */
  onSessionEnded: () => void;
  /** A connection attempt failed before opening: the upgrade may have been refused (401). */
  onConnectionRefused: () => void;
  /** The server dropped an update and said why (read-only connection). */
  onPermissionDenied: (reason: string) => void;
}

/** What others see of this person in the document (y-prosemirror reads `name` and `color`). */
export interface AwarenessUser {
  name: string;
  color: string;
  structureId: string | null;
  structureName: string;
}
