/**
 * `<trame-shortcuts-dialog>`: "Raccourcis clavier", the list of every shortcut, opened by the
 * top-bar button, by F1 anywhere, or by "?" outside the text.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { trameEvent } from '../events';
import { keyName } from '../ui/shortcut-keys';
import { baseStyles, buttonStyles, dialogStyles } from '../ui/shared-styles';
import { shortcutSections, type ShortcutWay } from './shortcut-list';

/** The keyboard help dialog; dispatches `trame-dialog-close`. */
@customElement('trame-shortcuts-dialog')
export class ShortcutsDialog extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      dialog {
        width: min(44rem, calc(100vw - 2rem));
      }
      .dialog-body {
        max-height: calc(100dvh - 2rem);
        overflow-y: auto;
      }
      h3 {
        margin: 0.5rem 0 0.25rem;
        font-size: 1rem;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.9375rem;
      }
      th,
      td {
        padding: 0.45rem 0.25rem;
        border-bottom: 1px solid var(--trame-line);
        vertical-align: top;
        text-align: left;
      }
      th {
        font-weight: 400;
      }
      td {
        white-space: nowrap;
        text-align: right;
      }
      kbd,
      code {
        display: inline-block;
        min-width: 1.6em;
        padding: 0.05rem 0.35rem;
        border: 1px solid var(--trame-line-strong);
        border-bottom-width: 2px;
        border-radius: 4px;
        background: var(--trame-canvas);
        font: 600 0.8125rem/1.4 var(--trame-font-ui);
        text-align: center;
      }
      code {
        font-family: ui-monospace, monospace;
        white-space: pre;
      }
      .or {
        color: var(--trame-ink-muted);
        padding-inline: 0.3rem;
      }
    `,
  ];

  // Assigned by Lit's @query getter; the dialog is part of every render.
  @query('dialog') private dialog!: HTMLDialogElement;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Opens the help (no-op when already open). */
  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="shortcuts-title" @close=${() => this.dispatchEvent(trameEvent('trame-dialog-close', null))}>
      <div class="dialog-body">
        <h2 id="shortcuts-title">${msg('Raccourcis clavier', { id: 'shortcuts.title' })}</h2>
        <p class="hint">${msg('Sur Mac, Ctrl correspond à la touche ⌘. La touche ? ouvre cette aide quand le curseur n’est pas dans le texte.', { id: 'shortcuts.intro' })}</p>
        ${shortcutSections().map(
          (section) => html`<h3>${section.title}</h3>
            <table>
              ${section.entries.map(
                (entry) => html`<tr>
                  <th scope="row">${entry.action}</th>
                  <td>${entry.ways.map((way, index) => html`${index > 0 ? html`<span class="or">${msg('ou', { id: 'shortcuts.or' })}</span>` : ''}${this.renderWay(way)}`)}</td>
                </tr>`,
              )}
            </table>`,
        )}
        <div class="actions">
          <button type="button" class="primary" autofocus @click=${() => this.dialog.close()}>${msg('Fermer', { id: 'common.close' })}</button>
        </div>
      </div>
    </dialog>`;
  }

  private renderWay(way: ShortcutWay): TemplateResult {
    if ('typed' in way) return html`<code>${way.typed}</code>`;
    return html`${way.keys.map((key, index) => html`${index > 0 ? '+' : ''}<kbd>${keyName(key)}</kbd>`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-shortcuts-dialog': ShortcutsDialog;
  }
}
