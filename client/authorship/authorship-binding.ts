/**
 * « Afficher les auteurs » on an editor: a reactive controller its host element owns. It gives
 * the editor the authorship plugin, renders the toggle (a button with `aria-pressed`) and, while
 * shown, the legend; it asks the server who wrote with which client id
 * (`GET …/versions/:id/authorship`) when shown, and again (at most every few seconds) when
 * characters by client ids it does not know yet appear. The person's own client id is theirs
 * at once, before the server has recorded it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { liveVersionId } from '../../shared/schemas/versions';
import type { AuthorshipView } from '../../shared/versions/authorship';
import { describeError, fetchJson } from '../api/fetch-json';
import { authorshipPlugin, refreshAuthorship, type AuthorOfClient, type AuthorsByClient, type AuthorshipState } from './authorship-plugin';
import { renderAuthorshipLegend, structureLabel } from './authorship-legend';

/** Who is looking, to credit their own client id at once. */
export interface AuthorshipViewer {
  personId: string;
  personName: string;
  structureId: string | null;
  structureName: string;
  colour: string;
}

export interface AuthorshipTarget {
  workspaceId: string;
  /** `live` (the contract now) or a stored version's id. */
  versionId: string;
  /** The client id this browser writes with (live only), and who writes with it. */
  own?: { clientId: number; viewer: AuthorshipViewer } | undefined;
}

export interface AuthorshipBindingOptions {
  view: () => EditorView | null;
  /** Prefix of the ids of the legend's elements (unique on the page). */
  idPrefix: string;
}

/** Unknown client ids trigger a new request at most this often. */
const refetchIntervalMs = 5000;

export class AuthorshipBinding implements ReactiveController {
  readonly plugin: Plugin<AuthorshipState>;
  shown = false;
  data: AuthorshipView | null = null;
  loading = false;
  problem: string | null = null;
  private target: AuthorshipTarget | null = null;
  private authors: Map<number, AuthorOfClient> = new Map();
  private lastFetch = 0;
  private refetchTimer: ReturnType<typeof setTimeout> | undefined;
  private request: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AuthorshipBindingOptions,
  ) {
    host.addController(this);
    this.plugin = authorshipPlugin({
      authors: () => (this.shown ? (this.authors as AuthorsByClient) : null),
      titleOf: (author) =>
        msg(str`Écrit par ${author.personName} — ${structureLabel(author.structureName, author.structureId)}`, { id: 'authorship.passage.title' }),
      onUnknownClients: () => this.scheduleRefetch(),
    });
  }

  /** What to show the authorship of; a new workspace or version forgets what was fetched. */
  setTarget(target: AuthorshipTarget | null): void {
    const before = this.target;
    this.target = target;
    if (before?.workspaceId !== target?.workspaceId || before?.versionId !== target?.versionId) {
      this.request?.abort();
      this.data = null;
      this.authors = new Map();
      this.problem = null;
      if (this.shown && target !== null) void this.fetch();
    }
    this.addOwn();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.request?.abort();
    clearTimeout(this.refetchTimer);
    this.refetchTimer = undefined;
  }

  /** Shows or hides the authors. */
  toggle(): void {
    this.shown = !this.shown;
    if (this.shown) void this.fetch();
    this.refreshView();
    this.host.requestUpdate();
  }

  private addOwn(): void {
    const own = this.target?.own;
    if (own === undefined || this.authors.has(own.clientId)) return;
    // The colour this view gives the person's structure, when it is in the legend already.
    const colour = this.data?.structures.find((structure) => structure.structureId === own.viewer.structureId)?.colour ?? own.viewer.colour;
    this.authors.set(own.clientId, { ...own.viewer, colour });
  }

  private refreshView(): void {
    const view = this.options.view();
    if (view !== null && !view.isDestroyed) view.dispatch(refreshAuthorship(view.state.tr));
  }

  private scheduleRefetch(): void {
    if (!this.shown || this.target?.versionId !== liveVersionId || this.refetchTimer !== undefined || this.loading) return;
    const wait = Math.max(0, this.lastFetch + refetchIntervalMs - Date.now());
    this.refetchTimer = setTimeout(() => {
      this.refetchTimer = undefined;
      if (this.shown) void this.fetch();
    }, wait);
  }

  private async fetch(): Promise<void> {
    const target = this.target;
    if (target === null) return;
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    this.loading = true;
    this.lastFetch = Date.now();
    this.host.requestUpdate();
    try {
      const data = await fetchJson<AuthorshipView>(
        `/api/workspaces/${encodeURIComponent(target.workspaceId)}/versions/${encodeURIComponent(target.versionId)}/authorship`,
        request.signal,
      );
      if (request.signal.aborted) return;
      this.data = data;
      this.problem = null;
      this.authors = new Map(data.authors.map((author) => [author.clientId, author]));
      this.addOwn();
      this.refreshView();
    } catch (error) {
      if (request.signal.aborted) return;
      this.problem = describeError(error);
    } finally {
      if (this.request === request) {
        this.loading = false;
        this.request = null;
        this.host.requestUpdate();
      }
    }
  }

  /** The toggle button. */
  renderToggle(): TemplateResult {
    return html`<button type="button" class="authorship-toggle" aria-pressed=${this.shown ? 'true' : 'false'} aria-controls=${`${this.options.idPrefix}-legende`} @click=${() => this.toggle()}>
      <span class="authorship-toggle__mark" aria-hidden="true"></span>${msg('Afficher les auteurs', { id: 'authorship.toggle' })}
    </button>`;
  }

  /** The legend (while shown): loading, a problem, or who wrote what. */
  renderLegend(): TemplateResult {
    const id = `${this.options.idPrefix}-legende`;
    if (!this.shown) return html`<div id=${id} hidden></div>`;
    return html`<div id=${id} class="authorship-panel">
      ${this.problem === null ? nothing : html`<p class="authorship-panel__problem" role="alert">${msg(str`Les auteurs n’ont pas pu être chargés : ${this.problem}`, { id: 'authorship.problem' })}</p>`}
      ${this.data === null
        ? this.loading
          ? html`<p class="authorship-panel__loading" role="status">${msg('Chargement des auteurs…', { id: 'authorship.loading' })}</p>`
          : nothing
        : renderAuthorshipLegend(this.data, `${this.options.idPrefix}-legende-titre`)}
    </div>`;
  }
}
