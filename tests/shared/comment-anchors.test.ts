/**
 * Comment anchors under concurrent editing. Property-style: a seeded generator plays random
 * inserts, deletions, formatting and paragraph removals on 2–3 replicas, in and around an
 * anchored passage, syncing pairs at random; after a full sync every replica must agree, and the
 * anchor must still cover exactly the passage's surviving characters (plus what was typed inside
 * it), nothing that was outside it, or be reported deleted when all of it is gone.
 *
 * Every character of the documents is a distinct code point, so "the same words" is checked by
 * identity, not by spelling.
 */
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { checkAnchor, createAnchor, layoutOf, plainText, resolveAnchor, textBetween, type FragmentLayout } from '../../shared/comments/anchors';
import { contractSchema } from '../../shared/contract-schema';
import { sheetRichText } from '../../shared/programme/layout';
import { addAxis, addSheet, emptySheetPlan } from '../../shared/programme/edit';

/** mulberry32: a small seeded generator, so that a failing seed can be replayed. */
function generator(seed: number): { next: () => number; int: (max: number) => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)] as (typeof items)[number] };
}

/** Hands out characters never used before (CJK block: no letter, space or separator among them). */
function characters(): (count: number) => string {
  let code = 0x4e00;
  return (count) => Array.from({ length: count }, () => String.fromCodePoint(code++)).join('');
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const fragmentOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment('contract');

/** A contract-like text: a heading, paragraphs with bold and a hard break, a list. */
function seedDocument(fresh: (count: number) => string): Y.Doc {
  const doc = new Y.Doc();
  const text = (count: number, marks?: { type: string }[]) => ({ type: 'text', text: fresh(count), ...(marks === undefined ? {} : { marks }) });
  prosemirrorJSONToYXmlFragment(
    contractSchema,
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text(8)] },
        { type: 'paragraph', content: [text(12), text(6, [{ type: 'strong' }]), text(10)] },
        { type: 'paragraph', content: [text(9), { type: 'hard_break' }, text(9)] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [text(11)] }] }] },
        { type: 'paragraph', content: [text(14)] },
      ],
    },
    fragmentOf(doc),
  );
  return doc;
}

/** Where each character is, by ProseMirror position. */
function positionsOfCharacters(layout: FragmentLayout): Map<string, number> {
  const positions = new Map<string, number>();
  for (const node of layout.texts) {
    [...plainText(node.type)].forEach((char, index) => positions.set(char, node.start + index));
  }
  return positions;
}

interface Run {
  anchored: string[];
  outside: Set<string>;
  /** Characters typed during the run, and whether they were typed strictly inside the passage (as the typing replica saw it). */
  typed: Map<string, boolean>;
  anchor: { start: string; end: string };
}

function randomEdit(doc: Y.Doc, run: Run, rng: ReturnType<typeof generator>, fresh: (count: number) => string): void {
  const fragment = fragmentOf(doc);
  const layout = layoutOf(fragment);
  const nonEmpty = layout.texts.filter((node) => node.end > node.start);
  if (nonEmpty.length === 0) return;
  const here = resolveAnchor(layout, run.anchor);
  // Half of the edits land in or right around the passage.
  const near = here.kind === 'range' && rng.next() < 0.6;
  const target = near
    ? (layout.texts.find((node) => node.start <= here.from + rng.int(here.to - here.from + 1) && here.from <= node.end) ?? rng.pick(nonEmpty))
    : rng.pick(nonEmpty);
  const lo = near ? Math.max(target.start, here.from - 2) : target.start;
  const hi = near ? Math.min(target.end, here.to + 2) : target.end;
  const pos = lo + rng.int(Math.max(1, hi - lo + 1));
  const index = Math.min(Math.max(0, pos - target.start), target.type.length);
  const roll = rng.next();
  if (roll < 0.5) {
    const chars = fresh(1 + rng.int(3));
    const at = target.start + index;
    const inside = here.kind === 'range' && here.from < at && at < here.to;
    for (const char of chars) run.typed.set(char, inside);
    target.type.insert(index, chars, rng.next() < 0.3 ? { em: {} } : undefined);
  } else if (roll < 0.85) {
    const length = Math.min(1 + rng.int(4), target.type.length - index);
    if (length > 0) target.type.delete(index, length);
  } else if (roll < 0.95) {
    const length = Math.min(1 + rng.int(5), target.type.length - index);
    if (length > 0) target.type.format(index, length, { strong: rng.next() < 0.5 ? {} : null });
  } else if (fragment.length > 2) {
    // Rarely, a whole block goes (its words with it).
    fragment.delete(1 + rng.int(fragment.length - 1), 1);
  }
}

function play(seed: number, replicas: number, rounds: number): void {
  const rng = generator(seed);
  const fresh = characters();
  const first = seedDocument(fresh);
  const docs = [first, ...Array.from({ length: replicas - 1 }, () => new Y.Doc())];
  for (const doc of docs.slice(1)) sync(first, doc);

  // The passage: inside one text, or across two blocks.
  const layout = layoutOf(fragmentOf(first));
  const texts = layout.texts.filter((node) => node.end - node.start >= 2);
  const startNode = rng.pick(texts);
  const from = startNode.start + rng.int(startNode.end - startNode.start - 1);
  const acrossBlocks = rng.next() < 0.3 && texts.indexOf(startNode) < texts.length - 1;
  const endNode = acrossBlocks ? (texts[texts.indexOf(startNode) + 1] ?? startNode) : startNode;
  const to = acrossBlocks ? endNode.start + 1 + rng.int(endNode.end - endNode.start - 1) : from + 1 + rng.int(startNode.end - from - 1) + 0;
  const created = createAnchor(fragmentOf(first), from, Math.max(to, from + 1));
  expect(created, `seed ${seed}: anchor created`).toBeDefined();
  if (created === undefined) return;
  const anchored = [...created.quote].filter((char) => char !== ' ' && char !== '\n');
  const all = [...positionsOfCharacters(layout).keys()];
  const run: Run = { anchored, outside: new Set(all.filter((char) => !anchored.includes(char))), typed: new Map(), anchor: created };

  for (let round = 0; round < rounds; round++) {
    for (const doc of docs) {
      const edits = rng.int(3);
      for (let i = 0; i < edits; i++) randomEdit(doc, run, rng, fresh);
    }
    if (rng.next() < 0.5) {
      const a = rng.int(replicas);
      const b = rng.int(replicas);
      if (a !== b) sync(docs[a] as Y.Doc, docs[b] as Y.Doc);
    }
  }
  for (let pass = 0; pass < 2; pass++) for (let i = 1; i < replicas; i++) sync(docs[0] as Y.Doc, docs[i] as Y.Doc);

  const results = docs.map((doc) => {
    const finalLayout = layoutOf(fragmentOf(doc));
    return { layout: finalLayout, resolved: resolveAnchor(finalLayout, run.anchor) };
  });
  const reference = results[0]!;
  for (const other of results.slice(1)) expect(other.resolved, `seed ${seed}: replicas agree`).toEqual(reference.resolved);

  const positions = positionsOfCharacters(reference.layout);
  const surviving = run.anchored.filter((char) => positions.has(char));
  const { resolved } = reference;
  const context = `seed ${seed}, ${replicas} replicas`;
  if (surviving.length > 0) {
    expect(resolved.kind, `${context}: surviving words keep their anchor`).toBe('range');
  }
  if (resolved.kind === 'invalid') throw new Error(`${context}: anchor became invalid`);
  if (resolved.kind === 'deleted') {
    expect(surviving, `${context}: deleted only when no word is left`).toEqual([]);
    return;
  }
  const inRange = [...positions].filter(([, pos]) => resolved.from <= pos && pos < resolved.to).map(([char]) => char);
  // Every surviving word of the passage is covered, in its order…
  expect(inRange.filter((char) => run.anchored.includes(char)), `${context}: same words`).toEqual(surviving);
  // …and nothing that was outside the passage.
  expect(inRange.filter((char) => run.outside.has(char)), `${context}: nothing from outside`).toEqual([]);
  // While both ends of the passage live, text typed inside is in, text typed next to it is out.
  const [firstChar, lastChar] = [run.anchored[0], run.anchored.at(-1)];
  if (firstChar !== undefined && lastChar !== undefined && positions.has(firstChar) && positions.has(lastChar)) {
    const typedIn = inRange.filter((char) => run.typed.has(char)).sort();
    const typedInside = [...run.typed].filter(([char, inside]) => inside && positions.has(char)).map(([char]) => char).sort();
    expect(typedIn, `${context}: typed inside ⇔ in the passage`).toEqual(typedInside);
  }
}

describe('comment anchors (property-style, seeded)', () => {
  it('positions match ProseMirror’s, character by character', () => {
    const doc = seedDocument(characters());
    const fragment = fragmentOf(doc);
    const layout = layoutOf(fragment);
    const pmDoc = yXmlFragmentToProseMirrorRootNode(fragment, contractSchema);
    expect(layout.size).toBe(pmDoc.content.size);
    for (const [char, pos] of positionsOfCharacters(layout)) expect(pmDoc.textBetween(pos, pos + 1)).toBe(char);
  });

  it('keeps the same words through random concurrent edits on 2 replicas', () => {
    for (let seed = 1; seed <= 150; seed++) play(seed, 2, 12);
  });

  it('keeps the same words through random concurrent edits on 3 replicas', () => {
    for (let seed = 1000; seed <= 1150; seed++) play(seed, 3, 15);
  });
});

describe('comment anchors (examples)', () => {
  const paragraphs = (...texts: string[]): Y.Doc => {
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(contractSchema, { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }, fragmentOf(doc));
    return doc;
  };
  const textOf = (doc: Y.Doc, anchor: { start: string; end: string }): string | 'deleted' => {
    const layout = layoutOf(fragmentOf(doc));
    const resolved = resolveAnchor(layout, anchor);
    return resolved.kind === 'range' ? textBetween(layout, resolved.from, resolved.to) : resolved.kind;
  };

  it('text typed right before or after the passage stays outside; typed inside, it belongs', () => {
    const doc = paragraphs('Le réseau soutient les coopératives.');
    const text = (fragmentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const from = 1 + 'Le réseau soutient '.length;
    const anchor = createAnchor(fragmentOf(doc), from, from + 'les coopératives'.length)!;
    expect(anchor.quote).toBe('les coopératives');
    text.insert('Le réseau soutient '.length, 'toutes ');
    text.insert('Le réseau soutient toutes les coopératives'.length, ' locales');
    expect(textOf(doc, anchor)).toBe('les coopératives');
    text.insert('Le réseau soutient toutes les '.length, 'jeunes ');
    expect(textOf(doc, anchor)).toBe('les jeunes coopératives');
  });

  it('reports a passage deleted when all its text is gone, and when its paragraph is gone', () => {
    const doc = paragraphs('Premier paragraphe.', 'Second paragraphe.');
    const anchor = createAnchor(fragmentOf(doc), 1, 1 + 'Premier'.length)!;
    const text = (fragmentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(0, 'Premier'.length);
    expect(textOf(doc, anchor)).toBe('deleted');

    const other = createAnchor(fragmentOf(doc), 22, 28)!;
    expect(textOf(doc, other)).toBe('paragr');
    fragmentOf(doc).delete(1, 1);
    expect(textOf(doc, other)).toBe('deleted');
  });

  it('refuses anchors that are not positions of this rich text', () => {
    const doc = paragraphs('Un texte.');
    const valid = createAnchor(fragmentOf(doc), 1, 4)!;
    expect(checkAnchor(fragmentOf(doc), valid)?.text).toBe('Un ');
    expect(checkAnchor(fragmentOf(doc), { start: 'pas du base64 !', end: valid.end })).toBeUndefined();
    expect(checkAnchor(fragmentOf(doc), { start: 'AAAA', end: 'AAAA' })).toBeUndefined();
    // Positions of another document (unknown client ids).
    const elsewhere = paragraphs('Un autre texte.');
    expect(checkAnchor(fragmentOf(doc), createAnchor(fragmentOf(elsewhere), 1, 4)!)).toBeUndefined();
    // Positions of another rich text of the same document (an action sheet's goals).
    const axisId = addAxis(doc, { title: 'Axe', aim: '' });
    const sheetId = addSheet(doc, axisId, { ...emptySheetPlan(), title: 'Fiche', goals: ['Des objectifs.'] });
    const goals = sheetRichText(doc, sheetId, 'goals')!;
    const inGoals = createAnchor(goals, 1, 4)!;
    expect(checkAnchor(goals, inGoals)?.text).toBe('Des');
    expect(checkAnchor(fragmentOf(doc), inGoals)).toBeUndefined();
    // Empty or reversed ranges make no anchor.
    expect(createAnchor(fragmentOf(doc), 4, 4)).toBeUndefined();
    expect(createAnchor(fragmentOf(doc), 4, 1)).toBeUndefined();
  });
});
