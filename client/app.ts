/**
 * `<trame-app>`: the shell. Knows who is signed in, follows the route (sending people to sign in
 * when they must), loads the workspace, owns the live contract (Yjs) and presence (Socket.IO) under
 * the person's account, and lays out the top bar, navigation and page, in light DOM.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { can } from '../shared/permissions';
import { SocketEvent } from '../shared/protocol';
import type { Me } from '../shared/schemas/people';
import type { WorkspaceView } from '../shared/schemas/workspace';
import { rememberStructure } from './account/structure-choice';
import { describeError } from './api/fetch-json';
import { ContractDocumentController } from './controllers/contract-document-controller';
import { HelpShortcutController } from './controllers/help-shortcut-controller';
import { PresenceController } from './controllers/presence-controller';
import { ProgrammeController } from './controllers/programme-controller';
import { SessionController, type SessionState } from './controllers/session-controller';
import { StickyOffsetController } from './controllers/sticky-offset-controller';
import { WorkspaceController } from './controllers/workspace-controller';
import { NotificationsController } from './notifications/notifications-controller';
import type { ContractEditor } from './documents/contract-editor';
import { currentPath, handleLinkClick, isPublicRoute, navigate, parseRoute, returnPathFromSignIn, signInPath, type Route } from './routing/routes';
import { describeAccount, describeIdentity } from './shell/identity';
import { renderPage, pageTitle } from './shell/app-pages';
import type { ShortcutsDialog } from './shell/shortcuts-dialog';
import { renderTopBar } from './shell/top-bar';
import { pageName } from './shell/workspace-layout';
import './shell/shortcuts-dialog';

/** The whole client. */
@customElement('trame-app')
export class App extends LitElement {
  @state() private route: Route = parseRoute(location.pathname);
  /** The server dropped this person's edits (their role changed since they connected). */
  @state() private isWriteRefused = false;
  @state() private signOutProblem: string | null = null;
  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('trame-shortcuts-dialog') private shortcutsDialog!: ShortcutsDialog;
  private hasNavigated = false;
  private isForgettingContract = false;

  private readonly session = new SessionController(this, (state) => this.handleSessionChange(state));
  private readonly workspace = new WorkspaceController(this, { onReady: (view) => this.handleWorkspaceReady(view), isAllowed: () => this.session.me !== null });
  private readonly contract = new ContractDocumentController(this, { onSessionEnded: () => this.session.end(), onConnectionRefused: () => this.session.probe(), onPermissionDenied: () => this.handlePermissionDenied() });
  private readonly presence = new PresenceController(this, () => this.session.probe());
  private readonly programme = new ProgrammeController(this);
  private readonly notifications = new NotificationsController(this, (event, listener) => this.presence.listen(event, listener));
  private followedView: WorkspaceView | null = null;
  private memberStructureIds: ReadonlySet<string> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    new HelpShortcutController(this, () => void this.shortcutsDialog.show());
    new StickyOffsetController(this, '.top-bar', '--trame-top-bar-height');
    this.addEventListener('click', handleLinkClick);
    this.addEventListener('trame-signed-in', (event) => this.handleSignedIn(event.detail.me, event.detail.returnTo));
    this.addEventListener('trame-me-change', (event) => {
      this.session.setMe(event.detail);
      this.presence.rejoin();
    });
    this.addEventListener('trame-sign-out-request', () => void this.signOut());
    this.addEventListener('trame-structure-choose', (event) => this.handleStructureChoice(event.detail.workspaceId, event.detail.structureId));
    // The envelope (or another part of the workspace) changed: every page shows the new one.
    this.presence.listen(SocketEvent.workspaceChanged, ({ workspaceId }) => {
      if (workspaceId === this.workspace.view?.id) void this.workspace.refresh();
    });
    this.addEventListener('trame-reconnect-request', () => {
      this.contract.retry();
      // The button disappears with the notice: give focus back to the text rather than to nothing.
      void this.querySelector<ContractEditor>('trame-contract-editor')?.focusText();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handleRouteChange);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handleRouteChange);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    const me = this.session.me;
    const view = this.workspace.view;
    const identity = me === null || view === null ? null : describeIdentity(me, view);
    const place = this.route.kind === 'workspace' ? this.route.page : 'account';
    return html`
      <a class="skip-link" href="#contenu">${msg('Aller au contenu', { id: 'app.skip' })}</a>
      ${renderTopBar({
        workspace: view === null ? null : { id: view.id, name: view.name, pageName: pageName(place), present: this.presence.present, connection: this.contract.connection, notifications: { unread: this.notifications.unread, current: place === 'notifications' } },
        account: me === null ? null : describeAccount(me, view, identity),
        onHelp: () => void this.shortcutsDialog.show(),
      })}
      ${renderPage({
        route: this.route,
        session: this.session.state,
        workspace: this.workspace.load,
        identity,
        contract: this.contract,
        programme: this.programme.state,
        listen: (event, listener) => this.presence.listen(event, listener),
        presenceProblem: this.presence.problem,
        isWriteRefused: this.isWriteRefused,
        signOutProblem: this.signOutProblem,
        onRetrySession: () => void this.session.load(),
        onRetryWorkspace: () => this.workspace.retry(),
      })}
      <trame-shortcuts-dialog></trame-shortcuts-dialog>
    `;
  }

  protected override willUpdate(): void {
    const view = this.workspace.view;
    if (view !== this.followedView) {
      this.followedView = view;
      this.memberStructureIds = view === null ? undefined : new Set(view.structures.map((structure) => structure.id));
    }
    this.programme.follow(this.contract.session?.doc ?? null, view?.envelope, this.memberStructureIds);
    this.notifications.follow(this.session.me === null ? null : (view?.id ?? null));
  }

  protected override updated(): void {
    document.title = pageTitle(this.route, this.workspace.view);
    // After a navigation, start reading at the new page once it is there (not at a placeholder).
    const main = this.querySelector<HTMLElement>('#contenu');
    if (!this.hasNavigated || main === null || main.querySelector('.status-page__loading') !== null) return;
    this.hasNavigated = false;
    main.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }

  private readonly handleRouteChange = (): void => {
    this.route = parseRoute(location.pathname);
    this.hasNavigated = true;
    this.applyGuards();
  };

  /** Sends people who must sign in to the sign-in page, and signed-in people away from it. */
  private applyGuards(): void {
    const state = this.session.state;
    if (state.status === 'signed-out' && !isPublicRoute(this.route)) {
      navigate(signInPath(state.reason === 'signed-out' ? null : currentPath(), state.reason), { replace: true });
    } else if (state.status === 'signed-in' && this.route.kind === 'sign-in') {
      navigate(returnPathFromSignIn() ?? '/', { replace: true });
    }
  }

  private handleSessionChange(state: SessionState): void {
    if (state.status === 'signed-in') {
      if (this.workspace.load.status === 'idle') this.workspace.retry();
      if (this.workspace.view !== null) this.announce(this.workspace.view, state.me);
    } else if (state.status === 'signed-out') {
      void this.contract.close({ forget: this.isForgettingContract });
      this.isForgettingContract = false;
      this.presence.reset();
      this.workspace.reset();
      this.isWriteRefused = false;
    }
    this.applyGuards();
  }

  private handleSignedIn(me: Me, returnTo: string | null): void {
    this.session.setMe(me);
    navigate(returnTo ?? '/', { replace: this.route.kind === 'sign-in' });
  }

  private async signOut(): Promise<void> {
    this.signOutProblem = null;
    // Decided before the request: ending the session closes the connection, and with it "synced".
    this.isForgettingContract = this.contract.hasNothingUnsent;
    try {
      await this.session.signOut();
    } catch (error) {
      this.isForgettingContract = false;
      this.signOutProblem = describeError(error);
    }
  }

  private handleWorkspaceReady(view: WorkspaceView | null): void {
    this.isWriteRefused = false;
    const me = this.session.me;
    if (view !== null && me !== null) return this.announce(view, me);
    this.contract.open(null);
    this.presence.setTarget(null);
  }

  /** Opens the contract under the person's account and tells the others who is here. */
  private announce(view: WorkspaceView, me: Me): void {
    const identity = describeIdentity(me, view);
    this.contract.open({ documentName: view.contractDocument, personId: me.id });
    this.contract.setUser(identity.awareness);
    this.presence.setTarget(identity.structureId === null ? { workspaceId: view.id } : { workspaceId: view.id, structureId: identity.structureId });
  }

  private handleStructureChoice(workspaceId: string, structureId: string): void {
    rememberStructure(workspaceId, structureId);
    const [view, me] = [this.workspace.view, this.session.me];
    if (view?.id === workspaceId && me !== null) this.announce(view, me);
    this.requestUpdate();
  }

  private handlePermissionDenied(): void {
    void this.session.refresh();
    // The contract may have just been frozen by an adopted version: the workspace says so, and its
    // notice explains it better than "your role changed".
    void this.workspace.refresh().then(() => {
      const view = this.workspace.view;
      const role = view === null ? undefined : this.session.me?.workspaces.find((entry) => entry.workspaceId === view.id)?.role;
      // Expected for read-only roles (their editor is already locked); news for anyone else.
      if (can(role, 'contract.edit') && view?.freeze === null) this.isWriteRefused = true;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-app': App;
  }
}
