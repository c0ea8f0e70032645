/**
 * Lays an `ExportDocument` out as the sequence every format follows: the title page, the table
 * of contents, then parts of blocks — the contract's text (which holds the diagnosis), the
 * programme's axes and numbered action sheets with their financing tables, the consolidated
 * budget against the envelope, the decisions taken and the contributors appendix. Renderers draw
 * the parts one by one, yielding between them (an action sheet is one part).
 */
import { eurosText } from '../../shared/budget/euros';
import { positionLabels, type PositionKind } from '../../shared/schemas/rounds';
import { cell, isEmptyRich, paragraph, richBlocks, text, type Block, type HeadingBlock, type TableBlock, type TableCell } from './blocks';
import { frenchDate, frenchDateTime, sheetDateText, type ExportDocument, type ExportSheet, type FinancingTable, type RichJson } from './export-model';

export interface TitlePage {
  /** The workspace's name: the document's title. */
  title: string;
  /** The version's name. */
  subtitle: string;
  /** Statut, date, enregistrée par, enveloppe. */
  fields: { label: string; value: string }[];
  description: string;
  comment: string;
}

export interface TocEntry {
  level: number;
  text: string;
  id: string;
}

export interface ExportPart {
  /** French words for the progress bar ("Fiche action 2.3"). */
  step: string;
  blocks: Block[];
}

export interface ExportLayout {
  titlePage: TitlePage;
  /** "Sommaire". */
  tocTitle: string;
  toc: TocEntry[];
  parts: ExportPart[];
  /** Words of the page's language, for `lang` and the document's properties. */
  language: 'fr';
  /** Document title for file properties: "<workspace> — <version>". */
  documentTitle: string;
}

/** The document's level-1 parts, in order (tests look for each of them). */
export const sectionTitles = {
  contract: 'Texte du contrat',
  programme: 'Programme d’actions',
  budget: 'Budget consolidé',
  decisions: 'Décisions prises',
  contributors: 'Contributeurs',
} as const;

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const numberText = (value: number): string => integer.format(value);

function plural(count: number, one: string, many: string): string {
  return `${numberText(count)} ${count > 1 ? many : one}`;
}

const heading = (level: number, headingText: string, id: string, toc = level <= 3): HeadingBlock => ({ kind: 'heading', level, text: headingText, id, toc });

/** A funder × year table with its header row and total row. */
export function financingBlock(table: FinancingTable, caption: string): TableBlock {
  const years = table.years.map(String);
  return {
    kind: 'table',
    caption,
    head: [cell('Financeur'), ...years.map((year) => cell(year)), cell('Total')],
    body: table.rows.map((row) => [cell(row.funder), ...row.byYear.map((cents) => cell(cents === null ? '—' : eurosText(cents))), cell(eurosText(row.totalCents))]),
    foot: [[cell('Total'), ...table.yearTotals.map((cents) => cell(eurosText(cents))), cell(eurosText(table.totalCents))]],
    numeric: [false, ...years.map(() => true), true],
    rowHeaders: true,
  };
}

export function sheetDates(sheet: Pick<ExportSheet, 'startDate' | 'endDate'>): string {
  const { startDate, endDate } = sheet;
  if (startDate !== null && endDate !== null) return `du ${sheetDateText(startDate)} au ${sheetDateText(endDate)}`;
  if (startDate !== null) return `à partir du ${sheetDateText(startDate)}`;
  if (endDate !== null) return `jusqu’au ${sheetDateText(endDate)}`;
  return 'non précisées';
}

const listOrDash = (values: readonly string[]): string => (values.length === 0 ? 'aucun' : values.join(', '));

function richField(label: string, json: RichJson, id: string, nextId: () => string): Block[] {
  const blocks: Block[] = [heading(4, label, id, false)];
  if (isEmptyRich(json)) return [...blocks, paragraph('Non renseigné.', 'muted')];
  // Headings typed inside a sheet's field sit under the field's label.
  return [...blocks, { kind: 'rich', json: withHeadingLevels(json, () => 5), blocks: richBlocks(json.content ?? [], { level: () => 5, toc: () => false, id: nextId }) }];
}

/** The same rich text with its headings at their level in the document (for Markdown, which serialises the JSON). */
function withHeadingLevels(json: RichJson, level: (richLevel: number) => number): RichJson {
  const richLevel = typeof json.attrs?.['level'] === 'number' ? json.attrs['level'] : 1;
  return {
    ...json,
    ...(json.type === 'heading' ? { attrs: { ...json.attrs, level: level(richLevel) } } : {}),
    ...(json.content === undefined ? {} : { content: json.content.map((child) => withHeadingLevels(child, level)) }),
  };
}

function sheetBlocks(sheet: ExportSheet, nextId: () => string): Block[] {
  const slug = sheet.number.replace(/[^0-9a-z]+/gi, '-');
  const blocks: Block[] = [
    heading(3, `Fiche ${sheet.number} — ${sheet.title}`, `fiche-${slug}`),
    {
      kind: 'fields',
      items: [
        { label: 'Structure porteuse', value: sheet.leadName ?? 'non désignée' },
        { label: 'Partenaires', value: listOrDash(sheet.partnerNames) },
        { label: 'Territoires', value: listOrDash(sheet.territories) },
        ...(sheet.localPlans.length > 0 ? [{ label: 'Plans locaux de développement', value: sheet.localPlans.join(', ') }] : []),
        { label: 'Dates', value: sheetDates(sheet) },
        { label: 'Montant total', value: eurosText(sheet.financing.totalCents) },
      ],
    },
    ...richField('Objectifs', sheet.goals, `fiche-${slug}-objectifs`, nextId),
    ...richField('Description', sheet.description, `fiche-${slug}-description`, nextId),
    ...richField('Résultats attendus', sheet.expectedResults, `fiche-${slug}-resultats`, nextId),
    heading(4, 'Indicateurs', `fiche-${slug}-indicateurs`, false),
  ];
  const amount = (value: number | null): string => (value === null ? '—' : numberText(value));
  if (sheet.indicators.length === 0) blocks.push(paragraph('Aucun indicateur.', 'muted'));
  else {
    blocks.push({
      kind: 'table',
      caption: `Indicateurs de la fiche ${sheet.number}`,
      head: [cell('Indicateur'), cell('Unité'), cell('Valeur de départ'), cell('Cible')],
      body: sheet.indicators.map((indicator) => [cell(indicator.name || 'Sans nom'), cell(indicator.unit || '—'), cell(amount(indicator.baseline)), cell(amount(indicator.target))]),
      foot: [],
      numeric: [false, false, true, true],
      rowHeaders: true,
    });
  }
  blocks.push(heading(4, 'Plan de financement', `fiche-${slug}-financement`, false));
  if (sheet.financing.rows.length === 0) blocks.push(paragraph('Aucune ligne de financement.', 'muted'));
  else blocks.push(financingBlock(sheet.financing, `Plan de financement de la fiche ${sheet.number}, par financeur et par année`));
  if (sheet.excludedLines > 0) {
    blocks.push(paragraph(`${plural(sheet.excludedLines, 'ligne de financement endommagée est exclue', 'lignes de financement endommagées sont exclues')} des totaux.`, 'warning'));
  }
  return blocks;
}

function budgetBlocks(doc: ExportDocument): Block[] {
  const { budget } = doc;
  const gap = budget.plannedTotalCents - budget.envelopeTotalCents;
  const share = (cents: number): string => (budget.plannedTotalCents === 0 ? '—' : percent.format(cents / budget.plannedTotalCents));
  const blocks: Block[] = [
    heading(1, 'Budget consolidé', 'budget'),
    {
      kind: 'fields',
      items: [
        { label: 'Total des fiches action', value: eurosText(budget.plannedTotalCents) },
        { label: 'Enveloppe du programme', value: eurosText(budget.envelopeTotalCents) },
        { label: 'Écart', value: gap === 0 ? 'aucun : le budget correspond exactement à l’enveloppe' : `${gap > 0 ? '+' : '−'}${eurosText(Math.abs(gap))}` },
      ],
    },
    heading(2, 'Par axe', 'budget-axes'),
    {
      kind: 'table',
      caption: 'Montants par axe',
      head: [cell('Axe'), cell('Montant'), cell('Part du total')],
      body: budget.byAxis.map((axis) => [cell(`${axis.number}. ${axis.title}`), cell(eurosText(axis.cents)), cell(share(axis.cents))]),
      foot: [[cell('Total'), cell(eurosText(budget.plannedTotalCents)), cell(share(budget.plannedTotalCents))]],
      numeric: [false, true, true],
      rowHeaders: true,
    },
    heading(2, 'Par financeur, face à l’enveloppe', 'budget-financeurs'),
    {
      kind: 'table',
      caption: 'Montants prévus par financeur, comparés à sa part de l’enveloppe',
      head: [cell('Financeur'), cell('Prévu dans les fiches'), cell('Part de l’enveloppe'), cell('Écart')],
      body: budget.byFunder.map((funder) => {
        const difference = funder.shareCents === null ? null : funder.plannedCents - funder.shareCents;
        return [
          cell(funder.funder),
          cell(eurosText(funder.plannedCents)),
          cell(funder.shareCents === null ? 'aucune part' : eurosText(funder.shareCents)),
          cell(difference === null ? '—' : difference === 0 ? '0 €' : `${difference > 0 ? '+' : '−'}${eurosText(Math.abs(difference))}`),
        ];
      }),
      foot: [[cell('Total'), cell(eurosText(budget.plannedTotalCents)), cell(eurosText(budget.envelopeTotalCents)), cell(gap === 0 ? '0 €' : `${gap > 0 ? '+' : '−'}${eurosText(Math.abs(gap))}`)]],
      numeric: [false, true, true, true],
      rowHeaders: true,
    },
    heading(2, 'Par financeur et par année', 'budget-annees'),
    budget.byFunderAndYear.rows.length === 0 ? paragraph('Aucune ligne de financement.', 'muted') : financingBlock(budget.byFunderAndYear, 'Montants prévus par financeur et par année'),
    heading(2, 'Alertes', 'budget-alertes'),
  ];
  if (budget.warnings.length === 0) blocks.push(paragraph('Aucune alerte : chaque financeur reste dans sa part et le total correspond à l’enveloppe.'));
  else blocks.push({ kind: 'list', ordered: false, start: 1, items: budget.warnings.map((warning) => [paragraph(warning, 'warning')]) });
  if (budget.excludedLines > 0) blocks.push(paragraph(`${plural(budget.excludedLines, 'ligne de financement endommagée est exclue', 'lignes de financement endommagées sont exclues')} des totaux.`, 'warning'));
  return blocks;
}

function positionsText(byPosition: Record<PositionKind, number>): string {
  return (Object.keys(positionLabels) as PositionKind[]).map((kind) => `${numberText(byPosition[kind])} ${positionLabels[kind]}`).join(', ');
}

function decisionsBlocks(doc: ExportDocument): Block[] {
  const at = frenchDate(doc.date);
  const blocks: Block[] = [heading(1, 'Décisions prises', 'decisions'), heading(2, 'Tours de décision', 'decisions-tours')];
  if (doc.rounds.length === 0) blocks.push(paragraph(`Aucun tour de décision n’était clos au ${at}.`, 'muted'));
  else {
    blocks.push({
      kind: 'table',
      caption: `Tours de décision clos au ${at}`,
      head: [cell('Objet et question'), cell('Clos le'), cell('Positions des structures'), cell('Issue')],
      body: doc.rounds.map((round) => [
        { paragraphs: [[text(round.subjectTitle, { bold: true })], [text(round.question)]] },
        cell(frenchDate(round.closedAt)),
        {
          paragraphs: [
            [text(positionsText(round.byPosition))],
            [text(`${numberText(round.answeredCount)} structures sur ${numberText(round.memberCount)} ; quorum ${round.quorumReached ? 'atteint' : 'non atteint'}`)],
          ],
        },
        { paragraphs: [[text(round.outcome ?? 'non enregistrée', { bold: round.outcome !== null })], ...(round.outcomeNote === '' ? [] : [[text(round.outcomeNote)]])] },
      ]),
      foot: [],
      numeric: [false, false, false, false],
      rowHeaders: true,
    });
  }
  blocks.push(heading(2, 'Amendements', 'decisions-amendements'));
  if (doc.amendments.length === 0) blocks.push(paragraph(`Aucun amendement n’avait été accepté ou rejeté au ${at}.`, 'muted'));
  else {
    blocks.push({
      kind: 'table',
      caption: `Amendements acceptés ou rejetés au ${at}`,
      head: [cell('N°'), cell('Titre'), cell('Auteurs'), cell('Décision')],
      body: doc.amendments.map((amendment) => [
        cell(String(amendment.number)),
        cell(amendment.title),
        { paragraphs: amendment.authors.map((author) => [text(author)]) },
        {
          paragraphs: [
            [text(`${amendment.accepted ? 'Accepté' : 'Rejeté'} le ${frenchDate(amendment.decidedAt)}`, { bold: true })],
            ...(amendment.decidedBy === '' ? [] : [[text(`par ${amendment.decidedBy}`)]]),
            ...(amendment.reason.trim() === '' ? [] : [[text(amendment.reason)]]),
          ],
        },
      ]),
      foot: [],
      numeric: [true, false, false, false],
      rowHeaders: false,
    });
  }
  return blocks;
}

function contributorsBlocks(doc: ExportDocument): Block[] {
  const { contributors } = doc;
  const blocks: Block[] = [
    heading(1, 'Contributeurs', 'contributeurs'),
    paragraph('Les structures qui ont pris part à cette version du contrat : caractères du texte écrits par leurs membres, commentaires, amendements proposés ou cosignés, tours de décision où elles ont donné leur position.'),
  ];
  if (contributors.structures.length === 0) blocks.push(paragraph('Aucune contribution de structure n’est enregistrée pour cette version.', 'muted'));
  else {
    const count = (value: number): TableCell => cell(numberText(value));
    blocks.push({
      kind: 'table',
      caption: `${plural(contributors.structures.length, 'structure contributrice', 'structures contributrices')}`,
      head: [cell('Structure'), cell('Réseau'), cell('Caractères écrits'), cell('Commentaires'), cell('Amendements'), cell('Tours de décision')],
      body: contributors.structures.map((structure) => [cell(structure.structureName), cell(structure.networkName || '—'), count(structure.writtenCharacters), count(structure.comments), count(structure.amendments), count(structure.decisions)]),
      foot: contributors.otherWrittenCharacters > 0 ? [[cell('Personnes sans structure et Trame'), cell('—'), count(contributors.otherWrittenCharacters), cell('—'), cell('—'), cell('—')]] : [],
      numeric: [false, false, true, true, true, true],
      rowHeaders: true,
    });
  }
  return blocks;
}

/** Lays the document out. Pure and quick: the rendering is what takes time. */
export function layoutExport(doc: ExportDocument): ExportLayout {
  let counter = 0;
  const nextId = (): string => `titre-${++counter}`;
  const parts: ExportPart[] = [];

  // The contract's text keeps its own heading levels (its level-1 title is a part of the document).
  const contractNodes = doc.contract.content ?? [];
  const contractLevel = (level: number): number => Math.min(Math.max(level, 1), 3);
  const contract = richBlocks(contractNodes, { level: contractLevel, toc: () => true, id: nextId });
  const startsWithTitle = contract[0]?.kind === 'heading' && contract[0].level === 1;
  parts.push({
    step: 'Texte du contrat',
    blocks: [
      ...(startsWithTitle ? [] : [heading(1, sectionTitles.contract, 'texte-du-contrat')]),
      isEmptyRich(doc.contract) ? paragraph('Le texte du contrat est vide.', 'muted') : { kind: 'rich', json: withHeadingLevels(doc.contract, contractLevel), blocks: contract },
    ],
  });

  const sheetCount = doc.axes.reduce((sum, axis) => sum + axis.sheets.length, 0) + doc.orphanSheets.length;
  parts.push({
    step: 'Programme d’actions',
    blocks: [
      heading(1, sectionTitles.programme, 'programme'),
      paragraph(`${plural(doc.axes.length, 'axe', 'axes')}, ${plural(sheetCount, 'fiche action', 'fiches action')}, pour un total de ${eurosText(doc.budget.plannedTotalCents)}.`),
    ],
  });
  let sheetIndex = 0;
  const sheetPart = (sheet: ExportSheet, prefix: Block[] = []): ExportPart => ({ step: `Fiches action (${++sheetIndex} sur ${sheetCount})`, blocks: [...prefix, ...sheetBlocks(sheet, nextId)] });
  for (const axis of doc.axes) {
    const axisHead: Block[] = [
      heading(2, `Axe ${axis.number} — ${axis.title}`, `axe-${axis.number}`),
      ...(axis.aim.trim() === '' ? [] : [paragraph([text('Finalité : ', { bold: true }), text(axis.aim)])]),
      paragraph(`${plural(axis.sheets.length, 'fiche action', 'fiches action')}, ${eurosText(axis.totalCents)}.`),
    ];
    if (axis.sheets.length === 0) parts.push({ step: `Axe ${axis.number}`, blocks: axisHead });
    axis.sheets.forEach((sheet, index) => parts.push(sheetPart(sheet, index === 0 ? axisHead : [])));
  }
  doc.orphanSheets.forEach((sheet, index) => parts.push(sheetPart(sheet, index === 0 ? [heading(2, 'Fiches sans axe', 'fiches-sans-axe')] : [])));

  parts.push({ step: 'Budget consolidé', blocks: budgetBlocks(doc) });
  parts.push({ step: 'Décisions prises', blocks: decisionsBlocks(doc) });
  parts.push({ step: 'Contributeurs', blocks: contributorsBlocks(doc) });

  const toc: TocEntry[] = [];
  const collect = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'heading' && block.toc) toc.push({ level: block.level, text: block.text, id: block.id });
      else if (block.kind === 'rich') collect(block.blocks);
    }
  };
  for (const part of parts) collect(part.blocks);

  return {
    titlePage: {
      title: doc.workspaceName,
      subtitle: doc.versionName,
      fields: [
        { label: 'Statut', value: doc.status },
        { label: doc.versionId === 'live' ? 'État au' : 'Date', value: frenchDateTime(doc.date) },
        { label: doc.versionId === 'live' ? 'Exporté par' : 'Enregistrée par', value: doc.takenBy },
        { label: 'Enveloppe du programme', value: eurosText(doc.budget.envelopeTotalCents) },
      ],
      description: doc.workspaceDescription,
      comment: doc.versionComment,
    },
    tocTitle: 'Sommaire',
    toc,
    parts,
    language: 'fr',
    documentTitle: `${doc.workspaceName} — ${doc.versionName}`,
  };
}
