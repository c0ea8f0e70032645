/**
 * Base class of the light-DOM pages: they render into the document (their forms work with
 * password managers, their headings and landmarks belong to the page), follow the interface
 * language, and take their CSS from styles/pages.css.
 */
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';

/** A page element rendered without a shadow root. */
export class LightPage extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
