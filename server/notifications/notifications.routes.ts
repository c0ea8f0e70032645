/**
 * A person's own notifications in a workspace: the inbox (newest first, by pages, with the unread
 * count), marking read, and their settings (muted kinds, email digest). Everyone in the workspace
 * may use these (notifications.read), always on their own inbox only: no route takes a person id.
 */
import { Router, type Request, type Response } from 'express';
import { markReadSchema, notificationListQuerySchema, notificationSettingsInputSchema, type NotificationSettings, type NotificationSettingsView } from '../../shared/schemas/notifications';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { parseBody } from '../http/validate';
import type { MetadataStore } from '../store/metadata-store';
import { saveSettings, settingsOf } from './notification-settings';
import type { NotificationsService } from './notifications.service';

export interface NotificationsRoutesOptions {
  db: MetadataStore;
  access: AccessControl;
  notifications: NotificationsService;
  /** True when SMTP is configured: email digests can be sent. */
  emailAvailable: boolean;
}

const personOf = (res: Response): string => {
  const viewer = res.locals.viewer;
  if (viewer === undefined) throw new Error('route used without a permission check');
  return viewer.person.id;
};
const workspaceOf = (req: Request): string => String(req.params['workspaceId']);
const originOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

export function notificationsRoutes({ db, access, notifications, emailAvailable }: NotificationsRoutesOptions): Router {
  const router = Router();
  const allowed = requirePermission(access, 'notifications.read');
  const view = (settings: NotificationSettings): NotificationSettingsView => ({ muted: settings.muted, emailDigest: settings.emailDigest, emailAvailable });

  router.get('/workspaces/:workspaceId/notifications', allowed, (req, res) => {
    const query = parseBody(notificationListQuerySchema, req, res, req.query);
    if (query === undefined) return;
    res.json(notifications.list(workspaceOf(req), personOf(res), query));
  });

  router.post('/workspaces/:workspaceId/notifications/read', allowed, async (req, res) => {
    const input = parseBody(markReadSchema, req, res);
    if (input === undefined) return;
    res.json(await notifications.markRead(workspaceOf(req), personOf(res), input));
  });

  router.get('/workspaces/:workspaceId/notifications/settings', allowed, (req, res) => {
    res.json(view(settingsOf(db, workspaceOf(req), personOf(res))));
  });

  router.put('/workspaces/:workspaceId/notifications/settings', allowed, async (req, res) => {
    const input = parseBody(notificationSettingsInputSchema, req, res);
    if (input === undefined) return;
    res.json(view(await saveSettings(db, workspaceOf(req), personOf(res), input, originOf(req))));
  });

  return router;
}
