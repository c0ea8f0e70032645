/**
 * Notifications: what the deliberation tells a person (a mention, a reply to their comment, an
 * amendment on a section they wrote, a round opened or closing soon, an outcome). Stored by the
 * server per recipient, shown in the in-app inbox, announced live, optionally sent as an email digest.
 */
import { z } from 'zod';

export const notificationKinds = [
  'mention',
  'reply',
  'comment-hidden',
  'amendment-proposed',
  'amendment-decided',
  'round-opened',
  'round-reminder',
  'round-closing',
  'round-outcome',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  recipientId: z.string(),
  kind: z.enum(notificationKinds),
  /** French sentence saying what happened ("Karim Benali vous a mentionné·e dans un commentaire."). */
  title: z.string().max(500),
  /** In-app path to what it is about (`/w/<id>/commentaires#fil-…`). */
  link: z.string().max(500),
  actorId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  /** When it was included in an email digest (null: not yet, or never for people who do not want one). */
  emailedAt: z.iso.datetime().nullable().default(null),
});
export type Notification = z.infer<typeof notificationSchema>;

/** A person's notification settings, per workspace: which kinds they want, and an email digest or not. */
export const notificationSettingsSchema = z.object({
  personId: z.string(),
  workspaceId: z.string(),
  muted: z.array(z.enum(notificationKinds)).default([]),
  emailDigest: z.enum(['off', 'daily', 'hourly']).default('off'),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
