/**
 * Rebasing an amendment onto a text that changed since it was proposed: a three-way merge at the
 * level of blocks. `base` is the target's text when the amendment was proposed, `draft` the
 * amendment's text, `current` the target's text now. Each side's changes are hunks of base blocks
 * replaced by other blocks; when the amendment's hunks and the hunks made since do not touch the
 * same blocks, the amendment's hunks are applied onto the current text ("rebased"); when they do,
 * it is a conflict, shown side by side and never resolved silently. Pure and generic: the result
 * names blocks by their index in `draft` or `current`, so the caller can copy the real (formatted)
 * blocks. Hunks identical on both sides (the same edit made twice) are not conflicts.
 */
import { diffArrays } from 'diff';

/** A change of one side: base blocks [start, end) replaced by that side's blocks [sideStart, sideEnd). */
export interface Hunk {
  start: number;
  end: number;
  sideStart: number;
  sideEnd: number;
}

/** A block of the merged text: taken from the draft or from the current text. */
export type BlockRef = { from: 'draft' | 'current'; index: number };

export interface Conflict {
  base: string[];
  amendment: string[];
  current: string[];
}

export interface RebaseResult {
  /** unchanged: the target is as it was proposed on; rebased: merged onto changes made since; conflict. */
  status: 'unchanged' | 'rebased' | 'conflict';
  /** The merged text, when there is no conflict (what an acceptance writes). */
  merged: BlockRef[];
  /** Overlapping changes, side by side (empty unless `status` is conflict). */
  conflicts: Conflict[];
  /**
   * The current text with the amendment's non-conflicting changes applied, and its conflicting
   * ones left out ("Reprendre le texte actuel"); equals `merged` without conflict.
   */
  mergedKeepingCurrent: BlockRef[];
  /** True when applying the amendment would leave the current text as it is. */
  changesNothing: boolean;
}

/** The hunks turning `base` into `side`. */
export function hunksOf(base: readonly string[], side: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let baseIndex = 0;
  let sideIndex = 0;
  let open: Hunk | undefined;
  for (const change of diffArrays([...base], [...side])) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      if (open !== undefined) hunks.push(open);
      open = undefined;
      baseIndex += count;
      sideIndex += count;
      continue;
    }
    open ??= { start: baseIndex, end: baseIndex, sideStart: sideIndex, sideEnd: sideIndex };
    if (change.removed) {
      baseIndex += count;
      open.end = baseIndex;
    } else {
      sideIndex += count;
      open.sideEnd = sideIndex;
    }
  }
  if (open !== undefined) hunks.push(open);
  // Blocks edited in place (as many replaced as replacing) are one hunk each: editing two
  // neighbouring paragraphs must not clash with someone else's edit of only one of them.
  return hunks.flatMap((hunk) =>
    hunk.end - hunk.start > 1 && hunk.end - hunk.start === hunk.sideEnd - hunk.sideStart
      ? Array.from({ length: hunk.end - hunk.start }, (_, i) => ({ start: hunk.start + i, end: hunk.start + i + 1, sideStart: hunk.sideStart + i, sideEnd: hunk.sideStart + i + 1 }))
      : [hunk],
  );
}

function overlaps(a: Hunk, b: Hunk): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  if (aInsert && bInsert) return a.start === b.start;
  if (aInsert) return b.start < a.start && a.start < b.end;
  if (bInsert) return a.start < b.start && b.start < a.end;
  return false;
}

const sameTexts = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((text, i) => text === b[i]);

/** Where a base position lands in the current text, given the hunks made since. */
function mapPosition(position: number, isEnd: boolean, currentHunks: readonly Hunk[]): number {
  let offset = 0;
  for (const hunk of currentHunks) {
    const before = hunk.end < position || (hunk.end === position && hunk.start < position) || (hunk.start === position && hunk.end === position && !isEnd);
    if (before) offset += hunk.sideEnd - hunk.sideStart - (hunk.end - hunk.start);
  }
  return position + offset;
}

function applyHunks(draftHunks: readonly Hunk[], currentHunks: readonly Hunk[], currentLength: number): BlockRef[] {
  const refs: BlockRef[] = Array.from({ length: currentLength }, (_, index) => ({ from: 'current', index }));
  for (const hunk of [...draftHunks].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const from = mapPosition(hunk.start, false, currentHunks);
    const to = mapPosition(hunk.end, true, currentHunks);
    const inserted: BlockRef[] = [];
    for (let index = hunk.sideStart; index < hunk.sideEnd; index++) inserted.push({ from: 'draft', index });
    refs.splice(from, Math.max(0, to - from), ...inserted);
  }
  return refs;
}

/** Merges the amendment (`draft`, written on `base`) onto the `current` text. */
export function rebase(base: readonly string[], draft: readonly string[], current: readonly string[]): RebaseResult {
  const draftHunks = hunksOf(base, draft);
  const currentHunks = hunksOf(base, current);
  const replacement = (hunk: Hunk, side: readonly string[]): string[] => side.slice(hunk.sideStart, hunk.sideEnd);
  const kept: Hunk[] = [];
  const conflicts: Conflict[] = [];
  for (const hunk of draftHunks) {
    const clashing = currentHunks.filter((other) => overlaps(hunk, other));
    // The same edit made on both sides is already in the current text.
    const alreadyMade = clashing.length === 1 && clashing[0]!.start === hunk.start && clashing[0]!.end === hunk.end && sameTexts(replacement(clashing[0]!, current), replacement(hunk, draft));
    if (alreadyMade) continue;
    if (clashing.length === 0) {
      kept.push(hunk);
      continue;
    }
    const start = Math.min(hunk.start, ...clashing.map((other) => other.start));
    const end = Math.max(hunk.end, ...clashing.map((other) => other.end));
    const currentFrom = mapPosition(start, false, currentHunks);
    const currentTo = mapPosition(end, true, currentHunks);
    conflicts.push({
      base: base.slice(start, end),
      amendment: [...base.slice(start, hunk.start), ...replacement(hunk, draft), ...base.slice(hunk.end, end)],
      current: current.slice(currentFrom, currentTo),
    });
  }
  const unchanged = currentHunks.length === 0;
  const mergedKeepingCurrent = applyHunks(kept, currentHunks, current.length);
  const merged = conflicts.length === 0 ? mergedKeepingCurrent : [];
  const resultTexts = mergedKeepingCurrent.map((ref) => (ref.from === 'draft' ? draft[ref.index] : current[ref.index]) ?? '');
  return {
    status: conflicts.length > 0 ? 'conflict' : unchanged ? 'unchanged' : 'rebased',
    merged,
    conflicts,
    mergedKeepingCurrent,
    changesNothing: conflicts.length === 0 && sameTexts(resultTexts, current),
  };
}

/** The texts (or blocks) a list of references names. */
export function resolveRefs<T>(refs: readonly BlockRef[], draft: readonly T[], current: readonly T[]): T[] {
  return refs.map((ref) => (ref.from === 'draft' ? draft : current)[ref.index]).filter((item): item is T => item !== undefined);
}
