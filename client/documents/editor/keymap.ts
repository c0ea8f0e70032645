/**
 * Keyboard shortcuts of the contract editor. Tab is only taken inside tables (next cell) and lists
 * (indent); elsewhere it moves focus out of the text as usual, and Escape always leads back to
 * the toolbar, so the editor is never a keyboard trap.
 */
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark } from 'prosemirror-commands';
import { undoInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { Command, Plugin } from 'prosemirror-state';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { addRowAfter, goToNextCell, isInTable } from 'prosemirror-tables';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { editorCommands } from './commands';
import { nodes, marks } from './schema';


/** Actions the keymap hands back to the editor element. */
export interface KeymapHooks {
  openLinkDialog: Command;
  focusToolbar: Command;
}

/** Tab in a table: next cell, or a new row from the last cell (as in word processors). */
const nextCellOrNewRow: Command = (state, dispatch, view) => {
  if (!isInTable(state)) return false;
  if (goToNextCell(1)(state, dispatch)) return true;
  if (!dispatch || view === undefined) return true;
  addRowAfter(state, dispatch);
  return goToNextCell(1)(view.state, view.dispatch);
};

const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break.create()).scrollIntoView());
  return true;
});

/** The editor's keymaps, most specific first. */
export function buildKeymaps(hooks: KeymapHooks): Plugin[] {
  return [
    keymap({
      'Mod-z': undoCommand,
      'Mod-y': redoCommand,
      'Mod-Shift-z': redoCommand,
      'Mod-b': toggleMark(marks.strong),
      'Mod-i': toggleMark(marks.em),
      'Mod-k': hooks.openLinkDialog,
      'Mod-Alt-0': setBlockType(nodes.paragraph),
      'Mod-Alt-1': setBlockType(nodes.heading, { level: 1 }),
      'Mod-Alt-2': setBlockType(nodes.heading, { level: 2 }),
      'Mod-Alt-3': setBlockType(nodes.heading, { level: 3 }),
      'Mod-Shift-8': editorCommands.bulletList,
      'Mod-Shift-7': editorCommands.orderedList,
      'Mod-Shift-9': editorCommands.blockquote,
      'Shift-Enter': hardBreak,
      'Mod-Enter': hardBreak,
      'Alt-F10': hooks.focusToolbar,
      Escape: hooks.focusToolbar,
      Backspace: undoInputRule,
    }),
    keymap({ Tab: nextCellOrNewRow, 'Shift-Tab': (state, dispatch) => isInTable(state) && goToNextCell(-1)(state, dispatch) }),
    keymap({
      Enter: splitListItem(nodes.list_item),
      Tab: sinkListItem(nodes.list_item),
      'Shift-Tab': liftListItem(nodes.list_item),
    }),
    keymap(baseKeymap),
  ];
}
