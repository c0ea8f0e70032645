/**
 * `<trame-app>`: the application shell. Follows the route, loads the workspace, owns the live
 * contract (Yjs), presence (Socket.IO) and the person's identity, and lays out the top bar,
 * the workspace navigation and the editor. Rendered in light DOM: its landmarks (banner,
 * navigation, main) and the editor belong to the page itself.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { WorkspaceView } from '../shared/schemas/workspace';
import { ContractDocumentController } from './controllers/contract-document-controller';
import { HelpShortcutController } from './controllers/help-shortcut-controller';
import { PresenceController } from './controllers/presence-controller';
import { StickyOffsetController } from './controllers/sticky-offset-controller';
import { WorkspaceController } from './controllers/workspace-controller';
import type { ContractEditor } from './documents/contract-editor';
import type { IdentitySummary } from './identity/identity-button';
import type { IdentityDialog } from './identity/identity-dialog';
import { loadIdentity, loadRememberedName, saveIdentity, type Identity } from './identity/identity-store';
import { handleLinkClick } from './routing/routes';
import { renderStatusPage } from './shell/status-page';
import type { ShortcutsDialog } from './shell/shortcuts-dialog';
import { renderTopBar } from './shell/top-bar';
import { renderWorkspace } from './shell/workspace-layout';
import './identity/identity-dialog';
import './shell/shortcuts-dialog';

/** The whole client. */
@customElement('trame-app')
export class App extends LitElement {
  @state() private identity: Identity | null = null;
  // Assigned by Lit's @query getters; both dialogs are part of every render.
  @query('trame-identity-dialog') private identityDialog!: IdentityDialog;
  @query('trame-shortcuts-dialog') private shortcutsDialog!: ShortcutsDialog;

  private readonly workspace = new WorkspaceController(this, (view) => this.handleWorkspaceReady(view));
  private readonly contract = new ContractDocumentController(this);
  private readonly presence = new PresenceController(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    new HelpShortcutController(this, () => void this.shortcutsDialog.show());
    new StickyOffsetController(this, '.top-bar', '--trame-top-bar-height');
    this.addEventListener('click', handleLinkClick);
    this.addEventListener('trame-identity-request', () => void this.openIdentityDialog());
    this.addEventListener('trame-identity-change', (event) => this.handleIdentityChange(event.detail));
    this.addEventListener('trame-reconnect-request', () => {
      this.contract.retry();
      // The button disappears with the notice: give focus back to the text rather than to nothing.
      void this.querySelector<ContractEditor>('trame-contract-editor')?.focusText();
    });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    const load = this.workspace.load;
    const view = load.status === 'ready' ? load.view : null;
    return html`
      <a class="skip-link" href="#contenu">${msg('Aller au contenu', { id: 'app.skip' })}</a>
      ${renderTopBar({
        workspace:
          view === null
            ? null
            : {
                name: view.name,
                present: this.presence.present,
                connection: this.contract.connection,
                identity: this.identitySummary(view),
              },
        onHelp: () => void this.shortcutsDialog.show(),
      })}
      ${load.status !== 'ready'
        ? renderStatusPage(load, () => this.workspace.retry())
        : renderWorkspace({
            view: load.view,
            session: this.contract.session,
            connection: this.contract.connection,
            isLoaded: this.contract.isLoaded,
            canEdit: this.identity !== null,
            presenceProblem: this.presence.problem,
          })}
      <trame-identity-dialog
        .workspaceId=${view?.id ?? ''}
        .networks=${view?.networks ?? []}
        .structures=${view?.structures ?? []}
        @trame-dialog-close=${this.handleIdentityDialogClose}
      ></trame-identity-dialog>
      <trame-shortcuts-dialog></trame-shortcuts-dialog>
    `;
  }

  protected override updated(): void {
    const load = this.workspace.load;
    const view = load.status === 'ready' ? load.view : null;
    document.title = view === null ? 'Trame' : msg(str`Contrat — ${view.name} · Trame`, { id: 'app.title' });
  }

  private identitySummary(view: WorkspaceView): IdentitySummary | null {
    const identity = this.identity;
    const structure = view.structures.find((candidate) => candidate.id === identity?.structureId);
    if (identity === null || structure === undefined) return null;
    return { name: identity.name, structureName: structure.name, colour: structure.colour };
  }

  private handleWorkspaceReady(view: WorkspaceView): void {
    this.contract.open(view.contractDocument);
    this.identity = loadIdentity(view.id, new Set(view.structures.map((structure) => structure.id)));
    this.announceIdentity(view);
    // First visit in this workspace: ask who they are (they may decline and just read).
    if (this.identity === null) void this.openIdentityDialog();
  }

  /** Tells the others who is here (presence list) and who is typing (cursor label). */
  private announceIdentity(view: WorkspaceView): void {
    const summary = this.identitySummary(view);
    const identity = this.identity;
    if (identity === null || summary === null) {
      this.contract.setUser(null);
      this.presence.setTarget(null);
      return;
    }
    this.contract.setUser({ name: identity.name, color: summary.colour, structureId: identity.structureId, structureName: summary.structureName });
    this.presence.setTarget({ workspaceId: view.id, name: identity.name, structureId: identity.structureId });
  }

  private async openIdentityDialog(): Promise<void> {
    await this.updateComplete;
    await this.identityDialog.show(this.identity, loadRememberedName());
  }

  private handleIdentityDialogClose(): void {
    // Declined on a first visit, focus would fall back to the end of the page: start reading instead.
    if (this.identity === null) this.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
  }

  private handleIdentityChange(identity: Identity): void {
    const load = this.workspace.load;
    if (load.status !== 'ready') return;
    const isFirst = this.identity === null;
    this.identity = identity;
    saveIdentity(load.view.id, identity);
    this.announceIdentity(load.view);
    // Having just introduced themselves, people want to write: put the caret in the text.
    if (isFirst) void this.updateComplete.then(() => this.querySelector<ContractEditor>('trame-contract-editor')?.focusText());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-app': App;
  }
}
