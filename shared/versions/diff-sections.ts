/**
 * The contract's text compared section by section. Sections start at headings (h1-h3); the text
 * before the first heading is the preamble. A section's own blocks run up to the next heading of
 * any level: its subsections are listed after it as sections of their own (with their parents'
 * headings), so each paragraph is counted once, in the section a reader would look for it.
 *
 * Sections of both sides are paired by their heading's identity (the same heading, renamed or
 * not), then by heading text, then, between two paired sections, by position when their words
 * are close enough (a renamed heading restored as a new block). Paired sections that no longer
 * come in the same order are marked `moved`.
 */
import * as Y from 'yjs';
import { contractFragmentName } from '../document-names';
import { diffLeaves, fragmentLeaves, hasChange, pairBySimilarity, similarity, textRuns, wordBag, type Leaf } from './diff-blocks';
import type { SectionDiff } from './diff-types';

interface Section {
  index: number;
  /** Heading identity, '' for the preamble. */
  id: string;
  heading: string | null;
  level: number;
  /** Heading formatting (level and marks), to notice a heading changed only in form. */
  headingFormat: string;
  parents: string[];
  leaves: Leaf[];
  /** Heading then body, lower-cased words: for pairing renamed sections. */
  bag?: Map<string, number>;
  text: string;
}

function splitSections(doc: Y.Doc): Section[] {
  const fragment = doc.getXmlFragment(contractFragmentName);
  const sections: Section[] = [];
  const stack: { level: number; heading: string }[] = [];
  let current: Section | undefined;
  let nodes: (Y.XmlElement | Y.XmlText)[] = [];
  const close = (): void => {
    if (current === undefined) {
      if (nodes.length === 0) return;
      current = { index: 0, id: '', heading: null, level: 0, headingFormat: '', parents: [], leaves: [], text: '' };
    }
    current.leaves = fragmentLeaves(nodes);
    current.text = current.leaves.map((leaf) => leaf.text).join('\n');
    current.index = sections.length;
    sections.push(current);
  };
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement || node instanceof Y.XmlText)) continue;
    if (node instanceof Y.XmlElement && node.nodeName === 'heading') {
      close();
      const [leaf] = fragmentLeaves([node]);
      const levelValue = Number(node.getAttribute('level'));
      const level = Number.isInteger(levelValue) && levelValue > 0 ? levelValue : 1;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      const heading = leaf?.text ?? '';
      current = { index: 0, id: leaf?.id ?? '', heading, level, headingFormat: leaf?.format ?? '', parents: stack.map((entry) => entry.heading), leaves: [], text: '' };
      stack.push({ level, heading });
      nodes = [];
    } else nodes.push(node);
  }
  close();
  return sections;
}

const normalise = (heading: string | null): string => (heading === null ? '\u0000preamble' : heading.replace(/\s+/g, ' ').trim().toLowerCase());

function bagOf(section: Section): Map<string, number> {
  section.bag ??= wordBag(`${section.heading ?? ''}\n${section.text}`);
  return section.bag;
}

/** Sections whose words are this close are the same section renamed. */
const renamedThreshold = 0.3;

function sectionScore(a: Section, b: Section): number {
  if ((a.heading === null) !== (b.heading === null)) return 0;
  return similarity(bagOf(a), bagOf(b));
}

/**
 * Pairs sections: by heading identity, then by heading text (both wherever they now are), then,
 * between two sections that stayed in order, by similar words (renamed and rewritten).
 * Returns after → before.
 */
function pairSections(before: Section[], after: Section[]): Map<Section, Section> {
  const pairs = new Map<Section, Section>();
  const taken = new Set<Section>();
  const match = (keyOf: (section: Section) => string): void => {
    const waiting = new Map<string, Section[]>();
    for (const section of before) {
      if (taken.has(section)) continue;
      const key = keyOf(section);
      if (key !== '') waiting.set(key, [...(waiting.get(key) ?? []), section]);
    }
    for (const section of after) {
      if (pairs.has(section)) continue;
      const candidate = waiting.get(keyOf(section))?.shift();
      if (candidate !== undefined) {
        pairs.set(section, candidate);
        taken.add(candidate);
      }
    }
  };
  match((section) => (section.heading === null ? 'preamble' : section.id));
  match((section) => normalise(section.heading));

  // Anchors: the pairs that kept their order. A left-over section of each side sits in the gap
  // numbered by how many anchors precede it; only sections of the same gap may pair.
  const paired = after.filter((section) => pairs.has(section));
  const still = longestIncreasing(paired.map((section) => pairs.get(section)!.index));
  const anchors = paired.filter((_, index) => still.has(index));
  const gapOf = (index: number, side: 'before' | 'after'): number => anchors.filter((anchor) => (side === 'after' ? anchor.index : pairs.get(anchor)!.index) < index).length;
  const gaps = new Map<number, { before: Section[]; after: Section[] }>();
  const gap = (number: number): { before: Section[]; after: Section[] } => {
    let entry = gaps.get(number);
    if (entry === undefined) gaps.set(number, (entry = { before: [], after: [] }));
    return entry;
  };
  for (const section of before) if (!taken.has(section)) gap(gapOf(section.index, 'before')).before.push(section);
  for (const section of after) if (!pairs.has(section)) gap(gapOf(section.index, 'after')).after.push(section);
  for (const { before: left, after: right } of gaps.values()) {
    for (const [i, j] of pairBySimilarity({ before: left.length, after: right.length }, (a, b) => sectionScore(left[a]!, right[b]!), renamedThreshold)) {
      pairs.set(right[j]!, left[i]!);
    }
  }
  return pairs;
}

/** Indices of the longest increasing subsequence (the pairs that did not move). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index !== -1; index = previous[index]!) kept.add(index);
  return kept;
}

function compare(before: Section, after: Section, moved: boolean): SectionDiff {
  const blocks = diffLeaves(before.leaves, after.leaves);
  const headingChanged = before.heading !== after.heading || before.headingFormat !== after.headingFormat;
  const changed = headingChanged || hasChange(blocks);
  return {
    status: changed ? 'changed' : 'unchanged',
    level: after.level,
    before: { heading: before.heading, index: before.index, parents: before.parents },
    after: { heading: after.heading, index: after.index, parents: after.parents },
    heading: textRuns(before.heading, after.heading),
    moved,
    blocks: changed ? blocks : [],
  };
}

function alone(section: Section, side: 'before' | 'after'): SectionDiff {
  const runs = section.leaves.map((leaf) => ({ leaf, runs: leaf.text === '' ? [] : [{ kind: side === 'before' ? ('delete' as const) : ('insert' as const), text: leaf.text }] }));
  return {
    status: side === 'before' ? 'removed' : 'added',
    level: section.level,
    before: side === 'before' ? { heading: section.heading, index: section.index, parents: section.parents } : null,
    after: side === 'after' ? { heading: section.heading, index: section.index, parents: section.parents } : null,
    heading: textRuns(side === 'before' ? section.heading : null, side === 'after' ? section.heading : null),
    moved: false,
    blocks: runs.map(({ leaf, runs: r }) => ({ status: side === 'before' ? 'deleted' : 'inserted', kind: leaf.kind, depth: leaf.depth, runs: r })),
  };
}

/** The contract's text, section by section: in the after side's order, removed sections where they were. */
export function diffSections(beforeDoc: Y.Doc, afterDoc: Y.Doc): SectionDiff[] {
  const before = splitSections(beforeDoc);
  const after = splitSections(afterDoc);
  const pairs = pairSections(before, after);
  const pairedAfter = after.filter((section) => pairs.has(section));
  const still = longestIncreasing(pairedAfter.map((section) => pairs.get(section)!.index));
  const movedSections = new Set(pairedAfter.filter((_, index) => !still.has(index)));
  const pairedBefore = new Set(pairs.values());

  const result: SectionDiff[] = [];
  let nextBefore = 0;
  const emitRemovedUpTo = (limit: number): void => {
    for (; nextBefore < limit; nextBefore++) {
      const section = before[nextBefore]!;
      if (!pairedBefore.has(section)) result.push(alone(section, 'before'));
    }
  };
  for (const section of after) {
    const match = pairs.get(section);
    if (match === undefined) {
      result.push(alone(section, 'after'));
      continue;
    }
    const moved = movedSections.has(section);
    if (!moved) emitRemovedUpTo(match.index + 1);
    result.push(compare(match, section, moved));
  }
  emitRemovedUpTo(before.length);
  return result;
}
