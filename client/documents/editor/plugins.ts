/**
 * The contract editor's ProseMirror plugins, in the order they must run: Yjs binding first (the
 * undo plugin reads its state), then our guards and keymaps, then the table plugins, whose own
 * key handling should only see what ours left.
 */
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import type { Plugin } from 'prosemirror-state';
import { columnResizing, tableEditing } from 'prosemirror-tables';
import { yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { ContractSession } from '../../controllers/contract-session';
import { buildInputRules } from './input-rules';
import { buildKeymaps, type KeymapHooks } from './keymap';
import { placeholder } from './placeholder';
import { buildRemoteCursor, buildRemoteSelection } from './remote-cursors';
import { sizeGuard } from './size-guard';

/** Callbacks from the plugins to the editor element. */
export interface PluginHooks extends KeymapHooks {
  onChangeTooLarge: (estimatedBytes: number) => void;
  placeholderText: () => string;
  /** Plugins a feature adds to the editor (comment highlights), after the Yjs binding. */
  extraPlugins?: () => Plugin[];
}

/**
 * Which part of the session's document the editor shows: the contract's text by default, or
 * another rich text of the same document (an action sheet's goals, for instance). Remote cursors
 * keep y-prosemirror's one `cursor` awareness field: it resolves each cursor in the editor's own
 * fragment and drops the others, and only clears the field when the cursor was in its fragment,
 * so several editors of one document each show the cursors that are in them. (A custom field
 * name would be written but never drawn: y-prosemirror 1.3 reads remote cursors from `cursor`.)
 */
export interface EditorTarget {
  fragment?: Y.XmlFragment;
}

/** Builds the plugin list for one session. */
export function buildPlugins(session: ContractSession, hooks: PluginHooks, target: EditorTarget = {}): Plugin[] {
  return [
    ySyncPlugin(target.fragment ?? session.fragment),
    yCursorPlugin(session.provider.awareness, {
      cursorBuilder: buildRemoteCursor,
      selectionBuilder: buildRemoteSelection,
    }),
    yUndoPlugin(),
    sizeGuard(hooks.onChangeTooLarge),
    buildInputRules(),
    ...buildKeymaps(hooks),
    dropCursor({ color: '#1a5fa8', width: 2 }),
    gapCursor(),
    placeholder(hooks.placeholderText),
    columnResizing(),
    tableEditing(),
    ...(hooks.extraPlugins?.() ?? []),
  ];
}
