/**
 * `<trame-presence-list>`: who has the workspace open, as avatars in their structure's colour.
 * The list (`data-testid="presence-list"`) has one item per person, named in full for screen
 * readers; beyond a few avatars, a "+N" button unfolds the whole list with names and structures.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PresencePerson } from '../../shared/schemas/presence';
import { initials } from '../i18n/format';
import { baseStyles } from '../ui/shared-styles';
import { dedupePeople } from './dedupe-people';

const compactCount = 4;

/** Avatars of the people present; click "+N" (or the count) to see everyone. */
@customElement('trame-presence-list')
export class PresenceList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
        position: relative;
        align-items: center;
        gap: 0.35rem;
      }
      ul {
        display: flex;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      ul:not(.expanded) li + li {
        margin-left: -0.4rem;
      }
      ul:not(.expanded) li:nth-child(n + ${compactCount + 1}) {
        display: none;
      }
      ul:not(.expanded) .name {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .avatar {
        display: inline-grid;
        place-items: center;
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        border: 2px solid var(--trame-paper);
        color: #fff;
        font-size: 0.75rem;
        font-weight: 700;
        flex: none;
      }
      ul.expanded {
        position: absolute;
        top: calc(100% + 0.4rem);
        right: 0;
        z-index: 20;
        flex-direction: column;
        align-items: stretch;
        gap: 0.4rem;
        width: max-content;
        max-width: min(22rem, 90vw);
        max-height: 60vh;
        overflow-y: auto;
        padding: 0.75rem;
        background: var(--trame-paper);
        border: 1px solid var(--trame-line);
        border-radius: var(--trame-radius);
        box-shadow: 0 10px 30px rgb(0 0 0 / 0.15);
      }
      .structure {
        display: block;
        color: var(--trame-ink-muted);
        font-size: 0.8125rem;
      }
      button {
        font: inherit;
        font-size: 0.8125rem;
        font-weight: 700;
        min-width: 2rem;
        height: 2rem;
        padding: 0 0.5rem;
        border-radius: 999px;
        border: 1px solid var(--trame-line-strong);
        background: var(--trame-paper);
        color: var(--trame-ink);
        cursor: pointer;
      }
    `,
  ];

  /** People present, one entry per open tab (the same person in two tabs is shown once). */
  @property({ attribute: false }) people: PresencePerson[] = [];

  @state() private expanded = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.addEventListener('keydown', (event) => this.handleKeydown(event));
  }

  override render(): TemplateResult {
    const people = dedupePeople(this.people);
    const hidden = Math.max(0, people.length - compactCount);
    return html`<ul
        id="people"
        class=${this.expanded ? 'expanded' : ''}
        data-testid="presence-list"
        aria-label=${msg(str`Personnes présentes : ${people.length}`, { id: 'presence.label' })}
      >
        ${people.map(
          (person) => html`<li title=${`${person.name} (${person.structureName})`}>
            <span class="avatar" style="background-color: ${person.colour}" aria-hidden="true">${initials(person.name)}</span>
            <span class="name">${person.name}<span class="structure">${person.structureName}</span></span>
          </li>`,
        )}
      </ul>
      ${people.length === 0 || (hidden === 0 && !this.expanded)
        ? nothing
        : html`<button type="button" aria-expanded=${String(this.expanded)} aria-controls="people" @click=${this.toggle}>
            ${this.expanded
              ? html`<span aria-hidden="true">×</span><span class="visually-hidden">${msg('Fermer la liste des personnes présentes', { id: 'presence.collapse' })}</span>`
              : html`<span aria-hidden="true">+${hidden}</span><span class="visually-hidden">${msg(str`Voir les ${people.length} personnes présentes`, { id: 'presence.expand' })}</span>`}
          </button>`}`;
  }

  private toggle(): void {
    this.expanded = !this.expanded;
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.expanded) this.expanded = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-presence-list': PresenceList;
  }
}
