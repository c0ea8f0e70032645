/**
 * `<trame-identity-dialog>`: asks the person's name and structure (there are no accounts yet).
 * Checked with the same zod schema the server applies to `presence:join`; errors appear next to
 * their field, in the interface language, and focus goes to the first one.
 */
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { presenceJoinSchema } from '../../shared/schemas/presence';
import { limits } from '../../shared/limits';
import type { Network, StructureView } from '../../shared/schemas/workspace';
import { trameEvent } from '../events';
import { controlValue } from '../ui/dom';
import { baseStyles, buttonStyles, dialogStyles } from '../ui/shared-styles';
import { groupStructures } from './structure-options';
import type { Identity } from './identity-store';

type FieldErrors = Partial<Record<'name' | 'structureId', string>>;

/** The identity form; dispatches `trame-identity-change` and `trame-dialog-close`. */
@customElement('trame-identity-dialog')
export class IdentityDialog extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      select {
        min-height: 12rem;
      }
      optgroup {
        font-weight: 700;
      }
      option {
        font-weight: 400;
        padding: 0.2rem 0.3rem;
      }
    `,
  ];

  /** The workspace the identity applies to. */
  @property() workspaceId = '';
  /** The workspace's networks, used as groups. */
  @property({ attribute: false }) networks: Network[] = [];
  /** The workspace's structures to choose from. */
  @property({ attribute: false }) structures: StructureView[] = [];

  @state() private name = '';
  @state() private structureId = '';
  @state() private search = '';
  @state() private errors: FieldErrors = {};
  @state() private isFirstVisit = true;
  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('dialog') private dialog!: HTMLDialogElement;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Opens the form, prefilled with the current identity (or the name remembered elsewhere). */
  async show(current: Identity | null, rememberedName: string): Promise<void> {
    this.name = current?.name ?? rememberedName;
    this.structureId = current?.structureId ?? '';
    this.search = '';
    this.errors = {};
    this.isFirstVisit = current === null;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  override render(): TemplateResult {
    const groups = groupStructures(this.networks, this.structures, this.search, this.structureId);
    const count = groups.reduce((total, group) => total + group.structures.length, 0);
    return html`<dialog aria-labelledby="identity-title" aria-describedby="identity-intro" @close=${this.handleClose}>
      <form class="dialog-body" novalidate @submit=${this.handleSubmit}>
        <h2 id="identity-title">${msg('Qui êtes-vous ?', { id: 'identity.title' })}</h2>
        <p id="identity-intro" class="hint">
          ${msg('Votre nom et votre structure s’affichent à côté de votre curseur et dans la liste des personnes présentes. Ils sont gardés dans ce navigateur.', { id: 'identity.intro' })}
        </p>
        <div class="field">
          <label for="name">${msg('Votre nom', { id: 'identity.name' })}</label>
          <input id="name" name="name" type="text" autocomplete="name" maxlength=${limits.maxDisplayNameLength + 20} .value=${this.name}
            aria-invalid=${String(this.errors.name !== undefined)} aria-describedby=${this.errors.name === undefined ? nothing : 'name-error'}
            @input=${(event: Event) => (this.name = controlValue(event))} />
          ${this.errors.name === undefined ? nothing : html`<p id="name-error" class="error">${this.errors.name}</p>`}
        </div>
        <div class="field">
          <label for="structureId">${msg('Votre structure', { id: 'identity.structure' })}</label>
          <input id="structure-search" type="search" autocomplete="off" aria-controls="structureId" aria-describedby="structure-count"
            aria-label=${msg('Rechercher une structure', { id: 'identity.searchLabel' })}
            placeholder=${msg('Rechercher par nom, ville ou réseau', { id: 'identity.search' })} .value=${this.search}
            @input=${(event: Event) => (this.search = controlValue(event))} />
          <p id="structure-count" class="hint" aria-live="polite">
            ${count === 0
              ? msg('Aucune structure ne correspond. Essayez un autre mot.', { id: 'identity.noMatch' })
              : msg(str`${count} structures dans la liste`, { id: 'identity.count' })}
          </p>
          <select id="structureId" name="structureId" size="8" required
            aria-invalid=${String(this.errors.structureId !== undefined)} aria-describedby=${this.errors.structureId === undefined ? nothing : 'structure-error'}
            @change=${(event: Event) => (this.structureId = controlValue(event))}>
            ${groups.map((group) => html`<optgroup label=${group.network.name}>
              ${group.structures.map((structure) => html`<option value=${structure.id} ?selected=${structure.id === this.structureId}>
                ${structure.city === '' ? structure.name : `${structure.name} — ${structure.city}`}</option>`)}
            </optgroup>`)}
          </select>
          ${this.errors.structureId === undefined ? nothing : html`<p id="structure-error" class="error">${this.errors.structureId}</p>`}
        </div>
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>
            ${this.isFirstVisit ? msg('Lire seulement', { id: 'identity.readOnly' }) : msg('Annuler', { id: 'common.cancel' })}
          </button>
          <button type="submit" class="primary">${msg('Continuer', { id: 'identity.submit' })}</button>
        </div>
      </form>
    </dialog>`;
  }

  private validate(): FieldErrors {
    const errors: FieldErrors = {};
    const result = presenceJoinSchema.safeParse({ workspaceId: this.workspaceId, name: this.name, structureId: this.structureId });
    for (const issue of result.success ? [] : result.error.issues) {
      if (issue.path[0] === 'name') {
        errors.name = issue.code === 'too_big'
          ? msg(str`Ce nom est trop long : ${limits.maxDisplayNameLength} caractères au plus.`, { id: 'identity.error.nameTooLong' })
          : msg('Indiquez votre nom.', { id: 'identity.error.nameMissing' });
      }
    }
    if (!this.structures.some((structure) => structure.id === this.structureId)) {
      errors.structureId = msg('Choisissez votre structure dans la liste.', { id: 'identity.error.structureMissing' });
    }
    return errors;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.errors = this.validate();
    if (this.errors.name === undefined && this.errors.structureId === undefined) {
      this.dispatchEvent(trameEvent('trame-identity-change', { name: this.name.trim(), structureId: this.structureId }));
      this.dialog.close();
      return;
    }
    await this.updateComplete;
    const firstInvalid = this.errors.name === undefined ? '#structureId' : '#name';
    this.renderRoot.querySelector<HTMLElement>(firstInvalid)?.focus();
  }

  private handleClose(): void {
    this.dispatchEvent(trameEvent('trame-dialog-close', null));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-identity-dialog': IdentityDialog;
  }
}
