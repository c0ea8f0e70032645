/** `<trame-amendment-page>`: scaffold, replaced by the feature's real page. */
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProgrammePageProps } from '../programme/page-props';

@customElement('trame-amendment-page')
export class AmendmentPage extends LitElement {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    return html`<h1>Amendement</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-amendment-page': AmendmentPage;
  }
}
