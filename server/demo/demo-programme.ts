/**
 * The demo programme of actions: the founding case's three priority axes, each with four
 * fictional action sheets (lead structures from the demo networks, partners, goals, indicators,
 * dates, territories), whose financing plans add up exactly to the founding envelope: 33 816 491 €,
 * of which 7 602 500 € from the Région and 3 425 000 € from the État. Deterministic: ids are fixed
 * (`axe-1`, `fiche-2-1`) so that every fresh demo is the same.
 */
import type { BudgetLinePlan, ProgrammePlan, SheetPlan } from '../../shared/programme/plan';
import type { Envelope } from '../../shared/schemas/workspace';

interface SheetSeed {
  title: string;
  lead: string;
  partners: string[];
  goal: string;
  description: string;
  result: string;
  indicators: SheetPlan['indicators'];
  start: string;
  end: string;
  territories: string[];
  localPlans?: string[];
  /** Relative weight of the sheet in each funder's share: Région, État, local actors. */
  weights: [number, number, number];
}

const years = [2011, 2012, 2013] as const;
/** How each sheet's amount of a funder spreads over the three years. */
const yearSplit = [0.3, 0.35, 0.35] as const;
const roundingCents = 100_000; // 1 000 €: plans are written in round thousands

/**
 * Splits `totalCents` by `weights` into multiples of `roundingCents`; what rounding leaves goes to
 * the heaviest part, so the parts add up exactly to the total.
 */
export function allocate(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((weight) => (sum === 0 ? 0 : Math.floor((totalCents * weight) / sum / roundingCents) * roundingCents));
  const heaviest = weights.indexOf(Math.max(...weights));
  parts[heaviest]! += totalCents - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const axes: { id: string; title: string; aim: string; sheets: SheetSeed[] }[] = [
  {
    id: 'axe-1',
    title: 'La promotion de l’ESS',
    aim: 'Faire connaître et reconnaître l’économie sociale et solidaire comme une économie à part entière, auprès des entreprises, des collectivités et du public.',
    sheets: [
      {
        title: 'Le Mois de l’ESS en Rhône-Alpes',
        lead: 'cress-rhone-alpes',
        partners: ['maison-culture-et-territoires-des-pentes', 'scop-imprimerie-du-vivarais'],
        goal: 'Donner chaque année, en novembre, une visibilité commune aux initiatives de l’ESS dans les huit départements.',
        description: 'Coordination régionale du programme, kit de communication partagé, accompagnement des organisateurs locaux et relations avec la presse.',
        result: 'Un programme régional publié chaque année et des manifestations dans tous les départements.',
        indicators: [
          { name: 'Manifestations labellisées', unit: 'manifestations', baseline: 180, target: 300 },
          { name: 'Départements couverts', unit: 'départements', baseline: 6, target: 8 },
        ],
        start: '2011-01-01',
        end: '2013-12-31',
        territories: ['region'],
        weights: [9, 6, 4],
      },
      {
        title: 'L’observatoire régional de l’ESS',
        lead: 'cress-rhone-alpes',
        partners: ['mutuelle-familiale-du-nord-isere'],
        goal: 'Mesurer le poids de l’ESS (emplois, établissements, secteurs) et en suivre l’évolution dans les territoires.',
        description: 'Exploitation des données statistiques, publication d’un panorama annuel et de portraits territoriaux, appui aux études des réseaux.',
        result: 'Un panorama régional par an et huit portraits départementaux.',
        indicators: [{ name: 'Portraits territoriaux publiés', unit: 'portraits', baseline: 2, target: 8 }],
        start: '2011-03-01',
        end: '2013-12-31',
        territories: ['region'],
        weights: [6, 7, 2],
      },
      {
        title: 'Sensibiliser les jeunes à l’entrepreneuriat coopératif',
        lead: 'maison-education-populaire-des-bauges',
        partners: ['scop-numerique-des-bauges', 'maison-jeunesse-du-diois'],
        goal: 'Faire découvrir l’entrepreneuriat collectif aux lycéens et aux étudiants.',
        description: 'Coopératives jeunesse de services l’été, interventions dans les lycées et les universités, concours de projets coopératifs.',
        result: 'Des coopératives jeunesse dans quatre départements et un concours régional annuel.',
        indicators: [{ name: 'Jeunes sensibilisés', unit: 'jeunes', baseline: 400, target: 1500 }],
        start: '2011-09-01',
        end: '2013-06-30',
        territories: ['26', '38', '73', '74'],
        localPlans: ['Plan local de développement du Diois'],
        weights: [4, 5, 2],
      },
      {
        title: 'Achats responsables : rapprocher l’ESS et les acheteurs publics',
        lead: 'regie-de-quartier-renovation-du-chablais',
        partners: ['entreprise-d-insertion-recyclerie-du-pilat', 'cress-rhone-alpes'],
        goal: 'Augmenter la part des marchés publics confiés aux entreprises de l’ESS, notamment par les clauses sociales.',
        description: 'Rencontres acheteurs-fournisseurs, annuaire régional des offres de l’ESS, formation des acheteurs des collectivités.',
        result: 'Un annuaire en ligne et des clauses sociales dans les marchés de vingt collectivités.',
        indicators: [{ name: 'Collectivités utilisant des clauses sociales', unit: 'collectivités', baseline: 5, target: 20 }],
        start: '2012-01-01',
        end: '2013-12-31',
        territories: ['42', '69', '74'],
        weights: [3, 4, 3],
      },
    ],
  },
  {
    id: 'axe-2',
    title: 'Le développement de l’ESS',
    aim: 'Créer les conditions d’une dynamique de création et de développement des entreprises du secteur, dans tous les territoires.',
    sheets: [
      {
        title: 'Accompagner la transmission d’entreprises à leurs salariés en SCOP',
        lead: 'scop-menuiserie-de-la-bresse',
        partners: ['scop-batisseurs-du-pilat', 'cooperative-de-finance-solidaire-de-villeurbanne'],
        goal: 'Éviter la disparition d’entreprises saines faute de repreneur en accompagnant leur reprise par les salariés.',
        description: 'Repérage des cédants avec les chambres consulaires, diagnostics de transmissibilité, accompagnement juridique et financier des équipes de reprise.',
        result: 'Des reprises en SCOP réussies et des emplois maintenus dans les territoires.',
        indicators: [
          { name: 'Entreprises reprises en SCOP', unit: 'entreprises', baseline: 6, target: 25 },
          { name: 'Emplois maintenus', unit: 'emplois', baseline: 80, target: 400 },
        ],
        start: '2011-01-01',
        end: '2013-12-31',
        territories: ['region'],
        weights: [10, 5, 9],
      },
      {
        title: 'Un fonds d’amorçage pour les projets collectifs',
        lead: 'cooperative-de-finance-solidaire-de-villeurbanne',
        partners: ['fondation-pour-l-emploi-du-vivarais', 'cooperative-de-finance-cigales-de-la-tarentaise'],
        goal: 'Financer les premiers mois des entreprises collectives, quand les banques ne suivent pas encore.',
        description: 'Prêts d’honneur et garanties sur les projets de l’ESS, comité d’engagement ouvert aux réseaux, suivi des entreprises financées.',
        result: 'Un fonds régional abondé par l’épargne solidaire et des projets financés dans chaque département.',
        indicators: [{ name: 'Projets financés', unit: 'projets', baseline: 20, target: 90 }],
        start: '2011-06-01',
        end: '2013-12-31',
        territories: ['region'],
        weights: [12, 3, 18],
      },
      {
        title: 'Mutualiser les fonctions support des associations employeuses',
        lead: 'association-culture-et-territoires-du-roannais',
        partners: ['maison-aide-a-domicile-du-bugey', 'collectif-culture-et-territoires-du-forez'],
        goal: 'Permettre aux petites associations employeuses de partager la paie, la comptabilité et la gestion des ressources humaines.',
        description: 'Groupements d’employeurs, services mutualisés de paie et de comptabilité, formation des dirigeants bénévoles.',
        result: 'Des groupements d’employeurs actifs dans trois bassins.',
        indicators: [{ name: 'Associations adhérentes à un service mutualisé', unit: 'associations', baseline: 30, target: 150 }],
        start: '2011-09-01',
        end: '2013-09-30',
        territories: ['01', '42'],
        localPlans: ['Plan local de développement du Roannais'],
        weights: [5, 4, 6],
      },
      {
        title: 'Des pôles territoriaux de coopération économique',
        lead: 'cooperative-energies-citoyennes-du-nord-isere',
        partners: ['scop-energies-citoyennes-du-vercors', 'maison-environnement-du-roannais'],
        goal: 'Regrouper sur un territoire des entreprises de l’ESS, des PME et des collectivités autour de projets économiques communs.',
        description: 'Animation de trois pôles pilotes, études de faisabilité de projets communs (énergie, alimentation, réemploi), échanges entre pôles.',
        result: 'Trois pôles constitués et au moins un projet économique commun par pôle.',
        indicators: [{ name: 'Pôles constitués', unit: 'pôles', baseline: 0, target: 3 }],
        start: '2012-01-01',
        end: '2013-12-31',
        territories: ['07', '38', '42'],
        localPlans: ['Plan local de développement du Nord-Isère'],
        weights: [7, 3, 14],
      },
    ],
  },
  {
    id: 'axe-3',
    title: 'L’innovation sociale et la création d’emplois de qualité',
    aim: 'Soutenir l’innovation sociale et la création et la pérennisation d’emplois de qualité, par une gouvernance et un dialogue social performants.',
    sheets: [
      {
        title: 'Gestion prévisionnelle des emplois et des compétences dans l’ESS',
        lead: 'mutuelle-sante-solidaire-du-forez',
        partners: ['cress-rhone-alpes', 'maison-solidarites-de-belledonne'],
        goal: 'Anticiper les départs à la retraite et les besoins de compétences des entreprises de l’ESS.',
        description: 'Diagnostics emplois-compétences par branche, plans de formation partagés, passerelles entre structures.',
        result: 'Un diagnostic par branche et des plans de formation mutualisés.',
        indicators: [{ name: 'Salariés formés', unit: 'salariés', baseline: 500, target: 2000 }],
        start: '2011-04-01',
        end: '2013-12-31',
        territories: ['region'],
        weights: [8, 9, 10],
      },
      {
        title: 'Des parcours d’insertion vers l’emploi durable',
        lead: 'entreprise-d-insertion-recyclerie-du-pilat',
        partners: ['chantier-d-insertion-jardins-solidaires-des-pentes', 'atelier-jardins-solidaires-des-bauges'],
        goal: 'Améliorer les sorties vers l’emploi durable des personnes en parcours d’insertion.',
        description: 'Parrainage par des entreprises, immersions, formation qualifiante pendant le parcours, suivi six mois après la sortie.',
        result: 'Un taux de sorties dynamiques en hausse dans les structures participantes.',
        indicators: [{ name: 'Sorties vers l’emploi durable', unit: '%', baseline: 25, target: 40 }],
        start: '2011-01-01',
        end: '2013-12-31',
        territories: ['42', '69', '73'],
        weights: [9, 8, 12],
      },
      {
        title: 'Le dialogue social territorial dans l’ESS',
        lead: 'cress-rhone-alpes',
        partners: ['mutuelle-prevoyance-du-beaujolais'],
        goal: 'Associer les syndicats d’employeurs et de salariés à la mise en œuvre du contrat, au niveau régional comme dans les territoires.',
        description: 'Instances paritaires territoriales, accords sur la qualité de l’emploi, appui aux petites structures sans représentants du personnel.',
        result: 'Une instance de dialogue social par département.',
        indicators: [{ name: 'Instances territoriales réunies', unit: 'instances', baseline: 1, target: 8 }],
        start: '2012-01-01',
        end: '2013-12-31',
        territories: ['region'],
        weights: [4, 6, 3],
      },
      {
        title: 'Un incubateur régional d’innovation sociale',
        lead: 'fondation-terres-vivantes-du-vercors',
        partners: ['scop-numerique-des-bauges', 'cooperative-de-finance-solidaire-de-villeurbanne'],
        goal: 'Faire émerger des entreprises qui répondent autrement à des besoins sociaux mal satisfaits.',
        description: 'Appel à projets annuel, accompagnement de douze à dix-huit mois, mise en relation avec les financeurs et les collectivités.',
        result: 'Des entreprises d’innovation sociale créées et pérennes à trois ans.',
        indicators: [{ name: 'Projets incubés', unit: 'projets', baseline: 0, target: 30 }],
        start: '2011-10-01',
        end: '2013-12-31',
        territories: ['38', '69', '74'],
        weights: [8, 5, 11],
      },
    ],
  },
];

function budgetLines(funder: string, cents: number): BudgetLinePlan[] {
  return allocate(cents, yearSplit).map((amountCents, i) => ({ funder, year: years[i]!, amountCents }));
}

/** The demo programme, its financing plans allocated so that they add up to `envelope` exactly. */
export function buildDemoProgramme(envelope: Envelope): ProgrammePlan {
  const seeds = axes.flatMap((axis) => axis.sheets);
  const perFunder = envelope.shares.map((share, f) => allocate(share.amountCents, seeds.map((seed) => seed.weights[Math.min(f, 2)]!)));
  let index = 0;
  return {
    axes: axes.map((axis, a) => ({
      id: axis.id,
      title: axis.title,
      aim: axis.aim,
      sheets: axis.sheets.map((seed, s) => {
        const sheetIndex = index++;
        return {
          id: `fiche-${a + 1}-${s + 1}`,
          title: seed.title,
          lead: seed.lead,
          partners: seed.partners,
          goals: [seed.goal],
          description: [seed.description],
          expectedResults: [seed.result],
          indicators: seed.indicators,
          startDate: seed.start,
          endDate: seed.end,
          territories: seed.territories,
          localPlans: seed.localPlans ?? [],
          budget: envelope.shares.flatMap((share, f) => budgetLines(share.funder, perFunder[f]![sheetIndex]!)),
        };
      }),
    })),
  };
}
