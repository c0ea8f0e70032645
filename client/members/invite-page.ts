/**
 * `<trame-invite-page>`: the coordination invites people one by one (the form) and follows the
 * invitations already sent (the list), with a way back to the members.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { workspacePath } from '../routing/routes';
import { LightPage } from '../ui/light-page';
import './invitation-list';
import './invite-form';

/** The invitation page. */
@customElement('trame-invite-page')
export class InvitePage extends LightPage {
  /** The open workspace. */
  @property({ attribute: false }) view: WorkspaceView | null = null;

  @state() private listVersion = 0;

  constructor() {
    super();
    this.addEventListener('trame-invitation-created', () => this.listVersion++);
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (view === null) return nothing;
    return html`<div class="page">
      <p class="breadcrumb"><a href=${workspacePath(view.id, 'members')}>← ${msg('Membres', { id: 'nav.members' })}</a></p>
      <h1>${msg('Inviter une personne', { id: 'members.invite' })}</h1>
      <p class="lead">${msg('Chaque invitation crée un lien personnel, valable 14 jours et utilisable une seule fois. Pour inviter toute une liste, importez plutôt un fichier CSV.', { id: 'invite.intro' })}
        <a href=${workspacePath(view.id, 'import')}>${msg('Importer une liste (CSV)', { id: 'members.import' })}</a></p>
      <trame-invite-form .view=${view}></trame-invite-form>
      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">${msg('Invitations envoyées', { id: 'invitations.title' })}</h2>
        <trame-invitation-list .workspaceId=${view.id} .version=${this.listVersion}></trame-invitation-list>
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-invite-page': InvitePage;
  }
}
