/**
 * The editing commands behind the toolbar and the keyboard shortcuts, all plain ProseMirror
 * `Command`s over the shared contract schema. Undo and redo go through Yjs (y-prosemirror's
 * UndoManager) so that undoing never reverts somebody else's typing.
 */
import { lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import type { NodeType } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  deleteTable,
  isInTable,
} from 'prosemirror-tables';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { insertTable } from './table-commands';
import { nodes, marks } from './schema';


/** Every command the toolbar offers; `link` opens a dialog rather than running directly. */
export type EditorCommandId =
  | 'paragraph'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bold'
  | 'italic'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote'
  | 'link'
  | 'insertTable'
  | 'addRowAfter'
  | 'deleteRow'
  | 'addColumnAfter'
  | 'deleteColumn'
  | 'deleteTable'
  | 'undo'
  | 'redo';

/** The nearest list around the selection, with its depth, or null outside lists. */
function enclosingList(state: EditorState): { type: NodeType; depth: number } | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const type = $from.node(depth).type;
    if (type === nodes.bullet_list || type === nodes.ordered_list) return { type, depth };
  }
  return null;
}

/** True when the selection sits inside a node of `type`. */
export function isInside(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type === type) return true;
  return false;
}

/** True when the list around the selection is of `type`. */
export function isInList(state: EditorState, type: NodeType): boolean {
  return enclosingList(state)?.type === type;
}

/** Wraps in a list of `type`; inside one, lifts out of it; inside the other kind, converts it. */
function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const list = enclosingList(state);
    if (list === null) return wrapInList(type)(state, dispatch);
    if (list.type === type) return liftListItem(nodes.list_item)(state, dispatch);
    if (dispatch) dispatch(state.tr.setNodeMarkup(state.selection.$from.before(list.depth), type));
    return true;
  };
}

/** Wraps the selection in a quote, or takes it out of the quote it is in. */
const toggleBlockquote: Command = (state, dispatch) =>
  isInside(state, nodes.blockquote) ? lift(state, dispatch) : wrapIn(nodes.blockquote)(state, dispatch);

/** Table edits are only offered inside a table. */
function inTable(command: Command): Command {
  return (state, dispatch, view) => isInTable(state) && command(state, dispatch, view);
}

/** Commands by toolbar id (`link` excluded: it needs the link dialog). */
export const editorCommands: Record<Exclude<EditorCommandId, 'link'>, Command> = {
  paragraph: setBlockType(nodes.paragraph),
  heading1: setBlockType(nodes.heading, { level: 1 }),
  heading2: setBlockType(nodes.heading, { level: 2 }),
  heading3: setBlockType(nodes.heading, { level: 3 }),
  bold: toggleMark(marks.strong),
  italic: toggleMark(marks.em),
  bulletList: toggleList(nodes.bullet_list),
  orderedList: toggleList(nodes.ordered_list),
  blockquote: toggleBlockquote,
  insertTable,
  addRowAfter: inTable(addRowAfter),
  deleteRow: inTable(deleteRow),
  addColumnAfter: inTable(addColumnAfter),
  deleteColumn: inTable(deleteColumn),
  deleteTable: inTable(deleteTable),
  undo: (state, dispatch) => undoCommand(state, dispatch) === true,
  redo: (state, dispatch) => redoCommand(state, dispatch) === true,
};
