/**
 * `<trame-editor-toolbar>`: the formatting toolbar of the contract editor. One tab stop; arrow
 * keys, Home and End move between buttons (WAI-ARIA toolbar pattern). Buttons that do not apply
 * here stay focusable but are marked `aria-disabled`, so people can still discover them.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, queryAll, state } from 'lit/decorators.js';
import { trameEvent } from '../events';
import { ariaShortcut, formatShortcut } from '../ui/shortcut-keys';
import { baseStyles } from '../ui/shared-styles';
import { toolbarGroups, type ToolbarItem } from './editor/toolbar-items';
import type { ToolbarState } from './editor/toolbar-state';

const allItems = toolbarGroups.flat();

/** The contract editor's toolbar; dispatches `trame-editor-command`. */
@customElement('trame-editor-toolbar')
export class EditorToolbar extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      [role='toolbar'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem;
        padding: 0.35rem;
        background: var(--trame-paper);
        border: 1px solid var(--trame-line);
        border-radius: var(--trame-radius);
      }
      button {
        display: inline-grid;
        place-items: center;
        min-width: 2.5rem;
        height: 2.5rem;
        padding: 0 0.4rem;
        border: 1px solid transparent;
        border-radius: calc(var(--trame-radius) - 2px);
        background: none;
        color: var(--trame-ink);
        font: inherit;
        cursor: pointer;
      }
      button:hover:not([aria-disabled='true']) {
        background: var(--trame-canvas);
        border-color: var(--trame-line);
      }
      button[aria-pressed='true'] {
        background: var(--trame-accent-soft);
        border-color: var(--trame-accent);
        color: var(--trame-accent-strong);
      }
      button[aria-disabled='true'] {
        color: var(--trame-ink-disabled);
        cursor: default;
      }
      .glyph {
        font-size: 0.95rem;
        font-weight: 600;
        letter-spacing: 0.02em;
      }
      .glyph.bold {
        font-weight: 800;
        font-size: 1.05rem;
      }
      .glyph.italic {
        font-family: var(--trame-font-text);
        font-style: italic;
        font-size: 1.1rem;
      }
      .separator {
        width: 1px;
        align-self: stretch;
        margin: 0.3rem 0.2rem;
        background: var(--trame-line);
      }
      @media (max-width: 40rem) {
        [role='toolbar'] {
          flex-wrap: nowrap;
          overflow-x: auto;
          scrollbar-width: thin;
        }
        button {
          flex: none;
        }
      }
    `,
  ];

  /** Each button's state for the current selection; every button is disabled while null. */
  @property({ attribute: false }) toolbarState: ToolbarState | null = null;

  @state() private focusIndex = 0;
  // Assigned by Lit's @queryAll getter; always a (possibly empty) list after the first render.
  @queryAll('button') private buttons!: NodeListOf<HTMLButtonElement>;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Moves focus to the toolbar (its current button), e.g. from Alt+F10 in the text. */
  focusToolbar(): boolean {
    const button = this.buttons[this.focusIndex];
    button?.focus();
    return button !== undefined;
  }

  override render(): TemplateResult {
    let index = 0;
    return html`<div role="toolbar" aria-label=${msg('Mise en forme du contrat', { id: 'toolbar.label' })} @keydown=${this.handleKeydown}>
      ${toolbarGroups.map(
        (group, groupIndex) => html`${groupIndex > 0 ? html`<span class="separator" role="separator" aria-orientation="vertical"></span>` : nothing}
        ${group.map((item) => this.renderButton(item, index++))}`,
      )}
    </div>`;
  }

  // The name comes from hidden text, not aria-label: the visible glyph ("T3", "G") is not a word of
  // the name, which WCAG 2.5.3 (label in name) only forbids for aria-label.
  private renderButton(item: ToolbarItem, index: number): TemplateResult {
    const itemState = this.toolbarState?.[item.id];
    const enabled = itemState?.enabled ?? false;
    const pressed = itemState?.pressed ?? null;
    const label = item.label();
    return html`<button
      type="button"
      data-command=${item.id}
      tabindex=${index === this.focusIndex ? 0 : -1}
      title=${item.shortcut ? `${label} (${formatShortcut(item.shortcut)})` : label}
      aria-keyshortcuts=${item.shortcut ? ariaShortcut(item.shortcut) : nothing}
      aria-pressed=${pressed === null ? nothing : String(pressed)}
      aria-disabled=${enabled ? nothing : 'true'}
      @mousedown=${preventFocusSteal}
      @click=${(event: MouseEvent) => this.activate(item, index, enabled, event)}
    >
      ${item.content()}<span class="visually-hidden">${label}</span>
    </button>`;
  }

  private activate(item: ToolbarItem, index: number, enabled: boolean, event: MouseEvent): void {
    this.focusIndex = index;
    if (!enabled) return;
    // A keyboard activation reports detail 0: keep focus here so several formats can be applied.
    this.dispatchEvent(trameEvent('trame-editor-command', { command: item.id, viaKeyboard: event.detail === 0 }));
  }

  private handleKeydown(event: KeyboardEvent): void {
    const count = allItems.length;
    const moves: Record<string, number> = {
      ArrowRight: (this.focusIndex + 1) % count,
      ArrowLeft: (this.focusIndex - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.focusIndex = next;
    this.buttons[next]?.focus();
  }
}

/** Keeps the editor's selection and focus when a button is clicked with the mouse. */
function preventFocusSteal(event: MouseEvent): void {
  event.preventDefault();
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-editor-toolbar': EditorToolbar;
  }
}
