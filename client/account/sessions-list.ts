/**
 * `<trame-sessions-list>`: where the person is signed in (browsers) and which access tokens are
 * live, with "Terminer" for each; this device's session is marked and ends with "Se déconnecter".
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { describeError } from '../api/fetch-json';
import { endSession, listSessions, type SessionView } from '../api/session';
import { trameEvent } from '../events';
import { formatDateTime } from '../i18n/format';
import { LightPage } from '../ui/light-page';
import { describeDevice } from './user-agent';

/** The sessions table; dispatches `trame-sign-out-request` for this device's own session. */
@customElement('trame-sessions-list')
export class SessionsList extends LightPage {
  /** Changing it reloads the list. */
  @property({ type: Number }) version = 0;

  @state() private sessions: SessionView[] | null = null;
  @state() private problem: string | null = null;
  @state() private announcement = '';

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('version')) void this.load();
  }

  override render(): TemplateResult {
    return html`${this.problem === null ? nothing : html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>`}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.sessions === null
        ? html`<p role="status">${msg('Chargement des sessions…', { id: 'account.sessions.loading' })}</p>`
        : html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="sessions-title">
            <table class="data-table">
              <thead><tr>
                <th scope="col">${msg('Appareil ou jeton', { id: 'account.sessions.device' })}</th>
                <th scope="col">${msg('Ouverte le', { id: 'account.sessions.created' })}</th>
                <th scope="col">${msg('Dernière activité', { id: 'account.sessions.lastSeen' })}</th>
                <th scope="col">${msg('Expire le', { id: 'account.sessions.expires' })}</th>
                <th scope="col"><span class="visually-hidden">${msg('Action', { id: 'common.action' })}</span></th>
              </tr></thead>
              <tbody>${this.sessions.map((session) => this.renderRow(session))}</tbody>
            </table>
          </div>`}`;
  }

  private renderRow(session: SessionView): TemplateResult {
    const name = session.kind === 'token' ? session.label : describeDevice(session.label);
    return html`<tr>
      <th scope="row">
        ${session.kind === 'token' ? html`<span class="badge">${msg('Jeton', { id: 'account.sessions.token' })}</span> ` : nothing}${name}
        ${session.isCurrent ? html`<br /><strong>${msg('Cet appareil', { id: 'account.sessions.current' })}</strong>` : nothing}
      </th>
      <td>${formatDateTime(session.createdAt)}</td>
      <td>${formatDateTime(session.lastSeenAt)}</td>
      <td>${formatDateTime(session.expiresAt)}</td>
      <td>${session.isCurrent
        ? html`<button type="button" @click=${() => this.dispatchEvent(trameEvent('trame-sign-out-request', null))}>${msg('Se déconnecter', { id: 'account.signOut' })}</button>`
        : html`<button type="button" class="danger" @click=${() => void this.end(session, name)}>
            ${msg('Terminer', { id: 'account.sessions.end' })}<span class="visually-hidden"> — ${name}</span>
          </button>`}</td>
    </tr>`;
  }

  private async load(): Promise<void> {
    try {
      this.sessions = await listSessions();
      this.problem = null;
    } catch (error) {
      this.problem = describeError(error);
    }
  }

  private async end(session: SessionView, name: string): Promise<void> {
    this.problem = null;
    try {
      await endSession(session.id);
      this.announcement = `${msg('Session terminée :', { id: 'account.sessions.ended' })} ${name}`;
      await this.load();
      // The row and its button are gone: keep keyboard users in the table rather than at the page's top.
      this.querySelector<HTMLElement>('.table-scroll')?.focus();
    } catch (error) {
      this.problem = describeError(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sessions-list': SessionsList;
  }
}
