import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { consolidate } from '../../shared/budget/consolidate';
import { addBudgetLine, addSheet, addAxis, emptySheetPlan, moveAxis, moveSheet, removeAxis, replaceText, sheetTitleText, updateBudgetLine, writeProgramme } from '../../shared/programme/edit';
import { parseEurosInput, sheetDatesSchema } from '../../shared/programme/fields';
import { sheetAt, sheetsMap } from '../../shared/programme/layout';
import { readProgramme, sheetsInOrder } from '../../shared/programme/read';
import type { SheetPlan } from '../../shared/programme/plan';

const sheet = (title: string, budget: SheetPlan['budget'] = []): SheetPlan => ({ ...emptySheetPlan(), title, lead: 's1', budget });

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('structured contract model', () => {
  it('numbers sheets from their order, and keeps numbers right when a sheet moves to another axis', () => {
    const doc = new Y.Doc();
    writeProgramme(doc, { axes: [{ title: 'Promotion', aim: '', sheets: [sheet('A'), sheet('B'), sheet('C')] }, { title: 'Développement', aim: '', sheets: [sheet('D')] }] });
    let view = readProgramme(doc);
    expect(view.axes.map((axis) => axis.sheets.map((s) => `${s.number} ${s.title}`))).toEqual([['1.1 A', '1.2 B', '1.3 C'], ['2.1 D']]);
    const b = view.axes[0]!.sheets[1]!.id;
    moveSheet(doc, b, view.axes[1]!.id, 0);
    view = readProgramme(doc);
    expect(view.axes.map((axis) => axis.sheets.map((s) => `${s.number} ${s.title}`))).toEqual([['1.1 A', '1.2 C'], ['2.1 B', '2.2 D']]);
    moveAxis(doc, view.axes[1]!.id, 0);
    expect(readProgramme(doc).axes.map((axis) => axis.sheets.map((s) => `${s.number} ${s.title}`))).toEqual([['1.1 B', '1.2 D'], ['2.1 A', '2.2 C']]);
  });

  it('keeps what someone types in a sheet while another person moves it', () => {
    const a = new Y.Doc();
    writeProgramme(a, { axes: [{ title: 'Un', aim: '', sheets: [sheet('Titre'), sheet('Autre')] }, { title: 'Deux', aim: '', sheets: [] }] });
    const b = new Y.Doc();
    sync(a, b);
    const view = readProgramme(a);
    const moved = view.axes[0]!.sheets[0]!.id;
    moveSheet(a, moved, view.axes[1]!.id, 0);
    sheetTitleText(b, moved)!.insert(5, ' complété');
    sync(a, b);
    for (const doc of [a, b]) {
      const read = readProgramme(doc);
      expect(read.axes[1]!.sheets.map((s) => s.title)).toEqual(['Titre complété']);
      expect(read.axes[0]!.sheets.map((s) => s.number)).toEqual(['1.1']);
    }
  });

  it('separates sheets inserted at the same place at once, and can still move between them', () => {
    const a = new Y.Doc();
    const axisId = addAxis(a, { title: 'Axe', aim: '' });
    const b = new Y.Doc();
    sync(a, b);
    addSheet(a, axisId, sheet('de A'));
    addSheet(b, axisId, sheet('de B'));
    sync(a, b);
    const read = readProgramme(a);
    expect(read.axes[0]!.sheets.map((s) => s.number)).toEqual(['1.1', '1.2']);
    expect(readProgramme(b).axes[0]!.sheets.map((s) => s.title)).toEqual(read.axes[0]!.sheets.map((s) => s.title));
    const third = addSheet(a, axisId, sheet('troisième'));
    moveSheet(a, third, axisId, 1);
    expect(readProgramme(a).axes[0]!.sheets.map((s) => s.title)[1]).toBe('troisième');
  });

  it('reads a damaged sheet without throwing, reports it, and leaves bad lines out of the totals', () => {
    const doc = new Y.Doc();
    writeProgramme(doc, { axes: [{ title: 'Axe', aim: '', sheets: [sheet('Bonne', [{ funder: 'Région', year: 2011, amountCents: 1000 }, { funder: 'État', year: 2012, amountCents: 500 }])] }] });
    const id = [...sheetsMap(doc).keys()][0]!;
    const lines = [...(sheetAt(doc, id)!.get('budget') as Y.Map<Y.Map<unknown>>).values()];
    lines[0]!.set('amountCents', 'mille euros');
    sheetAt(doc, id)!.delete('title');
    sheetAt(doc, id)!.set('endDate', '2011-01-01');
    sheetAt(doc, id)!.set('startDate', '2012-01-01');
    const view = readProgramme(doc, { memberStructureIds: new Set(['s2']) });
    const codes = view.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['amount-not-integer', 'dates-invalid', 'lead-not-member', 'title-missing']);
    const totals = consolidate(view.lines);
    expect(totals.totalCents).toBe(500);
    expect(totals.invalidLines).toHaveLength(1);
  });

  it('lets two people change the same line at once and both see the same totals', () => {
    const a = new Y.Doc();
    writeProgramme(a, { axes: [{ title: 'Axe', aim: '', sheets: [sheet('Fiche', [{ funder: 'Région', year: 2011, amountCents: 1000 }])] }] });
    const b = new Y.Doc();
    sync(a, b);
    const sheetId = sheetsInOrder(readProgramme(a))[0]!.id;
    const lineId = sheetsInOrder(readProgramme(a))[0]!.budget[0]!.id;
    updateBudgetLine(a, sheetId, lineId, { amountCents: 2000 });
    updateBudgetLine(b, sheetId, lineId, { amountCents: 3000 });
    addBudgetLine(b, sheetId, { funder: 'État', year: 2012, amountCents: 700 });
    sync(a, b);
    const totalA = consolidate(readProgramme(a).lines).totalCents;
    expect(totalA).toBe(consolidate(readProgramme(b).lines).totalCents);
    expect([2700, 3700]).toContain(totalA);
  });

  it('puts sheets of a deleted axis nowhere and orphans a sheet moved into an axis deleted at once', () => {
    const a = new Y.Doc();
    writeProgramme(a, { axes: [{ title: 'Un', aim: '', sheets: [sheet('S')] }, { title: 'Deux', aim: '', sheets: [] }] });
    const b = new Y.Doc();
    sync(a, b);
    const view = readProgramme(a);
    moveSheet(a, view.axes[0]!.sheets[0]!.id, view.axes[1]!.id, 0);
    removeAxis(b, view.axes[1]!.id);
    sync(a, b);
    const after = readProgramme(b);
    expect(after.orphans.map((s) => s.title)).toEqual(['S']);
    expect(after.problems.map((p) => p.code)).toContain('axis-missing');
  });

  it('edits a text in its middle only', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Accompagner les SCOP');
    replaceText(text, 'Accompagner les jeunes SCOP');
    expect(text.toString()).toBe('Accompagner les jeunes SCOP');
  });
});

describe('field rules', () => {
  it.each([
    ['12 500', 1_250_000],
    ['12 500,50', 1_250_050],
    ['12500.5', 1_250_050],
    ['33 816 491 €', 3_381_649_100],
    ['0', 0],
  ])('reads %s as %i cents', (input, cents) => expect(parseEurosInput(input)).toEqual({ ok: true, cents }));

  it.each([
    ['-5', 'négatif'],
    ['douze', 'Saisissez un montant'],
    ['1,234', 'deux décimales'],
    ['', 'Saisissez un montant'],
    ['99999999999999', 'trop élevé'],
  ])('refuses %s in French', (input, message) => {
    const result = parseEurosInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('refuses an end before the start, at the end field', () => {
    const result = sheetDatesSchema.safeParse({ startDate: '2012-03-01', endDate: '2012-02-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['endDate'], message: 'La date de fin précède la date de début.' });
    expect(sheetDatesSchema.safeParse({ startDate: '2012-02-30', endDate: null }).success).toBe(false);
  });
});

describe('concurrent reordering (random, three replicas)', () => {
  /** A small deterministic generator, so that a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('converges to one order where every sheet appears once (seed %i)', (seed) => {
    const next = random(seed);
    const origin = new Y.Doc();
    writeProgramme(origin, { axes: [0, 1, 2].map((a) => ({ title: `Axe ${a}`, aim: '', sheets: [0, 1, 2, 3].map((s) => sheet(`${a}-${s}`)) })) });
    const replicas = [0, 1, 2].map(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
      return doc;
    });
    for (let round = 0; round < 30; round++) {
      for (const doc of replicas) {
        const view = readProgramme(doc);
        const sheets = sheetsInOrder(view);
        const moved = sheets[Math.floor(next() * sheets.length)]!;
        const axis = view.axes[Math.floor(next() * view.axes.length)]!;
        if (next() < 0.2) addSheet(doc, axis.id, sheet(`nouvelle ${round}`), Math.floor(next() * 5));
        else moveSheet(doc, moved.id, axis.id, Math.floor(next() * (axis.sheets.length + 1)));
      }
      if (round % 3 === 2) for (const a of replicas) for (const b of replicas) if (a !== b) sync(a, b);
    }
    for (const a of replicas) for (const b of replicas) if (a !== b) sync(a, b);
    const orders = replicas.map((doc) => readProgramme(doc).axes.map((axis) => axis.sheets.map((s) => `${s.number}:${s.id}`)));
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
    const ids = orders[0]!.flat().map((entry) => entry.split(':')[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(sheetsMap(replicas[0]!).size);
    for (const axis of readProgramme(replicas[0]!).axes) expect(axis.sheets.map((s) => s.number)).toEqual(axis.sheets.map((_, i) => `${axis.number}.${i + 1}`));
  });
});
