/** `<trame-sheet-page>`: scaffold, replaced by the feature's real page. */
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProgrammePageProps } from './page-props';

@customElement('trame-sheet-page')
export class SheetPage extends LitElement {
  @property({ attribute: false }) props: ProgrammePageProps | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    return html`<h1>Fiche action</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trame-sheet-page': SheetPage;
  }
}
