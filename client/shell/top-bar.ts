/**
 * The app's top bar as a light-DOM template (it is the page's `banner` landmark, so it lives in
 * the document, not in a shadow root): product and workspace, current page, who is here,
 * connection, language, keyboard help and the signed-in person's account menu.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { PresencePerson } from '../../shared/schemas/presence';
import type { AccountSummary } from '../account/account-menu';
import type { ConnectionSnapshot } from '../connection/connection-state';
import { workspacePath } from '../routing/routes';
import '../account/account-menu';
import '../connection/connection-status';
import '../notifications/notification-bell';
import '../presence/presence-list';
import './language-switch';

/** What the top bar shows; `workspace` is null outside a workspace, `account` when signed out. */
export interface TopBarInput {
  workspace: {
    id: string;
    name: string;
    pageName: string;
    present: PresencePerson[];
    connection: ConnectionSnapshot;
    /** The person's unread notifications here (null while unknown), and whether their inbox is the page shown. */
    notifications: { unread: number | null; current: boolean };
  } | null;
  account: {
    summary: AccountSummary;
    structures: readonly { id: string; name: string }[];
    chosenStructureId: string;
  } | null;
  onHelp: () => void;
}

/** Renders the top bar. */
export function renderTopBar({ workspace, account, onHelp }: TopBarInput): TemplateResult {
  return html`<header class="top-bar ${workspace === null ? 'top-bar--bare' : ''}">
    <div class="top-bar__context">
      <a class="top-bar__brand" href="/">Trame<span class="visually-hidden"> — ${msg('accueil', { id: 'topbar.home' })}</span></a>
      ${workspace === null
        ? nothing
        : html`<p class="top-bar__where">
            <span class="top-bar__workspace">${workspace.name}</span>
            <span class="top-bar__separator" aria-hidden="true">/</span>
            <span class="top-bar__document">${workspace.pageName}</span>
          </p>`}
    </div>
    <div class="top-bar__tools">
      ${workspace === null
        ? nothing
        : html`<trame-presence-list .people=${workspace.present}></trame-presence-list>
            <trame-connection-status .connection=${workspace.connection}></trame-connection-status>
            <trame-notification-bell .href=${workspacePath(workspace.id, 'notifications')} .unread=${workspace.notifications.unread} .current=${workspace.notifications.current}></trame-notification-bell>`}
      <trame-language-switch></trame-language-switch>
      <button
        type="button"
        class="top-bar__help"
        aria-label=${msg('Raccourcis clavier', { id: 'shortcuts.title' })}
        title=${msg('Raccourcis clavier (F1)', { id: 'topbar.help.title' })}
        aria-keyshortcuts="F1"
        @click=${onHelp}
      >
        <span aria-hidden="true">?</span>
      </button>
      ${account === null
        ? nothing
        : html`<trame-account-menu
            .summary=${account.summary}
            .workspaceId=${workspace?.id ?? ''}
            .structures=${account.structures}
            .chosenStructureId=${account.chosenStructureId}
          ></trame-account-menu>`}
    </div>
  </header>`;
}
