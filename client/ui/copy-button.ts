/**
 * `<trame-copy-button>`: copies a text (an invitation link, a token) and says so in a polite live
 * region. Works on plain http too (a workshop's local network), where the Clipboard API is absent.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from './shared-styles';

const confirmationMs = 6000;

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard !== undefined && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, focus): fall back to the selection-based copy below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

/** A button that copies `text`; the confirmation is announced, then fades after a few seconds. */
@customElement('trame-copy-button')
export class CopyButton extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
      }
      .status {
        font-size: 0.875rem;
        font-weight: 600;
        color: var(--trame-success);
      }
      .status.failed {
        color: var(--trame-danger);
      }
    `,
  ];

  /** The text to copy. */
  @property() text = '';
  /** The button's label ("Copier le lien" by default). */
  @property() label = '';
  /** What the live region says once copied. */
  @property() confirmation = '';

  @state() private result: 'copied' | 'failed' | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render(): TemplateResult {
    const status =
      this.result === 'copied'
        ? this.confirmation || msg('Lien copié dans le presse-papiers.', { id: 'copy.done' })
        : this.result === 'failed'
          ? msg('La copie n’a pas fonctionné : sélectionnez le texte et copiez-le avec Ctrl+C.', { id: 'copy.failed' })
          : '';
    return html`<button type="button" part="button" @click=${this.handleClick}>${this.label || msg('Copier le lien', { id: 'copy.link' })}</button>
      <span class="status ${this.result === 'failed' ? 'failed' : ''}" role="status">${status}</span>`;
  }

  private async handleClick(): Promise<void> {
    clearTimeout(this.timer);
    this.result = null;
    await this.updateComplete;
    this.result = (await copyText(this.text)) ? 'copied' : 'failed';
    this.timer = setTimeout(() => (this.result = null), confirmationMs);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-copy-button': CopyButton;
  }
}
