/** Stored shape of the deliberation's notifications (scaffold: the domain's owner replaces it with the full schema). */
import { z } from 'zod';

export const notificationSchema = z.looseObject({ id: z.string(), workspaceId: z.string() });
export type Notification = z.infer<typeof notificationSchema>;

/** A person's notification settings (scaffold). */
export const notificationSettingsSchema = z.looseObject({ personId: z.string() });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
