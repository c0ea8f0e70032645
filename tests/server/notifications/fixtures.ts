/**
 * Shared by the notifications tests: the demo people's ids (read from the test server's store)
 * and a notification made through the real service, as the deliberation's domains make them.
 */
import type { Role } from '../../../shared/permissions';
import type { Notification, NotificationKind } from '../../../shared/schemas/notifications';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { demoEmail } from '../../helpers/sessions';
import type { TestServer } from '../../helpers/test-server';

/** The id of the demo account holding `role`. */
export function personIdOf(server: TestServer, role: Role): string {
  const person = server.trame.db.data.people.find((p) => p.email === demoEmail(role));
  if (person === undefined) throw new Error(`no demo person for ${role}`);
  return person.id;
}

/** Tells `recipients` something, as the facilitator (by default) doing it. */
export function notifyAs(
  server: TestServer,
  recipients: Role[],
  options: { kind?: NotificationKind; title?: string; link?: string; actor?: Role | null } = {},
): Promise<Notification[]> {
  const actor = options.actor === undefined ? 'facilitator' : options.actor;
  return server.trame.notifications.notify({
    workspaceId: demoWorkspaceId,
    recipients: recipients.map((role) => personIdOf(server, role)),
    kind: options.kind ?? 'mention',
    title: options.title ?? 'Karim Benali vous a mentionné·e dans un commentaire.',
    link: options.link ?? `/w/${demoWorkspaceId}/commentaires`,
    actorId: actor === null ? null : personIdOf(server, actor),
  });
}
