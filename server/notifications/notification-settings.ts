/**
 * A person's notification settings per workspace (muted kinds, email digest), read with their
 * defaults when the person never saved any, and saved whole.
 */
import type { NotificationSettings, NotificationSettingsInput } from '../../shared/schemas/notifications';
import type { MetadataStore } from '../store/metadata-store';

/** The stored settings, or the defaults (everything on, no email). */
export function settingsOf(db: MetadataStore, workspaceId: string, personId: string): NotificationSettings {
  return (
    db.data.notificationSettings.find((s) => s.workspaceId === workspaceId && s.personId === personId) ?? {
      workspaceId,
      personId,
      muted: [],
      emailDigest: 'off',
      linkOrigin: null,
      lastDigestAt: null,
    }
  );
}

/** Saves the person's choice; `origin` is where they use Trame from (for the digest's links). */
export async function saveSettings(db: MetadataStore, workspaceId: string, personId: string, input: NotificationSettingsInput, origin: string): Promise<NotificationSettings> {
  let saved: NotificationSettings | undefined;
  await db.update((data) => {
    const existing = data.notificationSettings.find((s) => s.workspaceId === workspaceId && s.personId === personId);
    if (existing === undefined) {
      saved = { workspaceId, personId, muted: input.muted, emailDigest: input.emailDigest, linkOrigin: origin, lastDigestAt: null };
      data.notificationSettings.push(saved);
    } else {
      existing.muted = input.muted;
      existing.emailDigest = input.emailDigest;
      existing.linkOrigin = origin;
      saved = existing;
    }
  });
  return saved ?? settingsOf(db, workspaceId, personId);
}
