/**
 * Keyboard shortcuts as data, so the toolbar tooltips and the help dialog show the same keys,
 * named the way the person's keyboard and language name them ("Maj" in French, ⌘ on a Mac).
 */
import { msg } from '@lit/localize';

/** One key of a combination; `Mod` is Ctrl, or ⌘ on Apple keyboards. */
export type Key = 'Mod' | 'Shift' | 'Alt' | 'Enter' | 'Tab' | 'Escape' | 'Backspace' | 'F1' | 'F10' | (string & {});

const isApple = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The printed name of a key in the current language. */
export function keyName(key: Key): string {
  switch (key) {
    case 'Mod':
      return isApple ? '⌘' : msg('Ctrl', { id: 'key.ctrl' });
    case 'Shift':
      return msg('Maj', { id: 'key.shift' });
    case 'Alt':
      return isApple ? '⌥' : 'Alt';
    case 'Enter':
      return msg('Entrée', { id: 'key.enter' });
    case 'Escape':
      return msg('Échap', { id: 'key.escape' });
    case 'Backspace':
      return msg('Retour arrière', { id: 'key.backspace' });
    case 'Tab':
      return 'Tab';
    default:
      return key.toUpperCase();
  }
}

/** "Ctrl+Maj+Z": the whole combination as text, for tooltips and `aria-keyshortcuts` readers. */
export function formatShortcut(keys: readonly Key[]): string {
  return keys.map(keyName).join('+');
}

/** The `aria-keyshortcuts` value of a combination (always in the ARIA key vocabulary). */
export function ariaShortcut(keys: readonly Key[]): string {
  const aria: Record<string, string> = { Mod: isApple ? 'Meta' : 'Control', Escape: 'Escape', Enter: 'Enter' };
  return keys.map((key) => aria[key] ?? (key.length === 1 ? key.toUpperCase() : key)).join('+');
}
