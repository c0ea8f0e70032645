import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { consolidate } from '../../shared/budget/consolidate';
import { writeProgramme } from '../../shared/programme/edit';
import { readProgramme } from '../../shared/programme/read';
import { demoEnvelope } from '../../server/demo/demo-contract';
import { allocate, buildDemoProgramme } from '../../server/demo/demo-programme';
import { buildDemoMembers } from '../../server/demo/demo-structures';

describe('demo programme', () => {
  it('consolidates to the founding case to the euro, with every lead and partner a member', () => {
    const doc = new Y.Doc();
    writeProgramme(doc, buildDemoProgramme(demoEnvelope));
    const memberStructureIds = new Set(buildDemoMembers('demo').structures.map((s) => s.id));
    const programme = readProgramme(doc, { memberStructureIds });
    expect(programme.problems).toEqual([]);
    expect(programme.axes.map((axis) => axis.sheets.map((sheet) => sheet.number))).toEqual([
      ['1.1', '1.2', '1.3', '1.4'],
      ['2.1', '2.2', '2.3', '2.4'],
      ['3.1', '3.2', '3.3', '3.4'],
    ]);
    for (const sheet of programme.sheets.values()) for (const partner of sheet.partners) expect(memberStructureIds.has(partner), partner).toBe(true);
    const totals = consolidate(programme.lines, demoEnvelope);
    expect(totals.totalCents).toBe(3_381_649_100);
    expect(Object.fromEntries(totals.byFunder)).toEqual({ 'Région Rhône-Alpes': 760_250_000, État: 342_500_000, 'Acteurs locaux de l’ESS': 2_278_899_100 });
    expect([...totals.byYear.keys()].sort()).toEqual([2011, 2012, 2013]);
    expect(totals.warnings).toEqual([]);
  });

  it('allocates by weight in round thousands and puts the remainder on the heaviest part', () => {
    const parts = allocate(2_278_899_100, [1, 2, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(2_278_899_100);
    expect(parts.slice(0, 2).every((cents) => cents % 100_000 === 0)).toBe(true);
  });
});
