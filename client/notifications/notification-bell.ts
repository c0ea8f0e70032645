/**
 * `<trame-notification-bell>`: the link to the inbox in the top bar, with the unread count in a
 * badge and in its accessible name ("Notifications, 3 non lues"). When the count goes up while the
 * page is open, a polite live region says so once; going down (reading) is not announced.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LightPage } from '../ui/light-page';

/** "3 non lues" / "1 non lue" / "aucune non lue". */
export function unreadWords(count: number): string {
  if (count === 0) return msg('aucune non lue', { id: 'notifications.unread.none' });
  if (count === 1) return msg('1 non lue', { id: 'notifications.unread.one' });
  return msg(str`${count} non lues`, { id: 'notifications.unread.many' });
}

@customElement('trame-notification-bell')
export class NotificationBell extends LightPage {
  @property() href = '';
  /** Unread notifications; null while unknown. */
  @property({ attribute: false }) unread: number | null = null;
  /** True on the inbox page itself. */
  @property({ type: Boolean }) current = false;
  @state() private announcement = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('unread');
    if (!changed.has('unread')) return;
    if (typeof before === 'number' && this.unread !== null && this.unread > before) {
      this.announcement = msg(str`Nouvelle notification : ${unreadWords(this.unread)}.`, { id: 'notifications.bell.announce' });
    } else if (this.unread !== null && typeof before === 'number' && this.unread < before) {
      this.announcement = '';
    }
  }

  override render(): TemplateResult {
    const unread = this.unread;
    const label = unread === null ? msg('Notifications', { id: 'nav.notifications' }) : msg(str`Notifications, ${unreadWords(unread)}`, { id: 'notifications.bell.label' });
    return html`<a class="notification-bell ${unread !== null && unread > 0 ? 'notification-bell--unread' : ''}" href=${this.href} aria-label=${label} title=${label} aria-current=${this.current ? 'page' : nothing}>
        <svg class="notification-bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 2a6 6 0 0 0-6 6v3.6L4.3 15a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 11.6V8a6 6 0 0 0-6-6Zm0 20a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z" fill="currentColor" />
        </svg>
        ${unread !== null && unread > 0 ? html`<span class="notification-bell__badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}
      </a>
      <span class="visually-hidden" aria-live="polite">${this.announcement}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-notification-bell': NotificationBell;
  }
}
