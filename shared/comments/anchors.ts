/**
 * Comment anchors: a passage of a rich text (a `Y.XmlFragment` bound to ProseMirror by
 * y-prosemirror) named by two Yjs relative positions, so that it stays on the same words while
 * others type before, after or inside it, on any replica.
 *
 * Positions here are ProseMirror positions, computed on the Yjs tree itself (pure: the server, the
 * tests and the editor share it; no editor binding needed): an element opens and closes with one
 * token each, a leaf element (hard break, rule) counts 1, a text counts its characters. That is
 * exactly ProseMirror's numbering of the document y-prosemirror keeps in sync with the fragment.
 *
 * The start sticks to the passage's first character (association ≥ 0) and the end to its last one
 * (association < 0): text typed right before or right after the passage stays outside it, text
 * typed inside it belongs to it. When every character of the passage is deleted, both ends
 * collapse onto one position (or their text node is gone) and the anchor resolves to `deleted`.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { contractSchema } from '../contract-schema';

/** Node names that ProseMirror treats as leaves (size 1, no content), from the contract schema. */
const leafNodeNames: ReadonlySet<string> = new Set(
  Object.values(contractSchema.nodes)
    .filter((type) => type.isLeaf && !type.isText)
    .map((type) => type.name),
);

type Container = Y.XmlFragment | Y.XmlElement;

/** The ProseMirror positions of every node of a fragment, computed in one walk. */
export interface FragmentLayout {
  fragment: Y.XmlFragment;
  /** Position before each node (for a text: of its first character). */
  nodeStart: Map<Y.AbstractType<any>, number>;
  /** Start and end of each container's content (the fragment's: 0 and its size). */
  contentStart: Map<Y.AbstractType<any>, number>;
  contentEnd: Map<Y.AbstractType<any>, number>;
  texts: { type: Y.XmlText; start: number; end: number }[];
  containers: Container[];
  size: number;
}

/** Walks a fragment once; resolve many anchors against the same layout. */
export function layoutOf(fragment: Y.XmlFragment): FragmentLayout {
  const layout: FragmentLayout = {
    fragment,
    nodeStart: new Map(),
    contentStart: new Map(),
    contentEnd: new Map(),
    texts: [],
    containers: [],
    size: 0,
  };
  let pos = 0;
  const visit = (parent: Container): void => {
    layout.containers.push(parent);
    layout.contentStart.set(parent, pos);
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        layout.nodeStart.set(child, pos);
        layout.texts.push({ type: child, start: pos, end: pos + child.length });
        pos += child.length;
      } else if (child instanceof Y.XmlElement) {
        layout.nodeStart.set(child, pos);
        if (leafNodeNames.has(child.nodeName)) {
          pos += 1;
        } else {
          pos += 1;
          visit(child);
          pos += 1;
        }
      }
    }
    layout.contentEnd.set(parent, pos);
  };
  visit(fragment);
  layout.size = pos;
  return layout;
}

/** Base64 of an encoded relative position (the stored form). */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Decodes a stored position; undefined when it is not one (never throws). */
export function decodePosition(encoded: string): Y.RelativePosition | undefined {
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    return position.item !== null || position.type !== null || position.tname !== null ? position : undefined;
  } catch {
    return undefined;
  }
}

/** A relative position at a ProseMirror position; `assoc` ≥ 0 sticks to the next character, < 0 to the previous one. */
function relativeAt(layout: FragmentLayout, pos: number, assoc: number): Y.RelativePosition | undefined {
  if (pos < 0 || pos > layout.size) return undefined;
  // Inside (or at the edge of) a text: stick to a character, on the side `assoc` asks for.
  const inText =
    assoc >= 0
      ? layout.texts.find((text) => text.start <= pos && pos < text.end)
      : layout.texts.find((text) => text.start < pos && pos <= text.end);
  if (inText !== undefined) return Y.createRelativePositionFromTypeIndex(inText.type, pos - inText.start, assoc);
  // Between nodes: the deepest container whose content holds the position, at a child boundary.
  let best: Container | undefined;
  for (const container of layout.containers) {
    const start = layout.contentStart.get(container) ?? -1;
    const end = layout.contentEnd.get(container) ?? -1;
    if (start <= pos && pos <= end && (best === undefined || start >= (layout.contentStart.get(best) ?? -1))) best = container;
  }
  if (best === undefined) return undefined;
  const children = best.toArray();
  const index = pos === layout.contentEnd.get(best) ? children.length : children.findIndex((child) => layout.nodeStart.get(child) === pos);
  return index < 0 ? undefined : Y.createRelativePositionFromTypeIndex(best, index, assoc);
}

/** The ProseMirror position of an absolute Yjs position, when it lies in the laid-out fragment. */
function positionOf(layout: FragmentLayout, absolute: Y.AbsolutePosition): number | undefined {
  const { type, index } = absolute;
  if (type instanceof Y.XmlText) {
    const start = layout.nodeStart.get(type);
    return start === undefined ? undefined : start + Math.min(index, type.length);
  }
  const contentStart = layout.contentStart.get(type);
  if (contentStart === undefined || !(type instanceof Y.XmlFragment)) return undefined;
  const children = type.toArray();
  if (index >= children.length) return layout.contentEnd.get(type);
  const child = children[index];
  return child === undefined ? undefined : layout.nodeStart.get(child);
}

function absoluteOf(doc: Y.Doc, position: Y.RelativePosition): Y.AbsolutePosition | undefined {
  try {
    // A position naming a client or clock this document never saw resolves to null, not an error.
    return Y.createAbsolutePositionFromRelativePosition(position, doc) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The plain text between two positions (blocks separated by a line break, hard breaks by a space). */
export function textBetween(layout: FragmentLayout, from: number, to: number): string {
  let text = '';
  let previousParent: unknown;
  for (const node of layout.texts) {
    if (node.end <= from || node.start >= to) continue;
    const plain = plainText(node.type);
    const piece = plain.slice(Math.max(0, from - node.start), Math.min(plain.length, to - node.start));
    if (text !== '') text += node.type.parent === previousParent ? ' ' : '\n';
    text += piece;
    previousParent = node.type.parent;
  }
  return text;
}

/** The characters of a text node, without its formatting (`toString` would write marks as XML). */
export function plainText(type: Y.XmlText): string {
  let text = '';
  for (const op of type.toDelta() as { insert: unknown }[]) text += typeof op.insert === 'string' ? op.insert : ' ';
  return text;
}

export interface NewAnchor {
  start: string;
  end: string;
  quote: string;
}

/**
 * Anchors the passage between two ProseMirror positions of a fragment (a selection). Undefined
 * when the range is empty, out of the text, or covers no character.
 */
export function createAnchor(fragment: Y.XmlFragment, from: number, to: number, quoteMaxChars = 1_000, layout = layoutOf(fragment)): NewAnchor | undefined {
  if (!(from < to)) return undefined;
  const quote = textBetween(layout, from, to);
  if (quote.trim() === '') return undefined;
  const start = relativeAt(layout, from, 0);
  const end = relativeAt(layout, to, -1);
  if (start === undefined || end === undefined) return undefined;
  return { start: encodePosition(start), end: encodePosition(end), quote: quote.slice(0, quoteMaxChars) };
}

export type ResolvedAnchor = { kind: 'range'; from: number; to: number } | { kind: 'deleted' } | { kind: 'invalid' };

/**
 * Where an anchor is now in a fragment: its range, `deleted` when none of its text is left (both
 * ends meet, or their text is gone), or `invalid` when its positions are not positions of this
 * fragment (undecodable, another document, another rich text).
 */
export function resolveAnchor(layout: FragmentLayout, anchor: { start: string; end: string }): ResolvedAnchor {
  const doc = layout.fragment.doc;
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (doc === null || start === undefined || end === undefined) return { kind: 'invalid' };
  const absoluteStart = absoluteOf(doc, start);
  const absoluteEnd = absoluteOf(doc, end);
  if (absoluteStart === undefined && absoluteEnd === undefined) return belongsElsewhere(layout, start) ? { kind: 'invalid' } : { kind: 'deleted' };
  let from = absoluteStart === undefined ? undefined : positionOf(layout, absoluteStart);
  let to = absoluteEnd === undefined ? undefined : positionOf(layout, absoluteEnd);
  // One end's paragraph was removed: the passage keeps what is left of it on the other side.
  if (from === undefined && to !== undefined && absoluteEnd?.type instanceof Y.XmlText) from = layout.nodeStart.get(absoluteEnd.type);
  if (to === undefined && from !== undefined && absoluteStart?.type instanceof Y.XmlText) to = (layout.nodeStart.get(absoluteStart.type) ?? 0) + absoluteStart.type.length;
  if (from === undefined || to === undefined) {
    const other = absoluteStart ?? absoluteEnd;
    return other !== undefined && !isDeletedType(other.type) && !insideFragment(other.type, layout.fragment) ? { kind: 'invalid' } : { kind: 'deleted' };
  }
  return from < to ? { kind: 'range', from, to } : { kind: 'deleted' };
}

/** True when a shared type (or one of its ancestors) was deleted. */
function isDeletedType(type: Y.AbstractType<any>): boolean {
  for (let item = type._item; item !== null; item = item.parent instanceof Y.AbstractType ? item.parent._item : null) {
    if (item.deleted) return true;
  }
  return false;
}

function insideFragment(type: Y.AbstractType<any>, fragment: Y.XmlFragment): boolean {
  for (let current: Y.AbstractType<any> | null = type; current !== null; current = current._item?.parent instanceof Y.AbstractType ? current._item.parent : null) {
    if (current === fragment) return true;
  }
  return false;
}

/** A position naming a root type other than the fragment (`tname`) is not of this rich text. */
function belongsElsewhere(layout: FragmentLayout, position: Y.RelativePosition): boolean {
  if (position.tname !== null) return position.tname !== Y.findRootTypeKey(layout.fragment);
  const doc = layout.fragment.doc;
  if (position.item !== null && doc !== null) return Y.getState(doc.store, position.item.client) <= position.item.clock;
  return false;
}

/**
 * Checks an anchor sent by a client against the live fragment: both positions decode and resolve
 * inside this rich text to a non-empty passage. Returns that passage's current text.
 */
export function checkAnchor(fragment: Y.XmlFragment, anchor: { start: string; end: string }): { from: number; to: number; text: string } | undefined {
  const layout = layoutOf(fragment);
  const resolved = resolveAnchor(layout, anchor);
  if (resolved.kind !== 'range') return undefined;
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  const doc = fragment.doc;
  if (start === undefined || end === undefined || doc === null) return undefined;
  // Both ends must point into this fragment (not one end here and one in another rich text).
  for (const position of [start, end]) {
    const absolute = absoluteOf(doc, position);
    if (absolute === undefined || !insideFragment(absolute.type, fragment)) return undefined;
  }
  return { ...resolved, text: textBetween(layout, resolved.from, resolved.to) };
}
