/**
 * `<trame-version-diff-page>` (`/w/<id>/versions/comparer?de=<id>&a=<id|live>`): what changed
 * between two versions of the contract, or between a version and now, in one screen. Two selects
 * (named versions, automatic checkpoints, and "Maintenant") and "Comparer" (the address follows,
 * so a comparison can be shared or reloaded); then a one-sentence summary, the text section by
 * section with the changed words, the axes and sheets field by field with their amounts, and the
 * consolidated budget before/after/difference. Without `de`, it compares the newest named
 * version with now: "what changed since the last committee?".
 *
 * The comparison is computed by the server (`GET …/versions/diff`); "now" is the moment of the
 * request, said on the page. Loading, errors and results are announced in a live region.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SocketEvent } from '../../shared/protocol';
import { liveVersionId, type VersionView } from '../../shared/schemas/versions';
import type { VersionDiff } from '../../shared/versions/diff';
import { describeDetail, describeError } from '../api/fetch-json';
import { formatDateTime, formatTime } from '../i18n/format';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import { controlValue } from '../ui/dom';
import { describedBy, fieldNotes } from '../ui/form-field';
import { LightPage } from '../ui/light-page';
import { fetchVersionDiff } from './diff-api';
import { renderBudget } from './diff-budget';
import { renderSections } from './diff-sections';
import { renderSheets } from './diff-sheets';
import { renderSummary, summaryParts } from './diff-words';
import { checkpointDays, comparePath, namedVersions } from './version-lists';
import { fetchVersions } from './versions-api';

interface Comparison {
  from: string;
  to: string;
  diff: VersionDiff;
  /** When the server compared (what "now" means). */
  at: string;
}

@customElement('trame-version-diff-page')
export class VersionDiffPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private versions: VersionView[] | null = null;
  @state() private listProblem: string | null = null;
  @state() private from = '';
  @state() private to = liveVersionId;
  @state() private fieldError: string | undefined = undefined;
  @state() private comparison: Comparison | null = null;
  @state() private isComparing = false;
  @state() private problem: { title: string; detail: string | null } | null = null;
  @state() private announcement = '';
  private workspaceId: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private comparing: AbortController | null = null;
  private readonly onPopState = (): void => this.readAddress();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.comparing?.abort();
    this.workspaceId = null;
  }

  protected override willUpdate(): void {
    const props = this.props;
    if (props === null || props.view.id === this.workspaceId) return;
    this.unsubscribe?.();
    this.workspaceId = props.view.id;
    this.unsubscribe = props.listen(SocketEvent.versionsChanged, ({ workspaceId }) => {
      if (workspaceId === this.workspaceId) void this.loadVersions();
    });
    void this.loadVersions().then(() => this.readAddress());
  }

  private async loadVersions(): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    try {
      const view = await fetchVersions(workspaceId);
      if (workspaceId !== this.workspaceId) return;
      this.versions = view.versions;
      this.listProblem = null;
    } catch (error) {
      this.listProblem = describeError(error);
    }
  }

  /** Takes the two versions from the address; without `de`, the newest named version and now. */
  private readAddress(): void {
    if (this.workspaceId === null) return;
    const query = new URLSearchParams(location.search);
    const from = query.get('de') ?? this.defaultFrom();
    const to = query.get('a') ?? liveVersionId;
    if (from === '') return;
    this.from = from;
    this.to = to;
    const current = this.comparison;
    if (current !== null && current.from === from && current.to === to) return;
    if (!query.has('de')) history.replaceState(history.state, '', comparePath(this.workspaceId, from, to));
    void this.compare(from, to);
  }

  private defaultFrom(): string {
    const versions = this.versions ?? [];
    return namedVersions(versions)[0]?.id ?? checkpointDays(versions)[0]?.checkpoints[0]?.id ?? '';
  }

  private async compare(from: string, to: string): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    this.comparing?.abort();
    const controller = new AbortController();
    this.comparing = controller;
    this.isComparing = true;
    this.problem = null;
    this.announcement = msg('Comparaison en cours…', { id: 'versionDiff.loading' });
    try {
      const diff = await fetchVersionDiff(workspaceId, from, to, controller.signal);
      if (controller.signal.aborted) return;
      this.comparison = { from, to, diff, at: new Date().toISOString() };
      this.announcement = diff.summary.identical
        ? msg('Comparaison terminée : aucune différence.', { id: 'versionDiff.done.none' })
        : msg(str`Comparaison terminée : ${[...summaryParts(diff.summary)].join(', ') || msg('seul le budget a changé', { id: 'versionDiff.done.budgetOnly' })}.`, { id: 'versionDiff.done' });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.comparison = null;
      this.problem = { title: describeError(error), detail: describeDetail(error) };
      this.announcement = '';
    } finally {
      if (this.comparing === controller) {
        this.comparing = null;
        this.isComparing = false;
      }
    }
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const from = this.from === '' ? this.defaultFrom() : this.from;
    if (from === '' || from === this.to) {
      this.fieldError = msg('Choisissez deux versions différentes.', { id: 'versionDiff.form.same' });
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#version-diff-to')?.focus());
      return;
    }
    this.fieldError = undefined;
    if (this.workspaceId !== null) history.replaceState(history.state, '', comparePath(this.workspaceId, from, this.to));
    void this.compare(from, this.to);
  }

  private versionName(id: string): string {
    if (id === liveVersionId) return msg('Maintenant (version de travail)', { id: 'versionDiff.live' });
    const version = this.versions?.find((candidate) => candidate.id === id);
    return version === undefined ? msg('Version inconnue', { id: 'versionDiff.unknown' }) : `${version.name} — ${formatDateTime(version.createdAt)}`;
  }

  override render(): TemplateResult {
    const props = this.props;
    if (props === null) return html``;
    return html`<div class="page version-diff-page">
      <p class="breadcrumb"><a href=${workspacePath(props.view.id, 'versions')}>${msg('Versions du contrat', { id: 'versions.title' })}</a></p>
      <h1>${msg('Comparer deux versions', { id: 'versionDiff.title' })}</h1>
      <p class="lead">${msg('Ce qui a changé entre deux versions du contrat, ou depuis une version jusqu’à maintenant : le texte section par section, les fiches action champ par champ et le budget.', { id: 'versionDiff.intro' })}</p>
      ${this.renderForm()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderResult()}
    </div>`;
  }

  private renderForm(): TemplateResult {
    if (this.listProblem !== null) return html`<p class="notice notice--error" role="alert">${this.listProblem}</p>`;
    if (this.versions === null) return html`<p class="hint">${msg('Chargement des versions…', { id: 'versionDiff.versionsLoading' })}</p>`;
    const named = namedVersions(this.versions);
    const checkpoints = checkpointDays(this.versions).flatMap((day) => day.checkpoints);
    if (named.length === 0 && checkpoints.length === 0) {
      return html`<div class="empty-state">
        <p>${msg('Aucune version n’a encore été enregistrée : il n’y a rien à comparer.', { id: 'versionDiff.noVersions' })}</p>
        <p><a href=${workspacePath(this.props?.view.id ?? '', 'versions')}>${msg('Nommer une version depuis la page Versions', { id: 'versionDiff.noVersions.link' })}</a></p>
      </div>`;
    }
    const from = this.from === '' ? this.defaultFrom() : this.from;
    const options = (selected: string): TemplateResult => html`
      <option value=${liveVersionId} ?selected=${selected === liveVersionId}>${msg('Maintenant (version de travail)', { id: 'versionDiff.live' })}</option>
      ${named.length === 0
        ? nothing
        : html`<optgroup label=${msg('Versions nommées', { id: 'versionDiff.form.named' })}>
            ${named.map((version) => html`<option value=${version.id} ?selected=${selected === version.id}>${version.name} — ${formatDateTime(version.createdAt)}</option>`)}
          </optgroup>`}
      ${checkpoints.length === 0
        ? nothing
        : html`<optgroup label=${msg('Points automatiques', { id: 'versionDiff.form.checkpoints' })}>
            ${checkpoints.map((version) => html`<option value=${version.id} ?selected=${selected === version.id}>${formatDateTime(version.createdAt)} — ${version.name}</option>`)}
          </optgroup>`}
    `;
    return html`<form class="card version-diff__form" novalidate @submit=${(event: SubmitEvent) => this.submit(event)}>
      <div class="field">
        <label for="version-diff-from">${msg('De la version', { id: 'versionDiff.form.from' })}</label>
        <select id="version-diff-from" name="de" @change=${(event: Event) => (this.from = controlValue(event))}>${options(from)}</select>
      </div>
      <div class="field">
        <label for="version-diff-to">${msg('À la version', { id: 'versionDiff.form.to' })}</label>
        <select
          id="version-diff-to"
          name="a"
          aria-invalid=${String(this.fieldError !== undefined)}
          aria-describedby=${describedBy('version-diff-to', undefined, this.fieldError)}
          @change=${(event: Event) => (this.to = controlValue(event))}
        >
          ${options(this.to)}
        </select>
        ${fieldNotes('version-diff-to', undefined, this.fieldError)}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" ?disabled=${this.isComparing} aria-disabled=${String(this.isComparing)}>${msg('Comparer', { id: 'versionDiff.form.submit' })}</button>
      </div>
    </form>`;
  }

  private renderResult(): TemplateResult | typeof nothing {
    if (this.problem !== null) {
      return html`<div class="notice notice--error" role="alert">
        <p class="notice__title">${this.problem.title}</p>
        ${this.problem.detail === null ? nothing : html`<p>${this.problem.detail}</p>`}
        <p><button type="button" @click=${() => void this.compare(this.from, this.to)}>${msg('Réessayer', { id: 'versionDiff.retry' })}</button></p>
      </div>`;
    }
    if (this.isComparing && this.comparison === null) return html`<p class="hint" aria-hidden="true">${msg('Comparaison en cours…', { id: 'versionDiff.loading' })}</p>`;
    const comparison = this.comparison;
    if (comparison === null) return nothing;
    const { diff } = comparison;
    return html`<div class="version-diff" aria-busy=${String(this.isComparing)}>
      <section class="card version-diff__summary" aria-labelledby="version-diff-summary-title">
        <h2 id="version-diff-summary-title">${msg('En bref', { id: 'versionDiff.summary.title' })}</h2>
        <p class="version-diff__between">
          ${msg('De', { id: 'versionDiff.between.from' })} <strong>${this.versionName(comparison.from)}</strong>
          ${msg('à', { id: 'versionDiff.between.to' })} <strong>${this.versionName(comparison.to)}</strong>
          ${comparison.to === liveVersionId || comparison.from === liveVersionId
            ? html`<span class="hint">(${msg(str`état du contrat à ${formatTime(comparison.at)}`, { id: 'versionDiff.between.at' })})</span>`
            : nothing}
        </p>
        <p class="version-diff__sentence">${renderSummary(diff.summary)}</p>
      </section>
      ${diff.summary.identical
        ? html`<div class="empty-state"><p>${msg('Aucune différence : le texte, les fiches et le budget sont les mêmes dans ces deux versions.', { id: 'versionDiff.identical' })}</p></div>`
        : html`${renderSections(diff.sections)} ${renderSheets(diff.axes, diff.sheets, diff.summary.sheetsUnchanged)} ${renderBudget(diff.budget)}`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-version-diff-page': VersionDiffPage;
  }
}
