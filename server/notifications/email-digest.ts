/**
 * The email digest: a timer (unref'd: it never keeps the process alive) checks, every
 * `intervalMs` (hourly by default), each person who asked for a digest in a workspace, and sends
 * them ONE email listing their unread notifications not yet emailed, then marks those `emailedAt`.
 * "hourly" sends at most once an hour, "daily" at most once a day, and only when there is news.
 * When SMTP fails nothing is marked: the failure is logged and the same notifications go in the
 * next attempt; nothing here ever throws into the server.
 */
import type { Logger } from 'pino';
import type { EmailDigest as Cadence, Notification } from '../../shared/schemas/notifications';
import { roleOf } from '../auth/people.repository';
import type { Mailer } from '../mail/mailer';
import type { MetadataStore } from '../store/metadata-store';
import { digestMail } from './digest-message';

const hourMs = 60 * 60 * 1000;
const cadenceMs: Record<Exclude<Cadence, 'off'>, number> = { hourly: hourMs, daily: 24 * hourMs };

export interface EmailDigestOptions {
  db: MetadataStore;
  mailer: Mailer;
  logger: Logger;
  /** How often to check (the app's `digestIntervalMs`). */
  intervalMs: number;
  /** Trame's public address (`PUBLIC_URL`); otherwise the address each person saved their settings from. */
  publicUrl?: string | undefined;
  now?: () => Date;
}

export interface DigestRun {
  sent: number;
  failed: number;
}

export class EmailDigestSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DigestRun> | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: EmailDigestOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.run(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a check in progress (so that the store is not closed under it). */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One check now (never two at once: a slow SMTP server must not send the same digest twice). */
  run(): Promise<DigestRun> {
    this.running ??= this.sendDue()
      .catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'email digest check failed');
        return { sent: 0, failed: 1 };
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async sendDue(): Promise<DigestRun> {
    const { db, logger } = this.options;
    const run: DigestRun = { sent: 0, failed: 0 };
    // A copy: settings may change while mails are on their way.
    for (const settings of [...db.data.notificationSettings]) {
      if (settings.emailDigest === 'off') continue;
      const now = this.now();
      // Half a check of tolerance, so that timer drift does not push a digest to the next check.
      const due = settings.lastDigestAt === null || now.getTime() - Date.parse(settings.lastDigestAt) >= cadenceMs[settings.emailDigest] - this.options.intervalMs / 2;
      if (!due) continue;
      const person = db.data.people.find((p) => p.id === settings.personId);
      const workspace = db.data.workspaces.find((w) => w.id === settings.workspaceId);
      if (person === undefined || workspace === undefined || roleOf(db, person.id, workspace.id) === undefined) continue;
      const pending = db.data.notifications
        .filter((n) => n.workspaceId === workspace.id && n.recipientId === person.id && n.readAt === null && n.emailedAt === null)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      if (pending.length === 0) continue;
      const origin = this.options.publicUrl ?? settings.linkOrigin;
      if (origin === null) {
        logger.warn({ personId: person.id, workspaceId: workspace.id }, 'email digest skipped: no address to link to (set PUBLIC_URL)');
        continue;
      }
      const mail = digestMail({ to: person.email, personName: person.displayName, workspaceId: workspace.id, workspaceName: workspace.name, notifications: pending, cadence: settings.emailDigest, origin });
      if (!(await this.options.mailer.send(mail))) {
        run.failed++;
        logger.warn({ personId: person.id, workspaceId: workspace.id, count: pending.length }, 'email digest not sent; kept for the next check');
        continue;
      }
      run.sent++;
      await this.markEmailed(settings.personId, settings.workspaceId, pending, this.now().toISOString());
    }
    return run;
  }

  private async markEmailed(personId: string, workspaceId: string, sent: readonly Notification[], at: string): Promise<void> {
    const ids = new Set(sent.map((n) => n.id));
    await this.options.db.update((data) => {
      for (const n of data.notifications) if (ids.has(n.id)) n.emailedAt ??= at;
      const settings = data.notificationSettings.find((s) => s.personId === personId && s.workspaceId === workspaceId);
      if (settings !== undefined) settings.lastDigestAt = at;
    });
  }
}
