/**
 * Retention of notifications: the metadata file is rewritten whole on each write, so a person's
 * inbox cannot grow without bound. Each person keeps at most `notificationRetention` notifications
 * per workspace; beyond that the oldest READ ones go first, and only if they still have more than
 * that many unread (someone who never opens Trame) the oldest unread ones go too.
 */
import type { Notification } from '../../shared/schemas/notifications';

/** Notifications kept per person per workspace. */
export const notificationRetention = 500;

/**
 * Removes, in place, what goes beyond `limit` for the given people in a workspace; one pass over
 * the table to count, a second only when someone is over. Returns how many were dropped.
 */
export function pruneNotifications(notifications: Notification[], workspaceId: string, recipientIds: Iterable<string>, limit = notificationRetention): number {
  const concerned = new Set(recipientIds);
  const counts = new Map<string, { total: number; read: number }>();
  for (const n of notifications) {
    if (n.workspaceId !== workspaceId || !concerned.has(n.recipientId)) continue;
    const count = counts.get(n.recipientId) ?? { total: 0, read: 0 };
    count.total++;
    if (n.readAt !== null) count.read++;
    counts.set(n.recipientId, count);
  }
  // How many read, then unread, notifications to drop per person (oldest first: the table is in creation order).
  const toDrop = new Map<string, { read: number; unread: number }>();
  for (const [personId, { total, read }] of counts) {
    const excess = total - limit;
    if (excess <= 0) continue;
    const readDropped = Math.min(excess, read);
    toDrop.set(personId, { read: readDropped, unread: excess - readDropped });
  }
  if (toDrop.size === 0) return 0;
  // Unread ones are dropped only after every read one of that person is gone: a first pass marks
  // read ones, a second the unread ones, both oldest first.
  const dropped = new Set<Notification>();
  for (const n of notifications) {
    const drop = n.workspaceId === workspaceId ? toDrop.get(n.recipientId) : undefined;
    if (drop !== undefined && n.readAt !== null && drop.read > 0) {
      drop.read--;
      dropped.add(n);
    }
  }
  for (const n of notifications) {
    const drop = n.workspaceId === workspaceId ? toDrop.get(n.recipientId) : undefined;
    if (drop !== undefined && n.readAt === null && drop.unread > 0) {
      drop.unread--;
      dropped.add(n);
    }
  }
  let kept = 0;
  for (const n of notifications) if (!dropped.has(n)) notifications[kept++] = n;
  notifications.length = kept;
  return dropped.size;
}
