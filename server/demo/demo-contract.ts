/**
 * The demo contract's opening text, from the founding case (Contrat Economique Sectoriel ESS
 * Rhône-Alpes 2011-2013): its shared diagnosis, the announcement of its three priority axes (whose
 * action sheets are structured data: see demo-programme.ts), its implementation and the
 * programme's envelope as a table. Built as ProseMirror JSON in the
 * contract schema, so the editor shows exactly what the seed wrote.
 */
import type { Envelope } from '../../shared/schemas/workspace';

type Json = Record<string, unknown>;

const text = (value: string): Json => ({ type: 'text', text: value });
const heading = (level: 1 | 2 | 3, value: string): Json => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const paragraph = (value: string): Json => ({ type: 'paragraph', content: [text(value)] });
const bulletList = (items: string[]): Json => ({
  type: 'bullet_list',
  content: items.map((item) => ({ type: 'list_item', content: [paragraph(item)] })),
});
const cell = (type: 'table_cell' | 'table_header', value: string): Json => ({ type, content: [paragraph(value)] });
const row = (type: 'table_cell' | 'table_header', values: string[]): Json => ({ type: 'table_row', content: values.map((v) => cell(type, v)) });

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Formats integer cents as whole euros in fr-FR (33 816 491 €). */
export const formatEuros = (cents: number): string => euros.format(cents / 100);

/** The demo envelope: the founding case's figures, in cents. */
export const demoEnvelope: Envelope = {
  totalCents: 3_381_649_100,
  shares: [
    { funder: 'Région Rhône-Alpes', amountCents: 760_250_000 },
    { funder: 'État', amountCents: 342_500_000 },
    { funder: 'Acteurs locaux de l’ESS', amountCents: 2_278_899_100 },
  ],
};

/** The demo contract as a ProseMirror document (JSON). */
export function buildDemoContract(envelope: Envelope = demoEnvelope): Json {
  const share = (cents: number): string => percent.format(envelope.totalCents === 0 ? 0 : cents / envelope.totalCents);
  return {
    type: 'doc',
    content: [
      heading(1, 'Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013'),
      paragraph(
        'Depuis septembre 2010, la CRESS a animé un espace de travail afin de co-construire ce Contrat Economique Sectoriel avec plus d’une centaine de structures issues des réseaux rhônalpins de l’ESS. Après l’évaluation du premier Contrat Sectoriel, trois axes prioritaires ont été retenus pour 2011-2013 : la promotion de l’ESS, son développement et sa contribution à l’innovation sociale et à la création d’emplois de qualité.',
      ),
      heading(2, 'Un diagnostic partagé'),
      paragraph(
        'Le travail mené à l’issue du premier Contrat Sectoriel a permis de réaffirmer le rôle de l’ESS : celui d’une économie à part entière, qui participe à l’efficacité économique rhônalpine. L’ESS propose un entrepreneuriat collectif adossé à une gouvernance d’entreprise démocratique et à finalité sociale.',
      ),
      paragraph('Le contexte économique et social de ces dernières années a légitimé l’ESS comme l’une des réponses à l’élaboration d’un modèle de développement innovant :'),
      bulletList([
        'en permettant la création et la pérennisation d’emplois de qualité ;',
        'en assurant la promotion de l’innovation sociale par une gouvernance et un dialogue social performants ;',
        'en repensant le rapport entre production et consommation et la complémentarité entre économie productive et économie de proximité ;',
        'en retrouvant une « intelligence du collectif », en favorisant les pratiques de mise en réseau, de mutualisation et de coopération ;',
        'en intégrant davantage les mutations environnementales ;',
        'en préservant et renouvelant le tissu économique des territoires par le soutien à un entrepreneuriat pluriel, source de création de richesses et d’emplois locaux.',
      ]),
      paragraph('Ce sont autant d’enjeux qui ont conduit à l’élaboration de ce second Contrat Sectoriel et qui prolongeront l’effort de structuration de l’ESS engagé depuis 2007 :'),
      bulletList([
        'au niveau culturel, par une représentation et une définition partagée de l’ESS ;',
        'au niveau organisationnel, par le développement des moyens et compétences des réseaux ;',
        'au niveau économique, par la production des conditions de mise en œuvre d’une dynamique de création et de développement des entreprises du secteur ;',
        'au niveau socio-professionnel, par le développement de la gestion des ressources humaines et de la gouvernance des entreprises cohérentes avec les principes et les valeurs de l’ESS.',
      ]),
      heading(2, 'Trois axes prioritaires'),
      paragraph(
        'Le programme retient trois axes prioritaires pour 2011-2013 : la promotion de l’ESS, son développement, et sa contribution à l’innovation sociale et à la création d’emplois de qualité. Chaque axe se décline en fiches action (porteur, partenaires, objectifs, indicateurs, calendrier, territoires et plan de financement), rédigées ensemble dans « Fiches action » ; leur budget se consolide de lui-même dans « Budget ».',
      ),
      heading(2, 'La mise en œuvre du Contrat Sectoriel'),
      paragraph(
        'La CRESS Rhône-Alpes assure la maîtrise d’ouvrage déléguée de ce Contrat, avec un triple rôle de coordination, de suivi de la réalisation des actions et de promotion du programme auprès des entreprises. Le Contrat Sectoriel prévoit également l’évaluation des actions grâce à un comité de pilotage où les trois partenaires sont représentés. Si ce document a été rédigé à l’issue d’une concertation depuis septembre 2010, les partenaires sociaux, syndicats d’employeurs et de salariés restent associés à sa mise en œuvre, au niveau régional comme au niveau des territoires avec les collectivités dans le cadre des plans locaux de développement.',
      ),
      heading(2, 'Programme d’actions et financement'),
      paragraph(
        `Le programme d’actions se chiffre à ${formatEuros(envelope.totalCents)}, financé par la Région pour ${formatEuros(envelope.shares[0]?.amountCents ?? 0)} et par l’Etat pour ${formatEuros(envelope.shares[1]?.amountCents ?? 0)}. Le solde est financé par les acteurs locaux de l’ESS.`,
      ),
      {
        type: 'table',
        content: [
          row('table_header', ['Financeur', 'Montant', 'Part du programme']),
          ...envelope.shares.map(({ funder, amountCents }) => row('table_cell', [funder, formatEuros(amountCents), share(amountCents)])),
          row('table_cell', ['Total du programme', formatEuros(envelope.totalCents), share(envelope.totalCents)]),
        ],
      },
    ],
  };
}
