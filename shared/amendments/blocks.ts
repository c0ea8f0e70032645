/**
 * The blocks of rich text an amendment works on: the top-level children (paragraphs, lists,
 * tables, headings) of a `Y.XmlFragment`. Their plain text is what is diffed and compared; their
 * JSON form keeps formatting, for storing what an acceptance replaced and putting it back.
 * Used by the server (applying) and the client (diffing live); never throws on odd content.
 */
import * as Y from 'yjs';
import type { BlockJson } from '../schemas/amendments';

/** Plain text of a block: text runs joined, nested blocks (list items, cells) on their own lines. */
export function blockText(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) return deltaText(node);
  if (node instanceof Y.XmlElement && node.nodeName === 'hard_break') return '\n';
  const parts: string[] = [];
  let inline = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) inline += deltaText(child);
    else if (child instanceof Y.XmlElement && child.nodeName === 'hard_break') inline += '\n';
    else if (child instanceof Y.XmlElement) {
      if (inline !== '') parts.push(inline);
      inline = '';
      parts.push(blockText(child));
    }
  }
  if (inline !== '') parts.push(inline);
  return parts.join('\n');
}

function deltaText(text: Y.XmlText): string {
  let value = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') value += op.insert;
  return value;
}

/** The blocks of a fragment (its element children; stray top-level text is skipped). */
export function blocksOf(fragment: Y.XmlFragment, from = 0, to = fragment.length): Y.XmlElement[] {
  return fragment.slice(from, to).filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

export const textsOf = (blocks: readonly Y.XmlElement[]): string[] => blocks.map((block) => blockText(block));

/** A block as JSON (element name, attributes, children; text as its formatted runs). */
export function blockToJson(node: Y.XmlElement): BlockJson {
  const attrs = node.getAttributes() as Record<string, unknown>;
  const content: BlockJson[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) content.push(blockToJson(child));
    else if (child instanceof Y.XmlText) {
      const runs = (child.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[])
        .filter((op): op is { insert: string; attributes?: Record<string, unknown> } => typeof op.insert === 'string')
        .map((op) => (op.attributes === undefined ? { insert: op.insert } : { insert: op.insert, attributes: op.attributes }));
      content.push({ text: runs });
    }
  }
  return { type: node.nodeName, ...(Object.keys(attrs).length === 0 ? {} : { attrs }), ...(content.length === 0 ? {} : { content }) };
}

/** A new (not yet inserted) block from its JSON form. */
export function blockFromJson(json: BlockJson): Y.XmlElement | Y.XmlText {
  if ('text' in json) {
    const text = new Y.XmlText();
    text.applyDelta(json.text.map((run) => ({ ...run })));
    return text;
  }
  const element = new Y.XmlElement(json.type);
  for (const [key, value] of Object.entries(json.attrs ?? {})) element.setAttribute(key, value as string);
  const children = (json.content ?? []).map(blockFromJson);
  if (children.length > 0) element.insert(0, children);
  return element;
}

/** A new block holding one paragraph of plain text. */
export function paragraphBlock(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  if (text !== '') paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/** Stable JSON text of blocks, to tell whether a passage is exactly as an acceptance left it. */
export const blocksKey = (blocks: readonly BlockJson[]): string => JSON.stringify(blocks);
