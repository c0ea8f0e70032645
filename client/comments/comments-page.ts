/**
 * `<trame-comments-page>`: every comment thread of the workspace in one list, live, with filters
 * (open or resolved, mine, by structure, by axis — a sheet's threads belong to the sheet's axis),
 * each linking to its passage (the contract's text or the sheet). Threads whose passage was
 * deleted are kept, « sur un passage supprimé », with their quote. A notification's link
 * (`#fil-<id>`) lands on its thread.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type * as Y from 'yjs';
import { layoutOf, resolveAnchor, type FragmentLayout } from '../../shared/comments/anchors';
import { sheetRichText } from '../../shared/programme/layout';
import type { ProgrammeView } from '../../shared/programme/read';
import type { CommentThread } from '../../shared/schemas/comments';
import { workspacePath } from '../routing/routes';
import type { ProgrammePageProps } from '../programme/page-props';
import { LightPage } from '../ui/light-page';
import type { ThreadContext } from './comment-thread';
import { commentsStore, type CommentsSnapshot } from './comments-store';
import { mentionablesOf, type Mentionable } from './mentionables';
import './comment-thread';

type StatusFilter = 'open' | 'resolved' | 'all';

const fieldLabels = (): Record<'goals' | 'description' | 'expectedResults', string> => ({
  goals: msg('objectifs', { id: 'comments.field.goals' }),
  description: msg('description', { id: 'comments.field.description' }),
  expectedResults: msg('résultats attendus', { id: 'comments.field.expectedResults' }),
});

@customElement('trame-comments-page')
export class CommentsPage extends LightPage {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  @state() private snapshot: CommentsSnapshot = { threads: [], loaded: false, problem: null, revision: 0 };
  @state() private status: StatusFilter = 'open';
  @state() private mine = false;
  @state() private structure = '';
  @state() private axis = '';
  @state() private mentionables: readonly Mentionable[] = [];
  private unsubscribe: (() => void) | null = null;
  private workspaceId: string | null = null;
  private scrolledToHash = false;
  private pendingScroll: string | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.workspaceId = null;
  }

  protected override willUpdate(): void {
    const props = this.props;
    if (props !== null && props.view.id !== this.workspaceId) {
      this.unsubscribe?.();
      this.workspaceId = props.view.id;
      const store = commentsStore(props.view.id);
      this.unsubscribe = store.subscribe(props.listen, (snapshot) => (this.snapshot = snapshot));
      void mentionablesOf(props.view.id, props.view.structures).then((found) => (this.mentionables = found));
    }
    // A link to a thread (`#fil-<id>`, from a notification): show it once the list is there, whatever the filters.
    const match = /^#fil-(.+)$/.exec(location.hash);
    if (this.scrolledToHash || match === null || !this.snapshot.loaded) return;
    const id = decodeURIComponent(match[1] ?? '');
    const thread = this.snapshot.threads.find((t) => t.id === id);
    if (thread === undefined) return;
    this.scrolledToHash = true;
    this.pendingScroll = id;
    if (thread.status === 'resolved' && this.status === 'open') this.status = 'all';
  }

  protected override updated(): void {
    const id = this.pendingScroll;
    if (id === null) return;
    this.pendingScroll = null;
    // The cards render after this page: wait for them before looking for the thread.
    void Promise.all([...this.querySelectorAll('trame-comment-thread')].map((card) => card.updateComplete)).then(() => {
      const element = this.querySelector<HTMLElement>(`#fil-${CSS.escape(id)}`);
      element?.setAttribute('tabindex', '-1');
      element?.scrollIntoView({ block: 'start' });
      element?.focus({ preventScroll: true });
    });
  }

  override render(): TemplateResult | typeof nothing {
    const props = this.props;
    if (props === null) return nothing;
    const context: ThreadContext = { workspaceId: props.view.id, me: props.me, role: props.role, store: commentsStore(props.view.id), mentionables: this.mentionables };
    const programme = props.programme?.programme ?? null;
    const axisOfSheet = new Map<string, string>();
    for (const axis of programme?.axes ?? []) for (const sheet of axis.sheets) axisOfSheet.set(sheet.id, axis.id);
    const passages = passageStates(props.session?.doc ?? null, props.session?.fragment ?? null, this.snapshot.threads);
    const threads = this.snapshot.threads
      .filter((t) => this.status === 'all' || t.status === this.status)
      .filter((t) => !this.mine || t.comments.some((c) => c.authorId === props.me.id) || t.comments.some((c) => c.mentions.people.includes(props.me.id)))
      .filter((t) => this.structure === '' || t.comments.some((c) => c.structureId === this.structure))
      .filter((t) => this.axis === '' || (this.axis === 'contract' ? t.anchor.target.kind === 'contract' : t.anchor.target.kind === 'sheet' && axisOfSheet.get(t.anchor.target.sheetId) === this.axis))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const structures = [...props.view.structures].filter((s) => this.snapshot.threads.some((t) => t.comments.some((c) => c.structureId === s.id))).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return html`<div class="page comments-page">
      <div class="page-header">
        <h1>${msg('Commentaires', { id: 'comments.page.title' })}</h1>
      </div>
      <p class="lead">${msg('Les remarques des membres sur des passages du contrat et des fiches actions. Pour commenter, sélectionnez un passage du texte puis choisissez « Commenter ».', { id: 'comments.page.lead' })}</p>
      <form class="comments-filters" @submit=${(event: Event) => event.preventDefault()} aria-label=${msg('Filtrer les commentaires', { id: 'comments.filters.label' })}>
        <div class="field">
          <label class="field-label" for="comments-status">${msg('État', { id: 'comments.filters.status' })}</label>
          <select id="comments-status" @change=${(event: Event) => (this.status = (event.target as HTMLSelectElement).value as StatusFilter)}>
            <option value="open" ?selected=${this.status === 'open'}>${msg('Ouverts', { id: 'comments.filters.open' })}</option>
            <option value="resolved" ?selected=${this.status === 'resolved'}>${msg('Résolus', { id: 'comments.filters.resolved' })}</option>
            <option value="all" ?selected=${this.status === 'all'}>${msg('Tous', { id: 'comments.filters.all' })}</option>
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="comments-structure">${msg('Structure', { id: 'comments.filters.structure' })}</label>
          <select id="comments-structure" @change=${(event: Event) => (this.structure = (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.structure === ''}>${msg('Toutes', { id: 'comments.filters.anyStructure' })}</option>
            ${structures.map((s) => html`<option value=${s.id} ?selected=${this.structure === s.id}>${s.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="comments-axis">${msg('Axe', { id: 'comments.filters.axis' })}</label>
          <select id="comments-axis" @change=${(event: Event) => (this.axis = (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.axis === ''}>${msg('Tous', { id: 'comments.filters.anyAxis' })}</option>
            <option value="contract" ?selected=${this.axis === 'contract'}>${msg('Texte du contrat', { id: 'comments.filters.contractText' })}</option>
            ${(programme?.axes ?? []).map((axis) => html`<option value=${axis.id} ?selected=${this.axis === axis.id}>${msg(str`Axe ${axis.number} — ${axis.title}`, { id: 'comments.filters.axisOption' })}</option>`)}
          </select>
        </div>
        <div class="field field--checkbox">
          <input id="comments-mine" type="checkbox" .checked=${this.mine} @change=${(event: Event) => (this.mine = (event.target as HTMLInputElement).checked)} />
          <label for="comments-mine">${msg('Seulement les fils où j’interviens ou suis mentionné·e', { id: 'comments.filters.mine' })}</label>
        </div>
      </form>
      ${this.snapshot.problem === null ? nothing : html`<p class="notice notice--error" role="alert">${this.snapshot.problem}</p>`}
      <p class="comments-page__count" role="status">
        ${!this.snapshot.loaded
          ? msg('Chargement des commentaires…', { id: 'comments.page.loading' })
          : threads.length === 1
            ? msg('1 fil de commentaires', { id: 'comments.page.countOne' })
            : msg(str`${threads.length} fils de commentaires`, { id: 'comments.page.count' })}
      </p>
      <ol class="comments-page__list">
        ${threads.map(
          (thread) => html`<li>
            <trame-comment-thread
              placement="list"
              .thread=${thread}
              .context=${context}
              ?deleted=${passages.get(thread.id) === 'deleted'}
              passageLink=${this.linkOf(props.view.id, thread)}
              passageLabel=${this.placeOf(thread, programme)}
            ></trame-comment-thread>
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private linkOf(workspaceId: string, thread: CommentThread): string {
    const target = thread.anchor.target;
    const path = target.kind === 'contract' ? workspacePath(workspaceId, 'contract') : workspacePath(workspaceId, 'sheet', target.sheetId);
    return `${path}#fil-${encodeURIComponent(thread.id)}`;
  }

  private placeOf(thread: CommentThread, programme: ProgrammeView | null): string {
    const target = thread.anchor.target;
    if (target.kind === 'contract') return msg('Voir le passage dans le texte du contrat', { id: 'comments.where.contract' });
    const sheet = programme?.axes.flatMap((a) => a.sheets).find((s) => s.id === target.sheetId) ?? programme?.orphans.find((s) => s.id === target.sheetId);
    const field = fieldLabels()[target.field];
    return sheet === undefined
      ? msg(str`Voir la fiche (${field})`, { id: 'comments.where.sheetUnknown' })
      : msg(str`Voir le passage dans la fiche ${sheet.number} — ${sheet.title} (${field})`, { id: 'comments.where.sheet' });
  }
}

/** Which threads' passages still exist in the live document ('deleted' otherwise). */
function passageStates(doc: Y.Doc | null, contract: Y.XmlFragment | null, threads: readonly CommentThread[]): Map<string, 'live' | 'deleted'> {
  const states = new Map<string, 'live' | 'deleted'>();
  if (doc === null || contract === null) return states;
  const layouts = new Map<Y.XmlFragment, FragmentLayout>();
  const layout = (fragment: Y.XmlFragment): FragmentLayout => {
    let found = layouts.get(fragment);
    if (found === undefined) {
      found = layoutOf(fragment);
      layouts.set(fragment, found);
    }
    return found;
  };
  for (const thread of threads) {
    const target = thread.anchor.target;
    const fragment = target.kind === 'contract' ? contract : sheetRichText(doc, target.sheetId, target.field);
    states.set(thread.id, fragment !== undefined && resolveAnchor(layout(fragment), thread.anchor).kind === 'range' ? 'live' : 'deleted');
  }
  return states;
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-comments-page': CommentsPage;
  }
}
