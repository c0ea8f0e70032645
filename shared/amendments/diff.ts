/**
 * The word-level diff shown to everyone: blocks (paragraphs, list items…) are matched in order
 * first, then each changed block is compared word by word (jsdiff's `diffWordsWithSpace`, so that
 * spaces and line breaks are kept as written). Pure; the result is rendered as `<ins>`/`<del>`.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';

export type RunKind = 'equal' | 'insert' | 'delete';
export interface DiffRun {
  kind: RunKind;
  text: string;
}

/** One block of the comparison: kept as it was, changed inside, added or removed whole. */
export interface DiffBlock {
  status: 'equal' | 'changed' | 'inserted' | 'deleted';
  runs: DiffRun[];
}

/** Word-level runs between two texts (adjacent runs of one kind merged). */
export function diffWords(before: string, after: string): DiffRun[] {
  const runs: DiffRun[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const kind: RunKind = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = runs[runs.length - 1];
    if (last !== undefined && last.kind === kind) last.text += change.value;
    else if (change.value !== '') runs.push({ kind, text: change.value });
  }
  return runs;
}

/**
 * Compares two lists of block texts. Blocks are matched in order (unchanged ones by equality);
 * a run of removed blocks facing a run of added ones is paired block by block and compared word
 * by word, the surplus shown as removed or added whole.
 */
export function diffBlocks(before: readonly string[], after: readonly string[]): DiffBlock[] {
  const result: DiffBlock[] = [];
  let removed: string[] = [];
  const flush = (added: string[]): void => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) result.push({ status: 'changed', runs: diffWords(removed[i]!, added[i]!) });
    for (const text of removed.slice(paired)) result.push({ status: 'deleted', runs: text === '' ? [] : [{ kind: 'delete', text }] });
    for (const text of added.slice(paired)) result.push({ status: 'inserted', runs: text === '' ? [] : [{ kind: 'insert', text }] });
    removed = [];
  };
  for (const change of diffArrays([...before], [...after])) {
    if (change.removed) {
      removed.push(...change.value);
    } else if (change.added) {
      flush(change.value);
    } else {
      flush([]);
      for (const text of change.value) result.push({ status: 'equal', runs: text === '' ? [] : [{ kind: 'equal', text }] });
    }
  }
  flush([]);
  return result;
}

/** True when the comparison shows no change at all. */
export const isUnchanged = (blocks: readonly DiffBlock[]): boolean => blocks.every((block) => block.status === 'equal');

/** The text before (`delete` + `equal` runs) or after (`insert` + `equal`), to check a diff. */
export function sideOf(blocks: readonly DiffBlock[], side: 'before' | 'after'): string[] {
  const skip: RunKind = side === 'before' ? 'insert' : 'delete';
  return blocks
    .filter((block) => block.status !== (side === 'before' ? 'inserted' : 'deleted'))
    .map((block) => block.runs.filter((run) => run.kind !== skip).map((run) => run.text).join(''));
}
