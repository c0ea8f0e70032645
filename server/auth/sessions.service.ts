/**
 * Sessions: browser sessions (cookie), access tokens (non-browser clients) and their expiry.
 * Only a hash of each secret is stored. Browser sessions slide: they expire after `idle` without
 * use, and after `max` in any case.
 */
import type { Session } from '../../shared/schemas/people';
import type { MetadataStore } from '../store/metadata-store';
import { hashSecret, newId, newSecret } from './secrets';
import type { SessionRevocations } from './session-revocations';

const day = 24 * 60 * 60 * 1000;
export const sessionPolicy = {
  browserIdleMs: 7 * day,
  browserMaxMs: 30 * day,
  tokenMs: 90 * day,
  /** lastSeenAt is written at most this often (lowdb rewrites its whole file on each write). */
  touchIntervalMs: 5 * 60 * 1000,
} as const;

export class SessionsService {
  constructor(
    private readonly db: MetadataStore,
    private readonly revocations: SessionRevocations,
  ) {}

  /** Opens a session; returns the secret, which is never stored. */
  async open(personId: string, kind: 'browser' | 'token', label: string, now = new Date()): Promise<{ session: Session; secret: string }> {
    const secret = newSecret();
    const lifetime = kind === 'browser' ? sessionPolicy.browserIdleMs : sessionPolicy.tokenMs;
    const session: Session = {
      id: newId(),
      secretHash: hashSecret(secret),
      personId,
      kind,
      label: label.slice(0, 120),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + lifetime).toISOString(),
      revokedAt: null,
    };
    await this.db.update((data) => {
      // Expired and revoked sessions are pruned as new ones open, so the table stays small.
      data.sessions = data.sessions.filter((s) => s.revokedAt === null && Date.parse(s.expiresAt) > now.getTime());
      data.sessions.push(session);
    });
    return { session, secret };
  }

  /** The live session a secret belongs to, or undefined (unknown, expired or revoked). */
  resolve(secret: string, now = new Date()): Session | undefined {
    const secretHash = hashSecret(secret);
    return this.use(this.db.data.sessions.find((s) => s.secretHash === secretHash), now);
  }

  /**
   * True while the session with this id is live; used by open connections at each ping, which
   * also counts as use (someone writing all day in one tab keeps their session).
   */
  isLive(sessionId: string, now = new Date()): boolean {
    return this.use(this.db.data.sessions.find((s) => s.id === sessionId), now) !== undefined;
  }

  /** The session if live, its expiry slid forward when it is a browser session in use. */
  private use(session: Session | undefined, now: Date): Session | undefined {
    if (session === undefined || session.revokedAt !== null || Date.parse(session.expiresAt) <= now.getTime()) return undefined;
    if (session.kind === 'browser' && now.getTime() - Date.parse(session.lastSeenAt) > sessionPolicy.touchIntervalMs) {
      session.lastSeenAt = now.toISOString();
      const slid = Math.min(now.getTime() + sessionPolicy.browserIdleMs, Date.parse(session.createdAt) + sessionPolicy.browserMaxMs);
      session.expiresAt = new Date(slid).toISOString();
      void this.db.write();
    }
    return session;
  }

  listOf(personId: string, now = new Date()): Session[] {
    return this.db.data.sessions.filter((s) => s.personId === personId && s.revokedAt === null && Date.parse(s.expiresAt) > now.getTime());
  }

  /** Revokes sessions (all of a person's when `sessionIds` is omitted); live connections are closed. */
  async revoke(personId: string, sessionIds?: readonly string[], now = new Date()): Promise<string[]> {
    const revoked: string[] = [];
    await this.db.update((data) => {
      for (const session of data.sessions) {
        if (session.personId !== personId || session.revokedAt !== null) continue;
        if (sessionIds !== undefined && !sessionIds.includes(session.id)) continue;
        session.revokedAt = now.toISOString();
        revoked.push(session.id);
      }
    });
    this.revocations.notify(revoked);
    return revoked;
  }
}
