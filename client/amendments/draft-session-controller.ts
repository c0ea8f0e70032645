/**
 * Opens an amendment's draft document for the page that shows it: its own `Y.Doc` and
 * y-websocket connection (same endpoint as the contract, authenticated by the session cookie;
 * the server decides who may write), shaped as a `ContractSession` so that the contract's editor
 * stack edits it unchanged. No local copy: a draft is short, and lives on the server.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { draftFragment } from '../../shared/amendments/draft';
import type { AwarenessUser, ContractSession } from '../controllers/contract-session';

export class DraftSessionController implements ReactiveController {
  session: ContractSession | null = null;
  /** True once the server's copy has arrived. */
  synced = false;
  private documentName: string | null = null;
  private user: AwarenessUser | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Opens `documentName` (closing any other one); null closes. */
  open(documentName: string | null, user: AwarenessUser | null): void {
    if (user !== this.user) {
      this.user = user;
      this.session?.provider.awareness.setLocalStateField('user', user);
    }
    if (documentName === this.documentName) return;
    this.close();
    this.documentName = documentName;
    if (documentName === null) return;
    const doc = new Y.Doc();
    const origin = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
    const provider = new WebsocketProvider(`${origin}/yjs`, documentName, doc);
    provider.on('sync', this.handleSync);
    doc.on('update', this.handleUpdate);
    if (user !== null) provider.awareness.setLocalStateField('user', user);
    this.session = { documentName, doc, provider, fragment: draftFragment(doc) };
    this.synced = false;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // Opened by the host's `open` calls.
  }

  hostDisconnected(): void {
    this.close();
    this.documentName = null;
  }

  private close(): void {
    const session = this.session;
    if (session === null) return;
    session.provider.off('sync', this.handleSync);
    session.doc.off('update', this.handleUpdate);
    session.provider.destroy();
    session.doc.destroy();
    this.session = null;
    this.synced = false;
  }

  private readonly handleSync = (synced: boolean): void => {
    this.synced = synced;
    this.host.requestUpdate();
  };

  private readonly handleUpdate = (): void => {
    this.host.requestUpdate();
  };
}
