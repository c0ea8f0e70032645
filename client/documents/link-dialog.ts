/**
 * `<trame-link-dialog>`: asks for a link's address. Only web (http, https) and e-mail (mailto)
 * links are accepted, the same rule as the contract schema; a bare "www.…" or e-mail address is
 * completed for the person. Offers to remove the link when editing an existing one.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { trameEvent } from '../events';
import { controlValue } from '../ui/dom';
import { baseStyles, buttonStyles, dialogStyles } from '../ui/shared-styles';
import { normaliseHref } from './editor/link-commands';

/** The link dialog; dispatches `trame-link-apply`, `trame-link-remove` and `trame-dialog-close`. */
@customElement('trame-link-dialog')
export class LinkDialog extends LitElement {
  static override styles = [baseStyles, buttonStyles, dialogStyles];

  @state() private href = '';
  @state() private isEditing = false;
  @state() private error: string | null = null;
  // Assigned by Lit's @query getter; the dialog is part of the first render.
  @query('dialog') private dialog!: HTMLDialogElement;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Opens the dialog, prefilled with the current link's address when there is one. */
  async show(currentHref: string | null): Promise<void> {
    this.href = currentHref ?? '';
    this.isEditing = currentHref !== null;
    this.error = null;
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector('input')?.select();
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="link-title" @close=${this.handleClose}>
      <form class="dialog-body" novalidate @submit=${this.handleSubmit}>
        <h2 id="link-title">${this.isEditing ? msg('Modifier le lien', { id: 'link.titleEdit' }) : msg('Ajouter un lien', { id: 'link.titleAdd' })}</h2>
        <div class="field">
          <label for="href">${msg('Adresse du lien', { id: 'link.address' })}</label>
          <input
            id="href"
            name="href"
            type="text"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            placeholder="https://"
            .value=${this.href}
            aria-describedby=${this.error === null ? 'href-hint' : 'href-hint href-error'}
            aria-invalid=${this.error === null ? 'false' : 'true'}
            @input=${(event: InputEvent) => {
              this.href = controlValue(event);
            }}
          />
          <p id="href-hint" class="hint">${msg('Une adresse web (https://…) ou une adresse e-mail.', { id: 'link.hint' })}</p>
          ${this.error === null ? nothing : html`<p id="href-error" class="error">${this.error}</p>`}
        </div>
        <div class="actions">
          ${this.isEditing
            ? html`<button type="button" class="danger" @click=${this.handleRemove}>${msg('Retirer le lien', { id: 'link.remove' })}</button>`
            : nothing}
          <button type="button" @click=${() => this.dialog.close()}>${msg('Annuler', { id: 'common.cancel' })}</button>
          <button type="submit" class="primary">${msg('Appliquer', { id: 'link.apply' })}</button>
        </div>
      </form>
    </dialog>`;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const href = normaliseHref(this.href);
    if (href === null) {
      this.error = msg('Seuls les liens web (http:// ou https://) et les adresses e-mail (mailto:) sont acceptés. Vérifiez l’adresse.', {
        id: 'link.invalid',
      });
      this.renderRoot.querySelector('input')?.focus();
      return;
    }
    this.dispatchEvent(trameEvent('trame-link-apply', { href }));
    this.dialog.close();
  }

  private handleRemove(): void {
    this.dispatchEvent(trameEvent('trame-link-remove', null));
    this.dialog.close();
  }

  private handleClose(): void {
    this.dispatchEvent(trameEvent('trame-dialog-close', null));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-link-dialog': LinkDialog;
  }
}
