/**
 * `<trame-account-page>` ("Mon compte"): the person's name, their roles and structures, their
 * password, their open sessions, and access tokens for integrations.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Me } from '../../shared/schemas/people';
import { fetchWorkspaces } from '../api/workspaces';
import { roleName } from '../i18n/role-names';
import { workspacePath } from '../routing/routes';
import { LightPage } from '../ui/light-page';
import './password-form';
import './profile-form';
import './sessions-list';
import './token-form';

/** The account page. */
@customElement('trame-account-page')
export class AccountPage extends LightPage {
  /** Who is signed in. */
  @property({ attribute: false }) me: Me | null = null;

  /** Bumped when a token is created, so that the session list reloads. */
  @state() private sessionsVersion = 0;
  @state() private workspaceNames = new Map<string, string>();

  constructor() {
    super();
    this.addEventListener('trame-sessions-change', () => this.sessionsVersion++);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Names only make the list friendlier: without them, the ids still link to each workspace.
    fetchWorkspaces().then(
      (workspaces) => (this.workspaceNames = new Map(workspaces.map((workspace) => [workspace.id, workspace.name]))),
      () => undefined,
    );
  }

  override render(): TemplateResult | typeof nothing {
    const me = this.me;
    if (me === null) return nothing;
    return html`<div class="page">
      <h1>${msg('Mon compte', { id: 'nav.account' })}</h1>
      <section class="card" aria-labelledby="profile-title">
        <h2 id="profile-title">${msg('Profil', { id: 'account.profile' })}</h2>
        <trame-profile-form .me=${me}></trame-profile-form>
        ${this.renderMemberships(me)}
      </section>
      <section class="card" aria-labelledby="password-title">
        <h2 id="password-title">${msg('Mot de passe', { id: 'field.password' })}</h2>
        <trame-password-form></trame-password-form>
      </section>
      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">${msg('Sessions ouvertes', { id: 'account.sessions' })}</h2>
        <trame-sessions-list .version=${this.sessionsVersion}></trame-sessions-list>
      </section>
      <section class="card" aria-labelledby="token-title">
        <h2 id="token-title">${msg('Jetons d’accès pour les intégrations', { id: 'account.tokens' })}</h2>
        <trame-token-form></trame-token-form>
      </section>
    </div>`;
  }

  private renderMemberships(me: Me): TemplateResult {
    return html`<h3 class="subheading">${msg('Vos espaces de travail', { id: 'account.memberships' })}</h3>
      <ul class="plain-list">
        ${me.workspaces.map(({ workspaceId, role }) => {
          const structures = me.structures.filter((structure) => structure.workspaceId === workspaceId);
          return html`<li>
            <a href=${workspacePath(workspaceId)}>${this.workspaceNames.get(workspaceId) ?? workspaceId}</a> — ${msg(str`rôle : ${roleName(role)}`, { id: 'account.membership.role' })}
            ${structures.map(
              (structure) => html`<br /><span>${structure.name}</span>
                ${structure.isRepresentative ? html`<span class="badge badge--representative">${msg('représentant·e', { id: 'members.representative' })}</span>` : nothing}`,
            )}
          </li>`;
        })}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-account-page': AccountPage;
  }
}
