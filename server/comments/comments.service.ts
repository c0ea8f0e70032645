/**
 * Comments anchored to the contract's text: the rules. A thread is opened on a passage that must
 * exist in the live document (the contract's sections, or a rich-text field of an existing action
 * sheet); its anchor's Yjs positions are decoded and resolved on the server's own copy of the
 * document, and the quote stored is the passage's text there, not what the client claimed.
 *
 * Who may do what: writers and partners comment (routes check `comments.write`); a person edits
 * or deletes only their own comments (a deleted comment stays as « commentaire supprimé »); the
 * thread's author, a facilitator or the coordination resolve and reopen it; moderators
 * (`comments.moderate`) hide a thread or a comment with a reason and unhide it. Every stored change
 * is audited, announced on `comments:changed`, and tells the people concerned (mentions, replies,
 * hidden comments) through the notifications service. Bodies are plain text, stored as typed.
 */
import type * as Y from 'yjs';
import { checkAnchor } from '../../shared/comments/anchors';
import { contractFragmentName } from '../../shared/document-names';
import type { Role } from '../../shared/permissions';
import { newId } from '../../shared/programme/ids';
import { sheetRichText } from '../../shared/programme/layout';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import {
  quoteMaxChars,
  unknownPassageMessage,
  type AnchorTarget,
  type Comment,
  type CommentMentions,
  type CommentThread,
  type Hidden,
  type ThreadStatus,
} from '../../shared/schemas/comments';
import type { AuditAction, AuditLog } from '../audit/audit-log';
import { structureIdsOf } from '../auth/people.repository';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RoomRegistry } from '../realtime/room-registry';
import { TokenBucket } from '../realtime/rate-limiter';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure, findWorkspace, structuresOf } from '../workspaces/workspaces.repository';
import { findThread, peopleOfStructures, threadsOf } from './comments.repository';
import type { WorkspaceActor } from '../http/route-helpers';

export type CommentActor = WorkspaceActor;

export interface CommentsServiceOptions {
  db: MetadataStore;
  audit: AuditLog;
  rooms: RoomRegistry;
  notifications: NotificationsService;
  /** Tells the workspace's sockets that its comments changed. */
  changed: (workspaceId: string, threadId: string) => void;
  now?: () => Date;
  /** Writes per person: sustained per second, and burst (a workshop's bursts of replies fit). */
  writesPerSecond?: number;
  writeBurst?: number;
}

/** The parsed inputs (the routes parse them with the shared schemas). */
export interface NewThread {
  anchor: { target: AnchorTarget; start: string; end: string };
  body: string;
  mentions: CommentMentions;
}
export interface CommentText {
  body: string;
  mentions: CommentMentions;
}

const workspaceNotFound: DomainError = { kind: 'not_found', title: 'Cet espace de travail n’existe pas.' };
const threadNotFound: DomainError = { kind: 'not_found', title: 'Ce fil de commentaires n’existe pas.' };
const commentNotFound: DomainError = { kind: 'not_found', title: 'Ce commentaire n’existe pas.' };
const unknownPassage: DomainError = { kind: 'invalid', title: unknownPassageMessage, fields: { anchor: unknownPassageMessage } };
const notYours: DomainError = { kind: 'forbidden', title: 'Vous ne pouvez modifier ou supprimer que vos propres commentaires.' };
const alreadyDeleted: DomainError = { kind: 'conflict', title: 'Ce commentaire a été supprimé.' };
const hiddenByModeration: DomainError = { kind: 'conflict', title: 'Ce commentaire a été masqué par l’animation : il ne peut plus être modifié.' };
const notYourThread: DomainError = {
  kind: 'forbidden',
  title: 'Seul l’auteur du fil, l’animation ou la coordination peuvent le résoudre ou le rouvrir.',
};
const tooManyWrites: DomainError = { kind: 'too_many_requests', title: 'Trop de commentaires envoyés d’un coup.', detail: 'Patientez quelques secondes puis réessayez.' };
const unavailable: DomainError = { kind: 'internal', title: 'Le contrat n’a pas pu être lu.', detail: 'Réessayez dans un instant.' };

const mayResolveAny = (role: Role): boolean => role === 'coordinator' || role === 'facilitator';
const mayModerate = mayResolveAny;

/** In-app path to a thread. */
export const threadLink = (workspaceId: string, threadId: string): string => `/w/${workspaceId}/commentaires#fil-${threadId}`;

export class CommentsService {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly now: () => Date;

  constructor(private readonly options: CommentsServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The threads of a workspace as this person may see them: hidden and deleted text is blanked, except for moderators (hidden text). */
  list(actor: CommentActor, workspaceId: string): Result<CommentThread[]> {
    if (findWorkspace(this.options.db, workspaceId) === undefined) return fail(workspaceNotFound);
    return ok(threadsOf(this.options.db, workspaceId).map((thread) => viewOf(thread, mayModerate(actor.role))));
  }

  /** One thread, as this person may see it. */
  get(actor: CommentActor, workspaceId: string, threadId: string): Result<CommentThread> {
    const thread = findThread(this.options.db, workspaceId, threadId);
    return thread === undefined ? fail(threadNotFound) : ok(viewOf(thread, mayModerate(actor.role)));
  }

  async create(actor: CommentActor, workspaceId: string, input: NewThread): Promise<Result<CommentThread>> {
    const workspace = findWorkspace(this.options.db, workspaceId);
    if (workspace === undefined) return fail(workspaceNotFound);
    if (!this.mayWrite(actor)) return fail(tooManyWrites);
    let passage: { text: string } | undefined;
    try {
      passage = await this.options.rooms.withDocument(workspace.contractDocument, (doc) => {
        const fragment = fragmentOf(doc, input.anchor.target);
        return fragment === undefined ? undefined : checkAnchor(fragment, input.anchor);
      });
    } catch {
      return fail(unavailable);
    }
    if (passage === undefined) return fail(unknownPassage);
    const at = this.now().toISOString();
    const comment = this.newComment(actor, workspaceId, input, at);
    const thread: CommentThread = {
      id: newId(),
      workspaceId,
      anchor: { target: input.anchor.target, start: input.anchor.start, end: input.anchor.end, quote: passage.text.slice(0, quoteMaxChars) },
      status: 'open',
      statusBy: null,
      hidden: null,
      comments: [comment],
      createdAt: at,
      updatedAt: at,
    };
    await this.options.db.update((data) => {
      data.commentThreads.push(thread);
    });
    await this.after(actor, workspaceId, 'comments.threadCreated', thread.id, { target: thread.anchor.target });
    await this.notifyMentions(actor, thread, comment.mentions);
    return ok(viewOf(thread, mayModerate(actor.role)));
  }

  async reply(actor: CommentActor, workspaceId: string, threadId: string, input: CommentText): Promise<Result<CommentThread>> {
    const thread = findThread(this.options.db, workspaceId, threadId);
    if (thread === undefined) return fail(threadNotFound);
    if (!this.mayWrite(actor)) return fail(tooManyWrites);
    const at = this.now().toISOString();
    const comment = this.newComment(actor, workspaceId, input, at);
    const participants = new Set(thread.comments.filter((c) => c.deletedAt === null).map((c) => c.authorId));
    await this.options.db.update(() => {
      thread.comments.push(comment);
      thread.updatedAt = at;
    });
    await this.after(actor, workspaceId, 'comments.replied', thread.id, { commentId: comment.id });
    const mentioned = await this.notifyMentions(actor, thread, comment.mentions);
    await this.options.notifications.notify({
      workspaceId,
      recipients: [...participants].filter((id) => !mentioned.has(id)),
      kind: 'reply',
      title: `${actor.person.displayName} a répondu à un fil de commentaires sur « ${shortQuote(thread.anchor.quote)} ».`,
      link: threadLink(workspaceId, thread.id),
      actorId: actor.person.id,
    });
    return ok(viewOf(thread, mayModerate(actor.role)));
  }

  async edit(actor: CommentActor, workspaceId: string, threadId: string, commentId: string, input: CommentText): Promise<Result<CommentThread>> {
    const found = this.ownComment(actor, workspaceId, threadId, commentId);
    if (!found.ok) return found;
    if (!this.mayWrite(actor)) return fail(tooManyWrites);
    const { thread, comment } = found.value;
    const before = new Set(comment.mentions.people);
    const beforeStructures = new Set(comment.mentions.structures);
    const mentions = this.validMentions(workspaceId, input.mentions);
    await this.options.db.update(() => {
      comment.body = input.body;
      comment.mentions = mentions;
      comment.editedAt = this.now().toISOString();
      thread.updatedAt = comment.editedAt;
    });
    await this.after(actor, workspaceId, 'comments.edited', thread.id, { commentId });
    // Only people (and structures) newly mentioned are told.
    await this.notifyMentions(actor, thread, { people: mentions.people.filter((id) => !before.has(id)), structures: mentions.structures.filter((id) => !beforeStructures.has(id)) });
    return ok(viewOf(thread, mayModerate(actor.role)));
  }

  async remove(actor: CommentActor, workspaceId: string, threadId: string, commentId: string): Promise<Result<CommentThread>> {
    const found = this.ownComment(actor, workspaceId, threadId, commentId);
    if (!found.ok) return found;
    const { thread, comment } = found.value;
    await this.options.db.update(() => {
      comment.body = '';
      comment.mentions = { people: [], structures: [] };
      comment.deletedAt = this.now().toISOString();
      thread.updatedAt = comment.deletedAt;
    });
    await this.after(actor, workspaceId, 'comments.deleted', thread.id, { commentId });
    return ok(viewOf(thread, mayModerate(actor.role)));
  }

  async setStatus(actor: CommentActor, workspaceId: string, threadId: string, status: ThreadStatus): Promise<Result<CommentThread>> {
    const thread = findThread(this.options.db, workspaceId, threadId);
    if (thread === undefined) return fail(threadNotFound);
    if (thread.comments[0]?.authorId !== actor.person.id && !mayResolveAny(actor.role)) return fail(notYourThread);
    if (thread.status !== status) {
      const at = this.now().toISOString();
      await this.options.db.update(() => {
        thread.status = status;
        thread.statusBy = { id: actor.person.id, name: actor.person.displayName, at };
        thread.updatedAt = at;
      });
      await this.after(actor, workspaceId, 'comments.statusSet', thread.id, { status });
    }
    return ok(viewOf(thread, mayModerate(actor.role)));
  }

  /** Hides (with a reason) or unhides a whole thread, or one comment of it when `commentId` is given. */
  async setHidden(actor: CommentActor, workspaceId: string, threadId: string, commentId: string | undefined, reason: string | null): Promise<Result<CommentThread>> {
    const thread = findThread(this.options.db, workspaceId, threadId);
    if (thread === undefined) return fail(threadNotFound);
    const comment = commentId === undefined ? undefined : thread.comments.find((c) => c.id === commentId);
    if (commentId !== undefined && comment === undefined) return fail(commentNotFound);
    const at = this.now().toISOString();
    const hidden: Hidden | null = reason === null ? null : { reason, byId: actor.person.id, byName: actor.person.displayName, at };
    await this.options.db.update(() => {
      if (comment === undefined) thread.hidden = hidden;
      else comment.hidden = hidden;
      thread.updatedAt = at;
    });
    await this.after(actor, workspaceId, reason === null ? 'comments.unhidden' : 'comments.hidden', thread.id, {
      ...(commentId === undefined ? {} : { commentId }),
      ...(reason === null ? {} : { reason }),
    });
    if (reason !== null) {
      const authors = comment === undefined ? thread.comments.map((c) => c.authorId) : [comment.authorId];
      await this.options.notifications.notify({
        workspaceId,
        recipients: authors,
        kind: 'comment-hidden',
        title: comment === undefined ? `L’animation a masqué un fil de commentaires auquel vous avez participé : ${reason}` : `L’animation a masqué votre commentaire : ${reason}`,
        link: threadLink(workspaceId, thread.id),
        actorId: actor.person.id,
      });
    }
    return ok(viewOf(thread, true));
  }

  private newComment(actor: CommentActor, workspaceId: string, input: CommentText, at: string): Comment {
    const structure = structureIdsOf(this.options.db, actor.person.id)
      .map((id) => findStructure(this.options.db, workspaceId, id))
      .find((s) => s !== undefined);
    return {
      id: newId(),
      authorId: actor.person.id,
      authorName: actor.person.displayName,
      structureId: structure?.id ?? null,
      structureName: structure?.name ?? null,
      body: input.body,
      mentions: this.validMentions(workspaceId, input.mentions),
      createdAt: at,
      editedAt: null,
      deletedAt: null,
      hidden: null,
    };
  }

  /** Keeps mentions of this workspace's people and structures only (others are silently dropped). */
  private validMentions(workspaceId: string, mentions: CommentMentions): CommentMentions {
    const members = new Set(this.options.db.data.workspaceRoles.filter((r) => r.workspaceId === workspaceId).map((r) => r.personId));
    const structures = new Set(structuresOf(this.options.db, workspaceId).map((s) => s.id));
    return {
      people: [...new Set(mentions.people)].filter((id) => members.has(id)),
      structures: [...new Set(mentions.structures)].filter((id) => structures.has(id)),
    };
  }

  /** Tells the people mentioned, and every member of a mentioned structure; returns who was told. */
  private async notifyMentions(actor: CommentActor, thread: CommentThread, mentions: CommentMentions): Promise<Set<string>> {
    const recipients = new Set([...mentions.people, ...peopleOfStructures(this.options.db, new Set(mentions.structures))]);
    if (recipients.size > 0) {
      await this.options.notifications.notify({
        workspaceId: thread.workspaceId,
        recipients,
        kind: 'mention',
        title: `${actor.person.displayName} vous a mentionné·e dans un commentaire sur « ${shortQuote(thread.anchor.quote)} ».`,
        link: threadLink(thread.workspaceId, thread.id),
        actorId: actor.person.id,
      });
    }
    return recipients;
  }

  private ownComment(actor: CommentActor, workspaceId: string, threadId: string, commentId: string): Result<{ thread: CommentThread; comment: Comment }> {
    const thread = findThread(this.options.db, workspaceId, threadId);
    if (thread === undefined) return fail(threadNotFound);
    const comment = thread.comments.find((c) => c.id === commentId);
    if (comment === undefined) return fail(commentNotFound);
    if (comment.authorId !== actor.person.id) return fail(notYours);
    if (comment.deletedAt !== null) return fail(alreadyDeleted);
    if (comment.hidden !== null || thread.hidden !== null) return fail(hiddenByModeration);
    return ok({ thread, comment });
  }

  private mayWrite(actor: CommentActor): boolean {
    let bucket = this.buckets.get(actor.person.id);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.options.writesPerSecond ?? 2, this.options.writeBurst ?? 30);
      this.buckets.set(actor.person.id, bucket);
    }
    return bucket.take();
  }

  private async after(actor: CommentActor, workspaceId: string, action: AuditAction, threadId: string, detail: Record<string, unknown>): Promise<void> {
    await this.options.audit.record({ action, actorId: actor.person.id, workspaceId, target: threadId, detail });
    this.options.changed(workspaceId, threadId);
  }
}

/** The rich text an anchor's target names, when it exists in the document. */
export function fragmentOf(doc: Y.Doc, target: AnchorTarget): Y.XmlFragment | undefined {
  return target.kind === 'contract' ? doc.getXmlFragment(contractFragmentName) : sheetRichText(doc, target.sheetId, target.field);
}

/** A copy of a thread as someone sees it: deleted text is gone; hidden text only for moderators. */
function viewOf(thread: CommentThread, moderator: boolean): CommentThread {
  const threadHidden = thread.hidden !== null && !moderator;
  return {
    ...thread,
    anchor: threadHidden ? { ...thread.anchor, quote: '' } : thread.anchor,
    comments: thread.comments.map((comment) => ({
      ...comment,
      mentions: { people: [...comment.mentions.people], structures: [...comment.mentions.structures] },
      body: comment.deletedAt !== null || ((comment.hidden !== null || threadHidden) && !moderator) ? '' : comment.body,
    })),
  };
}

const shortQuote = (quote: string): string => (quote.length > 60 ? `${quote.slice(0, 59)}…` : quote).replace(/\s+/g, ' ');
