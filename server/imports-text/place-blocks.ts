/**
 * Where imported blocks go in the contract's rich text, and how they get there: the ProseMirror
 * JSON is turned into Yjs elements by y-prosemirror (in a scratch document, then cloned, as the
 * amendments clone their draft's blocks), and inserted at one index of the live fragment, so the
 * caller can do it in one transaction. A section is a heading and what follows it up to the next
 * heading of the same or a higher level.
 */
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { blockText } from '../../shared/amendments/blocks';
import { contractSchema } from '../../shared/contract-schema';
import type { RichTextJson } from '../../shared/rich-text/markdown';

export type SectionPosition = 'start' | 'end' | { afterHeading: string };

/** New (not yet inserted) top-level blocks made from a document's JSON. */
export function blocksFromJson(json: RichTextJson): (Y.XmlElement | Y.XmlText)[] {
  const scratch = new Y.Doc();
  try {
    const fragment = scratch.getXmlFragment('import');
    prosemirrorJSONToYXmlFragment(contractSchema, json, fragment);
    return fragment.toArray().flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : []));
  } finally {
    scratch.destroy();
  }
}

const headingLevel = (node: unknown): number | undefined => {
  if (!(node instanceof Y.XmlElement) || node.nodeName !== 'heading') return undefined;
  const level = Number(node.getAttribute('level') ?? 1);
  return Number.isFinite(level) ? level : 1;
};

/** Texts of the fragment's headings, in order (what "after the section…" offers). */
export function headingTexts(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().flatMap((node) => (headingLevel(node) === undefined ? [] : [blockText(node as Y.XmlElement).trim()]));
}

/** The index where blocks go for `position`; undefined when the heading named is not there. */
export function insertionIndex(fragment: Y.XmlFragment, position: SectionPosition): number | undefined {
  if (position === 'start') return 0;
  if (position === 'end') return fragment.length;
  const children = fragment.toArray();
  const wanted = position.afterHeading.trim();
  const at = children.findIndex((node) => headingLevel(node) !== undefined && blockText(node as Y.XmlElement).trim() === wanted);
  if (at < 0) return undefined;
  const level = headingLevel(children[at])!;
  const next = children.findIndex((node, index) => index > at && (headingLevel(node) ?? Infinity) <= level);
  return next < 0 ? children.length : next;
}
