/**
 * The pure part of binding a text field to a `Y.Text`: the smallest change that turns one string
 * into another (so that a concurrent edit elsewhere in the same text survives), and where a caret
 * goes when someone else's change lands in the text. No DOM, no Yjs: tested on its own.
 */

/** One splice: remove `remove` characters at `index`, then insert `insert` there. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** A Y.Text event's delta, as Yjs gives it (only strings are inserted in plain text). */
export type TextDelta = readonly { retain?: number; delete?: number; insert?: unknown }[];

/**
 * The splice that turns `before` into `after`, keeping their common prefix and suffix; null when
 * they are equal. `caret` (where the caret is after the edit) settles ambiguous cases such as
 * typing "a" after "a": the change is placed just before the caret, where the person typed.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const maxStart = Math.min(before.length, after.length);
  while (start < maxStart && before[start] === after[start]) start++;
  // With repeated characters the common prefix can run past what was typed: end it at the caret.
  if (caret !== undefined) start = Math.min(start, Math.max(0, caret - Math.max(0, after.length - before.length)));
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Applies a splice to a string (what the Y.Text will hold after it). */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove);
}

/**
 * Where a position moves when `delta` is applied to the text around it. Text inserted exactly at
 * the position goes after it when `stickRight` is false (a collapsed caret stays before someone
 * else's new text), and before it when true (the end of a selection grows with it).
 */
export function mapPosition(delta: TextDelta, position: number, stickRight = false): number {
  let index = 0;
  let mapped = position;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (op.delete !== undefined) {
      const removedFrom = index;
      const removedTo = index + op.delete;
      // Text before `index` is already the new text; `mapped` is in the same partly-changed text.
      if (mapped >= removedTo) mapped -= op.delete;
      else if (mapped > removedFrom) mapped = removedFrom;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < mapped || (index === mapped && stickRight)) mapped += length;
      index += length;
    }
  }
  return mapped;
}

/** A selection after a remote change: both ends mapped; a collapsed caret stays collapsed. */
export function mapSelection(delta: TextDelta, start: number, end: number): { start: number; end: number } {
  if (start === end) {
    const caret = mapPosition(delta, start);
    return { start: caret, end: caret };
  }
  return { start: mapPosition(delta, start), end: mapPosition(delta, end) };
}

/** The length a text had before `delta` turned it into a text of `lengthAfter` characters. */
export function lengthBefore(delta: TextDelta, lengthAfter: number): number {
  let length = lengthAfter;
  for (const op of delta) {
    if (op.delete !== undefined) length += op.delete;
    else if (op.insert !== undefined) length -= typeof op.insert === 'string' ? op.insert.length : 1;
  }
  return length;
}
