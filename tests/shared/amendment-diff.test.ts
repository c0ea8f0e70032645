/** The word-level diff of amendments: blocks matched in order, words compared inside changed blocks. */
import { describe, expect, it } from 'vitest';
import { diffBlocks, diffWords, isUnchanged, sideOf } from '../../shared/amendments/diff';

describe('diffWords', () => {
  it('marks the replaced word as deleted then inserted, and keeps the rest equal', () => {
    expect(diffWords('La CRESS anime le réseau.', 'La CRESS coordonne le réseau.')).toEqual([
      { kind: 'equal', text: 'La CRESS ' },
      { kind: 'delete', text: 'anime' },
      { kind: 'insert', text: 'coordonne' },
      { kind: 'equal', text: ' le réseau.' },
    ]);
  });

  it('gives only equal runs for identical texts and only an insertion from nothing', () => {
    expect(diffWords('même texte', 'même texte')).toEqual([{ kind: 'equal', text: 'même texte' }]);
    expect(diffWords('', 'nouveau')).toEqual([{ kind: 'insert', text: 'nouveau' }]);
  });
});

describe('diffBlocks', () => {
  it('matches unchanged paragraphs in order and compares the changed one word by word', () => {
    const blocks = diffBlocks(['Premier.', 'Deuxième paragraphe ici.', 'Troisième.'], ['Premier.', 'Deuxième paragraphe là.', 'Troisième.']);
    expect(blocks.map((block) => block.status)).toEqual(['equal', 'changed', 'equal']);
    expect(blocks[1]?.runs).toEqual([
      { kind: 'equal', text: 'Deuxième paragraphe ' },
      { kind: 'delete', text: 'ici' },
      { kind: 'insert', text: 'là' },
      { kind: 'equal', text: '.' },
    ]);
  });

  it('shows added and removed paragraphs whole', () => {
    const blocks = diffBlocks(['A.', 'B.', 'C.'], ['A.', 'C.', 'D.']);
    expect(blocks).toEqual([
      { status: 'equal', runs: [{ kind: 'equal', text: 'A.' }] },
      { status: 'deleted', runs: [{ kind: 'delete', text: 'B.' }] },
      { status: 'equal', runs: [{ kind: 'equal', text: 'C.' }] },
      { status: 'inserted', runs: [{ kind: 'insert', text: 'D.' }] },
    ]);
  });

  it('always rebuilds both sides exactly (random edits)', () => {
    const words = ['ESS', 'emploi', 'réseau', 'coopération', 'territoire', 'innovation', ' ', ', '];
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const paragraph = (): string => Array.from({ length: 1 + random(8) }, () => words[random(words.length)]).join(' ');
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: random(6) }, paragraph);
      const after = before.map((text) => (random(3) === 0 ? paragraph() : text));
      if (random(2) === 0) after.splice(random(after.length + 1), 0, paragraph());
      if (random(2) === 0 && after.length > 0) after.splice(random(after.length), 1);
      const blocks = diffBlocks(before, after);
      expect(sideOf(blocks, 'before')).toEqual(before);
      expect(sideOf(blocks, 'after')).toEqual(after);
      expect(isUnchanged(blocks)).toBe(before.join('\u0000') === after.join('\u0000') && before.length === after.length);
    }
  });
});
