/**
 * Publishes the height of a sticky element (the top bar) as a CSS custom property on the host,
 * so that elements sticking below it (the editor toolbar) start exactly where it ends, however
 * the top bar wraps at the current width and language.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Keeps `--<property>` on the host equal to the observed element's height in pixels. */
export class StickyOffsetController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly selector: string;
  private readonly property: string;
  private readonly observer: ResizeObserver;
  private observed: Element | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, selector: string, property: string) {
    this.host = host;
    this.selector = selector;
    this.property = property;
    this.observer = new ResizeObserver((entries) => {
      const height = entries[entries.length - 1]?.borderBoxSize[0]?.blockSize;
      if (height !== undefined) this.host.style.setProperty(this.property, `${Math.ceil(height)}px`);
    });
    host.addController(this);
  }

  hostUpdated(): void {
    const element = this.host.querySelector(this.selector);
    if (element === this.observed) return;
    if (this.observed !== null) this.observer.unobserve(this.observed);
    this.observed = element;
    if (element !== null) this.observer.observe(element);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = null;
  }
}
