/**
 * `<trame-members-page>`: the people of the workspace, filtered by network, structure, role and
 * a search (by the server; the filters live in the address). The coordination changes roles and
 * names representatives from here, and reaches the invitation and import pages.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { can, roles, type Role } from '../../shared/permissions';
import type { MemberFilters, MemberView } from '../../shared/schemas/members';
import type { Me } from '../../shared/schemas/people';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { describeDetail, describeError } from '../api/fetch-json';
import { changeRole, listMembers, setRepresentative } from '../api/members';
import { fetchMe } from '../api/session';
import { trameEvent } from '../events';
import { roleName } from '../i18n/role-names';
import { workspacePath } from '../routing/routes';
import type { ConfirmDialog } from '../ui/confirm-dialog';
import { LightPage } from '../ui/light-page';
import { filtersQuery, hasFilters, readFilters, renderMemberFilters } from './member-filters';
import { renderMember, type MemberActions } from './member-item';
import '../ui/confirm-dialog';

const searchDebounceMs = 300;

/** The member list. */
@customElement('trame-members-page')
export class MembersPage extends LightPage {
  /** The open workspace. */
  @property({ attribute: false }) view: WorkspaceView | null = null;
  /** The viewer's role in it. */
  @property({ attribute: false }) viewerRole: Role | undefined;
  /** Who is signed in. */
  @property({ attribute: false }) me: Me | null = null;

  @state() private filters: MemberFilters = readFilters(location.search);
  @state() private members: MemberView[] | null = null;
  @state() private problem: string | null = null;
  @state() private rowProblems = new Map<string, string>();
  @state() private announcement = '';
  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('trame-confirm-dialog') private confirmDialog!: ConfirmDialog;
  private abort: AbortController | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handlePopState);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.handlePopState);
    clearTimeout(this.searchTimer);
    this.abort?.abort();
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (view === null) return nothing;
    const canManage = can(this.viewerRole, 'members.changeRole');
    return html`<div class="page">
      <div class="page-header">
        <h1>${msg('Membres', { id: 'nav.members' })}</h1>
        ${can(this.viewerRole, 'members.invite')
          ? html`<p class="page-actions">
              <a class="button primary" href=${workspacePath(view.id, 'invite')}>${msg('Inviter une personne', { id: 'members.invite' })}</a>
              <a class="button" href=${workspacePath(view.id, 'import')}>${msg('Importer une liste (CSV)', { id: 'members.import' })}</a>
            </p>`
          : nothing}
      </div>
      ${renderMemberFilters(view, this.filters, (filters) => this.applyFilters(filters))}
      <p class="members__count" role="status">${this.announcement}</p>
      ${this.problem === null ? nothing : html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>`}
      ${this.members === null ? html`<p>${msg('Chargement des membres…', { id: 'members.loading' })}</p>` : this.renderList(this.members, canManage)}
      <trame-confirm-dialog></trame-confirm-dialog>
    </div>`;
  }

  private renderList(members: MemberView[], canManage: boolean): TemplateResult {
    if (members.length === 0) return this.renderEmpty();
    const actions: MemberActions | null = canManage
      ? { onRoleChange: (member, select) => void this.confirmRole(member, select), onRepresentative: (member, structure, isNaming) => void this.confirmRepresentative(member, structure, isNaming) }
      : null;
    return html`<ul class="member-list" aria-label=${msg('Membres de l’espace de travail', { id: 'members.list' })}>
      ${members.map((member) => renderMember(member, actions, this.rowProblems.get(member.personId) ?? null, member.personId === this.me?.id))}
    </ul>`;
  }

  private renderEmpty(): TemplateResult {
    if (hasFilters(this.filters)) {
      return html`<div class="empty-state">
        <p>${msg('Aucun membre ne correspond à ces filtres. Essayez un autre mot, ou un autre réseau.', { id: 'members.empty.filtered' })}</p>
        <button type="button" @click=${() => this.applyFilters({})}>${msg('Effacer les filtres', { id: 'members.filter.clear' })}</button>
      </div>`;
    }
    const view = this.view;
    return html`<div class="empty-state">
      <p>${msg('Personne n’a encore rejoint cet espace de travail. Invitez les structures une à une, ou importez votre liste de membres depuis un tableur.', { id: 'members.empty' })}</p>
      ${view !== null && can(this.viewerRole, 'members.invite')
        ? html`<p class="page-actions"><a class="button primary" href=${workspacePath(view.id, 'invite')}>${msg('Inviter une personne', { id: 'members.invite' })}</a>
            <a class="button" href=${workspacePath(view.id, 'import')}>${msg('Importer une liste (CSV)', { id: 'members.import' })}</a></p>`
        : nothing}
    </div>`;
  }

  private applyFilters(filters: MemberFilters): void {
    const isTyping = filters.q !== this.filters.q;
    this.filters = filters;
    history.replaceState(null, '', `${location.pathname}${filtersQuery(filters)}`);
    clearTimeout(this.searchTimer);
    if (isTyping) this.searchTimer = setTimeout(() => void this.load(), searchDebounceMs);
    else void this.load();
  }

  private readonly handlePopState = (): void => {
    this.filters = readFilters(location.search);
    void this.load();
  };

  private async load(): Promise<void> {
    const view = this.view;
    if (view === null) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const members = await listMembers(view.id, this.filters, abort.signal);
      if (abort.signal.aborted) return;
      this.members = members;
      this.problem = null;
      this.announcement = members.length === 1 ? msg('1 membre', { id: 'members.count.one' }) : msg(str`${members.length} membres`, { id: 'members.count' });
    } catch (error) {
      if (!abort.signal.aborted) this.problem = describeError(error);
    }
  }

  private async confirmRole(member: MemberView, select: HTMLSelectElement): Promise<void> {
    const view = this.view;
    const role = roles.find((candidate) => candidate === select.value);
    if (view === null || role === undefined || role === member.role) return;
    const confirmed = await this.confirmDialog.ask({
      title: msg(str`Changer le rôle de ${member.displayName} ?`, { id: 'members.role.confirm.title' }),
      body: msg(str`${member.displayName} passera de « ${roleName(member.role)} » à « ${roleName(role)} ». Ses droits changent dès sa prochaine action.`, { id: 'members.role.confirm.body' }),
      confirmLabel: msg('Changer le rôle', { id: 'members.role.confirm' }),
    });
    select.value = member.role;
    if (!confirmed) return;
    await this.run(member, () => changeRole(view.id, member.personId, role), msg(str`${member.displayName} a maintenant le rôle « ${roleName(role)} ».`, { id: 'members.role.done' }));
  }

  private async confirmRepresentative(member: MemberView, structure: MemberView['structures'][number], isNaming: boolean): Promise<void> {
    const view = this.view;
    if (view === null) return;
    const confirmed = await this.confirmDialog.ask(
      isNaming
        ? {
            title: msg(str`Désigner ${member.displayName} représentant·e de ${structure.name} ?`, { id: 'members.representative.confirm.title' }),
            body: msg('Cette personne donnera la position de la structure dans les tours de décision (une structure, une voix). La personne qui la représentait jusqu’ici ne la représentera plus.', { id: 'members.representative.confirm.body' }),
            confirmLabel: msg('Désigner', { id: 'members.representative.confirm' }),
          }
        : {
            title: msg(str`Retirer la représentation de ${structure.name} à ${member.displayName} ?`, { id: 'members.representative.remove.title' }),
            body: msg('La structure n’aura plus de représentant·e tant que vous n’en aurez pas désigné un·e autre.', { id: 'members.representative.remove.body' }),
            confirmLabel: msg('Retirer', { id: 'members.representative.remove' }),
          },
    );
    if (!confirmed) return;
    const done = isNaming
      ? msg(str`${member.displayName} représente maintenant ${structure.name}.`, { id: 'members.representative.done' })
      : msg(str`${structure.name} n’a plus de représentant·e.`, { id: 'members.representative.removed' });
    await this.run(member, () => setRepresentative(view.id, structure.id, isNaming ? member.personId : null), done);
  }

  private async run(member: MemberView, change: () => Promise<unknown>, done: string): Promise<void> {
    const problems = new Map(this.rowProblems);
    problems.delete(member.personId);
    try {
      await change();
      this.rowProblems = problems;
      await this.load();
      this.announcement = done;
      // A change to one's own role or representation changes what the app lets one do.
      if (member.personId === this.me?.id) this.dispatchEvent(trameEvent('trame-me-change', await fetchMe()));
    } catch (error) {
      const detail = describeDetail(error);
      this.rowProblems = problems.set(member.personId, detail === null ? describeError(error) : `${describeError(error)} ${detail}`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-members-page': MembersPage;
  }
}
