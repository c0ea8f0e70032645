/**
 * `<trame-invitation-list>`: every invitation of the workspace, newest first, with its state in
 * words (and a shape, never colour alone) and "Annuler" for those still pending.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InvitationView } from '../../shared/schemas/members';
import { describeError } from '../api/fetch-json';
import { listInvitations, revokeInvitation } from '../api/members';
import { formatDate } from '../i18n/format';
import { roleName } from '../i18n/role-names';
import { LightPage } from '../ui/light-page';

function statusName(status: InvitationView['status']): string {
  switch (status) {
    case 'pending':
      return msg('En attente', { id: 'invitations.status.pending' });
    case 'accepted':
      return msg('Acceptée', { id: 'invitations.status.accepted' });
    case 'revoked':
      return msg('Annulée', { id: 'invitations.status.revoked' });
    case 'expired':
      return msg('Expirée', { id: 'invitations.status.expired' });
  }
}

/** The invitations table. */
@customElement('trame-invitation-list')
export class InvitationList extends LightPage {
  /** The workspace whose invitations to list. */
  @property() workspaceId = '';
  /** Changing it reloads the list. */
  @property({ type: Number }) version = 0;

  @state() private invitations: InvitationView[] | null = null;
  @state() private problem: string | null = null;
  @state() private announcement = '';

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('version') || changed.has('workspaceId')) void this.load();
  }

  override render(): TemplateResult {
    const invitations = this.invitations;
    return html`${this.problem === null ? nothing : html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${invitations === null
        ? html`<p>${msg('Chargement des invitations…', { id: 'invitations.loading' })}</p>`
        : invitations.length === 0
          ? html`<div class="empty-state"><p>${msg('Aucune invitation pour l’instant. Chaque invitation créée ci-dessus apparaîtra ici, avec son état : en attente, acceptée, annulée ou expirée.', { id: 'invitations.empty' })}</p></div>`
          : html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="invitations-title">
              <table class="data-table">
                <thead><tr>
                  <th scope="col">${msg('Adresse e-mail', { id: 'field.email' })}</th>
                  <th scope="col">${msg('Structure', { id: 'invitation.structure' })}</th>
                  <th scope="col">${msg('Rôle', { id: 'invitation.role' })}</th>
                  <th scope="col">${msg('Invitation de', { id: 'invitation.invitedBy' })}</th>
                  <th scope="col">${msg('Expire le', { id: 'account.sessions.expires' })}</th>
                  <th scope="col">${msg('État', { id: 'invitations.status' })}</th>
                  <th scope="col"><span class="visually-hidden">${msg('Action', { id: 'common.action' })}</span></th>
                </tr></thead>
                <tbody>${invitations.map((invitation) => this.renderRow(invitation))}</tbody>
              </table>
            </div>`}`;
  }

  private renderRow(invitation: InvitationView): TemplateResult {
    return html`<tr>
      <th scope="row">${invitation.email}</th>
      <td>${invitation.structureName ?? '—'}</td>
      <td>${roleName(invitation.role)}</td>
      <td>${invitation.invitedByName}</td>
      <td>${formatDate(invitation.expiresAt)}</td>
      <td><span class="state state--${invitation.status}">${statusName(invitation.status)}</span></td>
      <td>${invitation.status === 'pending'
        ? html`<button type="button" class="danger" @click=${() => void this.revoke(invitation)}>
            ${msg('Annuler', { id: 'common.cancel' })}<span class="visually-hidden"> — ${msg(str`l’invitation de ${invitation.email}`, { id: 'invitations.revoke.context' })}</span>
          </button>`
        : nothing}</td>
    </tr>`;
  }

  private async load(): Promise<void> {
    if (this.workspaceId === '') return;
    try {
      this.invitations = await listInvitations(this.workspaceId);
      this.problem = null;
    } catch (error) {
      this.problem = describeError(error);
    }
  }

  private async revoke(invitation: InvitationView): Promise<void> {
    this.problem = null;
    try {
      await revokeInvitation(this.workspaceId, invitation.id);
      await this.load();
      this.announcement = msg(str`Invitation de ${invitation.email} annulée : son lien ne fonctionne plus.`, { id: 'invitations.revoked' });
      this.querySelector<HTMLElement>('.table-scroll')?.focus();
    } catch (error) {
      this.problem = describeError(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-invitation-list': InvitationList;
  }
}
