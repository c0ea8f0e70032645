/**
 * Rich text compared block by block, then word by word. A "block" here is a line a reader sees:
 * a paragraph, a heading, one list item, one table row; lists and tables are opened up so that a
 * one-word change in a 40-row table shows one row with one word, not the whole table.
 *
 * Blocks are paired first by their Yjs identity (both versions come from the same document, so a
 * paragraph edited in place is the same item on both sides, wherever it moved), then, for what
 * was rewritten or restored as new items, by equal text, then by similar words within the same
 * gap. Only paired blocks whose text differs are run through the word diff: the rest is a string
 * comparison, which keeps a whole contract's comparison in milliseconds.
 */
import { diffArrays } from 'diff';
import * as Y from 'yjs';
import { diffWords } from '../amendments/diff';
import type { BlockChange, BlockKind, DiffRun } from './diff-types';

/** A readable line of rich text, with what is needed to compare it. */
export interface Leaf {
  /** Yjs identity ("client:clock"), or '' when the node has none. */
  id: string;
  kind: BlockKind;
  depth: number;
  text: string;
  /** Formatting and attributes (run lengths and marks, not the words): with equal text, equal keys mean nothing visible changed. */
  format: string;
}

function itemId(node: { _item: Y.Item | null }): string {
  const item = node._item;
  return item === null ? '' : `${item.id.client}:${item.id.clock}`;
}

/** Text and formatting of an element's inline content (text runs, line breaks). */
function inline(element: Y.XmlElement): { text: string; format: string } {
  let text = '';
  let format = `${element.nodeName}${JSON.stringify(element.getAttributes())}`;
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        text += op.insert;
        format += op.attributes === undefined ? `|${op.insert.length}` : `|${op.insert.length}${JSON.stringify(op.attributes)}`;
      }
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hard_break') {
        text += '\n';
        format += '|br';
      } else {
        // Not expected inside a text block; read its words anyway.
        const nested = inline(child);
        text += nested.text;
        format += `|${nested.format}`;
      }
    }
  }
  return { text, format };
}

function leafOf(element: Y.XmlElement, kind: BlockKind, depth: number): Leaf {
  return { id: itemId(element), kind, depth, ...inline(element) };
}

/** The readable lines of one top-level node (appended to `out`). */
export function leavesOf(node: Y.XmlElement | Y.XmlText, out: Leaf[], depth = 0, context: BlockKind = 'paragraph'): void {
  if (!(node instanceof Y.XmlElement)) return;
  switch (node.nodeName) {
    case 'paragraph':
      out.push(leafOf(node, context, depth));
      return;
    case 'heading':
      out.push(leafOf(node, 'heading', depth));
      return;
    case 'horizontal_rule':
      out.push({ id: itemId(node), kind: 'rule', depth, text: '', format: 'hr' });
      return;
    case 'bullet_list':
    case 'ordered_list':
      for (const item of node.toArray()) {
        if (!(item instanceof Y.XmlElement)) continue;
        for (const child of item.toArray()) {
          if (child instanceof Y.XmlElement && (child.nodeName === 'bullet_list' || child.nodeName === 'ordered_list')) leavesOf(child, out, depth + 1, 'item');
          else if (child instanceof Y.XmlElement) leavesOf(child, out, depth, 'item');
        }
      }
      return;
    case 'blockquote':
      for (const child of node.toArray()) if (child instanceof Y.XmlElement) leavesOf(child, out, depth, 'quote');
      return;
    case 'table':
      for (const row of node.toArray()) {
        if (!(row instanceof Y.XmlElement)) continue;
        const cells = row.toArray().filter((cell): cell is Y.XmlElement => cell instanceof Y.XmlElement);
        const read = cells.map((cell) => {
          const lines: Leaf[] = [];
          for (const child of cell.toArray()) if (child instanceof Y.XmlElement) leavesOf(child, lines, 0, 'paragraph');
          return { text: lines.map((line) => line.text).join(' '), format: `${cell.nodeName}${JSON.stringify(cell.getAttributes())}[${lines.map((line) => line.format).join(',')}]` };
        });
        out.push({ id: itemId(row), kind: 'row', depth, text: read.map((cell) => cell.text).join(' | '), format: read.map((cell) => cell.format).join('') });
      }
      return;
    default: {
      // An element this code does not know (a future node type): compare its words.
      const nested: Leaf[] = [];
      for (const child of node.toArray()) if (child instanceof Y.XmlElement) leavesOf(child, nested, depth, context);
      if (nested.length > 0) out.push(...nested);
      else out.push({ ...leafOf(node, 'other', depth) });
    }
  }
}

/** Every readable line of a fragment (or of some of its top-level nodes). */
export function fragmentLeaves(nodes: readonly (Y.XmlElement | Y.XmlText)[]): Leaf[] {
  const out: Leaf[] = [];
  for (const node of nodes) leavesOf(node, out);
  return out;
}

// ---- Similarity -------------------------------------------------------------------------------

const wordPattern = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased, counted. */
export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const match of text.toLowerCase().matchAll(wordPattern)) bag.set(match[0], (bag.get(match[0]) ?? 0) + 1);
  return bag;
}

const bagSize = (bag: Map<string, number>): number => {
  let size = 0;
  for (const count of bag.values()) size += count;
  return size;
};

/** Dice coefficient of two word bags: 1 = the same words, 0 = none in common. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  const total = bagSize(a) + bagSize(b);
  if (total === 0) return 1;
  let common = 0;
  for (const [word, count] of a) common += Math.min(count, b.get(word) ?? 0);
  return (2 * common) / total;
}

/** Largest gap paired by similarity (removed × added); beyond, blocks are paired by position. */
const maxPairingCells = 4_000;

/**
 * Pairs items of two lists in order, maximising the summed similarity of pairs whose similarity
 * reaches `threshold` (a weighted longest common subsequence). Returns pairs of indices.
 */
export function pairBySimilarity(count: { before: number; after: number }, score: (i: number, j: number) => number, threshold: number): [number, number][] {
  const { before: n, after: m } = count;
  if (n === 0 || m === 0) return [];
  if (n * m > maxPairingCells) {
    const pairs: [number, number][] = [];
    for (let k = 0; k < Math.min(n, m); k++) if (score(k, k) >= threshold) pairs.push([k, k]);
    return pairs;
  }
  const scores: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => score(i, j)));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = scores[i - 1]![j - 1]!;
      const paired = s >= threshold ? best[i - 1]![j - 1]! + s : -1;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, paired);
    }
  }
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const s = scores[i - 1]![j - 1]!;
    if (s >= threshold && best[i]![j] === best[i - 1]![j - 1]! + s) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  return pairs.reverse();
}

// ---- Alignment --------------------------------------------------------------------------------

/** One step of an alignment: a pair, a block only before, or only after. */
export type Step<T> = { before: T; after: T } | { before: T; after?: undefined } | { before?: undefined; after: T };

/**
 * Walks a `diffArrays` result as gaps and common runs: `gap(removed, added)` for everything
 * between two common runs (whatever order jsdiff reports removals and additions in), then
 * `common(before, after)` for each common item.
 */
function walk<T>(before: readonly T[], after: readonly T[], changes: ReturnType<typeof diffArrays<string>>, gap: (removed: T[], added: T[]) => void, common: (a: T, b: T) => void): void {
  let i = 0;
  let j = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) gap(removed, added);
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      removed.push(...before.slice(i, i + count));
      i += count;
    } else if (change.added) {
      added.push(...after.slice(j, j + count));
      j += count;
    } else {
      flush();
      for (let k = 0; k < count; k++) common(before[i++]!, after[j++]!);
    }
  }
  flush();
}

/**
 * Aligns two lists in order: equal identities first (an LCS of ids), then, inside each gap,
 * equal keys, then similar items (`score` ≥ `threshold`).
 */
export function align<T>(
  before: readonly T[],
  after: readonly T[],
  identity: (item: T) => string,
  key: (item: T) => string,
  score: (a: T, b: T) => number,
  threshold: number,
): Step<T>[] {
  const steps: Step<T>[] = [];
  const pair = (a: T, b: T): void => void steps.push({ before: a, after: b });
  const similar = (gapBefore: T[], gapAfter: T[]): void => {
    const pairs = pairBySimilarity({ before: gapBefore.length, after: gapAfter.length }, (a, b) => score(gapBefore[a]!, gapAfter[b]!), threshold);
    let a = 0;
    let b = 0;
    for (const [pa, pb] of pairs) {
      while (a < pa) steps.push({ before: gapBefore[a++]! });
      while (b < pb) steps.push({ after: gapAfter[b++]! });
      steps.push({ before: gapBefore[a++]!, after: gapAfter[b++]! });
    }
    while (a < gapBefore.length) steps.push({ before: gapBefore[a++]! });
    while (b < gapAfter.length) steps.push({ after: gapAfter[b++]! });
  };
  const byKeyThenSimilarity = (removed: T[], added: T[]): void => {
    if (removed.length === 0 || added.length === 0) return similar(removed, added);
    walk(removed, added, diffArrays(removed.map(key), added.map(key)), similar, pair);
  };
  // Items without identity never pair by it.
  const comparator = (a: string, b: string): boolean => a !== '' && a === b;
  walk(before, after, diffArrays(before.map(identity), after.map(identity), { comparator }), byKeyThenSimilarity, pair);
  return steps;
}

const leafSimilarity = (a: Leaf, b: Leaf): number => (a.text === b.text ? 1 : similarity(wordBag(a.text), wordBag(b.text)));

/** Two blocks are shown as one changed block when at least this share of their words is common. */
const pairingThreshold = 0.4;

const whole = (kind: 'insert' | 'delete' | 'equal', text: string): DiffRun[] => (text === '' ? [] : [{ kind, text }]);

/** Unchanged blocks shown around a change, for context. */
const contextBlocks = 1;

/**
 * The block-by-block comparison of two lists of lines. Unchanged blocks farther than one block
 * from a change are folded into `skipped` counts; all-unchanged gives one `skipped` (or nothing).
 */
export function diffLeaves(before: readonly Leaf[], after: readonly Leaf[]): BlockChange[] {
  const full: BlockChange[] = [];
  for (const step of align(before, after, (leaf) => leaf.id, (leaf) => `${leaf.text}\u0000${leaf.format}`, leafSimilarity, pairingThreshold)) {
    if (step.before !== undefined && step.after !== undefined) {
      const { before: a, after: b } = step;
      const base = { kind: b.kind, depth: b.depth };
      if (a.text === b.text && a.format === b.format && a.kind === b.kind) full.push({ status: 'equal', ...base, runs: whole('equal', b.text) });
      else if (a.text === b.text) full.push({ status: 'formatted', ...base, runs: whole('equal', b.text) });
      else full.push({ status: 'changed', ...base, runs: wordRuns(a.text, b.text) });
    } else if (step.before !== undefined) {
      full.push({ status: 'deleted', kind: step.before.kind, depth: step.before.depth, runs: whole('delete', step.before.text) });
    } else {
      full.push({ status: 'inserted', kind: step.after.kind, depth: step.after.depth, runs: whole('insert', step.after.text) });
    }
  }
  return foldUnchanged(full);
}

/** Keeps changes and `contextBlocks` unchanged blocks around each; the rest become counts. */
export function foldUnchanged(blocks: readonly BlockChange[]): BlockChange[] {
  const keep = blocks.map((block) => block.status !== 'equal');
  if (!keep.includes(true)) return blocks.length === 0 ? [] : [{ status: 'skipped', count: blocks.length }];
  const shown = keep.map((_, index) => {
    for (let k = Math.max(0, index - contextBlocks); k <= Math.min(blocks.length - 1, index + contextBlocks); k++) if (keep[k]) return true;
    return false;
  });
  const folded: BlockChange[] = [];
  let skipped = 0;
  blocks.forEach((block, index) => {
    if (shown[index]) {
      if (skipped > 0) folded.push({ status: 'skipped', count: skipped });
      skipped = 0;
      folded.push(block);
    } else skipped++;
  });
  if (skipped > 0) folded.push({ status: 'skipped', count: skipped });
  return folded;
}

/** True when a block comparison holds a change. */
export const hasChange = (blocks: readonly BlockChange[]): boolean => blocks.some((block) => block.status !== 'equal' && block.status !== 'skipped');

/**
 * Word runs, made readable: changes separated only by spaces are grouped ("mutations
 * environnementales" → "transitions écologiques" reads as one replacement, not four words
 * alternating), deletions before insertions.
 */
export function wordRuns(before: string, after: string): DiffRun[] {
  const runs = diffWords(before, after);
  const out: DiffRun[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted !== '') out.push({ kind: 'delete', text: deleted });
    if (inserted !== '') out.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  runs.forEach((run, index) => {
    if (run.kind === 'delete') deleted += run.text;
    else if (run.kind === 'insert') inserted += run.text;
    else if (/^\s+$/.test(run.text) && deleted !== '' && inserted !== '' && index + 1 < runs.length && runs[index + 1]!.kind !== 'equal') {
      // A space between two replacements belongs to both sides of one larger replacement.
      deleted += run.text;
      inserted += run.text;
    } else {
      flush();
      out.push({ ...run });
    }
  });
  flush();
  return out;
}

/** Word runs between two short texts (titles, headings): one equal run when they match. */
export function textRuns(before: string | null, after: string | null): DiffRun[] {
  if (before === after) return whole('equal', after ?? '');
  if (before === null) return whole('insert', after ?? '');
  if (after === null) return whole('delete', before);
  return wordRuns(before, after);
}
