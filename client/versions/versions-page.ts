/**
 * `<trame-versions-page>`: which versions of the contract exist, which one is adopted, and what
 * changed since. The freeze first (the adopted version makes the contract read-only for everyone;
 * the coordination may open a new draft), then the coordination's form to name or adopt a version,
 * the named versions newest first with their actions, a form to compare any two, and the timeline
 * of automatic checkpoints grouped by day. Reloads on `versions:changed` and whenever the
 * workspace view changes (the freeze is part of it).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { can } from '../../shared/permissions';
import { SocketEvent } from '../../shared/protocol';
import type { Freeze, VersionView, VersionsView } from '../../shared/schemas/versions';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import { describeError } from '../api/fetch-json';
import { formatDate, formatDateTime } from '../i18n/format';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import type { ConfirmDialog, Confirmation } from '../ui/confirm-dialog';
import { LightPage } from '../ui/light-page';
import { namedVersions } from './version-lists';
import { fetchMemberNames, fetchVersions, openDraft } from './versions-api';
import '../ui/confirm-dialog';
import './version-compare-form';
import './version-form';
import './version-item';
import './version-timeline';

@customElement('trame-versions-page')
export class VersionsPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private versions: VersionsView | null = null;
  @state() private names: ReadonlyMap<string, string> | null = null;
  @state() private problem: string | null = null;
  @state() private draftProblem: string | null = null;
  @state() private isOpeningDraft = false;
  @state() private announcement = '';
  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('trame-confirm-dialog') private confirmDialog!: ConfirmDialog;
  private workspaceId: string | null = null;
  private lastView: WorkspaceView | null = null;
  private unsubscribe: (() => void) | null = null;
  private loading: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.loading?.abort();
    this.workspaceId = null;
    this.lastView = null;
  }

  protected override willUpdate(): void {
    const props = this.props;
    if (props === null) return;
    if (props.view.id !== this.workspaceId) {
      this.unsubscribe?.();
      this.workspaceId = props.view.id;
      this.versions = null;
      this.names = null;
      this.unsubscribe = props.listen(SocketEvent.versionsChanged, ({ workspaceId }) => {
        if (workspaceId === this.workspaceId) void this.load();
      });
      if (can(props.role, 'members.read')) void this.loadNames(props.view.id);
    }
    if (props.view !== this.lastView) {
      // The view changes on `workspace:changed` (an adoption, a new draft): the list follows.
      this.lastView = props.view;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    try {
      const versions = await fetchVersions(workspaceId, loading.signal);
      if (loading.signal.aborted) return;
      this.versions = versions;
      this.problem = null;
    } catch (error) {
      if (loading.signal.aborted) return;
      this.problem = describeError(error);
    }
  }

  private async loadNames(workspaceId: string): Promise<void> {
    try {
      const names = await fetchMemberNames(workspaceId);
      if (workspaceId === this.workspaceId) this.names = names;
    } catch {
      // Without names the timeline shows how many people edited, which still answers "who?".
      this.names = null;
    }
  }

  /** The freeze as last read: the list answers it too, and is fresher right after opening a draft. */
  private freeze(props: ProgrammePageProps): Freeze | null {
    return this.versions === null ? props.view.freeze : this.versions.freeze;
  }

  private readonly confirm = (question: Confirmation): Promise<boolean> => this.confirmDialog.ask(question);

  override render(): TemplateResult {
    const props = this.props;
    if (props === null) return html``;
    const frozen = this.freeze(props) !== null;
    return html`<div class="page versions-page">
      <div class="page-header">
        <h1>${msg('Versions du contrat', { id: 'versions.title' })}</h1>
        ${can(props.role, 'contract.import') && !frozen
          ? html`<a class="button" href=${workspacePath(props.view.id, 'contract-import')}>${msg('Importer un texte (Markdown, DOCX)', { id: 'versions.import' })}</a>`
          : nothing}
      </div>
      <p class="lead">
        ${msg('Chaque version garde le texte du contrat et ses fiches action tels qu’ils étaient à un instant donné. Vous pouvez la relire, la comparer avec le contrat actuel et l’exporter.', { id: 'versions.intro' })}
      </p>
      ${this.renderFreeze(props)}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${can(props.role, 'versions.create') && !frozen
        ? html`<trame-version-form .workspaceId=${props.view.id} .onCreated=${(version: VersionView) => this.handleCreated(version)}></trame-version-form>`
        : nothing}
      ${this.renderBody(props)}
      <trame-confirm-dialog></trame-confirm-dialog>
    </div>`;
  }

  private renderFreeze(props: ProgrammePageProps): TemplateResult | typeof nothing {
    const freeze = this.freeze(props);
    if (freeze === null) return nothing;
    const adopted = this.versions?.versions.find((version) => version.id === freeze.versionId);
    return html`<section class="notice notice--success version-freeze" aria-labelledby="version-freeze-title">
      <h2 id="version-freeze-title" class="notice__title">${msg('Le contrat est adopté et figé', { id: 'versions.freeze.title' })}</h2>
      <p>
        ${adopted === undefined
          ? msg(str`Adopté le ${formatDate(freeze.frozenAt)} par ${freeze.frozenByName}.`, { id: 'versions.freeze.when' })
          : msg(str`« ${adopted.name} » a été adoptée le ${formatDate(freeze.frozenAt)} par ${freeze.frozenByName}.`, { id: 'versions.freeze.whenNamed' })}
        ${msg('Le contrat est en lecture seule pour tout le monde, texte et fiches action, jusqu’à ce que la coordination ouvre un nouveau brouillon.', { id: 'versions.freeze.readOnly' })}
      </p>
      ${can(props.role, 'versions.restore')
        ? html`<p>
            <button type="button" class="primary" ?disabled=${this.isOpeningDraft} @click=${() => void this.openNewDraft(props, freeze.versionId, adopted?.name ?? null)}>
              ${msg('Ouvrir un nouveau brouillon', { id: 'versions.freeze.openDraft' })}
            </button>
          </p>`
        : nothing}
      ${this.draftProblem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.draftProblem}</p>`}
    </section>`;
  }

  private renderBody(props: ProgrammePageProps): TemplateResult {
    if (this.problem !== null && this.versions === null) {
      return html`<div class="notice notice--error" role="alert">
        <p>${this.problem}</p>
        <p><button type="button" @click=${() => void this.load()}>${msg('Réessayer', { id: 'versions.retry' })}</button></p>
      </div>`;
    }
    if (this.versions === null) return html`<p class="hint" role="status">${msg('Chargement des versions…', { id: 'versions.loading' })}</p>`;
    const named = namedVersions(this.versions.versions);
    return html`${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
      <section class="versions-named" aria-labelledby="versions-named-title">
        <h2 id="versions-named-title">${msg('Versions nommées', { id: 'versions.named.title' })}</h2>
        ${named.length === 0
          ? html`<p class="empty-state">
              ${can(props.role, 'versions.create')
                ? msg('Aucune version nommée pour l’instant. Nommez la version que vous soumettez au comité de pilotage : elle restera lisible telle quelle, quoi qu’il arrive ensuite au contrat.', { id: 'versions.named.emptyCoordinator' })
                : msg('Aucune version nommée pour l’instant. La coordination nomme les versions importantes, comme celle soumise au comité de pilotage ou la version adoptée.', { id: 'versions.named.empty' })}
            </p>`
          : html`<ul class="plain-list version-list">
              ${repeat(
                named,
                (version) => version.id,
                (version) => html`<li>
                  <trame-version-item
                    .workspaceId=${props.view.id}
                    .version=${version}
                    .viewerRole=${props.role}
                    .listen=${props.listen}
                    .confirm=${this.confirm}
                    .onChanged=${() => void this.load()}
                  ></trame-version-item>
                </li>`,
              )}
            </ul>`}
      </section>
      ${this.versions.versions.length === 0 ? nothing : html`<trame-version-compare-form .workspaceId=${props.view.id} .versions=${this.versions.versions}></trame-version-compare-form>`}
      <trame-version-timeline .workspaceId=${props.view.id} .versions=${this.versions.versions} .names=${this.names}></trame-version-timeline>`;
  }

  private handleCreated(version: VersionView): void {
    this.announcement =
      version.kind === 'adopted'
        ? msg(str`Version « ${version.name} » adoptée le ${formatDateTime(version.createdAt)} : le contrat est figé.`, { id: 'versions.created.adopted' })
        : msg(str`Version « ${version.name} » enregistrée.`, { id: 'versions.created' });
    void this.load();
  }

  private async openNewDraft(props: ProgrammePageProps, versionId: string, name: string | null): Promise<void> {
    const confirmed = await this.confirm({
      title: msg('Ouvrir un nouveau brouillon ?', { id: 'versions.draft.confirm.title' }),
      body: msg(
        'Le contrat redeviendra modifiable par les membres, à partir du texte adopté. La version adoptée reste enregistrée telle quelle : vous pourrez la relire, l’exporter et la comparer. Pour adopter le nouveau texte, il faudra nommer une nouvelle version adoptée.',
        { id: 'versions.draft.confirm.body' },
      ),
      confirmLabel: msg('Ouvrir un nouveau brouillon', { id: 'versions.freeze.openDraft' }),
    });
    if (!confirmed) return;
    this.isOpeningDraft = true;
    this.draftProblem = null;
    try {
      this.versions = await openDraft(props.view.id, versionId);
      this.announcement =
        name === null
          ? msg('Nouveau brouillon ouvert : le contrat est de nouveau modifiable.', { id: 'versions.draft.done' })
          : msg(str`Nouveau brouillon ouvert à partir de « ${name} » : le contrat est de nouveau modifiable.`, { id: 'versions.draft.doneNamed' });
    } catch (error) {
      this.draftProblem = describeError(error);
    } finally {
      this.isOpeningDraft = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-versions-page': VersionsPage;
  }
}
