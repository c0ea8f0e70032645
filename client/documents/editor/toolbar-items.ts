/**
 * The toolbar's buttons, in order and in groups: their French names (translated at render time),
 * their shortcut and what they show. Block and mark buttons show a short text glyph, the way
 * word processors print "G"/"I" on French keyboards; the others show an icon.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Key } from '../../ui/shortcut-keys';
import type { EditorCommandId } from './commands';
import { icons } from './icons';

/** One toolbar button. */
export interface ToolbarItem {
  id: EditorCommandId;
  label: () => string;
  shortcut?: readonly Key[];
  content: () => TemplateResult;
}

const glyph = (text: string, style = ''): TemplateResult => html`<span class="glyph ${style}" aria-hidden="true">${text}</span>`;

/** Buttons grouped as they appear; groups are separated visually. */
export const toolbarGroups: readonly (readonly ToolbarItem[])[] = [
  [
    { id: 'paragraph', label: () => msg('Paragraphe', { id: 'toolbar.paragraph' }), shortcut: ['Mod', 'Alt', '0'], content: () => glyph('¶') },
    { id: 'heading1', label: () => msg('Titre 1', { id: 'toolbar.heading1' }), shortcut: ['Mod', 'Alt', '1'], content: () => glyph(msg('T1', { id: 'toolbar.heading1.glyph' })) },
    { id: 'heading2', label: () => msg('Titre 2', { id: 'toolbar.heading2' }), shortcut: ['Mod', 'Alt', '2'], content: () => glyph(msg('T2', { id: 'toolbar.heading2.glyph' })) },
    { id: 'heading3', label: () => msg('Titre 3', { id: 'toolbar.heading3' }), shortcut: ['Mod', 'Alt', '3'], content: () => glyph(msg('T3', { id: 'toolbar.heading3.glyph' })) },
  ],
  [
    { id: 'bold', label: () => msg('Gras', { id: 'toolbar.bold' }), shortcut: ['Mod', 'B'], content: () => glyph(msg('G', { id: 'toolbar.bold.glyph' }), 'bold') },
    { id: 'italic', label: () => msg('Italique', { id: 'toolbar.italic' }), shortcut: ['Mod', 'I'], content: () => glyph(msg('I', { id: 'toolbar.italic.glyph' }), 'italic') },
    { id: 'link', label: () => msg('Lien', { id: 'toolbar.link' }), shortcut: ['Mod', 'K'], content: () => icons.link },
  ],
  [
    { id: 'bulletList', label: () => msg('Liste à puces', { id: 'toolbar.bulletList' }), shortcut: ['Mod', 'Shift', '8'], content: () => icons.bulletList },
    { id: 'orderedList', label: () => msg('Liste numérotée', { id: 'toolbar.orderedList' }), shortcut: ['Mod', 'Shift', '7'], content: () => icons.orderedList },
    { id: 'blockquote', label: () => msg('Citation', { id: 'toolbar.blockquote' }), shortcut: ['Mod', 'Shift', '9'], content: () => icons.blockquote },
  ],
  [
    { id: 'insertTable', label: () => msg('Insérer un tableau', { id: 'toolbar.insertTable' }), content: () => icons.table },
    { id: 'addRowAfter', label: () => msg('Ajouter une ligne', { id: 'toolbar.addRowAfter' }), content: () => icons.addRow },
    { id: 'deleteRow', label: () => msg('Supprimer la ligne', { id: 'toolbar.deleteRow' }), content: () => icons.deleteRow },
    { id: 'addColumnAfter', label: () => msg('Ajouter une colonne', { id: 'toolbar.addColumnAfter' }), content: () => icons.addColumn },
    { id: 'deleteColumn', label: () => msg('Supprimer la colonne', { id: 'toolbar.deleteColumn' }), content: () => icons.deleteColumn },
    { id: 'deleteTable', label: () => msg('Supprimer le tableau', { id: 'toolbar.deleteTable' }), content: () => icons.deleteTable },
  ],
  [
    { id: 'undo', label: () => msg('Annuler', { id: 'toolbar.undo' }), shortcut: ['Mod', 'Z'], content: () => icons.undo },
    { id: 'redo', label: () => msg('Rétablir', { id: 'toolbar.redo' }), shortcut: ['Mod', 'Shift', 'Z'], content: () => icons.redo },
  ],
];
