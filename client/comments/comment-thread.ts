/**
 * `<trame-comment-thread>`: one thread, in the margin beside its passage (short until it is
 * active) or in the comments page's list: the passage quoted (« sur un passage supprimé » when its
 * text is gone), the comments (author, structure, time; « commentaire supprimé » and hidden ones
 * as placeholders), and what the person may do: reply with @mentions, edit or delete their own
 * comments, resolve or reopen, and, for moderators, hide with a reason or show again.
 * Bodies are bound as text (Lit escapes them): a comment written in HTML shows as typed.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { can, type Role } from '../../shared/permissions';
import { replyInputSchema, hideInputSchema, type Comment, type CommentThread } from '../../shared/schemas/comments';
import type { Me } from '../../shared/schemas/people';
import { describeError } from '../api/fetch-json';
import { formatDateTime } from '../i18n/format';
import { LightPage } from '../ui/light-page';
import { deleteComment, editComment, replyTo, setHidden, setThreadStatus } from './comments-api';
import type { CommentsStore } from './comments-store';
import type { Mentionable } from './mentionables';
import type { MentionInput } from './mention-input';
import './mention-input';

/** What every thread card needs from its page. */
export interface ThreadContext {
  workspaceId: string;
  me: Me;
  role: Role | undefined;
  store: CommentsStore;
  mentionables: readonly Mentionable[];
}

@customElement('trame-comment-thread')
export class CommentThreadCard extends LightPage {
  @property({ attribute: false }) thread: CommentThread | null = null;
  @property({ attribute: false }) context: ThreadContext | null = null;
  @property() placement: 'margin' | 'list' = 'list';
  /** True when the passage's text is gone (shown « sur un passage supprimé »). */
  @property({ type: Boolean }) deleted = false;
  /** Margin only: the thread is open in full. */
  @property({ type: Boolean }) active = false;
  /** List only: where its passage is. */
  @property() passageLink = '';
  @property() passageLabel = '';

  @state() private editing: string | null = null;
  @state() private hiding: string | null = null;
  @state() private confirmingDelete: string | null = null;
  @state() private problem: string | null = null;
  @state() private fieldError = '';
  @state() private busy = false;

  override render(): TemplateResult | typeof nothing {
    const { thread, context } = this;
    if (thread === null || context === null) return nothing;
    const first = thread.comments[0];
    const replies = thread.comments.length - 1;
    const headingId = `${this.placement}-fil-${thread.id}-titre`;
    const expanded = this.placement === 'list' || this.active;
    const moderator = can(context.role, 'comments.moderate');
    const mayWrite = can(context.role, 'comments.write');
    const mayResolve = mayWrite && (first?.authorId === context.me.id || context.role === 'coordinator' || context.role === 'facilitator');
    return html`<article
      class="comment-thread ${this.active ? 'comment-thread--active' : ''} ${thread.status === 'resolved' ? 'comment-thread--resolved' : ''}"
      id="${this.placement === 'list' ? 'fil' : 'marge-fil'}-${thread.id}"
      aria-labelledby=${headingId}
      data-thread-id=${thread.id}
    >
      <h3 class="comment-thread__title" id=${headingId}>
        ${first === undefined ? '' : msg(str`Fil de ${first.authorName}`, { id: 'comments.thread.title' })}
        ${thread.status === 'resolved' ? html`<span class="comment-badge">${msg('Résolu', { id: 'comments.thread.resolved' })}</span>` : nothing}
        ${this.deleted ? html`<span class="comment-badge comment-badge--deleted">${msg('sur un passage supprimé', { id: 'comments.thread.deletedPassage' })}</span>` : nothing}
      </h3>
      ${this.placement === 'list' || this.deleted
        ? html`<blockquote class="comment-thread__quote" lang="fr">${thread.anchor.quote === '' ? '—' : thread.anchor.quote}</blockquote>`
        : nothing}
      ${this.passageLink === '' ? nothing : html`<p class="comment-thread__where"><a href=${this.passageLink}>${this.passageLabel}</a></p>`}
      ${thread.hidden === null
        ? nothing
        : html`<p class="comment-thread__hidden">${msg(str`Fil masqué par ${thread.hidden.byName} : ${thread.hidden.reason}`, { id: 'comments.thread.hiddenBy' })}</p>`}
      <ol class="comment-thread__comments">
        ${(expanded ? thread.comments : thread.comments.slice(0, 1)).map((comment) => this.renderComment(thread, comment, context, moderator))}
      </ol>
      ${!expanded
        ? html`<button type="button" class="comment-thread__open" aria-expanded="false" @click=${this.activate}>
            ${replies > 0 ? msg(str`Ouvrir le fil (${replies} réponses)`, { id: 'comments.thread.openReplies' }) : msg('Ouvrir le fil', { id: 'comments.thread.open' })}
          </button>`
        : html`
            ${mayWrite && thread.hidden === null ? this.renderReply(thread, context) : nothing}
            <div class="comment-thread__actions">
              ${mayResolve
                ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.run(() => setThreadStatus(context.workspaceId, thread.id, thread.status === 'open' ? 'resolved' : 'open'))}>
                    ${thread.status === 'open' ? msg('Résoudre', { id: 'comments.thread.resolve' }) : msg('Rouvrir', { id: 'comments.thread.reopen' })}
                  </button>`
                : nothing}
              ${moderator
                ? thread.hidden === null
                  ? html`<button type="button" @click=${() => (this.hiding = 'thread')}>${msg('Masquer le fil', { id: 'comments.thread.hide' })}</button>`
                  : html`<button type="button" @click=${() => this.run(() => setHidden(context.workspaceId, thread.id, null, null))}>${msg('Réafficher le fil', { id: 'comments.thread.unhide' })}</button>`
                : nothing}
              ${this.placement === 'margin'
                ? html`<button type="button" aria-expanded="true" @click=${() => this.dispatchEvent(new CustomEvent('trame-comment-activate', { bubbles: true, detail: { threadId: null } }))}>
                    ${msg('Réduire', { id: 'comments.thread.collapse' })}
                  </button>`
                : nothing}
            </div>
            ${this.hiding === 'thread' ? this.renderHideForm(thread, null, context) : nothing}
          `}
      ${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
    </article>`;
  }

  private renderComment(thread: CommentThread, comment: Comment, context: ThreadContext, moderator: boolean): TemplateResult {
    const own = comment.authorId === context.me.id && comment.deletedAt === null && comment.hidden === null && thread.hidden === null;
    const expanded = this.placement === 'list' || this.active;
    return html`<li class="comment" id="commentaire-${comment.id}">
      <p class="comment__meta">
        <strong>${comment.authorName}</strong>${comment.structureName === null ? nothing : html` · <span>${comment.structureName}</span>`}
        · <time datetime=${comment.createdAt}>${formatDateTime(comment.createdAt)}</time>
        ${comment.editedAt === null || comment.deletedAt !== null ? nothing : html` · <span>${msg('modifié', { id: 'comments.comment.edited' })}</span>`}
      </p>
      ${comment.deletedAt !== null
        ? html`<p class="comment__placeholder">${msg('Commentaire supprimé', { id: 'comments.comment.deleted' })}</p>`
        : comment.hidden !== null
          ? html`<p class="comment__placeholder">${msg(str`Commentaire masqué par ${comment.hidden.byName} : ${comment.hidden.reason}`, { id: 'comments.comment.hiddenBy' })}</p>
              ${moderator && comment.body !== '' ? html`<p class="comment__body comment__body--hidden" lang="fr">${comment.body}</p>` : nothing}`
          : this.editing === comment.id
            ? this.renderEdit(thread, comment, context)
            : html`<p class="comment__body" lang="fr">${comment.body}</p>`}
      ${expanded && this.editing !== comment.id
        ? html`<div class="comment__actions">
            ${own
              ? html`<button type="button" @click=${() => (this.editing = comment.id)}>${msg('Modifier', { id: 'comments.comment.edit' })}</button>
                  ${this.confirmingDelete === comment.id
                    ? html`<button type="button" class="button--danger" @click=${() => this.run(() => deleteComment(context.workspaceId, thread.id, comment.id))}>
                          ${msg('Confirmer la suppression', { id: 'comments.comment.confirmDelete' })}
                        </button>
                        <button type="button" @click=${() => (this.confirmingDelete = null)}>${msg('Annuler', { id: 'comments.cancel' })}</button>`
                    : html`<button type="button" @click=${() => (this.confirmingDelete = comment.id)}>${msg('Supprimer', { id: 'comments.comment.delete' })}</button>`}`
              : nothing}
            ${moderator && comment.deletedAt === null
              ? comment.hidden === null
                ? html`<button type="button" @click=${() => (this.hiding = comment.id)}>${msg('Masquer', { id: 'comments.comment.hide' })}</button>`
                : html`<button type="button" @click=${() => this.run(() => setHidden(context.workspaceId, thread.id, comment.id, null))}>${msg('Réafficher', { id: 'comments.comment.unhide' })}</button>`
              : nothing}
          </div>`
        : nothing}
      ${this.hiding === comment.id ? this.renderHideForm(thread, comment.id, context) : nothing}
    </li>`;
  }

  private renderReply(thread: CommentThread, context: ThreadContext): TemplateResult {
    return html`<form class="comment-thread__reply" @submit=${(event: Event) => this.submitReply(event, thread, context)}>
      <trame-mention-input
        .label=${msg('Répondre', { id: 'comments.reply.label' })}
        .mentionables=${context.mentionables}
        .error=${this.editing === null ? this.fieldError : ''}
      ></trame-mention-input>
      <button type="submit" ?disabled=${this.busy}>${msg('Envoyer la réponse', { id: 'comments.reply.send' })}</button>
    </form>`;
  }

  private renderEdit(thread: CommentThread, comment: Comment, context: ThreadContext): TemplateResult {
    return html`<form
      class="comment__edit"
      @submit=${(event: Event) => {
        event.preventDefault();
        const input = (event.currentTarget as HTMLElement).querySelector<MentionInput>('trame-mention-input');
        if (input === null) return;
        const parsed = replyInputSchema.safeParse({ body: input.value, mentions: input.mentions });
        if (!parsed.success) {
          this.fieldError = parsed.error.issues[0]?.message ?? '';
          return;
        }
        void this.run(() => editComment(context.workspaceId, thread.id, comment.id, parsed.data)).then(() => (this.editing = null));
      }}
    >
      <trame-mention-input .label=${msg('Modifier votre commentaire', { id: 'comments.edit.label' })} .value=${comment.body} .mentionables=${context.mentionables} .error=${this.fieldError}></trame-mention-input>
      <button type="submit" ?disabled=${this.busy}>${msg('Enregistrer', { id: 'comments.edit.save' })}</button>
      <button type="button" @click=${() => (this.editing = null)}>${msg('Annuler', { id: 'comments.cancel' })}</button>
    </form>`;
  }

  private renderHideForm(thread: CommentThread, commentId: string | null, context: ThreadContext): TemplateResult {
    const id = `raison-${thread.id}-${commentId ?? 'fil'}`;
    return html`<form
      class="comment-thread__hide"
      @submit=${(event: Event) => {
        event.preventDefault();
        const field = (event.currentTarget as HTMLElement).querySelector<HTMLInputElement>('input');
        const parsed = hideInputSchema.safeParse({ reason: field?.value ?? '' });
        if (!parsed.success) {
          this.problem = parsed.error.issues[0]?.message ?? '';
          return;
        }
        void this.run(() => setHidden(context.workspaceId, thread.id, commentId, parsed.data.reason)).then(() => (this.hiding = null));
      }}
    >
      <label class="field-label" for=${id}>${msg('Raison du masquage (gardée dans le journal)', { id: 'comments.hide.reason' })}</label>
      <input id=${id} type="text" maxlength="500" required />
      <button type="submit" ?disabled=${this.busy}>${commentId === null ? msg('Masquer le fil', { id: 'comments.thread.hide' }) : msg('Masquer', { id: 'comments.comment.hide' })}</button>
      <button type="button" @click=${() => (this.hiding = null)}>${msg('Annuler', { id: 'comments.cancel' })}</button>
    </form>`;
  }

  private submitReply(event: Event, thread: CommentThread, context: ThreadContext): void {
    event.preventDefault();
    const input = (event.currentTarget as HTMLElement).querySelector<MentionInput>('trame-mention-input');
    if (input === null) return;
    const parsed = replyInputSchema.safeParse({ body: input.value, mentions: input.mentions });
    if (!parsed.success) {
      this.fieldError = parsed.error.issues[0]?.message ?? '';
      input.focusText();
      return;
    }
    void this.run(() => replyTo(context.workspaceId, thread.id, parsed.data)).then((ok) => {
      if (ok) input.clear();
    });
  }

  private async run(action: () => Promise<CommentThread>): Promise<boolean> {
    if (this.context === null) return false;
    this.busy = true;
    this.problem = null;
    this.fieldError = '';
    try {
      this.context.store.put(await action());
      this.confirmingDelete = null;
      return true;
    } catch (error) {
      this.problem = describeError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private activate(): void {
    if (this.thread !== null) this.dispatchEvent(new CustomEvent('trame-comment-activate', { bubbles: true, detail: { threadId: this.thread.id } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-comment-thread': CommentThreadCard;
  }
}
