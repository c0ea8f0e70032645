/**
 * Opens the keyboard help on F1 anywhere (instead of the browser's help) and on "?" when the
 * person is not typing, like the help of most web applications.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isTypingTarget } from '../ui/dom';

/** Calls `open` when the help shortcut is pressed, while the host is connected. */
export class HelpShortcutController implements ReactiveController {
  private readonly open: () => void;

  constructor(host: ReactiveControllerHost, open: () => void) {
    this.open = open;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.handleKeydown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.handleKeydown);
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const isHelpKey = event.key === 'F1' || (event.key === '?' && !isTypingTarget(event));
    if (!isHelpKey) return;
    event.preventDefault();
    this.open();
  };
}
