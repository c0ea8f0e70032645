/**
 * Which page the app shows for a route and a session, as a light-DOM template: the public pages
 * (sign-in, setup, invitation), the account, and the pages of a workspace, each only for the
 * roles that may use it (the server refuses the others anyway; this spares people the refusal).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { can, type Action } from '../../shared/permissions';
import type { Me } from '../../shared/schemas/people';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import type { SessionState } from '../controllers/session-controller';
import type { WorkspaceLoad } from '../controllers/workspace-controller';
import type { Route, WorkspacePage } from '../routing/routes';
import { renderContractPage, type ContractState } from './contract-page';
import type { Identity } from './identity';
import { renderStatusBody, renderStatusPage } from './status-page';
import { pageName, renderWorkspace } from './workspace-layout';
import '../account/account-page';
import type { ProgrammeState } from '../controllers/programme-controller';
import type { ListenToWorkspace, ProgrammePageProps } from '../programme/page-props';
import '../audit/audit-page';
import '../budget/budget-page';
import '../comments/comments-page';
import '../amendments/amendments-page';
import '../amendments/amendment-page';
import '../rounds/rounds-page';
import '../rounds/round-page';
import '../notifications/notifications-page';
import '../follow-up/follow-up-page';
import '../follow-up/sheet-follow-up-page';
import '../programme/sheet-page';
import '../programme/sheets-page';
import '../auth/invitation-page';
import '../auth/setup-page';
import '../auth/sign-in-page';
import '../imports/import-page';
import '../members/invite-page';
import '../members/members-page';
import '../versions/versions-page';
import '../versions/version-page';
import '../versions/version-diff-page';
import '../contract-import/contract-import-page';

/** Everything the page area depends on. */
export interface PageInput {
  route: Route;
  session: SessionState;
  workspace: WorkspaceLoad;
  identity: Identity | null;
  contract: ContractState;
  programme: ProgrammeState | null;
  listen: ListenToWorkspace;
  presenceProblem: string | null;
  isWriteRefused: boolean;
  signOutProblem: string | null;
  onRetrySession: () => void;
  onRetryWorkspace: () => void;
}

const noop = (): void => undefined;

/** The page for the current route. */
export function renderPage(input: PageInput): TemplateResult {
  const { route, session } = input;
  if (session.status === 'loading') return renderStatusPage({ status: 'loading', message: msg('Chargement de Trame…', { id: 'status.starting' }) }, noop);
  if (session.status === 'error') {
    return renderStatusPage({ status: 'error', title: msg('Trame n’a pas pu démarrer', { id: 'status.startError' }), message: session.message }, input.onRetrySession);
  }
  const me = session.status === 'signed-in' ? session.me : null;
  if (route.kind === 'sign-in') return plainMain(html`<trame-sign-in-page></trame-sign-in-page>`, null);
  if (route.kind === 'setup') return plainMain(html`<trame-setup-page></trame-setup-page>`, null);
  if (route.kind === 'invitation') return plainMain(html`<trame-invitation-page .me=${me}></trame-invitation-page>`, input.signOutProblem);
  // Signed out on a private page: the app is already on its way to the sign-in page.
  if (me === null) return renderStatusPage({ status: 'loading', message: msg('Ouverture de la page de connexion…', { id: 'status.toSignIn' }) }, noop);
  if (route.kind === 'not-found') return renderStatusPage({ status: 'not-found' }, noop);
  const load = input.workspace;
  const view = load.status === 'ready' ? load.view : null;
  const role = input.identity?.role;
  if (route.kind === 'account') {
    const page = html`${signOutNotice(input.signOutProblem)}<trame-account-page .me=${me}></trame-account-page>`;
    return view === null ? plainMain(page, null) : renderWorkspace({ view, role, place: 'account', content: page, programme: input.programme });
  }
  if (view === null || route.kind === 'home' || view.id !== route.workspaceId) {
    if (load.status === 'empty' || load.status === 'error') return renderStatusPage(load, input.onRetryWorkspace);
    return renderStatusPage({ status: 'loading' }, noop);
  }
  const content = html`${signOutNotice(input.signOutProblem)}${workspacePage(route.page, route.itemId, input, view, me)}`;
  return renderWorkspace({ view, role, place: route.page, content, programme: input.programme });
}

/** The document title for a route. */
export function pageTitle(route: Route, view: WorkspaceView | null): string {
  switch (route.kind) {
    case 'sign-in':
      return msg('Connexion · Trame', { id: 'title.signIn' });
    case 'setup':
      return msg('Installation · Trame', { id: 'title.setup' });
    case 'invitation':
      return msg('Invitation · Trame', { id: 'title.invitation' });
    case 'account':
      return msg('Mon compte · Trame', { id: 'title.account' });
    case 'workspace':
      return view === null ? 'Trame' : msg(str`${pageName(route.page)} — ${view.name} · Trame`, { id: 'title.workspacePage' });
    default:
      return 'Trame';
  }
}

const pageAction: Record<Exclude<WorkspacePage, 'contract'>, Action> = {
  sheets: 'workspace.read',
  sheet: 'workspace.read',
  budget: 'workspace.read',
  comments: 'workspace.read',
  amendments: 'workspace.read',
  amendment: 'workspace.read',
  decisions: 'workspace.read',
  decision: 'workspace.read',
  notifications: 'notifications.read',
  'follow-up': 'followup.read',
  'follow-up-sheet': 'followup.read',
  members: 'members.read',
  invite: 'members.invite',
  import: 'members.import',
  audit: 'audit.read',
  versions: 'versions.read',
  version: 'versions.read',
  'version-diff': 'versions.read',
  'contract-import': 'contract.import',
};

function workspacePage(page: WorkspacePage, itemId: string | undefined, input: PageInput, view: WorkspaceView, me: Me): TemplateResult {
  const role = input.identity?.role;
  if (page !== 'contract' && !can(role, pageAction[page])) {
    return renderStatusBody({ status: 'forbidden', message: refusal(pageAction[page]) }, noop);
  }
  const props: ProgrammePageProps = {
    view,
    role,
    me,
    session: input.contract.session,
    loaded: input.contract.isLoaded,
    editable: can(role, 'contract.edit') && !input.isWriteRefused && view.freeze === null,
    programme: input.programme,
    itemId,
    listen: input.listen,
  };
  switch (page) {
    case 'sheets':
      return html`<trame-sheets-page .props=${props}></trame-sheets-page>`;
    case 'sheet':
      return html`<trame-sheet-page .props=${props}></trame-sheet-page>`;
    case 'budget':
      return html`<trame-budget-page .props=${props}></trame-budget-page>`;
    case 'comments':
      return html`<trame-comments-page .props=${props}></trame-comments-page>`;
    case 'amendments':
      return html`<trame-amendments-page .props=${props}></trame-amendments-page>`;
    case 'amendment':
      return html`<trame-amendment-page .props=${props}></trame-amendment-page>`;
    case 'decisions':
      return html`<trame-rounds-page .props=${props}></trame-rounds-page>`;
    case 'decision':
      return html`<trame-round-page .props=${props}></trame-round-page>`;
    case 'notifications':
      return html`<trame-notifications-page .props=${props}></trame-notifications-page>`;
    case 'follow-up':
      return html`<trame-follow-up-page .props=${props}></trame-follow-up-page>`;
    case 'follow-up-sheet':
      return html`<trame-sheet-follow-up-page .props=${props}></trame-sheet-follow-up-page>`;
    case 'contract':
      return renderContractPage({ view, role, contract: input.contract, presenceProblem: input.presenceProblem, isWriteRefused: input.isWriteRefused, programme: input.programme, commentProps: props });
    case 'members':
      return html`<trame-members-page .view=${view} .viewerRole=${role} .me=${me}></trame-members-page>`;
    case 'invite':
      return html`<trame-invite-page .view=${view}></trame-invite-page>`;
    case 'import':
      return html`<trame-import-page .view=${view}></trame-import-page>`;
    case 'audit':
      return html`<trame-audit-page .view=${view}></trame-audit-page>`;
    case 'versions':
      return html`<trame-versions-page .props=${props}></trame-versions-page>`;
    case 'version':
      return html`<trame-version-page .props=${props}></trame-version-page>`;
    case 'version-diff':
      return html`<trame-version-diff-page .props=${props}></trame-version-diff-page>`;
    case 'contract-import':
      return html`<trame-contract-import-page .props=${props}></trame-contract-import-page>`;
  }
}

function refusal(action: Action): string {
  switch (action) {
    case 'members.read':
      return msg('Votre rôle ne permet pas de voir la liste des membres.', { id: 'refusal.membersRead' });
    case 'audit.read':
      return msg('Seule la coordination peut consulter le journal.', { id: 'refusal.auditRead' });
    case 'members.import':
      return msg('Seule la coordination peut importer des membres.', { id: 'refusal.membersImport' });
    case 'followup.read':
      return msg('Votre rôle ne permet pas de consulter le suivi des actions.', { id: 'refusal.followUpRead' });
    case 'versions.read':
      return msg('Votre rôle permet de lire les versions publiées seulement.', { id: 'refusal.versionsRead' });
    case 'contract.import':
      return msg('Seules la coordination et l’animation peuvent importer un texte dans le contrat.', { id: 'refusal.contractImport' });
    default:
      return msg('Seule la coordination peut inviter des personnes.', { id: 'refusal.membersInvite' });
  }
}

function plainMain(content: TemplateResult, problem: string | null): TemplateResult {
  return html`<main id="contenu" class="plain-main" tabindex="-1">${signOutNotice(problem)}${content}</main>`;
}

function signOutNotice(problem: string | null): TemplateResult | typeof nothing {
  if (problem === null) return nothing;
  return html`<div class="notice notice--error page" role="alert"><p>${msg('La déconnexion n’a pas abouti :', { id: 'account.signOut.failed' })} ${problem}</p></div>`;
}
