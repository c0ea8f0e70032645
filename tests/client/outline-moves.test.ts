/**
 * Keyboard steps and drops in the outline, checked against the real `moveSheet`/`moveAxis` on a
 * Y.Doc: the sheet lands where the step said, and numbers follow.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { axisDropIndex, axisStep, isSamePlace, sheetDropPlace, sheetStep, type OutlineShape } from '../../client/programme/outline-moves';
import { emptySheetPlan, moveAxis, moveSheet, writeProgramme } from '../../shared/programme/edit';
import { readProgramme } from '../../shared/programme/read';

function programme(): Y.Doc {
  const doc = new Y.Doc();
  const sheet = (id: string) => ({ ...emptySheetPlan(), id, title: id });
  writeProgramme(doc, {
    axes: [
      { id: 'a1', title: 'Axe un', aim: '', sheets: [sheet('s11'), sheet('s12')] },
      { id: 'a2', title: 'Axe deux', aim: '', sheets: [sheet('s21')] },
      { id: 'a3', title: 'Axe trois', aim: '', sheets: [] },
    ],
  });
  return doc;
}

function shape(doc: Y.Doc): OutlineShape {
  return { axes: readProgramme(doc).axes.map((axis) => ({ id: axis.id, sheetIds: axis.sheets.map((sheet) => sheet.id) })) };
}

function numberOf(doc: Y.Doc, sheetId: string): string | undefined {
  return readProgramme(doc).sheets.get(sheetId)?.number;
}

describe('sheetStep', () => {
  it('moves within an axis, then across axes, and stops at both ends', () => {
    const doc = programme();
    const step = (id: string, direction: 'up' | 'down') => {
      const place = sheetStep(shape(doc), id, direction);
      if (place !== null) moveSheet(doc, id, place.axisId, place.index);
      return place;
    };
    expect(step('s12', 'up')).toEqual({ axisId: 'a1', index: 0 });
    expect(numberOf(doc, 's12')).toBe('1.1');
    expect(step('s12', 'up')).toBeNull();
    expect(step('s11', 'down')).toEqual({ axisId: 'a2', index: 0 });
    expect(numberOf(doc, 's11')).toBe('2.1');
    expect(numberOf(doc, 's21')).toBe('2.2');
    expect(step('s21', 'down')).toEqual({ axisId: 'a3', index: 0 });
    expect(numberOf(doc, 's21')).toBe('3.1');
    expect(step('s21', 'down')).toBeNull();
    expect(step('s11', 'up')).toEqual({ axisId: 'a1', index: 1 });
    expect(numberOf(doc, 's11')).toBe('1.2');
  });

  it('does not move a sheet that is not in an axis', () => {
    expect(sheetStep(shape(programme()), 'unknown', 'up')).toBeNull();
  });
});

describe('drops', () => {
  it('places a sheet before or after another, or at the end of an axis', () => {
    const doc = programme();
    const outline = shape(doc);
    expect(sheetDropPlace(outline, 's21', 'a1', 's11', false)).toEqual({ axisId: 'a1', index: 0 });
    expect(sheetDropPlace(outline, 's21', 'a1', 's11', true)).toEqual({ axisId: 'a1', index: 1 });
    expect(sheetDropPlace(outline, 's11', 'a1', 's12', true)).toEqual({ axisId: 'a1', index: 1 });
    expect(sheetDropPlace(outline, 's11', 'a3', null, false)).toEqual({ axisId: 'a3', index: 0 });
    expect(sheetDropPlace(outline, 's11', 'a1', 's11', false)).toBeNull();
    const place = sheetDropPlace(outline, 's11', 'a1', 's12', true);
    expect(place !== null && isSamePlace(outline, 's11', place)).toBe(false);
    if (place !== null) moveSheet(doc, 's11', place.axisId, place.index);
    expect(numberOf(doc, 's11')).toBe('1.2');
    expect(isSamePlace(shape(doc), 's11', { axisId: 'a1', index: 1 })).toBe(true);
  });

  it('moves axes one step or by a drop, and numbers their sheets anew', () => {
    const doc = programme();
    const ids = (): string[] => readProgramme(doc).axes.map((axis) => axis.id);
    expect(axisStep(ids(), 'a1', 'up')).toBeNull();
    const down = axisStep(ids(), 'a1', 'down');
    expect(down).toBe(1);
    moveAxis(doc, 'a1', down ?? 0);
    expect(ids()).toEqual(['a2', 'a1', 'a3']);
    expect(numberOf(doc, 's11')).toBe('2.1');
    const drop = axisDropIndex(ids(), 'a3', 'a2', false);
    expect(drop).toBe(0);
    moveAxis(doc, 'a3', drop ?? 0);
    expect(ids()).toEqual(['a3', 'a2', 'a1']);
    expect(axisDropIndex(ids(), 'a3', 'a3', true)).toBeNull();
  });
});
