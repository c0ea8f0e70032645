/**
 * Owns the contract's Yjs document for the element that hosts it: the `Y.Doc`, its y-websocket
 * connection to `/yjs/<documentName>` and its IndexedDB copy, so that edits made offline survive
 * a reload and sync when the connection returns. Everything is created in `hostConnected` and
 * destroyed in `hostDisconnected`; opening another document replaces the previous session.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { contractFragmentName } from '../../shared/document-names';
import {
  describeConnection,
  initialConnection,
  isErrorCloseCode,
  needsManualRetry,
  type ConnectionFacts,
  type ConnectionSnapshot,
} from '../connection/connection-state';
import { exposeForTests, withdrawFromTests } from './debug-hook';

/** A live contract: what the editor binds to. */
export interface ContractSession {
  documentName: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  fragment: Y.XmlFragment;
}

/** What others see of this person in the document (y-prosemirror reads `name` and `color`). */
export interface AwarenessUser {
  name: string;
  color: string;
  structureId: string;
  structureName: string;
}

function webSocketOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
}

/** Hosts one contract session at a time and reports its connection state. */
export class ContractDocumentController implements ReactiveController {
  /** The open session, or null before a document is chosen. */
  session: ContractSession | null = null;
  /** The connection as people should understand it. */
  connection: ConnectionSnapshot = initialConnection;
  /** True once the text is available, from this browser's copy or from the server. */
  isLoaded = false;

  private readonly host: ReactiveControllerHost;
  private documentName: string | null = null;
  private user: AwarenessUser | null = null;
  private isHostConnected = false;
  private persistence: IndexeddbPersistence | null = null;
  private facts: ConnectionFacts = this.freshFacts();

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** Opens `documentName` (closing any other), or closes everything with null. */
  open(documentName: string | null): void {
    if (documentName === this.documentName) return;
    this.documentName = documentName;
    this.stop();
    if (this.isHostConnected) this.start();
  }

  /** Announces who is editing to the others (cursor label and colour); null hides the cursor. */
  setUser(user: AwarenessUser | null): void {
    this.user = user;
    this.session?.provider.awareness.setLocalStateField('user', user);
  }

  /** Reconnects after a permanent close, once the person has fixed the cause. */
  retry(): void {
    if (this.session === null) return;
    this.updateFacts({ closeCode: null, needsManualRetry: false, failedAttempts: 0 });
    if (navigator.onLine) this.session.provider.connect();
  }

  hostConnected(): void {
    this.isHostConnected = true;
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    this.start();
  }

  hostDisconnected(): void {
    this.isHostConnected = false;
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    this.stop();
  }

  private freshFacts(): ConnectionFacts {
    return {
      browserOnline: navigator.onLine,
      socketStatus: 'connecting',
      synced: false,
      failedAttempts: 0,
      closeCode: null,
      needsManualRetry: false,
    };
  }

  private start(): void {
    if (this.documentName === null || this.session !== null) return;
    const doc = new Y.Doc();
    // The local copy loads first, so the contract is readable before the server answers.
    if (typeof indexedDB !== 'undefined') {
      this.persistence = new IndexeddbPersistence(this.documentName, doc);
      this.persistence.on('synced', this.handleLocalLoaded);
    }
    const provider = new WebsocketProvider(`${webSocketOrigin()}/yjs`, this.documentName, doc, {
      connect: navigator.onLine,
      shouldReconnect: (event) => !needsManualRetry(event.code),
    });
    provider.on('status', this.handleStatus);
    provider.on('sync', this.handleSync);
    provider.on('connection-close', this.handleClose);
    this.session = { documentName: this.documentName, doc, provider, fragment: doc.getXmlFragment(contractFragmentName) };
    this.facts = this.freshFacts();
    this.isLoaded = false;
    this.connection = describeConnection(this.facts);
    if (this.user !== null) provider.awareness.setLocalStateField('user', this.user);
    exposeForTests(doc, provider);
    this.host.requestUpdate();
  }

  private stop(): void {
    const session = this.session;
    if (session === null) return;
    session.provider.off('status', this.handleStatus);
    session.provider.off('sync', this.handleSync);
    session.provider.off('connection-close', this.handleClose);
    // Destroying the provider also removes our cursor from the others' screens.
    session.provider.destroy();
    this.persistence?.off('synced', this.handleLocalLoaded);
    // Destroying the doc also closes its IndexedDB persistence (it listens for 'destroy').
    session.doc.destroy();
    this.persistence = null;
    withdrawFromTests(session.doc);
    this.session = null;
    this.connection = initialConnection;
    this.host.requestUpdate();
  }

  private updateFacts(change: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...change };
    this.connection = describeConnection(this.facts);
    this.host.requestUpdate();
  }

  private readonly handleStatus = ({ status }: { status: ConnectionFacts['socketStatus'] }): void => {
    this.updateFacts(status === 'connected' ? { socketStatus: status, failedAttempts: 0 } : { socketStatus: status });
  };

  private readonly handleLocalLoaded = (): void => {
    this.isLoaded = true;
    this.host.requestUpdate();
  };

  private readonly handleSync = (synced: boolean): void => {
    if (synced) this.isLoaded = true;
    // A completed sync proves the server accepted our state: any earlier refusal is resolved.
    this.updateFacts(synced ? { synced, closeCode: null, needsManualRetry: false } : { synced });
  };

  private readonly handleClose = (event: CloseEvent | null): void => {
    const change: Partial<ConnectionFacts> = { synced: false, failedAttempts: this.facts.failedAttempts + 1 };
    if (event !== null && isErrorCloseCode(event.code)) {
      change.closeCode = event.code;
      change.needsManualRetry = needsManualRetry(event.code);
    }
    this.updateFacts(change);
  };

  private readonly handleOnline = (): void => {
    this.updateFacts({ browserOnline: true, failedAttempts: 0 });
    if (!this.facts.needsManualRetry) this.session?.provider.connect();
  };

  private readonly handleOffline = (): void => {
    // Close the socket ourselves: a connection that silently stopped delivering would otherwise
    // look alive for up to 30 s. Edits keep going to the Y.Doc and IndexedDB meanwhile.
    this.session?.provider.disconnect();
    this.updateFacts({ browserOnline: false, socketStatus: 'disconnected', synced: false });
  };
}
