/**
 * What each toolbar button shows for a given editor state: whether it applies here (enabled) and
 * whether it is in effect (pressed). Computed by dry-running the commands, which is how
 * ProseMirror itself recommends deciding availability.
 */
import type { MarkType } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { isInTable } from 'prosemirror-tables';
import { editorCommands, isInList, isInside, type EditorCommandId } from './commands';
import { isLinkActive } from './link-commands';
import { nodes, marks } from './schema';


/** The state of one toolbar button. */
export interface ToolbarItemState {
  enabled: boolean;
  /** null for actions that have no on/off state (insert, undo…). */
  pressed: boolean | null;
}

export type ToolbarState = Record<EditorCommandId, ToolbarItemState>;

function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return type.isInSet(state.storedMarks ?? $from.marks()) !== undefined;
  return state.doc.rangeHasMark(from, to, type);
}

function isBlockActive(state: EditorState, level: number | null): boolean {
  const parent = state.selection.$from.parent;
  if (level === null) return parent.type === nodes.paragraph;
  return parent.type === nodes.heading && parent.attrs['level'] === level;
}

/** Computes every button's state; with `editable` false, everything is disabled. */
export function computeToolbarState(state: EditorState, editable: boolean): ToolbarState {
  const can = (id: Exclude<EditorCommandId, 'link'>): boolean => editable && editorCommands[id](state);
  const item = (enabled: boolean, pressed: boolean | null = null): ToolbarItemState => ({ enabled, pressed });
  const inTable = isInTable(state);
  return {
    paragraph: item(editable && (can('paragraph') || isBlockActive(state, null)), isBlockActive(state, null)),
    heading1: item(editable && (can('heading1') || isBlockActive(state, 1)), isBlockActive(state, 1)),
    heading2: item(editable && (can('heading2') || isBlockActive(state, 2)), isBlockActive(state, 2)),
    heading3: item(editable && (can('heading3') || isBlockActive(state, 3)), isBlockActive(state, 3)),
    bold: item(can('bold'), isMarkActive(state, marks.strong)),
    italic: item(can('italic'), isMarkActive(state, marks.em)),
    bulletList: item(can('bulletList'), isInList(state, nodes.bullet_list)),
    orderedList: item(can('orderedList'), isInList(state, nodes.ordered_list)),
    blockquote: item(can('blockquote'), isInside(state, nodes.blockquote)),
    link: item(editable, isLinkActive(state)),
    insertTable: item(can('insertTable') && !inTable),
    addRowAfter: item(can('addRowAfter')),
    deleteRow: item(can('deleteRow')),
    addColumnAfter: item(can('addColumnAfter')),
    deleteColumn: item(can('deleteColumn')),
    deleteTable: item(can('deleteTable')),
    undo: item(can('undo')),
    redo: item(can('redo')),
  };
}
