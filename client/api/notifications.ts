/** Notification endpoints of the Trame HTTP API: the person's own inbox, reading, settings. */
import type { NotificationPage, NotificationSettingsInput, NotificationSettingsView } from '../../shared/schemas/notifications';
import { requestJson } from './fetch-json';

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/notifications`;

/** One page of the inbox, newest first (after the `before` cursor of the previous page). */
export function listNotifications(workspaceId: string, options: { before?: string | null; limit?: number; signal?: AbortSignal } = {}): Promise<NotificationPage> {
  const query = new URLSearchParams();
  if (options.before !== undefined && options.before !== null) query.set('before', options.before);
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  const search = query.toString();
  return requestJson<NotificationPage>(`${base(workspaceId)}${search === '' ? '' : `?${search}`}`, options.signal === undefined ? {} : { signal: options.signal });
}

/** Marks some notifications (by id), or all, as read; answers the new unread count. */
export function markNotificationsRead(workspaceId: string, which: { ids: string[] } | { all: true }): Promise<{ marked: number; unread: number }> {
  return requestJson(`${base(workspaceId)}/read`, { method: 'POST', body: which });
}

export function getNotificationSettings(workspaceId: string, signal?: AbortSignal): Promise<NotificationSettingsView> {
  return requestJson<NotificationSettingsView>(`${base(workspaceId)}/settings`, signal === undefined ? {} : { signal });
}

export function saveNotificationSettings(workspaceId: string, settings: NotificationSettingsInput): Promise<NotificationSettingsView> {
  return requestJson<NotificationSettingsView>(`${base(workspaceId)}/settings`, { method: 'PUT', body: settings });
}
