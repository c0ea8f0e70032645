/**
 * `<trame-confirm-dialog>`: asks people to confirm a consequential change (a role change, ending
 * a session) in a native modal dialog. `ask()` resolves true when confirmed; focus starts on
 * "Annuler", the safe choice, and returns to the opener when the dialog closes.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles, dialogStyles } from './shared-styles';

/** What to ask. */
export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
}

/** A yes/no question in a modal dialog. */
@customElement('trame-confirm-dialog')
export class ConfirmDialog extends LitElement {
  static override styles = [baseStyles, buttonStyles, dialogStyles];

  @state() private question: Confirmation = { title: '', body: '', confirmLabel: '' };
  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('dialog') private dialog!: HTMLDialogElement;
  private settle: ((confirmed: boolean) => void) | null = null;
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Opens the dialog; resolves with the answer once it closes. */
  async ask(question: Confirmation): Promise<boolean> {
    this.settle?.(false);
    this.question = question;
    this.opener = deepActiveElement();
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.settle = resolve));
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-body" @close=${this.handleClose}>
      <form class="dialog-body" method="dialog">
        <h2 id="confirm-title">${this.question.title}</h2>
        <p id="confirm-body">${this.question.body}</p>
        <div class="actions">
          <button type="submit" value="cancel" autofocus>${msg('Annuler', { id: 'common.cancel' })}</button>
          <button type="submit" value="confirm" class="primary">${this.question.confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private handleClose(): void {
    const confirmed = this.dialog.returnValue === 'confirm';
    this.dialog.returnValue = '';
    this.settle?.(confirmed);
    this.settle = null;
    this.opener?.focus();
  }
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement != null) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-confirm-dialog': ConfirmDialog;
  }
}
