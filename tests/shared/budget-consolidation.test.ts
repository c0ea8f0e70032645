import { describe, expect, it } from 'vitest';
import { consolidate, maxLineCents, type RawBudgetLine } from '../../shared/budget/consolidate';

let next = 0;
const line = (axisId: string, sheetId: string, funder: unknown, year: unknown, amountCents: unknown): RawBudgetLine => ({ lineId: `l${next++}`, axisId, sheetId, funder, year, amountCents });

const envelope = {
  totalCents: 3_381_649_100,
  shares: [
    { funder: 'Région Rhône-Alpes', amountCents: 760_250_000 },
    { funder: 'État', amountCents: 342_500_000 },
    { funder: 'Acteurs locaux de l’ESS', amountCents: 2_278_899_100 },
  ],
};

describe('budget consolidation', () => {
  it('reproduces the founding case to the cent from many lines over three years', () => {
    const lines: RawBudgetLine[] = [];
    // Spread each funder's share over 3 axes × 40 sheets × 3 years with remainders, as real plans do.
    for (const { funder, amountCents } of envelope.shares) {
      const parts = 3 * 40 * 3;
      const base = Math.floor(amountCents / parts);
      let remainder = amountCents - base * parts;
      for (let axis = 1; axis <= 3; axis++) {
        for (let sheet = 1; sheet <= 40; sheet++) {
          for (const year of [2011, 2012, 2013]) {
            const extra = remainder > 0 ? 1 : 0;
            remainder -= extra;
            lines.push(line(`axe-${axis}`, `${axis}.${sheet}`, funder, year, base + extra));
          }
        }
      }
    }
    const result = consolidate(lines, envelope);
    expect(result.totalCents).toBe(3_381_649_100);
    expect(result.byFunder.get('Région Rhône-Alpes')).toBe(760_250_000);
    expect(result.byFunder.get('État')).toBe(342_500_000);
    expect(result.byFunder.get('Acteurs locaux de l’ESS')).toBe(2_278_899_100);
    expect([...result.byAxis.values()].reduce((a, b) => a + b, 0)).toBe(result.totalCents);
    expect([...result.byYear.values()].reduce((a, b) => a + b, 0)).toBe(result.totalCents);
    expect(result.warnings).toEqual([]);
    expect(result.invalidLines).toEqual([]);
  });

  it('skips invalid lines, says why, and keeps the totals of the valid ones exact', () => {
    const lines = [
      line('a', 's1', 'État', 2012, 100),
      line('a', 's1', 'État', 2012, '250,00'),
      line('a', 's1', 'État', 2012, 10.5),
      line('a', 's1', 'État', 2012, -5),
      line('a', 's1', 'État', 2012, maxLineCents + 1),
      line('a', 's1', '  ', 2012, 5),
      line('a', 's1', 'État', '2012', 5),
      line('a', 's1', 'État', 1850, 5),
      line('a', 's1', 'État', 2012, Number.NaN),
      line('a', 's1', 'État', 2012, null),
    ];
    const result = consolidate(lines);
    expect(result.totalCents).toBe(100);
    expect(result.invalidLines.map((l) => l.reason)).toEqual([
      'amount-not-integer', 'amount-not-integer', 'amount-negative', 'amount-too-large', 'funder-missing', 'year-invalid', 'year-invalid', 'amount-not-integer', 'amount-not-integer',
    ]);
  });

  it('treats funder names alike regardless of case, accents and spaces', () => {
    const result = consolidate([line('a', 's', 'Région Rhône-Alpes', 2011, 1), line('a', 's', ' region rhone-alpes ', 2012, 2)]);
    expect([...result.byFunder.entries()]).toEqual([['Région Rhône-Alpes', 3]]);
    expect(result.byFunderAndYear.get('Région Rhône-Alpes')).toEqual(new Map([[2011, 1], [2012, 2]]));
  });

  it('warns when a funder goes over its share, has no share, or the total does not match the envelope', () => {
    const result = consolidate(
      [line('a', 's', 'État', 2011, 342_500_001), line('a', 's', 'Fondation X', 2011, 1_000), line('a', 's', 'Région Rhône-Alpes', 2011, 1)],
      envelope,
    );
    expect(result.warnings).toEqual([
      { kind: 'funder-over-share', funder: 'État', plannedCents: 342_500_001, shareCents: 342_500_000 },
      { kind: 'funder-without-share', funder: 'Fondation X', plannedCents: 1_000 },
      { kind: 'total-mismatch', plannedCents: 342_501_002, envelopeCents: 3_381_649_100 },
    ]);
  });
});
