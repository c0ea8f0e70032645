/** `<trame-rounds-page>`: scaffold, replaced by the feature's real page. */
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProgrammePageProps } from '../programme/page-props';

@customElement('trame-rounds-page')
export class RoundsPage extends LitElement {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    return html`<h1>Décisions</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-rounds-page': RoundsPage;
  }
}
