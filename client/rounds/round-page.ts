/** `<trame-round-page>`: scaffold, replaced by the feature's real page. */
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProgrammePageProps } from '../programme/page-props';

@customElement('trame-round-page')
export class RoundPage extends LitElement {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    return html`<h1>Tour de décision</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-round-page': RoundPage;
  }
}
