/**
 * The one way every domain tells people something: `notify` stores one notification per
 * recipient (never the actor themself, never someone who muted that kind, never someone outside
 * the workspace) and announces each recipient's new unread count to their own sockets only.
 * The inbox reads a person's own notifications (newest first, by pages) and marks them read;
 * old ones are pruned as they come (see retention.ts); the email digest reads what this stores.
 */
import type { Server } from 'socket.io';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import {
  notificationCursor,
  type MarkReadInput,
  type Notification,
  type NotificationItem,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationPage,
} from '../../shared/schemas/notifications';
import { newId } from '../auth/secrets';
import { personRoom, type SocketData } from '../auth/socket-auth';
import type { MetadataStore } from '../store/metadata-store';
import { notificationRetention, pruneNotifications } from './retention';

export interface NotifyInput {
  workspaceId: string;
  /** Person ids; duplicates, the actor and non-members are dropped. */
  recipients: Iterable<string>;
  kind: NotificationKind;
  /** French sentence saying what happened. */
  title: string;
  /** In-app path to what it is about. */
  link: string;
  actorId: string | null;
}

type TrameServer = Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

/** Newest first: by creation time, then by id (a total order, so that pages never skip one). */
const newestFirst = (a: Notification, b: Notification): number => notificationCursor(b).localeCompare(notificationCursor(a));

export class NotificationsService {
  constructor(
    private readonly db: MetadataStore,
    private readonly io: TrameServer | null,
    private readonly now: () => Date = () => new Date(),
    /** Notifications kept per person per workspace (retention.ts). */
    private readonly retention = notificationRetention,
  ) {}

  /** Stores and announces a notification for each recipient; returns those stored. */
  async notify(input: NotifyInput): Promise<Notification[]> {
    const members = new Set(this.db.data.workspaceRoles.filter((role) => role.workspaceId === input.workspaceId).map((role) => role.personId));
    const muted = new Set(
      this.db.data.notificationSettings.filter((s) => s.workspaceId === input.workspaceId && s.muted.includes(input.kind)).map((s) => s.personId),
    );
    const recipients = [...new Set(input.recipients)].filter((id) => id !== input.actorId && members.has(id) && !muted.has(id));
    if (recipients.length === 0) return [];
    const createdAt = this.now().toISOString();
    const stored: Notification[] = recipients.map((recipientId) => ({
      id: newId(),
      workspaceId: input.workspaceId,
      recipientId,
      kind: input.kind,
      title: input.title,
      link: input.link,
      actorId: input.actorId,
      createdAt,
      readAt: null,
      emailedAt: null,
    }));
    await this.db.update((data) => {
      data.notifications.push(...stored);
      pruneNotifications(data.notifications, input.workspaceId, recipients, this.retention);
    });
    for (const recipientId of recipients) this.announce(input.workspaceId, recipientId);
    return stored;
  }

  /** Unread notifications of a person in a workspace. */
  unreadCount(workspaceId: string, personId: string): number {
    let count = 0;
    for (const n of this.db.data.notifications) if (n.workspaceId === workspaceId && n.recipientId === personId && n.readAt === null) count++;
    return count;
  }

  /** Tells a person's sockets their new unread count (after a notification or a read). */
  announce(workspaceId: string, personId: string): void {
    this.io?.to(personRoom(personId)).emit(SocketEvent.notificationsChanged, { workspaceId, unread: this.unreadCount(workspaceId, personId) });
  }

  /** One page of the person's own inbox, newest first, after the `before` cursor. */
  list(workspaceId: string, personId: string, query: NotificationListQuery): NotificationPage {
    const mine = this.db.data.notifications.filter(
      (n) => n.workspaceId === workspaceId && n.recipientId === personId && (query.before === undefined || notificationCursor(n) < query.before),
    );
    mine.sort(newestFirst);
    const page = mine.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((n) => this.present(n)),
      unread: this.unreadCount(workspaceId, personId),
      nextBefore: last !== undefined && mine.length > page.length ? notificationCursor(last) : null,
    };
  }

  /**
   * Marks some of the person's notifications (ids of others' or unknown ones are ignored: nobody
   * touches someone else's inbox), or all of them, as read; announces the new count.
   */
  async markRead(workspaceId: string, personId: string, input: MarkReadInput): Promise<{ marked: number; unread: number }> {
    const ids = input.ids === undefined ? null : new Set(input.ids);
    const readAt = this.now().toISOString();
    let marked = 0;
    const targets = this.db.data.notifications.filter((n) => n.workspaceId === workspaceId && n.recipientId === personId && n.readAt === null && (ids === null || ids.has(n.id)));
    if (targets.length > 0) {
      await this.db.update(() => {
        for (const n of targets) {
          if (n.readAt !== null) continue;
          n.readAt = readAt;
          marked++;
        }
      });
      this.announce(workspaceId, personId);
    }
    return { marked, unread: this.unreadCount(workspaceId, personId) };
  }

  private present(n: Notification): NotificationItem {
    const actor = n.actorId === null ? undefined : this.db.data.people.find((person) => person.id === n.actorId);
    return { id: n.id, kind: n.kind, title: n.title, link: n.link, actorName: actor?.displayName ?? null, createdAt: n.createdAt, readAt: n.readAt };
  }
}
