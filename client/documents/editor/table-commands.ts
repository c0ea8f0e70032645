/** Inserting a new table: 3 × 3 with a header row, the shape a financing plan usually starts from. */
import type { Node } from 'prosemirror-model';
import { TextSelection, type Command } from 'prosemirror-state';
import { isInTable } from 'prosemirror-tables';
import { nodes } from './schema';


function buildTable(rowCount: number, columnCount: number): Node | null {
  const rows: Node[] = [];
  for (let row = 0; row < rowCount; row++) {
    const cellType = row === 0 ? nodes.table_header : nodes.table_cell;
    const cells: Node[] = [];
    for (let column = 0; column < columnCount; column++) {
      const cell = cellType.createAndFill();
      if (cell === null) return null;
      cells.push(cell);
    }
    rows.push(nodes.table_row.create(null, cells));
  }
  return nodes.table.create(null, rows);
}

/** Inserts a table at the selection and puts the cursor in its first cell. Not inside a table. */
export const insertTable: Command = (state, dispatch) => {
  if (isInTable(state)) return false;
  const table = buildTable(3, 3);
  if (table === null) return false;
  if (!dispatch) return true;
  const start = state.selection.from;
  const tr = state.tr.replaceSelectionWith(table);
  let tablePos = -1;
  tr.doc.nodesBetween(tr.mapping.map(start, -1), tr.doc.content.size, (node, pos) => {
    if (tablePos >= 0) return false;
    if (node.type === nodes.table) tablePos = pos;
    return tablePos < 0;
  });
  // table > row > cell > paragraph: the first text position is four levels in.
  if (tablePos >= 0) tr.setSelection(TextSelection.near(tr.doc.resolve(tablePos + 4)));
  dispatch(tr.scrollIntoView());
  return true;
};
