/** The envelope form's reading: French amounts, the shared schema's rules, messages keyed as the server keys them. */
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../../shared/budget/consolidate';
import { draftOf, readEnvelopeDraft } from '../../../client/budget/envelope-input';
import { funderFigures } from '../../../client/budget/budget-figures';

const founding = {
  totalCents: 3_381_649_100,
  shares: [
    { funder: 'Région Rhône-Alpes', amountCents: 760_250_000 },
    { funder: 'État', amountCents: 342_500_000 },
    { funder: 'Acteurs locaux de l’ESS', amountCents: 2_278_899_100 },
  ],
};

describe('reading the envelope form', () => {
  it('gives back the envelope it was filled with', () => {
    const draft = draftOf(founding);
    expect(draft.total.replace(/\s/g, ' ')).toBe('33 816 491');
    expect(readEnvelopeDraft(draft)).toEqual({ ok: true, envelope: founding });
  });

  it('reads cents typed the French way', () => {
    const reading = readEnvelopeDraft({ total: '1 000,50 €', shares: [{ key: 1, funder: ' État ', amount: '1000,5' }] });
    expect(reading).toEqual({ ok: true, envelope: { totalCents: 100_050, shares: [{ funder: 'État', amountCents: 100_050 }] } });
  });

  it('puts each message at its field, keyed as the server keys them', () => {
    const draft = draftOf(founding);
    draft.shares[0]!.amount = '-7 602 500';
    draft.shares[2]!.funder = '   ';
    const reading = readEnvelopeDraft(draft);
    expect(reading).toEqual({
      ok: false,
      fields: {
        'shares.0.amountCents': 'Le montant ne peut pas être négatif.',
        'shares.2.funder': 'Indiquez le financeur.',
      },
    });
  });

  it('says at the total when the shares do not add up, and names duplicate funders', () => {
    const draft = draftOf(founding);
    draft.shares[0]!.amount = '7 702 500';
    draft.shares[1]!.funder = 'region rhone-alpes';
    const reading = readEnvelopeDraft(draft);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.fields['totalCents']?.replace(/[\u202f\u00a0]/g, ' ')).toBe('La somme des parts (33 916 491 €) ne correspond pas au total (33 816 491 €).');
    expect(reading.fields['shares.1.funder']).toBe('Ce financeur figure déjà dans l’enveloppe.');
  });

  it('does not judge the sum while an amount cannot be read', () => {
    const reading = readEnvelopeDraft({ total: 'beaucoup', shares: [{ key: 1, funder: 'État', amount: '12' }] });
    expect(reading).toEqual({ ok: false, fields: { totalCents: 'Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.' } });
  });
});

describe('the funders of the budget page', () => {
  it('lists the envelope first, matches names without case or accents, then funders without a share', () => {
    const line = (lineId: string, funder: string, amountCents: number) => ({ lineId, sheetId: 's', axisId: 'a', funder, year: 2012, amountCents });
    const consolidation = consolidate([line('1', 'region rhone-alpes', 500), line('2', 'Fondation X', 200), line('3', 'Région Rhône-Alpes', 300)], founding);
    expect(funderFigures(consolidation, founding).map(({ funder, shareCents, plannedCents }) => [funder, shareCents, plannedCents])).toEqual([
      ['Région Rhône-Alpes', 760_250_000, 800],
      ['État', 342_500_000, 0],
      ['Acteurs locaux de l’ESS', 2_278_899_100, 0],
      ['Fondation X', null, 200],
    ]);
  });
});
