/**
 * `<trame-version-page>`: one stored version, read-only. Its header (name, kind, date, author,
 * comment, badges) and actions (compare with now, export, restore as a new draft), then the
 * contract's text and programme exactly as they were: the version's state is fetched once, applied
 * to a local `Y.Doc` that is never connected, and rendered as plain HTML (nothing here can edit).
 * The record reloads on `versions:changed` (a publication, a new freeze changes its badges).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type * as Y from 'yjs';
import { consolidate, type Consolidation } from '../../shared/budget/consolidate';
import { can } from '../../shared/permissions';
import { readProgramme, type ProgrammeView } from '../../shared/programme/read';
import { SocketEvent } from '../../shared/protocol';
import type { VersionView } from '../../shared/schemas/versions';
import { describeError } from '../api/fetch-json';
import { formatDateTime } from '../i18n/format';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import type { ConfirmDialog } from '../ui/confirm-dialog';
import { LightPage } from '../ui/light-page';
import { comparePath } from './version-lists';
import { contractFragment, isEmptyText, renderRichText, versionDoc } from './version-text';
import { authorWords, kindWords, renderBadges, restoreQuestion } from './version-words';
import { fetchVersion, fetchVersionState, openDraft } from './versions-api';
import '../exports/export-panel';
import '../ui/confirm-dialog';
import './version-programme';

/** What the page reads out of the version's state. */
interface Reading {
  doc: Y.Doc;
  programme: ProgrammeView;
  contract: HTMLElement | null;
}

@customElement('trame-version-page')
export class VersionPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private version: VersionView | null = null;
  @state() private reading: Reading | null = null;
  @state() private problem: string | null = null;
  @state() private actionProblem: string | null = null;
  @state() private announcement = '';
  @state() private isRestoring = false;
  @state() private isRestored = false;
  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('trame-confirm-dialog') private confirmDialog!: ConfirmDialog;
  private loadedKey: string | null = null;
  private loading: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.loading?.abort();
    this.reading?.doc.destroy();
    this.reading = null;
    this.loadedKey = null;
  }

  protected override willUpdate(): void {
    const props = this.props;
    if (props === null || props.itemId === undefined) return;
    const key = `${props.view.id}/${props.itemId}`;
    if (key === this.loadedKey) return;
    this.loadedKey = key;
    this.unsubscribe?.();
    const workspaceId = props.view.id;
    const versionId = props.itemId;
    this.unsubscribe = props.listen(SocketEvent.versionsChanged, (payload) => {
      if (payload.workspaceId === workspaceId) void this.reloadRecord(workspaceId, versionId);
    });
    void this.load(workspaceId, versionId);
  }

  private async load(workspaceId: string, versionId: string): Promise<void> {
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    this.reading?.doc.destroy();
    this.reading = null;
    this.version = null;
    this.problem = null;
    this.isRestored = false;
    try {
      const [version, state] = await Promise.all([fetchVersion(workspaceId, versionId, loading.signal), fetchVersionState(workspaceId, versionId, loading.signal)]);
      if (loading.signal.aborted) return;
      const doc = versionDoc(state);
      const fragment = contractFragment(doc);
      this.version = version;
      this.reading = { doc, programme: readProgramme(doc), contract: isEmptyText(fragment) ? null : renderRichText(fragment, 'contract-text version-contract-text', 2) };
    } catch (error) {
      if (loading.signal.aborted) return;
      this.problem = describeError(error);
    }
  }

  private async reloadRecord(workspaceId: string, versionId: string): Promise<void> {
    try {
      this.version = await fetchVersion(workspaceId, versionId);
    } catch {
      // The record shown stays as it was; the text never changes.
    }
  }

  override render(): TemplateResult {
    const props = this.props;
    if (props === null) return html``;
    const back = html`<p class="breadcrumb"><a href=${workspacePath(props.view.id, 'versions')}>${msg('Versions du contrat', { id: 'versions.title' })}</a></p>`;
    if (this.problem !== null) {
      return html`<div class="page version-page">
        ${back}
        <h1>${msg('Version introuvable', { id: 'versions.page.missing' })}</h1>
        <p class="notice notice--error" role="alert">${this.problem}</p>
      </div>`;
    }
    const version = this.version;
    const reading = this.reading;
    if (version === null || reading === null) {
      return html`<div class="page version-page">
        ${back}
        <h1>${msg('Version', { id: 'versions.page.title' })}</h1>
        <p class="hint" role="status">${msg('Chargement de la version…', { id: 'versions.page.loading' })}</p>
      </div>`;
    }
    // The envelope the version was taken with (today's for versions older than that record).
    const envelope = version.envelope ?? props.view.envelope;
    const consolidation: Consolidation = consolidate(reading.programme.lines, envelope);
    return html`<div class="page version-page">
      ${back}
      <div class="page-header">
        <h1>${version.name}</h1>
      </div>
      ${renderBadges(version)}
      <p class="notice version-page__readonly">
        ${msg(str`Version en lecture seule du ${formatDateTime(version.createdAt)} : le contrat tel qu’il était à cet instant. Rien ne peut y être modifié.`, { id: 'versions.page.readOnly' })}
      </p>
      <dl class="facts">
        <dt>${msg('Type', { id: 'versions.page.kind' })}</dt>
        <dd>${kindWords(version.kind)}</dd>
        <dt>${msg('Date', { id: 'versions.page.date' })}</dt>
        <dd>${formatDateTime(version.createdAt)}</dd>
        <dt>${msg('Par', { id: 'versions.page.by' })}</dt>
        <dd>${authorWords(version)}</dd>
        ${version.comment.trim() === ''
          ? nothing
          : html`<dt>${msg('Commentaire', { id: 'versions.page.comment' })}</dt>
              <dd class="version-page__comment">${version.comment}</dd>`}
      </dl>
      ${this.renderActions(props, version)}
      <section class="version-page__text" aria-labelledby="version-text-title">
        <h2 id="version-text-title">${msg('Texte du contrat', { id: 'versions.page.text' })}</h2>
        ${reading.contract ?? html`<p class="empty-state">${msg('Le texte du contrat était vide dans cette version.', { id: 'versions.page.textEmpty' })}</p>`}
      </section>
      <trame-version-programme
        .doc=${reading.doc}
        .programme=${reading.programme}
        .consolidation=${consolidation}
        .envelope=${envelope}
        .isCurrentEnvelope=${version.envelope === null}
        .structures=${props.view.structures}
      ></trame-version-programme>
      <trame-confirm-dialog></trame-confirm-dialog>
    </div>`;
  }

  private renderActions(props: ProgrammePageProps, version: VersionView): TemplateResult {
    return html`<section class="version-page__actions" aria-label=${msg('Actions sur cette version', { id: 'versions.page.actions' })}>
      <p class="page-actions">
        <a class="button" href=${comparePath(props.view.id, version.id)}>${msg('Comparer avec maintenant', { id: 'versions.compareNow' })}</a>
        ${can(props.role, 'versions.restore')
          ? html`<button type="button" ?disabled=${this.isRestoring} @click=${() => void this.restore(props, version)}>${msg('Restaurer comme nouveau brouillon', { id: 'versions.restore' })}</button>`
          : nothing}
      </p>
      ${can(props.role, 'contract.export')
        ? html`<details class="version-page__export">
            <summary>${msg('Exporter cette version', { id: 'versions.page.export' })}</summary>
            <trame-export-panel .workspaceId=${props.view.id} .versionId=${version.id} .versionName=${version.name} .listen=${props.listen}></trame-export-panel>
          </details>`
        : nothing}
      ${this.actionProblem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.actionProblem}</p>`}
      <div role="status">
        ${this.isRestored
          ? html`<p class="notice notice--success">${this.announcement} <a href=${workspacePath(props.view.id)}>${msg('Ouvrir le contrat', { id: 'versions.page.openContract' })}</a></p>`
          : nothing}
      </div>
    </section>`;
  }

  private async restore(props: ProgrammePageProps, version: VersionView): Promise<void> {
    const confirmed = await this.confirmDialog.ask(restoreQuestion(version));
    if (!confirmed) return;
    this.isRestoring = true;
    this.actionProblem = null;
    try {
      await openDraft(props.view.id, version.id);
      this.announcement = msg(str`Nouveau brouillon ouvert à partir de « ${version.name} ».`, { id: 'versions.restore.done' });
      this.isRestored = true;
    } catch (error) {
      this.actionProblem = describeError(error);
    } finally {
      this.isRestoring = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-version-page': VersionPage;
  }
}
