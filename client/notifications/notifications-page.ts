/**
 * `<trame-notifications-page>`: the person's own inbox in the workspace (newest first, unread
 * marked in words and in style, each item a link to what it is about, opened = read), "Tout marquer
 * comme lu", older pages on demand, an empty state that says what will arrive here, and the
 * settings. Live: `notifications:changed` (sent to the person's own sockets) reloads the list.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SocketEvent } from '../../shared/protocol';
import { notificationPageLimits, type NotificationItem } from '../../shared/schemas/notifications';
import { describeError } from '../api/fetch-json';
import { listNotifications, markNotificationsRead } from '../api/notifications';
import { formatDateTime } from '../i18n/format';
import type { ProgrammePageProps } from '../programme/page-props';
import { workspacePath } from '../routing/routes';
import { LightPage } from '../ui/light-page';
import { kindTag } from './notification-kinds';
import './notification-settings-form';
import { announceUnreadCount } from './unread-count-event';

/** The item's in-app path; anything else (never expected from the server) leads to the inbox instead. */
function inAppLink(link: string, workspaceId: string): string {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : workspacePath(workspaceId, 'notifications');
}

@customElement('trame-notifications-page')
export class NotificationsPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private items: NotificationItem[] | null = null;
  @state() private unread = 0;
  @state() private nextBefore: string | null = null;
  @state() private problem: string | null = null;
  @state() private isLoadingMore = false;
  private abort: AbortController | null = null;
  private stopListening: (() => void) | null = null;
  private workspaceId: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.stopListening = null;
    this.workspaceId = null;
    this.abort?.abort();
  }

  protected override willUpdate(): void {
    this.follow();
  }

  /** Loads the inbox of the props' workspace and listens to its changes (once per workspace). */
  private follow(): void {
    const props = this.props;
    if (props === null || !this.isConnected || props.view.id === this.workspaceId) return;
    this.workspaceId = props.view.id;
    this.stopListening?.();
    this.stopListening = props.listen(SocketEvent.notificationsChanged, ({ workspaceId }) => {
      if (workspaceId === this.workspaceId) void this.reload();
    });
    this.items = null;
    void this.reload();
  }

  /** Reloads the newest page, as long as what is already shown (so that "older" stays loaded). */
  private async reload(): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const limit = Math.min(notificationPageLimits.max, Math.max(notificationPageLimits.default, this.items?.length ?? 0));
    try {
      const page = await listNotifications(workspaceId, { limit, signal: abort.signal });
      this.items = page.items;
      this.nextBefore = page.nextBefore;
      this.setUnread(page.unread);
      this.problem = null;
    } catch (error) {
      if (!abort.signal.aborted) this.problem = describeError(error);
    }
  }

  private async loadMore(): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null || this.nextBefore === null) return;
    this.isLoadingMore = true;
    try {
      const page = await listNotifications(workspaceId, { before: this.nextBefore });
      const known = new Set((this.items ?? []).map((n) => n.id));
      this.items = [...(this.items ?? []), ...page.items.filter((n) => !known.has(n.id))];
      this.nextBefore = page.nextBefore;
      this.setUnread(page.unread);
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.isLoadingMore = false;
    }
  }

  private setUnread(unread: number): void {
    this.unread = unread;
    if (this.workspaceId !== null) announceUnreadCount({ workspaceId: this.workspaceId, unread });
  }

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    return html`<div class="page notifications">
      <div class="page-header">
        <h1 tabindex="-1">${msg('Notifications', { id: 'nav.notifications' })}</h1>
        ${this.unread > 0
          ? html`<p class="page-actions"><button type="button" @click=${() => void this.markAll()}>${msg('Tout marquer comme lu', { id: 'notifications.markAll' })}</button></p>`
          : nothing}
      </div>
      <p class="notifications__count" role="status">${this.items === null || this.items.length === 0 ? '' : msg(str`Non lues : ${this.unread}`, { id: 'notifications.count' })}</p>
      ${this.problem === null ? nothing : html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>`}
      ${this.items === null ? (this.problem === null ? html`<p>${msg('Chargement des notifications…', { id: 'notifications.loading' })}</p>` : nothing) : this.renderList(this.items, props.view.id)}
      <section class="notifications__settings" id="reglages" aria-labelledby="notifications-settings-title">
        <h2 id="notifications-settings-title">${msg('Réglages des notifications', { id: 'notifications.settings.title' })}</h2>
        <trame-notification-settings .workspaceId=${props.view.id}></trame-notification-settings>
      </section>
    </div>`;
  }

  private renderList(items: NotificationItem[], workspaceId: string): TemplateResult {
    if (items.length === 0) {
      return html`<div class="empty-state notifications__empty">
        <p><strong>${msg('Rien de nouveau pour vous pour l’instant.', { id: 'notifications.empty.title' })}</strong></p>
        <p>${msg('Trame vous prévient ici quand on vous mentionne dans un commentaire, quand on répond à vos commentaires, quand un amendement est proposé sur une partie que vous avez écrite, et quand un tour de décision s’ouvre, va bientôt se clore ou a un résultat.', { id: 'notifications.empty.body' })}</p>
        <p>
          ${msg('Pour commencer, lisez les', { id: 'notifications.empty.start' })}
          <a href=${workspacePath(workspaceId, 'comments')}>${msg('commentaires', { id: 'notifications.empty.comments' })}</a>
          ${msg('ou les', { id: 'notifications.empty.or' })}
          <a href=${workspacePath(workspaceId, 'decisions')}>${msg('décisions en cours', { id: 'notifications.empty.decisions' })}</a>.
          ${msg('Choisissez ci-dessous ce qui vous est signalé.', { id: 'notifications.empty.settings' })}
        </p>
      </div>`;
    }
    return html`<ol class="notification-list" aria-label=${msg('Vos notifications, les plus récentes d’abord', { id: 'notifications.list' })}>
        ${items.map((item) => this.renderItem(item))}
      </ol>
      ${this.nextBefore === null
        ? nothing
        : html`<p><button type="button" ?disabled=${this.isLoadingMore} @click=${() => void this.loadMore()}>${msg('Afficher les notifications plus anciennes', { id: 'notifications.more' })}</button></p>`}`;
  }

  private renderItem(item: NotificationItem): TemplateResult {
    const isUnread = item.readAt === null;
    return html`<li class="notification ${isUnread ? 'notification--unread' : ''}">
      <a class="notification__link" href=${inAppLink(item.link, this.workspaceId ?? '')} @click=${() => this.open(item)}>${isUnread ? html`<span class="notification__state">${msg('Non lue', { id: 'notifications.unreadTag' })}<span class="visually-hidden"> : </span></span>` : nothing}${item.title}</a>
      <p class="notification__meta">
        <span class="notification__kind">${kindTag(item.kind)}</span>
        · <time datetime=${item.createdAt}>${formatDateTime(item.createdAt)}</time>${item.actorName === null ? nothing : html` · ${item.actorName}`}
      </p>
    </li>`;
  }

  /** Opening a notification reads it (the link itself navigates). */
  private open(item: NotificationItem): void {
    const workspaceId = this.workspaceId;
    if (item.readAt !== null || workspaceId === null) return;
    const readAt = new Date().toISOString();
    this.items = (this.items ?? []).map((n) => (n.id === item.id ? { ...n, readAt } : n));
    this.setUnread(Math.max(0, this.unread - 1));
    markNotificationsRead(workspaceId, { ids: [item.id] }).then(
      ({ unread }) => announceUnreadCount({ workspaceId, unread }),
      () => void this.reload(),
    );
  }

  private async markAll(): Promise<void> {
    const workspaceId = this.workspaceId;
    if (workspaceId === null) return;
    try {
      const { unread } = await markNotificationsRead(workspaceId, { all: true });
      const readAt = new Date().toISOString();
      this.items = (this.items ?? []).map((n) => (n.readAt === null ? { ...n, readAt } : n));
      this.setUnread(unread);
      this.problem = null;
      // Focus was on the button, which goes away with the last unread one: keep the reader on the page's title.
      this.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.problem = describeError(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-notifications-page': NotificationsPage;
  }
}
