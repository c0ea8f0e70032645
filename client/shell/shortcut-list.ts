/** Every keyboard shortcut of the workspace, grouped for the help dialog. */
import { msg } from '@lit/localize';
import type { Key } from '../ui/shortcut-keys';

/** One way to trigger an action: a key combination, or characters typed at a line's start. */
export type ShortcutWay = { keys: readonly Key[] } | { typed: string };

/** One line of the help: what it does and how. */
export interface ShortcutEntry {
  action: string;
  ways: readonly ShortcutWay[];
}

/** One section of the help. */
export interface ShortcutSection {
  title: string;
  entries: readonly ShortcutEntry[];
}

/** The help's sections, in the current language. */
export function shortcutSections(): ShortcutSection[] {
  return [
    {
      title: msg('Mise en forme', { id: 'shortcuts.formatting' }),
      entries: [
        { action: msg('Gras', { id: 'toolbar.bold' }), ways: [{ keys: ['Mod', 'B'] }] },
        { action: msg('Italique', { id: 'toolbar.italic' }), ways: [{ keys: ['Mod', 'I'] }] },
        { action: msg('Lien', { id: 'toolbar.link' }), ways: [{ keys: ['Mod', 'K'] }] },
        { action: msg('Saut de ligne dans un paragraphe', { id: 'shortcuts.hardBreak' }), ways: [{ keys: ['Shift', 'Enter'] }] },
        { action: msg('Annuler', { id: 'toolbar.undo' }), ways: [{ keys: ['Mod', 'Z'] }] },
        { action: msg('Rétablir', { id: 'toolbar.redo' }), ways: [{ keys: ['Mod', 'Y'] }, { keys: ['Mod', 'Shift', 'Z'] }] },
      ],
    },
    {
      title: msg('Titres, listes et citations', { id: 'shortcuts.blocks' }),
      entries: [
        { action: msg('Paragraphe', { id: 'toolbar.paragraph' }), ways: [{ keys: ['Mod', 'Alt', '0'] }] },
        { action: msg('Titre 1', { id: 'toolbar.heading1' }), ways: [{ keys: ['Mod', 'Alt', '1'] }, { typed: '# ' }] },
        { action: msg('Titre 2', { id: 'toolbar.heading2' }), ways: [{ keys: ['Mod', 'Alt', '2'] }, { typed: '## ' }] },
        { action: msg('Titre 3', { id: 'toolbar.heading3' }), ways: [{ keys: ['Mod', 'Alt', '3'] }, { typed: '### ' }] },
        { action: msg('Liste à puces', { id: 'toolbar.bulletList' }), ways: [{ keys: ['Mod', 'Shift', '8'] }, { typed: '- ' }] },
        { action: msg('Liste numérotée', { id: 'toolbar.orderedList' }), ways: [{ keys: ['Mod', 'Shift', '7'] }, { typed: '1. ' }] },
        { action: msg('Citation', { id: 'toolbar.blockquote' }), ways: [{ keys: ['Mod', 'Shift', '9'] }, { typed: '> ' }] },
        { action: msg('Indenter ou désindenter un élément de liste', { id: 'shortcuts.indent' }), ways: [{ keys: ['Tab'] }, { keys: ['Shift', 'Tab'] }] },
      ],
    },
    {
      title: msg('Tableaux', { id: 'shortcuts.tables' }),
      entries: [
        { action: msg('Cellule suivante (nouvelle ligne depuis la dernière)', { id: 'shortcuts.nextCell' }), ways: [{ keys: ['Tab'] }] },
        { action: msg('Cellule précédente', { id: 'shortcuts.previousCell' }), ways: [{ keys: ['Shift', 'Tab'] }] },
      ],
    },
    {
      title: msg('Navigation et aide', { id: 'shortcuts.navigation' }),
      entries: [
        { action: msg('Aller du texte à la barre d’outils', { id: 'shortcuts.toToolbar' }), ways: [{ keys: ['Escape'] }, { keys: ['Alt', 'F10'] }] },
        { action: msg('Passer d’un bouton à l’autre dans la barre d’outils', { id: 'shortcuts.inToolbar' }), ways: [{ keys: ['←'] }, { keys: ['→'] }] },
        { action: msg('Afficher cette aide', { id: 'shortcuts.help' }), ways: [{ keys: ['F1'] }, { keys: ['?'] }] },
      ],
    },
  ];
}
