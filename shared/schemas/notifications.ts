/**
 * Notifications: what the deliberation tells a person (a mention, a reply to their comment, an
 * amendment on a section they wrote, a round opened or closing soon, an outcome). Stored by the
 * server per recipient, shown in the in-app inbox, announced live, optionally sent as an email digest.
 * The request schemas below are shared: the client's settings form and the server's API check the same.
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

export const emailDigests = ['off', 'daily', 'hourly'] as const;
export type EmailDigest = (typeof emailDigests)[number];

/** A person's notification settings, per workspace: which kinds they want, and an email digest or not. */
export const notificationSettingsSchema = z.object({
  personId: z.string(),
  workspaceId: z.string(),
  muted: z.array(z.enum(notificationKinds)).default([]),
  emailDigest: z.enum(emailDigests).default('off'),
  /**
   * The address (scheme, host, port) the person used Trame at when they last saved their settings:
   * the digest's links start with it when the server has no `PUBLIC_URL` of its own.
   */
  linkOrigin: z.string().max(200).nullable().default(null),
  /** When their last digest for this workspace was sent (the daily one waits a day after it). */
  lastDigestAt: z.iso.datetime().nullable().default(null),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** How many notifications one page of the inbox holds at most, and by default. */
export const notificationPageLimits = { max: 100, default: 30 } as const;

/** `GET …/notifications?before=<cursor>&limit=<n>`: newest first, the page after `before`. */
export const notificationListQuerySchema = z.object({
  before: z.string().max(200).regex(/^[^|]+\|[^|]+$/, { error: 'Curseur de pagination invalide.' }).optional(),
  limit: z.coerce
    .number({ error: 'Indiquez un nombre de notifications.' })
    .int({ error: 'Indiquez un nombre entier de notifications.' })
    .min(1, { error: 'Demandez au moins une notification.' })
    .max(notificationPageLimits.max, { error: `Demandez au plus ${notificationPageLimits.max} notifications à la fois.` })
    .default(notificationPageLimits.default),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** One page of a person's inbox. */
export interface NotificationPage {
  items: NotificationItem[];
  /** The person's unread notifications in this workspace (all pages). */
  unread: number;
  /** Cursor of the next (older) page, null on the last one. */
  nextBefore: string | null;
}

/** A notification as the inbox shows it: who did it by name, never the recipient (it is the viewer). */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  link: string;
  actorName: string | null;
  createdAt: string;
  readAt: string | null;
}

/** `POST …/notifications/read`: some notifications by id, or all of them. */
export const markReadSchema = z
  .object({
    ids: z
      .array(z.string().min(1).max(100), { error: 'Indiquez les notifications par leur identifiant.' })
      .min(1, { error: 'Choisissez au moins une notification.' })
      .max(500, { error: 'Marquez au plus 500 notifications à la fois.' })
      .optional(),
    all: z.literal(true, { error: '« all » ne peut valoir que true.' }).optional(),
  })
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), { error: 'Indiquez les notifications à marquer comme lues, ou toutes.' });
export type MarkReadInput = z.infer<typeof markReadSchema>;

/** `PUT …/notifications/settings`: what the person may choose. */
export const notificationSettingsInputSchema = z.object({
  muted: z
    .array(z.enum(notificationKinds, { error: 'Ce type de notification n’existe pas.' }))
    .max(notificationKinds.length)
    .default([])
    .transform((kinds) => [...new Set(kinds)]),
  emailDigest: z.enum(emailDigests, { error: 'Choisissez : pas de courriel, un par jour ou un par heure.' }).default('off'),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsInputSchema>;

/** What `GET/PUT …/notifications/settings` answer. */
export interface NotificationSettingsView {
  muted: NotificationKind[];
  emailDigest: EmailDigest;
  /** False when the server has no SMTP configured: no digest can be sent, the choice waits. */
  emailAvailable: boolean;
}

/** The inbox cursor of a notification (newest first: createdAt, then id, both descending). */
export const notificationCursor = (notification: { createdAt: string; id: string }): string => `${notification.createdAt}|${notification.id}`;
