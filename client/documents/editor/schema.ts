/**
 * The contract schema's node and mark types, resolved once by name. The shared schema is typed
 * with string keys; resolving here turns a renamed node into an immediate startup error rather
 * than `undefined` deep inside a command.
 */
import type { MarkType, NodeType } from 'prosemirror-model';
import { contractSchema } from '../../../shared/contract-schema';

function nodeType(name: string): NodeType {
  const type = contractSchema.nodes[name];
  if (type === undefined) throw new Error(`The contract schema has no "${name}" node.`);
  return type;
}

function markType(name: string): MarkType {
  const type = contractSchema.marks[name];
  if (type === undefined) throw new Error(`The contract schema has no "${name}" mark.`);
  return type;
}

/** Node types the editor's commands use. */
export const nodes = {
  paragraph: nodeType('paragraph'),
  heading: nodeType('heading'),
  blockquote: nodeType('blockquote'),
  hard_break: nodeType('hard_break'),
  bullet_list: nodeType('bullet_list'),
  ordered_list: nodeType('ordered_list'),
  list_item: nodeType('list_item'),
  table: nodeType('table'),
  table_row: nodeType('table_row'),
  table_cell: nodeType('table_cell'),
  table_header: nodeType('table_header'),
} as const;

/** Mark types the editor's commands use. */
export const marks = {
  strong: markType('strong'),
  em: markType('em'),
  link: markType('link'),
} as const;
