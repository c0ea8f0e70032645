/**
 * `<trame-audit-page>` ("Journal"): who did what and when in the workspace, newest first, read
 * by the coordination; "Plus anciens" pages back in time.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { fetchAudit, type AuditEventView } from '../api/audit';
import { describeError } from '../api/fetch-json';
import { listMembers } from '../api/members';
import { formatDateTime } from '../i18n/format';
import { LightPage } from '../ui/light-page';
import { auditActionWords, auditTargetWords, type AuditNames } from './audit-words';

const pageSize = 50;

/** The audit log page. */
@customElement('trame-audit-page')
export class AuditPage extends LightPage {
  /** The open workspace. */
  @property({ attribute: false }) view: WorkspaceView | null = null;

  @state() private events: AuditEventView[] | null = null;
  @state() private hasMore = false;
  @state() private isLoading = false;
  @state() private problem: string | null = null;
  @state() private announcement = '';
  @state() private names: AuditNames = { people: new Map(), structures: new Map() };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadNames();
    void this.loadMore();
  }

  override render(): TemplateResult | typeof nothing {
    if (this.view === null) return nothing;
    const events = this.events;
    return html`<div class="page">
      <h1>${msg('Journal', { id: 'nav.audit' })}</h1>
      <p class="lead">${msg('Ce qui s’est passé dans l’espace de travail : connexions, invitations, changements de rôle, imports, actions refusées. Le journal ne peut être ni modifié ni effacé.', { id: 'audit.intro' })}</p>
      ${this.problem === null ? nothing : html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>`}
      ${events === null
        ? html`<p role="status">${msg('Chargement du journal…', { id: 'audit.loading' })}</p>`
        : events.length === 0
          ? html`<div class="empty-state"><p>${msg('Rien n’est encore enregistré. Les connexions, invitations et changements de rôle apparaîtront ici.', { id: 'audit.empty' })}</p></div>`
          : this.renderTable(events)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.hasMore
        ? html`<button type="button" ?disabled=${this.isLoading} @click=${() => void this.loadMore()}>${msg('Plus anciens', { id: 'audit.more' })}</button>`
        : events !== null && events.length > 0
          ? html`<p class="hint">${msg('Début du journal atteint.', { id: 'audit.end' })}</p>`
          : nothing}
    </div>`;
  }

  private renderTable(events: AuditEventView[]): TemplateResult {
    return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="audit-caption">
      <table class="data-table">
        <caption id="audit-caption">${msg('Événements, du plus récent au plus ancien', { id: 'audit.caption' })}</caption>
        <thead><tr>
          <th scope="col">${msg('Date', { id: 'audit.col.date' })}</th>
          <th scope="col">${msg('Qui', { id: 'audit.col.who' })}</th>
          <th scope="col">${msg('Action', { id: 'common.action' })}</th>
          <th scope="col">${msg('Sur quoi', { id: 'audit.col.target' })}</th>
        </tr></thead>
        <tbody>
          ${events.map(
            (event) => html`<tr>
              <td class="nowrap"><time datetime=${event.at}>${formatDateTime(event.at)}</time></td>
              <td class="nowrap">${event.actorName ?? msg('Inconnu·e', { id: 'audit.unknownActor' })}</td>
              <th scope="row">${auditActionWords(event.action)}</th>
              <td>${auditTargetWords(event, this.names) || '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private async loadMore(): Promise<void> {
    const view = this.view;
    if (view === null || this.isLoading) return;
    this.isLoading = true;
    const before = this.events?.at(-1)?.at;
    try {
      const page = await fetchAudit(view.id, before === undefined ? { limit: pageSize } : { before, limit: pageSize });
      this.events = [...(this.events ?? []), ...page];
      this.hasMore = page.length === pageSize;
      this.problem = null;
      if (before !== undefined) this.announcement = msg(str`Événements plus anciens ajoutés au tableau : ${page.length}.`, { id: 'audit.loaded' });
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.isLoading = false;
    }
  }

  private async loadNames(): Promise<void> {
    const view = this.view;
    if (view === null) return;
    const structures = new Map(view.structures.map((structure) => [structure.id, structure.name]));
    try {
      const members = await listMembers(view.id, {});
      this.names = { people: new Map(members.map((member) => [member.personId, member.displayName])), structures };
    } catch {
      // Without the member list, people stay unnamed in the "Sur quoi" column; the log still reads.
      this.names = { people: new Map(), structures };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-audit-page': AuditPage;
  }
}
