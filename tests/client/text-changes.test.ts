/**
 * The pure logic of the live text fields: the minimal splice for an edit, and where the caret
 * goes when someone else's edit lands. Checked against real Y.Text events, so the deltas are the
 * ones Yjs really produces.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChange, diffText, lengthBefore, mapPosition, mapSelection, type TextDelta } from '../../client/programme/text-changes';

/** Applies `edit` to a fresh Y.Text holding `initial`, and returns the event's delta. */
function deltaOf(initial: string, edit: (text: Y.Text) => void): { delta: TextDelta; after: string } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: TextDelta = [];
  text.observe((event) => (delta = event.delta));
  edit(text);
  return { delta, after: text.toString() };
}

describe('diffText', () => {
  it('returns nothing for equal texts', () => {
    expect(diffText('Fiche', 'Fiche')).toBeNull();
  });

  it('keeps the common prefix and suffix: typing in the middle is one insertion', () => {
    expect(diffText('Accompagner les SCOP', 'Accompagner toutes les SCOP')).toEqual({ index: 12, remove: 0, insert: 'toutes ' });
  });

  it('turns a deletion and a replacement into one splice', () => {
    expect(diffText('Créer 12 emplois', 'Créer emplois')).toEqual({ index: 6, remove: 3, insert: '' });
    expect(diffText('en 2011', 'en 2013')).toEqual({ index: 6, remove: 1, insert: '3' });
  });

  it('places a repeated letter where the caret says it was typed', () => {
    // "aa" → "aaa" with the caret after the first letter: the new "a" is at index 0.
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('always rebuilds the new text', () => {
    const cases: [string, string, number | undefined][] = [
      ['', 'Nouvelle fiche', 14],
      ['Nouvelle fiche', '', 0],
      ['abcabc', 'abc', 3],
      ['abc', 'abcabc', 6],
      ['Développer l’ESS', 'Développer l’ESS en Isère', 25],
      ['xxxx', 'xxyxx', 3],
    ];
    for (const [before, after, caret] of cases) {
      const change = diffText(before, after, caret);
      expect(change === null ? before : applyChange(before, change)).toBe(after);
    }
  });
});

describe('mapPosition and mapSelection', () => {
  it('moves a caret after text inserted before it, not after text inserted after it', () => {
    const { delta } = deltaOf('Fiche action', (text) => text.insert(0, 'La '));
    expect(mapPosition(delta, 5)).toBe(8);
    const later = deltaOf('Fiche action', (text) => text.insert(12, ' 2.3'));
    expect(mapPosition(later.delta, 5)).toBe(5);
  });

  it('keeps a caret before text inserted exactly at it', () => {
    const { delta } = deltaOf('abc', (text) => text.insert(1, 'XY'));
    expect(mapPosition(delta, 1)).toBe(1);
    expect(mapPosition(delta, 1, true)).toBe(3);
  });

  it('pulls a caret inside deleted text to where the deletion was, and shifts one after it', () => {
    const { delta } = deltaOf('0123456789', (text) => text.delete(2, 4));
    expect(mapPosition(delta, 4)).toBe(2);
    expect(mapPosition(delta, 8)).toBe(4);
    expect(mapPosition(delta, 1)).toBe(1);
  });

  it('follows a remote replacement made of a deletion and an insertion', () => {
    const { delta, after } = deltaOf('en 2011 et 2012', (text) => {
      text.doc?.transact(() => {
        text.delete(0, 2);
        text.insert(0, 'depuis');
      });
    });
    expect(after).toBe('depuis 2011 et 2012');
    // The caret was before "et" (index 8); the text before it grew by 4.
    expect(mapPosition(delta, 8)).toBe(12);
    expect(after.slice(12, 14)).toBe('et');
  });

  it('maps both ends of a selection, and keeps a collapsed caret collapsed', () => {
    const { delta, after } = deltaOf('Créer des emplois durables', (text) => text.insert(0, '» '));
    const selection = mapSelection(delta, 10, 17);
    expect(after.slice(selection.start, selection.end)).toBe('emplois');
    expect(mapSelection(delta, 3, 3)).toEqual({ start: 5, end: 5 });
  });

  it('rebuilds the length a text had before a change', () => {
    const { delta, after } = deltaOf('abcdef', (text) => {
      text.doc?.transact(() => {
        text.delete(1, 3);
        text.insert(2, 'XYZW');
      });
    });
    expect(lengthBefore(delta, after.length)).toBe(6);
  });
});

describe('two fields typing into one Y.Text at once', () => {
  it('keeps both people’s letters when their splices are exchanged', () => {
    const first = new Y.Doc();
    const second = new Y.Doc();
    first.getText('title').insert(0, 'Coopératives en Isère');
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    const apply = (doc: Y.Doc, before: string, after: string, caret: number): void => {
      const change = diffText(before, after, caret);
      if (change === null) return;
      const text = doc.getText('title');
      text.delete(change.index, change.remove);
      text.insert(change.index, change.insert);
    };
    apply(first, 'Coopératives en Isère', 'Les coopératives en Isère', 4);
    apply(second, 'Coopératives en Isère', 'Coopératives en Isère et en Savoie', 34);
    Y.applyUpdate(first, Y.encodeStateAsUpdate(second));
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    expect(first.getText('title').toString()).toBe('Les coopératives en Isère et en Savoie');
    expect(second.getText('title').toString()).toBe(first.getText('title').toString());
  });
});
