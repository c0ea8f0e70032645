/**
 * Owns the contract's Yjs document for the element that hosts it: the `Y.Doc`, its y-websocket
 * connection to `/yjs/<documentName>` (authenticated by the session cookie) and its IndexedDB
 * copy, so that edits made offline survive a reload and sync when the connection returns. The
 * copy is kept per person: someone signing in after another on a shared computer never sends
 * the other's unsent edits under their own name. Everything is created in `hostConnected` and
 * destroyed in `hostDisconnected`; opening another document replaces the previous session.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as authProtocol from 'y-protocols/auth';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { contractFragmentName } from '../../shared/document-names';
import { CloseCode, YjsMessageType } from '../../shared/protocol';
import { describeConnection, initialConnection, isErrorCloseCode, needsManualRetry, type ConnectionFacts, type ConnectionSnapshot } from '../connection/connection-state';
import type { AwarenessUser, ContractCallbacks, ContractSession, ContractTarget } from './contract-session';
import { exposeForTests, withdrawFromTests } from './debug-hook';

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
  private readonly callbacks: ContractCallbacks;
  private target: ContractTarget | null = null;
  private hasOpened = false;
  private user: AwarenessUser | null = null;
  private isHostConnected = false;
  private persistence: IndexeddbPersistence | null = null;
  private facts: ConnectionFacts = this.freshFacts();

  constructor(host: ReactiveControllerHost, callbacks: ContractCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  /** Opens a document for a person (closing any other), or closes everything with null. */
  open(target: ContractTarget | null): void {
    if (target?.documentName === this.target?.documentName && target?.personId === this.target?.personId) return;
    this.target = target;
    this.stop();
    if (this.isHostConnected) this.start();
  }

  /** True when everything typed here has reached the server (connected and synced). */
  get hasNothingUnsent(): boolean {
    return this.connection.state === 'connected' && this.connection.synced;
  }

  /**
   * Closes the document; `forget` also deletes this browser's copy (on sign-out, when nothing was
   * unsent: a shared computer keeps nothing; unsent edits wait for the person's next sign-in).
   */
  async close({ forget }: { forget: boolean }): Promise<void> {
    const persistence = this.persistence;
    this.target = null;
    this.stop();
    if (persistence !== null && forget) await persistence.clearData();
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
    return { browserOnline: navigator.onLine, socketStatus: 'connecting', synced: false, failedAttempts: 0, closeCode: null, needsManualRetry: false };
  }

  private start(): void {
    const target = this.target;
    if (target === null || this.session !== null) return;
    const doc = new Y.Doc();
    // The local copy loads first, so the contract is readable before the server answers.
    if (typeof indexedDB !== 'undefined') {
      this.persistence = new IndexeddbPersistence(`${target.documentName}:${target.personId}`, doc);
      this.persistence.on('synced', this.handleLocalLoaded);
    }
    const provider = new WebsocketProvider(`${webSocketOrigin()}/yjs`, target.documentName, doc, {
      connect: navigator.onLine,
      shouldReconnect: (event) => event.code !== CloseCode.sessionEnded && !needsManualRetry(event.code),
    });
    // The server tells a read-only connection that its updates were dropped (y-protocols auth message).
    provider.messageHandlers[YjsMessageType.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => this.callbacks.onPermissionDenied(reason));
    };
    provider.on('status', this.handleStatus);
    provider.on('sync', this.handleSync);
    provider.on('connection-close', this.handleClose);
    this.session = { documentName: target.documentName, doc, provider, fragment: doc.getXmlFragment(contractFragmentName) };
    this.facts = this.freshFacts();
    this.hasOpened = false;
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
    if (status === 'connected') this.hasOpened = true;
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
    if (event?.code === CloseCode.sessionEnded) {
      this.callbacks.onSessionEnded();
      return;
    }
    // A refused upgrade (an expired session gets a plain 401) never opens: ask whether we are still signed in.
    if (event !== null && !this.hasOpened && navigator.onLine) this.callbacks.onConnectionRefused();
    this.hasOpened = false;
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
