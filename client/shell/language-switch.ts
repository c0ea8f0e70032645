/**
 * `<trame-language-switch>`: FR / EN toggle. Each language is named in itself ("Français",
 * "English") with its own `lang`, so it is readable by whoever needs to switch.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changeLocale, currentLocale, type Locale } from '../i18n/localization';
import { baseStyles } from '../ui/shared-styles';

const languages: readonly { locale: Locale; short: string; name: string }[] = [
  { locale: 'fr', short: 'FR', name: 'Français' },
  { locale: 'en', short: 'EN', name: 'English' },
];

/** Switches the interface language; the choice is remembered in this browser. */
@customElement('trame-language-switch')
export class LanguageSwitch extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
      }
      [role='group'] {
        display: inline-flex;
        border: 1px solid var(--trame-line-strong);
        border-radius: 999px;
        overflow: hidden;
      }
      button {
        font: inherit;
        font-size: 0.8125rem;
        font-weight: 700;
        min-width: 2.5rem;
        height: 2rem;
        border: none;
        background: var(--trame-paper);
        color: var(--trame-ink);
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        background: var(--trame-ink);
        color: var(--trame-paper);
      }
      button:focus-visible {
        outline-offset: -3px;
      }
    `,
  ];

  @state() private isSwitching = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render(): TemplateResult {
    const active = currentLocale();
    return html`<div role="group" aria-label=${msg('Langue', { id: 'language.label' })} aria-busy=${String(this.isSwitching)}>
      ${languages.map(
        ({ locale, short, name }) => html`<button type="button" lang=${locale} aria-pressed=${String(locale === active)} title=${name}
          @click=${() => void this.switchTo(locale)}>
          ${short}<span class="visually-hidden"> – ${name}</span>
        </button>`,
      )}
    </div>`;
  }

  private async switchTo(locale: Locale): Promise<void> {
    if (locale === currentLocale() || this.isSwitching) return;
    this.isSwitching = true;
    try {
      await changeLocale(locale);
    } finally {
      this.isSwitching = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-language-switch': LanguageSwitch;
  }
}
