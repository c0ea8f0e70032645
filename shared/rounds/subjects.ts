/**
 * What a round can be about, read from the live contract: the headings of its sections (a section
 * subject names its heading's text, the one thing people see and the server can check) and the
 * path of the page showing a subject.
 */
import * as Y from 'yjs';
import type { RoundSubject } from '../schemas/rounds';

/** Plain text of a Yjs XML node (formatting dropped). */
function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join('');
  return '';
}

/** The texts of the contract's headings, in order, trimmed, without empty or repeated ones. */
export function contractHeadings(fragment: Y.XmlFragment): string[] {
  const headings: string[] = [];
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== 'heading') continue;
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    if (text !== '' && !headings.includes(text)) headings.push(text);
  }
  return headings;
}

/** Two subjects are the same (for "a round is already open on this"). */
export function sameSubject(a: RoundSubject, b: RoundSubject): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'amendment' && b.kind === 'amendment') return a.amendmentId === b.amendmentId;
  if (a.kind === 'section' && b.kind === 'section') return a.title === b.title;
  if (a.kind === 'sheet' && b.kind === 'sheet') return a.sheetId === b.sheetId;
  return true;
}
