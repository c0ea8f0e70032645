/**
 * The one way every domain tells people something: `notify` stores one notification per
 * recipient (never the actor themself, never someone who muted that kind, never someone outside
 * the workspace) and announces each recipient's new unread count to their own sockets only.
 * The inbox, settings and email digest are built on what this stores.
 */
import type { Server } from 'socket.io';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { Notification, NotificationKind } from '../../shared/schemas/notifications';
import { newId } from '../auth/secrets';
import { personRoom, type SocketData } from '../auth/socket-auth';
import type { MetadataStore } from '../store/metadata-store';

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

export class NotificationsService {
  constructor(
    private readonly db: MetadataStore,
    private readonly io: TrameServer | null,
    private readonly now: () => Date = () => new Date(),
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
    });
    for (const recipientId of recipients) this.announce(input.workspaceId, recipientId);
    return stored;
  }

  /** Unread notifications of a person in a workspace. */
  unreadCount(workspaceId: string, personId: string): number {
    return this.db.data.notifications.filter((n) => n.workspaceId === workspaceId && n.recipientId === personId && n.readAt === null).length;
  }

  /** Tells a person's sockets their new unread count (after a notification or a read). */
  announce(workspaceId: string, personId: string): void {
    this.io?.to(personRoom(personId)).emit(SocketEvent.notificationsChanged, { workspaceId, unread: this.unreadCount(workspaceId, personId) });
  }
}
