/**
 * `<trame-export-panel>`: exports one version of the contract (or the live contract, `live`) to
 * Word, OpenDocument, PDF, Markdown or a standalone HTML page. Embedded by the versions pages
 * (light DOM, inside their own disclosure). The server renders in the background: the panel
 * follows the job through `exports:progress` events (and polls, in case the socket is away),
 * shows a labelled progress bar with its step in a live region, then starts the download and
 * keeps a visible "Télécharger" link. Several exports can follow one another.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SocketEvent, type ExportProgress } from '../../shared/protocol';
import { exportFormats, liveVersionId, type ExportFormat } from '../../shared/schemas/versions';
import { describeError, fetchJson, requestJson } from '../api/fetch-json';
import type { ListenToWorkspace } from '../programme/page-props';
import { LightPage } from '../ui/light-page';

let panelCount = 0;

const pollMs = 1000;

function formatLabel(format: ExportFormat): string {
  switch (format) {
    case 'docx':
      return msg('Word (DOCX)', { id: 'exports.format.docx' });
    case 'odt':
      return msg('OpenDocument (ODT)', { id: 'exports.format.odt' });
    case 'pdf':
      return msg('PDF', { id: 'exports.format.pdf' });
    case 'md':
      return msg('Markdown', { id: 'exports.format.md' });
    case 'html':
      return msg('Page HTML autonome', { id: 'exports.format.html' });
  }
}

function formatHint(format: ExportFormat): string {
  switch (format) {
    case 'docx':
      return msg('Pour relire et annoter dans Word ; le sommaire se met à jour à l’ouverture.', { id: 'exports.hint.docx' });
    case 'odt':
      return msg('Format ouvert demandé par de nombreux organismes publics ; s’ouvre avec LibreOffice.', { id: 'exports.hint.odt' });
    case 'pdf':
      return msg('Pour diffuser ou imprimer une version figée, avec sommaire et numéros de page.', { id: 'exports.hint.pdf' });
    case 'md':
      return msg('Texte brut structuré, pour l’archivage ou les outils de publication.', { id: 'exports.hint.md' });
    case 'html':
      return msg('Une seule page web, lisible dans tout navigateur, même sans connexion.', { id: 'exports.hint.html' });
  }
}

@customElement('trame-export-panel')
export class ExportPanel extends LightPage {
  @property({ attribute: false }) workspaceId = '';
  /** A version id, or 'live' for the contract as it is now. */
  @property({ attribute: false }) versionId: string = liveVersionId;
  @property({ attribute: false }) versionName = '';
  @property({ attribute: false }) listen: ListenToWorkspace | null = null;

  @state() private format: ExportFormat = 'pdf';
  @state() private job: ExportProgress | null = null;
  @state() private problem: string | null = null;
  @state() private isStarting = false;

  private readonly uid = `export-panel-${++panelCount}`;
  private unsubscribe: (() => void) | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  /** The job whose download was started (each finished job downloads once, by itself). */
  private downloaded: string | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowing();
  }

  private get basePath(): string {
    return `/api/workspaces/${encodeURIComponent(this.workspaceId)}/exports`;
  }

  private fileHref(job: ExportProgress): string {
    return `${this.basePath}/${encodeURIComponent(job.jobId)}/file`;
  }

  private get isBusy(): boolean {
    return this.isStarting || this.job?.state === 'queued' || this.job?.state === 'running';
  }

  private async start(event: Event): Promise<void> {
    event.preventDefault();
    if (this.isBusy) return;
    this.stopFollowing();
    this.problem = null;
    this.job = null;
    this.isStarting = true;
    try {
      const job = await requestJson<ExportProgress>(this.basePath, { method: 'POST', body: { versionId: this.versionId, format: this.format } });
      this.follow(job);
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.isStarting = false;
    }
  }

  private follow(job: ExportProgress): void {
    this.take(job);
    this.unsubscribe = this.listen?.(SocketEvent.exportProgress, (progress) => {
      if (progress.jobId === this.job?.jobId) this.take(progress);
    }) ?? null;
    // The socket may be away (reconnecting): polling keeps the bar moving.
    this.poll = setInterval(() => void this.refresh(), pollMs);
  }

  private async refresh(): Promise<void> {
    const job = this.job;
    if (job === null) return;
    try {
      const progress = await fetchJson<ExportProgress>(`${this.basePath}/${encodeURIComponent(job.jobId)}`);
      if (progress.jobId === this.job?.jobId) this.take(progress);
    } catch (error) {
      this.stopFollowing();
      this.problem = describeError(error);
    }
  }

  /** Takes a job's news (events may arrive out of order with polls: progress never goes back). */
  private take(progress: ExportProgress): void {
    const current = this.job;
    if (current !== null && current.jobId === progress.jobId && (current.state === 'done' || current.state === 'failed')) return;
    if (current !== null && current.jobId === progress.jobId && progress.state === current.state && progress.progress < current.progress) return;
    this.job = progress;
    if (progress.state === 'failed') {
      this.stopFollowing();
      this.problem = progress.problem ?? msg('L’export a échoué. Réessayez.', { id: 'exports.failed' });
    } else if (progress.state === 'done') {
      this.stopFollowing();
      void this.updateComplete.then(() => this.download(progress));
    }
  }

  /** Starts the download once, through the visible link (same origin: the browser saves it). */
  private download(job: ExportProgress): void {
    if (this.downloaded === job.jobId) return;
    this.downloaded = job.jobId;
    this.querySelector<HTMLAnchorElement>(`#${this.uid}-download`)?.click();
  }

  private stopFollowing(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.poll !== null) clearInterval(this.poll);
    this.poll = null;
  }

  private stepText(job: ExportProgress): string {
    if (job.state === 'queued') return msg('En attente : un autre export se termine.', { id: 'exports.queued' });
    if (job.state === 'done') return msg(str`Export terminé : « ${job.fileName ?? ''} ». Le téléchargement commence.`, { id: 'exports.done' });
    if (job.state === 'failed') return '';
    return msg(str`${Math.round(job.progress * 100)} % — ${job.step}`, { id: 'exports.running' });
  }

  override render(): TemplateResult {
    const job = this.job;
    const name = this.versionName || msg('l’état actuel du contrat', { id: 'exports.live' });
    return html`<form class="export-panel" @submit=${(event: Event) => void this.start(event)} aria-labelledby="${this.uid}-legend">
      <fieldset class="export-panel__formats">
        <legend id="${this.uid}-legend">${msg(str`Format d’export de « ${name} »`, { id: 'exports.legend' })}</legend>
        ${exportFormats.map(
          (format) => html`<div class="export-panel__format">
            <input
              type="radio"
              id="${this.uid}-${format}"
              name="${this.uid}-format"
              value=${format}
              .checked=${this.format === format}
              ?disabled=${this.isBusy}
              aria-describedby="${this.uid}-${format}-hint"
              @change=${() => (this.format = format)}
            />
            <label for="${this.uid}-${format}">${formatLabel(format)}</label>
            <span class="hint" id="${this.uid}-${format}-hint">${formatHint(format)}</span>
          </div>`,
        )}
      </fieldset>
      <p class="export-panel__actions">
        <button type="submit" class="primary" ?disabled=${this.isBusy} aria-describedby="${this.uid}-status">${msg('Exporter', { id: 'exports.start' })}</button>
      </p>
      ${job === null || job.state === 'failed'
        ? nothing
        : html`<div class="export-panel__progress">
            <label for="${this.uid}-progress">${msg('Avancement de l’export', { id: 'exports.progress' })}</label>
            <progress id="${this.uid}-progress" max="1" .value=${job.state === 'done' ? 1 : job.progress}>${Math.round(job.progress * 100)} %</progress>
          </div>`}
      <p class="export-panel__status" id="${this.uid}-status" role="status">${job === null ? '' : this.stepText(job)}</p>
      ${job?.state === 'done'
        ? html`<p class="export-panel__download">
            <a id="${this.uid}-download" class="button" href=${this.fileHref(job)} download=${job.fileName ?? ''}>${msg(str`Télécharger « ${job.fileName ?? ''} »`, { id: 'exports.download' })}</a>
          </p>`
        : nothing}
      ${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-export-panel': ExportPanel;
  }
}
