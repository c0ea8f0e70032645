/**
 * The benchmark's large contract: 3 axes × 40 action sheets × 12 financing lines (3 funders ×
 * 4 years), each sheet with rich text, two indicators and territories, its amounts allocated so
 * that the whole adds up exactly to the founding envelope (as the demo's 12 sheets do).
 */
import type { ProgrammePlan, SheetPlan } from '../../shared/programme/plan';
import type { Envelope } from '../../shared/schemas/workspace';
import { allocate } from '../../server/demo/demo-programme';

export const largeShape = { axes: 3, sheetsPerAxis: 40, years: [2011, 2012, 2013, 2014] } as const;

const leads = ['cress-rhone-alpes', 'scop-menuiserie-de-la-bresse', 'scop-batisseurs-du-pilat', 'maison-education-populaire-des-bauges'];

export function buildLargeProgramme(envelope: Envelope): ProgrammePlan {
  const sheetCount = largeShape.axes * largeShape.sheetsPerAxis;
  // Uneven weights, as real plans are.
  const weights = Array.from({ length: sheetCount }, (_, i) => 1 + ((i * 7) % 11));
  const perFunder = envelope.shares.map((share) => allocate(share.amountCents, weights));
  const yearWeights = largeShape.years.map((_, i) => 2 + i);
  return {
    axes: Array.from({ length: largeShape.axes }, (_, a) => ({
      id: `axe-${a + 1}`,
      title: `Axe ${a + 1} du programme de test`,
      aim: 'Un axe du contrat de mesure, aussi fourni qu’un vrai.',
      sheets: Array.from({ length: largeShape.sheetsPerAxis }, (_, s): SheetPlan => {
        const index = a * largeShape.sheetsPerAxis + s;
        return {
          id: `fiche-${a + 1}-${s + 1}`,
          title: `Action ${a + 1}.${s + 1} : accompagner les structures du territoire`,
          lead: leads[index % leads.length]!,
          partners: [leads[(index + 1) % leads.length]!],
          goals: ['Développer l’emploi de qualité dans les entreprises de l’économie sociale et solidaire du territoire.', 'Mutualiser les moyens des réseaux.'],
          description: ['Diagnostics, accompagnement individuel et collectif, animation de réseaux, évaluation chaque année avec le comité de pilotage.'],
          expectedResults: ['Des entreprises créées et consolidées, des emplois maintenus.'],
          indicators: [
            { name: 'Structures accompagnées', unit: 'structures', baseline: 10, target: 40 },
            { name: 'Emplois créés', unit: 'emplois', baseline: 0, target: 25 },
          ],
          startDate: '2011-01-01',
          endDate: '2014-12-31',
          territories: ['region'],
          localPlans: [],
          budget: envelope.shares.flatMap((share, f) =>
            allocate(perFunder[f]![index]!, yearWeights).map((amountCents, y) => ({ funder: share.funder, year: largeShape.years[y]!, amountCents })),
          ),
        };
      }),
    })),
  };
}
