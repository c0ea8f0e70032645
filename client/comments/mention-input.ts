/**
 * `<trame-mention-input>`: a comment's text area with @mentions. Typing `@` and a few letters
 * opens a list of people and structures of the workspace (ARIA 1.2 combobox on the text area:
 * ↑/↓ to move, Entrée or Tab to choose, Échap to close); choosing writes `@Name` in the text and
 * remembers whom it names. Mentions whose `@Name` was erased are dropped when reading `mentions`.
 * Light DOM: the label belongs to the form around it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { commentBodyMaxChars, type CommentMentions } from '../../shared/schemas/comments';
import { LightPage } from '../ui/light-page';
import type { Mentionable } from './mentionables';

let instances = 0;

@customElement('trame-mention-input')
export class MentionInput extends LightPage {
  @property() label = '';
  @property() value = '';
  @property({ attribute: false }) mentionables: readonly Mentionable[] = [];
  /** Message of the field (a refusal), shown under it and tied to it. */
  @property() error = '';

  @state() private query: string | null = null;
  @state() private activeIndex = 0;
  @query('textarea', true) private textarea!: HTMLTextAreaElement;

  private readonly uid = `mention-${++instances}`;
  private readonly chosen = new Map<string, Mentionable>();

  /** The mentions still present in the text. */
  get mentions(): CommentMentions {
    const people = new Set<string>();
    const structures = new Set<string>();
    for (const [label, target] of this.chosen) {
      if (!this.value.includes(`@${label}`)) continue;
      (target.kind === 'person' ? people : structures).add(target.id);
    }
    return { people: [...people], structures: [...structures] };
  }

  focusText(): void {
    void this.updateComplete.then(() => this.textarea?.focus());
  }

  clear(): void {
    this.value = '';
    this.chosen.clear();
    this.query = null;
  }

  private get suggestions(): Mentionable[] {
    if (this.query === null) return [];
    const q = fold(this.query);
    return this.mentionables.filter((m) => fold(m.name).includes(q)).slice(0, 8);
  }

  override render(): TemplateResult {
    const suggestions = this.suggestions;
    const open = suggestions.length > 0;
    const listId = `${this.uid}-list`;
    const hintId = `${this.uid}-hint`;
    const errorId = `${this.uid}-error`;
    return html`<div class="field mention-input">
      <label class="field-label" for="${this.uid}">${this.label}</label>
      <textarea
        id=${this.uid}
        rows="3"
        maxlength=${commentBodyMaxChars + 1}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${open ? `${this.uid}-option-${this.activeIndex}` : ''}
        aria-describedby=${this.error === '' ? hintId : `${hintId} ${errorId}`}
        aria-invalid=${this.error === '' ? 'false' : 'true'}
        .value=${this.value}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
        @blur=${() => setTimeout(() => (this.query = null), 150)}
      ></textarea>
      <p class="field-hint" id=${hintId}>${msg('Tapez @ pour mentionner une personne ou une structure.', { id: 'comments.mention.hint' })}</p>
      <ul class="mention-input__list" id=${listId} role="listbox" aria-label=${msg('Personnes et structures à mentionner', { id: 'comments.mention.list' })} ?hidden=${!open}>
        ${suggestions.map(
          (option, index) => html`<li
            id="${this.uid}-option-${index}"
            role="option"
            aria-selected=${index === this.activeIndex ? 'true' : 'false'}
            class="mention-input__option"
            @mousedown=${(event: Event) => {
              event.preventDefault();
              this.choose(option);
            }}
          >
            ${option.name}
            <span class="mention-input__kind">${option.kind === 'person' ? msg('personne', { id: 'comments.mention.person' }) : msg('structure', { id: 'comments.mention.structure' })}</span>
          </li>`,
        )}
      </ul>
      <p class="visually-hidden" aria-live="polite">${open ? msg(str`${suggestions.length} suggestions.`, { id: 'comments.mention.count' }) : ''}</p>
      ${this.error === '' ? nothing : html`<p class="field-error" id=${errorId}>${this.error}</p>`}
    </div>`;
  }

  private onInput(event: Event): void {
    const area = event.target as HTMLTextAreaElement;
    this.value = area.value;
    const before = area.value.slice(0, area.selectionStart);
    const match = /(?:^|\s)@([^\s@]{0,40})$/u.exec(before);
    this.query = match === null ? null : (match[1] ?? '');
    this.activeIndex = 0;
    this.dispatchEvent(new Event('input', { bubbles: true }));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const suggestions = this.suggestions;
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.activeIndex = (this.activeIndex + step + suggestions.length) % suggestions.length;
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const option = suggestions[this.activeIndex];
      if (option === undefined) return;
      event.preventDefault();
      this.choose(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.query = null;
    }
  }

  private choose(option: Mentionable): void {
    const area = this.textarea;
    const caret = area.selectionStart;
    const before = area.value.slice(0, caret).replace(/@([^\s@]{0,40})$/u, `@${option.name} `);
    this.value = before + area.value.slice(caret);
    this.chosen.set(option.name, option);
    this.query = null;
    area.value = this.value;
    area.setSelectionRange(before.length, before.length);
    area.focus();
  }
}

/** Case- and accent-insensitive form, for matching names. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

declare global {
  interface HTMLElementTagNameMap {
    'trame-mention-input': MentionInput;
  }
}
