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
}

/** Builds the plugin list for one session. */
export function buildPlugins(session: ContractSession, hooks: PluginHooks): Plugin[] {
  return [
    ySyncPlugin(session.fragment),
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
  ];
}
