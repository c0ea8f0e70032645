/**
 * The inside of a workspace, as a light-DOM template: the workspace navigation (only the pages
 * the person's role opens) with the envelope summary, and the main column with the current page.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { can, type Role } from '../../shared/permissions';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import type { ProgrammeState } from '../controllers/programme-controller';
import { workspacePath, type WorkspacePage } from '../routing/routes';
import './envelope-summary';

/** Where the person is in the workspace: a page of it, or their account. */
export type NavPlace = WorkspacePage | 'account';

/** What the workspace layout needs. */
export interface WorkspaceLayoutInput {
  view: WorkspaceView;
  role: Role | undefined;
  place: NavPlace;
  content: TemplateResult;
  /** The live reading of the programme, for the planned total beside the envelope (null while none). */
  programme?: ProgrammeState | null;
}

/** The localised name of a workspace page (top bar, titles). */
export function pageName(place: NavPlace): string {
  switch (place) {
    case 'contract':
      return msg('Contrat', { id: 'nav.contract' });
    case 'sheets':
    case 'sheet':
      return msg('Fiches action', { id: 'nav.sheets' });
    case 'budget':
      return msg('Budget', { id: 'nav.budget' });
    case 'comments':
      return msg('Commentaires', { id: 'nav.comments' });
    case 'amendments':
    case 'amendment':
      return msg('Amendements', { id: 'nav.amendments' });
    case 'decisions':
    case 'decision':
      return msg('Décisions', { id: 'nav.decisions' });
    case 'notifications':
      return msg('Notifications', { id: 'nav.notifications' });
    case 'follow-up':
    case 'follow-up-sheet':
      return msg('Suivi', { id: 'nav.followUp' });
    case 'members':
      return msg('Membres', { id: 'nav.members' });
    case 'invite':
      return msg('Inviter', { id: 'nav.invite' });
    case 'import':
      return msg('Importer des membres', { id: 'nav.import' });
    case 'audit':
      return msg('Journal', { id: 'nav.audit' });
    case 'versions':
    case 'version':
    case 'version-diff':
      return msg('Versions', { id: 'nav.versions' });
    case 'contract-import':
      return msg('Importer un texte', { id: 'nav.contractImport' });
    case 'account':
      return msg('Mon compte', { id: 'nav.account' });
  }
}

/** Renders navigation and main area for an open workspace. */
export function renderWorkspace({ view, role, place, content, programme = null }: WorkspaceLayoutInput): TemplateResult {
  // Inviting and importing are parts of the members page: its entry stays current there.
  const current = place === 'invite' || place === 'import' ? 'members' : place === 'sheet' ? 'sheets' : place === 'follow-up-sheet' ? 'follow-up' : place === 'amendment' ? 'amendments' : place === 'decision' ? 'decisions' : place === 'version' || place === 'version-diff' ? 'versions' : place;
  const link = (target: NavPlace, href: string): TemplateResult =>
    html`<li><a href=${href} aria-current=${current === target ? 'page' : nothing}>${pageName(target)}</a></li>`;
  return html`<div class="workspace">
    <div class="workspace__side">
      <nav class="workspace__nav" aria-label=${msg('Espace de travail', { id: 'nav.label' })}>
        <ul>
          ${link('contract', workspacePath(view.id))}
          ${link('sheets', workspacePath(view.id, 'sheets'))}
          ${link('budget', workspacePath(view.id, 'budget'))}
          ${link('comments', workspacePath(view.id, 'comments'))}
          ${link('amendments', workspacePath(view.id, 'amendments'))}
          ${link('decisions', workspacePath(view.id, 'decisions'))}
          ${can(role, 'versions.read') ? link('versions', workspacePath(view.id, 'versions')) : nothing}
          ${can(role, 'followup.read') ? link('follow-up', workspacePath(view.id, 'follow-up')) : nothing}
          ${can(role, 'members.read') ? link('members', workspacePath(view.id, 'members')) : nothing}
          ${can(role, 'audit.read') ? link('audit', workspacePath(view.id, 'audit')) : nothing}
          ${link('account', '/compte')}
        </ul>
      </nav>
      <trame-envelope-summary .envelope=${view.envelope} .consolidation=${programme?.consolidation ?? null} .budgetHref=${workspacePath(view.id, 'budget')}></trame-envelope-summary>
    </div>
    <main id="contenu" class="workspace__main" tabindex="-1">${content}</main>
  </div>`;
}
