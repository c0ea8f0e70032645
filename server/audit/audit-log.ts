/**
 * The audit log: who did what, when. An append-only JSON-lines file, `<dataDir>/audit.jsonl`
 * (never rewritten, unlike lowdb's file), one event per line, appended in order. A damaged line
 * (a crash mid-write) is skipped when reading, never fatal, and the next event starts a new line.
 */
import { appendFile, open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';

export const auditActions = [
  'auth.signedIn',
  'auth.signInFailed',
  'auth.signedOut',
  'auth.setupCompleted',
  'auth.passwordChanged',
  'auth.tokenCreated',
  'auth.sessionsRevoked',
  'members.invited',
  'members.invitationAccepted',
  'members.invitationRevoked',
  'members.roleChanged',
  'members.imported',
  'structures.representativeSet',
  'permission.refused',
  'programme.envelopeSet',
  'programme.adopted',
  'followup.statusSet',
  'followup.reportAdded',
  'followup.actualRecorded',
  'followup.financesSet',
  'followup.evaluationAdded',
  'followup.evaluationAmended',
  'amendments.proposed',
  'amendments.edited',
  'amendments.cosigned',
  'amendments.submitted',
  'amendments.discussionOpened',
  'amendments.withdrawn',
  'amendments.rebased',
  'amendments.accepted',
  'amendments.rejected',
  'amendments.reverted',
  'comments.threadCreated',
  'comments.replied',
  'comments.edited',
  'comments.deleted',
  'comments.statusSet',
  'comments.hidden',
  'comments.unhidden',
  'rounds.opened',
  'rounds.positionGiven',
  'rounds.positionChanged',
  'rounds.reminded',
  'rounds.closed',
  'rounds.outcomeRecorded',
  'rounds.quorumSet',
  'versions.created',
  'versions.adopted',
  'versions.draftOpened',
  'versions.published',
  'versions.unpublished',
  'contract.imported',
  'workspace.imported',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEventSchema = z.object({
  at: z.iso.datetime(),
  action: z.enum(auditActions),
  actorId: z.string().nullable(),
  workspaceId: z.string().nullable(),
  /** What the action was about (a person, a structure, an email, a document). */
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export interface AuditQuery {
  workspaceId: string;
  /** Events without a workspace (sign-ins) are included when their actor is one of these people. */
  peopleIds: ReadonlySet<string>;
  /** Only events strictly before this instant (for paging back). */
  before?: string;
  limit: number;
}

export class AuditLog {
  private readonly path: string;
  private tail: Promise<unknown> = Promise.resolve();
  /** False until the file's end is known to be a line start (checked at the first append, and after a failed one). */
  private isAtLineStart = false;

  constructor(dataDir: string, private readonly logger: Logger) {
    this.path = join(dataDir, 'audit.jsonl');
  }

  /** Appends an event; resolves once it is written. Appends are kept in call order. */
  record(event: Omit<AuditEvent, 'at' | 'detail' | 'target' | 'workspaceId'> & Partial<AuditEvent>): Promise<void> {
    const line = `${JSON.stringify({ at: new Date().toISOString(), target: null, workspaceId: null, detail: {}, ...event })}\n`;
    const written = this.tail.then(async () => {
      // A crash mid-append leaves a torn last line: start a new one, or this event would be torn too.
      const separator = this.isAtLineStart || (await this.endsAtLineStart()) ? '' : '\n';
      await appendFile(this.path, separator + line, 'utf8');
      this.isAtLineStart = true;
    });
    this.tail = written.catch((error: unknown) => {
      this.isAtLineStart = false;
      this.logger.error({ err: error }, 'audit event could not be written');
    });
    return written;
  }

  /** True when the file is missing, empty, or ends with a line break. */
  private async endsAtLineStart(): Promise<boolean> {
    let file: FileHandle;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
      throw error;
    }
    try {
      const { size } = await file.stat();
      if (size === 0) return true;
      const { buffer } = await file.read(Buffer.alloc(1), 0, 1, size - 1);
      return buffer[0] === 0x0a;
    } finally {
      await file.close();
    }
  }

  /** Resolves once every event recorded so far is written (server shutdown). */
  async flush(): Promise<void> {
    await this.tail;
  }

  /** The newest events matching the query, newest first. */
  async list(query: AuditQuery): Promise<AuditEvent[]> {
    await this.tail;
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const events: AuditEvent[] = [];
    const lines = text.split('\n');
    for (let i = lines.length - 1; i >= 0 && events.length < query.limit; i--) {
      const line = lines[i];
      if (line === undefined || line.trim() === '') continue;
      let parsed: ReturnType<typeof auditEventSchema.safeParse>;
      try {
        parsed = auditEventSchema.safeParse(JSON.parse(line));
      } catch {
        continue; // a torn line from a crash
      }
      if (!parsed.success) continue;
      const event = parsed.data;
      if (query.before !== undefined && event.at >= query.before) continue;
      const concerns = event.workspaceId === query.workspaceId || (event.workspaceId === null && event.actorId !== null && query.peopleIds.has(event.actorId));
      if (concerns) events.push(event);
    }
    return events;
  }
}
