/**
 * Links: find the link under the cursor, set one on the selection (or insert the address as text
 * when nothing is selected), remove one. Every address is checked with `isSafeHref` first, the
 * same rule the schema applies when parsing pasted HTML.
 */
import type { Mark } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { contractSchema, isSafeHref } from '../../../shared/contract-schema';
import { marks } from './schema';

const linkType = marks.link;

/** A link in the document: its address and the range it covers. */
export interface LinkRange {
  href: string;
  from: number;
  to: number;
}

function linkMarkOf(marks: readonly Mark[]): Mark | undefined {
  return marks.find((mark) => mark.type === linkType);
}

/** The link around an empty cursor or covering the start of the selection, if any. */
export function linkAtSelection(state: EditorState): LinkRange | null {
  const { $from, empty } = state.selection;
  const parent = $from.parent;
  const offset = $from.parentOffset;
  // With an empty cursor at the edge of a link, the link on either side counts.
  const at = parent.childAfter(offset);
  const before = offset > 0 ? parent.childBefore(offset) : null;
  const candidate = (at.node && linkMarkOf(at.node.marks)) ?? (empty && before?.node ? linkMarkOf(before.node.marks) : undefined);
  if (candidate === undefined) return null;
  const href: unknown = candidate.attrs['href'];
  if (typeof href !== 'string') return null;
  // Grow the range over neighbouring text nodes carrying the same link.
  let startIndex = at.node && linkMarkOf(at.node.marks) ? at.index : (before?.index ?? at.index);
  let endIndex = startIndex;
  while (startIndex > 0 && candidate.isInSet(parent.child(startIndex - 1).marks)) startIndex--;
  while (endIndex + 1 < parent.childCount && candidate.isInSet(parent.child(endIndex + 1).marks)) endIndex++;
  let from = $from.start();
  for (let index = 0; index < startIndex; index++) from += parent.child(index).nodeSize;
  let to = from;
  for (let index = startIndex; index <= endIndex; index++) to += parent.child(index).nodeSize;
  return { href, from, to };
}

/**
 * Normalises what people type: a bare `www.example.org` becomes `https://www.example.org`, an
 * e-mail address becomes `mailto:`. Returns null when the result is still not a safe link.
 */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  let href = value;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/u.test(value)) href = `mailto:${value}`;
  else if (/^(www\.|[a-z0-9-]+\.[a-z]{2,}(\/|$))/iu.test(value)) href = `https://${value}`;
  if (!isSafeHref(href)) return null;
  try {
    if (!href.toLowerCase().startsWith('mailto:')) new URL(href);
  } catch {
    return null;
  }
  return href;
}

/** Links the selection (or the link under the cursor) to `href`; inserts it as text if empty. */
export function applyLink(href: string): Command {
  return (state, dispatch) => {
    if (!isSafeHref(href)) return false;
    if (!dispatch) return true;
    const mark = linkType.create({ href });
    const existing = state.selection.empty ? linkAtSelection(state) : null;
    const tr = state.tr;
    if (existing !== null) {
      tr.removeMark(existing.from, existing.to, linkType).addMark(existing.from, existing.to, mark);
    } else if (state.selection.empty) {
      const from = state.selection.from;
      const label = href.replace(/^mailto:/i, '');
      tr.insert(from, contractSchema.text(label, [mark]));
    } else {
      const { from, to } = state.selection;
      tr.removeMark(from, to, linkType).addMark(from, to, mark);
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Removes the link under the cursor, or every link in the selection. */
export const removeLink: Command = (state, dispatch) => {
  const range = state.selection.empty ? linkAtSelection(state) : { from: state.selection.from, to: state.selection.to };
  if (range === null || !state.doc.rangeHasMark(range.from, range.to, linkType)) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, linkType));
  return true;
};

/** True when the selection touches a link. */
export function isLinkActive(state: EditorState): boolean {
  const { from, to, empty } = state.selection;
  return empty ? linkAtSelection(state) !== null : state.doc.rangeHasMark(from, to, linkType);
}
