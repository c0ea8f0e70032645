/**
 * Order of axes and action sheets. Yjs has no "move": deleting and re-inserting a sheet would lose
 * what someone else is typing in it. So each axis and sheet carries a fractional position key
 * (fractional-indexing), and moving one only rewrites that key: concurrent edits inside the moved
 * sheet survive. Numbers (2.3) are never stored; they come from this order, so they stay right.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Something that has a position key and an id (the id breaks ties after concurrent inserts). */
export interface Positioned {
  id: string;
  position: string;
}

/** Plain string order (position keys are compared by code unit, never by locale). */
export function comparePositioned(a: Positioned, b: Positioned): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key after every item of a sorted list. */
export function positionAtEnd(sorted: readonly Positioned[]): string {
  return keyBetween(sorted.at(-1)?.position ?? null, null) ?? generateKeyBetween(null, null);
}

/**
 * Where to write an item moved to `index` of `sorted` (a list that does not contain it): a key
 * between its new neighbours, or, when they share a key (two people inserted at once) or hold a
 * key that is not valid, `undefined`: then call `spreadPositions` for the whole list.
 */
export function positionAt(sorted: readonly Positioned[], index: number): string | undefined {
  const clamped = Math.max(0, Math.min(index, sorted.length));
  return keyBetween(sorted[clamped - 1]?.position ?? null, sorted[clamped]?.position ?? null);
}

/** Fresh, evenly spaced keys for `count` items, for when neighbours cannot be separated. */
export function spreadPositions(count: number): string[] {
  return generateNKeysBetween(null, null, count);
}

function keyBetween(before: string | null, after: string | null): string | undefined {
  if (before !== null && after !== null && before >= after) return undefined;
  try {
    return generateKeyBetween(before, after);
  } catch {
    // A key written by hand or by a faulty client is not a valid order key.
    return undefined;
  }
}
