/** Rebasing an amendment: applied directly, merged onto disjoint changes, or a conflict shown. */
import { describe, expect, it } from 'vitest';
import { hunksOf, rebase, resolveRefs } from '../../shared/amendments/rebase';

const apply = (base: string[], draft: string[], current: string[]): string[] => resolveRefs(rebase(base, draft, current).merged, draft, current);

describe('hunksOf', () => {
  it('finds replaced, inserted and removed blocks in base coordinates', () => {
    expect(hunksOf(['a', 'b', 'c'], ['a', 'B', 'c', 'd'])).toEqual([
      { start: 1, end: 2, sideStart: 1, sideEnd: 2 },
      { start: 3, end: 3, sideStart: 3, sideEnd: 4 },
    ]);
    expect(hunksOf(['a', 'b'], ['b'])).toEqual([{ start: 0, end: 1, sideStart: 0, sideEnd: 0 }]);
  });
});

describe('rebase', () => {
  const base = ['Intro.', 'Deuxième.', 'Troisième.', 'Conclusion.'];

  it('applies directly when the target has not changed', () => {
    const draft = ['Intro.', 'Deuxième, amendé.', 'Troisième.', 'Conclusion.'];
    const result = rebase(base, draft, base);
    expect(result.status).toBe('unchanged');
    expect(apply(base, draft, base)).toEqual(draft);
    expect(result.changesNothing).toBe(false);
  });

  it('merges onto changes made since when they touch other blocks', () => {
    const draft = ['Intro.', 'Deuxième, amendé.', 'Troisième.', 'Conclusion.'];
    const current = ['Intro réécrite.', 'Deuxième.', 'Troisième.', 'Conclusion.', 'Annexe ajoutée.'];
    const result = rebase(base, draft, current);
    expect(result.status).toBe('rebased');
    expect(result.conflicts).toEqual([]);
    expect(apply(base, draft, current)).toEqual(['Intro réécrite.', 'Deuxième, amendé.', 'Troisième.', 'Conclusion.', 'Annexe ajoutée.']);
  });

  it('keeps insertions and deletions of both sides in place', () => {
    const draft = ['Intro.', 'Nouveau bloc.', 'Deuxième.', 'Troisième.'];
    const current = ['Intro.', 'Deuxième.', 'Inséré depuis.', 'Troisième.', 'Conclusion.'];
    expect(apply(base, draft, current)).toEqual(['Intro.', 'Nouveau bloc.', 'Deuxième.', 'Inséré depuis.', 'Troisième.']);
  });

  it('reports a conflict when both sides changed the same block, and never merges it', () => {
    const draft = ['Intro.', 'Deuxième, version amendement.', 'Troisième.', 'Conclusion.'];
    const current = ['Intro.', 'Deuxième, version modifiée depuis.', 'Troisième.', 'Conclusion modifiée.'];
    const result = rebase(base, draft, current);
    expect(result.status).toBe('conflict');
    expect(result.merged).toEqual([]);
    expect(result.conflicts).toEqual([{ base: ['Deuxième.'], amendment: ['Deuxième, version amendement.'], current: ['Deuxième, version modifiée depuis.'] }]);
    // "Reprendre le texte actuel": the current text, with nothing of the conflicting edit.
    expect(resolveRefs(result.mergedKeepingCurrent, draft, current)).toEqual(current);
  });

  it('reports a conflict when the amendment edits a block deleted since', () => {
    const draft = ['Intro.', 'Deuxième, amendé.', 'Troisième.', 'Conclusion.'];
    const current = ['Intro.', 'Troisième.', 'Conclusion.'];
    const result = rebase(base, draft, current);
    expect(result.status).toBe('conflict');
    expect(result.conflicts[0]).toEqual({ base: ['Deuxième.'], amendment: ['Deuxième, amendé.'], current: [] });
  });

  it('keeps the non-conflicting edits when the current text is taken up again', () => {
    const draft = ['Intro amendée.', 'Deuxième, amendé.', 'Troisième.', 'Conclusion.'];
    const current = ['Intro.', 'Deuxième, changé.', 'Troisième.', 'Conclusion.'];
    const result = rebase(base, draft, current);
    expect(result.status).toBe('conflict');
    expect(resolveRefs(result.mergedKeepingCurrent, draft, current)).toEqual(['Intro amendée.', 'Deuxième, changé.', 'Troisième.', 'Conclusion.']);
  });

  it('does not see a conflict in the same edit made on both sides', () => {
    const draft = ['Intro.', 'Deuxième, amendé.', 'Troisième.', 'Conclusion.'];
    const result = rebase(base, draft, draft);
    expect(result.status).toBe('rebased');
    expect(result.changesNothing).toBe(true);
  });

  it('conflicts on two insertions at the same place, not on insertions at different places', () => {
    expect(rebase(base, ['Intro.', 'X.', ...base.slice(1)], ['Intro.', 'Y.', ...base.slice(1)]).status).toBe('conflict');
    const draft = ['Intro.', 'X.', ...base.slice(1)];
    const current = [...base.slice(0, 3), 'Y.', 'Conclusion.'];
    expect(apply(base, draft, current)).toEqual(['Intro.', 'X.', 'Deuxième.', 'Troisième.', 'Y.', 'Conclusion.']);
  });

  it('never loses a change of either side when they are disjoint (random edits)', () => {
    let seed = 11;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 300; round++) {
      const size = 2 + random(8);
      const original = Array.from({ length: size }, (_, i) => `bloc ${i}`);
      const split = 1 + random(size - 1);
      // The amendment edits blocks before `split`, others edit blocks after it: never the same ones.
      const draft = original.map((text, i) => (i < split - 1 && random(2) === 0 ? `${text} amendé` : text));
      const current = original.map((text, i) => (i > split && random(2) === 0 ? `${text} changé` : text));
      const result = rebase(original, draft, current);
      expect(result.status).not.toBe('conflict');
      const merged = resolveRefs(result.merged, draft, current);
      merged.forEach((text, i) => {
        if (draft[i] !== original[i]) expect(text).toBe(draft[i]);
        if (current[i] !== original[i]) expect(text).toBe(current[i]);
      });
      expect(merged).toHaveLength(size);
    }
  });
});
