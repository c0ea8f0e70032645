/**
 * `trame-notifications-count` (on window): the inbox page learned the person's unread count (after
 * loading or marking read) and tells the bell at once, without waiting for the socket's echo.
 */
export interface UnreadCountDetail {
  workspaceId: string;
  unread: number;
}

export const unreadCountEvent = 'trame-notifications-count';

export function announceUnreadCount(detail: UnreadCountDetail): void {
  window.dispatchEvent(new CustomEvent<UnreadCountDetail>(unreadCountEvent, { detail }));
}

declare global {
  interface WindowEventMap {
    'trame-notifications-count': CustomEvent<UnreadCountDetail>;
  }
}
