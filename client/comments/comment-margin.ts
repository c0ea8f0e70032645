/**
 * `<trame-comment-margin>`: beside a rich text, the « Commenter » action, the composer of a new
 * thread, and a card per open thread. On wide screens each card sits level with its passage
 * (pushed down when cards would overlap); on narrow screens the cards are a list under the text.
 * Threads whose passage was deleted follow, « sur un passage supprimé », with their quote.
 */
import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createThreadInputSchema } from '../../shared/schemas/comments';
import { describeError } from '../api/fetch-json';
import { LightPage } from '../ui/light-page';
import type { CommentBinding, Draft } from './comment-binding';
import type { ThreadContext } from './comment-thread';
import type { CommentThread } from '../../shared/schemas/comments';
import type { HighlightState } from './comment-highlights';
import { createThread } from './comments-api';
import type { MentionInput } from './mention-input';
import './comment-thread';
import './mention-input';

const wide = (): boolean => window.matchMedia('(min-width: 64rem)').matches;

@customElement('trame-comment-margin')
export class CommentMargin extends LightPage {
  @property({ attribute: false }) binding: CommentBinding | null = null;
  @property({ attribute: false }) highlights: HighlightState | undefined;
  /** Changes of the binding's state (draft, notice, active thread, threads). */
  @property({ type: Number }) changes = 0;

  @state() private problem: string | null = null;
  @state() private fieldError = '';
  @state() private busy = false;
  private frame = 0;
  private focusedDraft: Draft | null = null;
  private readonly onResize = (): void => this.schedulePlacement();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.onResize);
    this.addEventListener('click', this.onResize);
    this.addEventListener('trame-comment-activate', this.onResize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.onResize);
    this.removeEventListener('click', this.onResize);
    this.removeEventListener('trame-comment-activate', this.onResize);
    cancelAnimationFrame(this.frame);
  }

  override render(): TemplateResult | typeof nothing {
    const binding = this.binding;
    const context = binding?.context ?? null;
    if (binding === null || context === null) return nothing;
    const ranges = this.highlights?.ranges ?? new Map<string, { from: number; to: number }>();
    const placed = binding.threads.filter((t) => ranges.has(t.id)).sort((a, b) => (ranges.get(a.id)?.from ?? 0) - (ranges.get(b.id)?.from ?? 0));
    // Until the text is loaded, no passage can be found: say nothing rather than « deleted ».
    const deleted = binding.ready && this.highlights !== undefined ? binding.threads.filter((t) => !ranges.has(t.id)) : [];
    const draft = binding.draft;
    return html`<aside class="comment-margin" aria-label=${msg('Commentaires sur ce texte', { id: 'comments.margin.label' })} data-loaded=${binding.snapshot.loaded ? 'true' : 'false'} data-placed=${placed.length}>
      ${binding.showsAction
        ? html`<div class="comment-margin__bar">
            <button type="button" class="comment-margin__compose" aria-keyshortcuts="Control+Alt+M" @mousedown=${(event: Event) => event.preventDefault()} @click=${() => binding.compose()}>
              ${msg('Commenter', { id: 'comments.compose.button' })} <kbd>Ctrl+Alt+M</kbd>
            </button>
          </div>`
        : nothing}
      ${binding.notice === null ? nothing : html`<p class="notice comment-margin__notice" role="status">${binding.notice}</p>`}
      ${binding.snapshot.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${binding.snapshot.problem}</p>`}
      <ol class="comment-margin__list">
        ${draft === null || placed.some((t) => (ranges.get(t.id)?.from ?? 0) <= draft.from) ? nothing : this.renderComposer(draft, context)}
        ${placed.map(
          (thread) => html`<li class="comment-margin__item" data-from=${ranges.get(thread.id)?.from ?? 0}>
            <trame-comment-thread placement="margin" .thread=${thread} .context=${context} ?active=${binding.active === thread.id}></trame-comment-thread>
          </li>
          ${draft !== null && this.isLastBefore(thread.id, placed, ranges, draft.from) ? this.renderComposer(draft, context) : nothing}`,
        )}
      </ol>
      ${deleted.length === 0
        ? nothing
        : html`<ol class="comment-margin__deleted">
            ${deleted.map(
              (thread) => html`<li>
                <trame-comment-thread placement="margin" deleted .thread=${thread} .context=${context} ?active=${binding.active === thread.id}></trame-comment-thread>
              </li>`,
            )}
          </ol>`}
    </aside>`;
  }

  private renderComposer(draft: Draft, context: ThreadContext): TemplateResult {
    const binding = this.binding;
    if (binding === null) return html``;
    return html`<li class="comment-margin__item comment-margin__item--composer" data-from=${draft.from}>
      <form class="comment-composer" @submit=${this.submit} aria-label=${msg('Nouveau commentaire', { id: 'comments.compose.title' })}>
        <p class="comment-composer__quote" lang="fr">${draft.quote}</p>
        <trame-mention-input .label=${msg('Votre commentaire', { id: 'comments.compose.label' })} .mentionables=${context.mentionables} .error=${this.fieldError}></trame-mention-input>
        <div class="comment-composer__actions">
          <button type="submit" ?disabled=${this.busy}>${msg('Publier', { id: 'comments.compose.publish' })}</button>
          <button type="button" @click=${() => binding.cancelDraft()}>${msg('Annuler', { id: 'comments.cancel' })}</button>
        </div>
        ${this.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.problem}</p>`}
      </form>
    </li>`;
  }

  /** True for the last placed thread starting at or before `from` (the composer goes right after it). */
  private isLastBefore(threadId: string, placed: readonly CommentThread[], ranges: ReadonlyMap<string, { from: number }>, from: number): boolean {
    const before = placed.filter((t) => (ranges.get(t.id)?.from ?? 0) <= from);
    return before.at(-1)?.id === threadId;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A new draft takes the focus once (never again: the person may go back to the text).
    const draft = this.binding?.draft ?? null;
    if (draft !== null && draft !== this.focusedDraft) {
      this.focusedDraft = draft;
      void this.updateComplete.then(() => this.querySelector<MentionInput>('.comment-composer trame-mention-input')?.focusText());
    }
    // Cards move when passages move (highlights), when threads change, or when a card opens a form (clicks, below).
    if (changed.has('highlights') || changed.has('changes') || changed.has('binding')) this.schedulePlacement();
  }

  /** Places the cards level with their passages (wide screens), once per frame. */
  private schedulePlacement(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.place());
  }

  private place(): void {
    const list = this.querySelector<HTMLElement>('.comment-margin__list');
    const view = this.binding?.editorView() ?? null;
    if (list === null) return;
    const items = [...list.querySelectorAll<HTMLElement>(':scope > .comment-margin__item')];
    if (!wide() || view === null || view.isDestroyed) {
      list.style.minHeight = '';
      for (const item of items) item.style.top = '';
      list.classList.remove('comment-margin__list--placed');
      this.dataset['positioned'] = String(items.length);
      return;
    }
    // Read everything first (one layout), then write.
    const base = list.getBoundingClientRect().top;
    const size = view.state.doc.content.size;
    const wanted = items.map((item) => {
      const from = Math.min(Number(item.dataset['from'] ?? 0), size);
      try {
        return view.coordsAtPos(from).top - base;
      } catch {
        return 0;
      }
    });
    const heights = items.map((item) => item.offsetHeight);
    let floor = 0;
    const tops = wanted.map((top, index) => {
      const y = Math.max(top, floor);
      floor = y + (heights[index] ?? 0) + 8;
      return y;
    });
    list.classList.add('comment-margin__list--placed');
    items.forEach((item, index) => (item.style.top = `${tops[index] ?? 0}px`));
    list.style.minHeight = `${floor}px`;
    // How many cards sit beside their passage (read by the bench and tests).
    this.dataset['positioned'] = String(items.length);
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const binding = this.binding;
    const context = binding?.context ?? null;
    const draft = binding?.draft ?? null;
    const target = binding?.target();
    const input = this.querySelector<MentionInput>('.comment-composer trame-mention-input');
    if (binding === null || context === null || draft === null || target === undefined || input === null) return;
    const parsed = createThreadInputSchema.safeParse({ anchor: { target, ...draft }, body: input.value, mentions: input.mentions });
    if (!parsed.success) {
      this.fieldError = parsed.error.issues.find((issue) => issue.path[0] === 'body')?.message ?? parsed.error.issues[0]?.message ?? '';
      input.focusText();
      return;
    }
    this.busy = true;
    this.problem = null;
    this.fieldError = '';
    try {
      const thread = await createThread(context.workspaceId, parsed.data);
      context.store.put(thread);
      input.clear();
      binding.draft = null;
      binding.activate(thread.id, 'text');
    } catch (error) {
      this.problem = describeError(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-comment-margin': CommentMargin;
  }
}
