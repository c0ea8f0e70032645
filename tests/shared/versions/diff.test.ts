/**
 * The comparison of two versions (shared/versions/diff.ts) on the demo contract: word-level
 * changes per section and per sheet field, sections added/removed/renamed/moved, sheets moved
 * between axes, financing before → after, formatting-only changes, concurrent edits merged
 * between two versions, and empty documents.
 */
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import type { DiffRun } from '../../../shared/amendments/diff';
import { contractSchema } from '../../../shared/contract-schema';
import { contractFragmentName } from '../../../shared/document-names';
import { addSheet, emptySheetPlan, moveSheet, removeSheet, replaceText, setSheetValue, sheetTitleText, toggleInSet, updateBudgetLine, updateIndicator, writeProgramme } from '../../../shared/programme/edit';
import { sheetAt, sheetRichText } from '../../../shared/programme/layout';
import { readProgramme } from '../../../shared/programme/read';
import { diffVersions, type BlockChange, type SectionDiff, type SheetDiff, type SheetFieldChange } from '../../../shared/versions/diff';
import { buildDemoContract, demoEnvelope } from '../../../server/demo/demo-contract';
import { buildDemoProgramme } from '../../../server/demo/demo-programme';

function demoDoc(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(contractSchema, buildDemoContract(demoEnvelope), doc.getXmlFragment(contractFragmentName));
  writeProgramme(doc, buildDemoProgramme(demoEnvelope));
  return doc;
}

/** A stored version: the state of `doc` now, as its own document (what VersionsService.docOf gives). */
function versionOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc));
  return copy;
}

const fragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(contractFragmentName);

/** The text node of the first paragraph whose text contains `needle` (searching nested blocks). */
function textContaining(root: Y.XmlFragment | Y.XmlElement, needle: string): Y.XmlText {
  for (const node of root.toArray()) {
    if (node instanceof Y.XmlText && node.toString().includes(needle)) return node;
    if (node instanceof Y.XmlElement) {
      try {
        return textContaining(node, needle);
      } catch {
        // not in this one
      }
    }
  }
  throw new Error(`no text containing ${needle}`);
}

/** Replaces the first occurrence of `from` by `to` inside one text node, as an editor would. */
function replaceWords(root: Y.XmlFragment, from: string, to: string): void {
  const text = textContaining(root, from);
  const index = text.toString().indexOf(from);
  text.doc!.transact(() => {
    text.delete(index, from.length);
    text.insert(index, to);
  });
}

const changedRuns = (blocks: readonly BlockChange[]): DiffRun[] => blocks.flatMap((block) => (block.status === 'skipped' ? [] : block.runs)).filter((run) => run.kind !== 'equal');
const section = (diff: { sections: SectionDiff[] }, heading: string): SectionDiff | undefined => diff.sections.find((s) => s.after?.heading === heading || s.before?.heading === heading);
const sheet = (diff: { sheets: SheetDiff[] }, id: string): SheetDiff | undefined => diff.sheets.find((s) => s.id === id);
type FieldChange<F> = SheetFieldChange extends infer C ? (C extends { field: infer G } ? (F extends G ? C : never) : never) : never;
const field = <F extends SheetFieldChange['field']>(s: SheetDiff | undefined, name: F): FieldChange<F> | undefined =>
  s?.changes.find((change): change is FieldChange<F> => change.field === name);

describe('diffVersions', () => {
  it('finds no difference between a version and itself, and two empty documents', () => {
    const doc = demoDoc();
    const diff = diffVersions(versionOf(doc), versionOf(doc), { envelope: demoEnvelope });
    expect(diff.summary.identical).toBe(true);
    expect(diff.sections.every((s) => s.status === 'unchanged' && s.blocks.length === 0)).toBe(true);
    expect(diff.sections.map((s) => s.after?.heading)).toEqual([
      'Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013',
      'Un diagnostic partagé',
      'Trois axes prioritaires',
      'La mise en œuvre du Contrat Sectoriel',
      'Programme d’actions et financement',
    ]);
    expect(diff.sheets).toEqual([]);
    expect(diff.summary.sheetsUnchanged).toBe(12);
    expect(diff.budget.total).toMatchObject({ beforeCents: 3_381_649_100, afterCents: 3_381_649_100, differenceCents: 0 });

    const empty = diffVersions(new Y.Doc(), new Y.Doc());
    expect(empty.summary).toMatchObject({ identical: true, sectionsUnchanged: 0, totalBeforeCents: 0, totalAfterCents: 0 });
    expect(empty.sections).toEqual([]);
    expect(empty.budget.byAxis).toEqual([]);
  });

  it('shows everything as added from an empty document, and removed back to one', () => {
    const doc = demoDoc();
    const added = diffVersions(new Y.Doc(), doc);
    expect(added.summary).toMatchObject({ identical: false, sectionsAdded: 5, sheetsAdded: 12, totalBeforeCents: 0, totalAfterCents: 3_381_649_100 });
    const first = added.sheets[0]!;
    expect(first).toMatchObject({ id: 'fiche-1-1', status: 'added', number: { before: null, after: '1.1' } });
    expect(field(first, 'financing')?.lines.every((line) => line.beforeCents === 0 && line.differenceCents === line.afterCents)).toBe(true);
    const removed = diffVersions(doc, new Y.Doc());
    expect(removed.summary).toMatchObject({ sectionsRemoved: 5, sheetsRemoved: 12, differenceCents: -3_381_649_100 });
    expect(removed.sections.every((s) => s.blocks.every((b) => b.status === 'deleted'))).toBe(true);
  });

  it('shows a one-word change as that word, in its section, block by block', () => {
    const doc = demoDoc();
    const before = versionOf(doc);
    replaceWords(fragment(doc), 'maîtrise d’ouvrage déléguée', 'maîtrise d’ouvrage pleine');
    // …and one list item in another section.
    replaceWords(fragment(doc), 'mutations environnementales', 'transitions écologiques');
    const diff = diffVersions(before, doc);
    expect(diff.summary).toMatchObject({ sectionsChanged: 2, sectionsUnchanged: 3, sectionsAdded: 0, sectionsRemoved: 0 });
    const implementation = section(diff, 'La mise en œuvre du Contrat Sectoriel')!;
    expect(implementation.status).toBe('changed');
    expect(changedRuns(implementation.blocks)).toEqual([
      { kind: 'delete', text: 'déléguée' },
      { kind: 'insert', text: 'pleine' },
    ]);
    const diagnosis = section(diff, 'Un diagnostic partagé')!;
    const item = diagnosis.blocks.find((b) => b.status === 'changed')!;
    expect(item).toMatchObject({ kind: 'item', depth: 0 });
    expect(changedRuns([item]).map((run) => run.text)).toEqual(['mutations environnementales', 'transitions écologiques']);
    // The other list items and paragraphs are folded away, except one block of context on each side.
    expect(diagnosis.blocks.filter((b) => b.status === 'equal')).toHaveLength(2);
    expect(diagnosis.blocks.filter((b) => b.status === 'skipped').reduce((n, b) => n + (b.status === 'skipped' ? b.count : 0), 0)).toBe(13 - 3);
  });

  it('sees a word replaced by another of the same length (formatting keys hold lengths, not words)', () => {
    const doc = demoDoc();
    const before = versionOf(doc);
    replaceWords(fragment(doc), 'triple rôle', 'double rôle');
    replaceText(sheetTitleText(doc, 'fiche-1-1')!, 'Le Mois de l’ESS en Rhône-Alpez');
    const diff = diffVersions(before, doc);
    expect(changedRuns(section(diff, 'La mise en œuvre du Contrat Sectoriel')!.blocks)).toEqual([
      { kind: 'delete', text: 'triple' },
      { kind: 'insert', text: 'double' },
    ]);
    expect(diff.summary).toMatchObject({ sectionsChanged: 1, sheetsChanged: 1 });
  });

  it('reports added, removed, renamed and moved sections', () => {
    const doc = demoDoc();
    const before = versionOf(doc);
    const root = fragment(doc);
    const indexOfHeading = (text: string): number => root.toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'heading' && node.toString().includes(text));
    doc.transact(() => {
      // Rename "Trois axes prioritaires" in place.
      replaceWords(root, 'Trois axes prioritaires', 'Trois axes retenus');
      // Remove "La mise en œuvre…" with its paragraph.
      root.delete(indexOfHeading('La mise en œuvre'), 2);
      // Add a new section at the end.
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText('Évaluation')]);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Un comité évalue les actions chaque année.')]);
      root.insert(root.length, [heading, paragraph]);
    });
    const diff = diffVersions(before, doc);
    expect(diff.summary).toMatchObject({ sectionsChanged: 1, sectionsAdded: 1, sectionsRemoved: 1, sectionsUnchanged: 3 });
    const renamed = section(diff, 'Trois axes retenus')!;
    expect(renamed).toMatchObject({ status: 'changed', before: { heading: 'Trois axes prioritaires' }, after: { heading: 'Trois axes retenus' } });
    expect(renamed.heading).toEqual([
      { kind: 'equal', text: 'Trois axes ' },
      { kind: 'delete', text: 'prioritaires' },
      { kind: 'insert', text: 'retenus' },
    ]);
    const removed = section(diff, 'La mise en œuvre du Contrat Sectoriel')!;
    expect(removed).toMatchObject({ status: 'removed', after: null, level: 2 });
    expect(removed.blocks).toHaveLength(1);
    expect(removed.blocks[0]).toMatchObject({ status: 'deleted' });
    // Removed sections keep their place: after the renamed one, before "Programme d’actions…".
    expect(diff.sections.map((s) => s.status)).toEqual(['unchanged', 'unchanged', 'changed', 'removed', 'unchanged', 'added']);
    expect(section(diff, 'Évaluation')).toMatchObject({ status: 'added', level: 2, after: { parents: ['Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013'] } });
  });

  it('pairs a section rewritten as new blocks (a restore) by its place and words, and notices a moved one', () => {
    const doc = new Y.Doc();
    const json = (headings: [string, string][]): Record<string, unknown> => ({
      type: 'doc',
      content: headings.flatMap(([title, body]) => [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] },
        { type: 'paragraph', content: [{ type: 'text', text: body }] },
      ]),
    });
    prosemirrorJSONToYXmlFragment(contractSchema, json([['Alpha', 'Le premier texte parle des coopératives.'], ['Bêta', 'Le deuxième texte parle des mutuelles du territoire.'], ['Gamma', 'Le troisième parle des associations.']]), fragment(doc));
    const other = new Y.Doc();
    // Entirely new items (as a restore or an import writes them): Bêta renamed, Gamma moved first.
    prosemirrorJSONToYXmlFragment(contractSchema, json([['Gamma', 'Le troisième parle des associations.'], ['Alpha', 'Le premier texte parle des coopératives.'], ['Bêta révisé', 'Le deuxième texte parle des mutuelles du territoire rhônalpin.']]), fragment(other));
    const diff = diffVersions(doc, other);
    expect(diff.sections.map((s) => [s.before?.heading, s.after?.heading, s.status, s.moved])).toEqual([
      ['Gamma', 'Gamma', 'unchanged', true],
      ['Alpha', 'Alpha', 'unchanged', false],
      ['Bêta', 'Bêta révisé', 'changed', false],
    ]);
    expect(changedRuns(diff.sections[2]!.blocks)).toEqual([{ kind: 'insert', text: ' rhônalpin' }]);
    expect(diff.summary.identical).toBe(false);
  });

  it('reports a formatting-only change as formatted, not as changed words', () => {
    const doc = demoDoc();
    const before = versionOf(doc);
    const text = textContaining(fragment(doc), 'Le programme retient trois axes');
    text.format(0, 12, { strong: {} });
    const diff = diffVersions(before, doc);
    const axes = section(diff, 'Trois axes prioritaires')!;
    expect(axes.status).toBe('changed');
    const block = axes.blocks.find((b) => b.status !== 'skipped' && b.status !== 'equal')!;
    expect(block.status).toBe('formatted');
    expect(changedRuns(axes.blocks)).toEqual([]);
    expect(diff.summary.sectionsChanged).toBe(1);
  });

  it('keeps both edits made concurrently by two replicas in the same paragraph and the same sheet', () => {
    const origin = demoDoc();
    const committee = versionOf(origin); // the version named for the committee
    const alice = versionOf(origin);
    const bob = versionOf(origin);
    // Both edit the same paragraph and the same sheet without seeing each other.
    replaceWords(fragment(alice), 'triple rôle', 'double rôle');
    replaceWords(fragment(bob), 'comité de pilotage', 'comité de suivi');
    replaceText(sheetTitleText(alice, 'fiche-1-1')!, 'Le Mois de l’ESS en Auvergne-Rhône-Alpes');
    const lineId = readProgramme(bob).sheets.get('fiche-1-1')!.budget[0]!.id;
    const beforeAmount = readProgramme(bob).sheets.get('fiche-1-1')!.budget[0]!.amountCents!;
    updateBudgetLine(bob, 'fiche-1-1', lineId, { amountCents: beforeAmount + 12_000_000 });
    // They sync.
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob, Y.encodeStateVector(alice)));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice, Y.encodeStateVector(bob)));
    const diff = diffVersions(committee, alice, { envelope: demoEnvelope });
    expect(diffVersions(committee, bob)).toEqual(diffVersions(committee, alice));

    const implementation = section(diff, 'La mise en œuvre du Contrat Sectoriel')!;
    expect(implementation.blocks.filter((b) => b.status === 'changed')).toHaveLength(1);
    expect(changedRuns(implementation.blocks)).toEqual([
      { kind: 'delete', text: 'triple' },
      { kind: 'insert', text: 'double' },
      { kind: 'delete', text: 'pilotage' },
      { kind: 'insert', text: 'suivi' },
    ]);
    const mois = sheet(diff, 'fiche-1-1')!;
    expect(mois.status).toBe('changed');
    expect(field(mois, 'title')?.runs.filter((run) => run.kind !== 'equal')).toEqual([
      { kind: 'insert', text: 'Auvergne-' },
    ]);
    expect(field(mois, 'financing')?.lines).toEqual([{ funder: 'Région Rhône-Alpes', year: 2011, beforeCents: beforeAmount, afterCents: beforeAmount + 12_000_000, differenceCents: 12_000_000 }]);
    expect(mois.totals.differenceCents).toBe(12_000_000);
    expect(diff.summary).toMatchObject({ sectionsChanged: 1, sheetsChanged: 1, totalBeforeCents: 3_381_649_100, totalAfterCents: 3_393_649_100, differenceCents: 12_000_000 });
  });

  it('lists a sheet moved to another axis, renumbering, and the budget per axis before → after', () => {
    const doc = demoDoc();
    const before = versionOf(doc);
    const moved = readProgramme(doc).sheets.get('fiche-1-2')!;
    moveSheet(doc, 'fiche-1-2', 'axe-3', 0);
    const diff = diffVersions(before, doc, { envelope: demoEnvelope });
    const sheetDiff = sheet(diff, 'fiche-1-2')!;
    expect(sheetDiff).toMatchObject({ status: 'moved', moved: true, number: { before: '1.2', after: '3.1' }, changes: [] });
    expect(sheetDiff.axis.before?.id).toBe('axe-1');
    expect(sheetDiff.axis.after?.id).toBe('axe-3');
    // Its neighbours were renumbered (moved too, nothing else changed).
    expect(sheet(diff, 'fiche-1-3')).toMatchObject({ status: 'moved', number: { before: '1.3', after: '1.2' } });
    expect(sheet(diff, 'fiche-3-1')).toMatchObject({ status: 'moved', number: { before: '3.1', after: '3.2' } });
    expect(diff.summary).toMatchObject({ sheetsChanged: 0, sheetsMoved: 7, differenceCents: 0 });
    const amount = moved.budget.reduce((sum, line) => sum + line.amountCents!, 0);
    const axis1 = diff.budget.byAxis.find((row) => row.key === 'axe-1')!;
    const axis3 = diff.budget.byAxis.find((row) => row.key === 'axe-3')!;
    expect(axis1.differenceCents).toBe(-amount);
    expect(axis3.differenceCents).toBe(amount);
    expect(axis1).toMatchObject({ number: 1, label: 'La promotion de l’ESS' });
    expect(diff.budget.byFunder.every((row) => row.differenceCents === 0)).toBe(true);
    expect(diff.budget.envelope).toEqual({ beforeCents: 3_381_649_100, afterCents: 3_381_649_100 });
  });

  it('lists each changed field of a sheet, with names, and added and removed sheets with their amounts', () => {
    const doc = demoDoc();
    const before = versionOf(doc);
    const names = new Map([['cress-rhone-alpes', 'CRESS Rhône-Alpes'], ['scop-batisseurs-du-pilat', 'SCOP Les Bâtisseurs du Pilat']]);
    setSheetValue(doc, 'fiche-2-1', 'lead', 'scop-batisseurs-du-pilat');
    toggleInSet(doc, 'fiche-2-1', 'partners', 'cress-rhone-alpes', true);
    toggleInSet(doc, 'fiche-2-1', 'territories', '38', true);
    setSheetValue(doc, 'fiche-2-1', 'endDate', '2014-06-30');
    const indicator = readProgramme(doc).sheets.get('fiche-2-1')!.indicators[0]!;
    updateIndicator(doc, 'fiche-2-1', indicator.id, { target: (indicator.target ?? 0) + 5 });
    replaceWords(sheetRichText(doc, 'fiche-2-1', 'description')!, ' ', ' et aussi ');
    removeSheet(doc, 'fiche-2-4');
    const plan = { ...emptySheetPlan(), id: 'fiche-nouvelle', title: 'Une nouvelle fiche', lead: 'cress-rhone-alpes', goals: ['Essaimer.'], budget: [{ funder: 'État', year: 2012, amountCents: 5_000_000 }] };
    addSheet(doc, 'axe-2', plan, 0);
    const diff = diffVersions(before, doc, { envelope: demoEnvelope, structureNames: names });
    const changed = sheet(diff, 'fiche-2-1')!;
    expect(changed.status).toBe('changed');
    expect(changed.moved).toBe(true); // renumbered 2.1 → 2.2 by the new sheet
    expect(field(changed, 'lead')).toEqual({ field: 'lead', before: { id: 'scop-menuiserie-de-la-bresse', name: 'scop-menuiserie-de-la-bresse' }, after: { id: 'scop-batisseurs-du-pilat', name: 'SCOP Les Bâtisseurs du Pilat' } });
    expect(field(changed, 'partners')).toEqual({ field: 'partners', added: [{ id: 'cress-rhone-alpes', name: 'CRESS Rhône-Alpes' }], removed: [] });
    expect(field(changed, 'territories')?.added).toEqual([{ id: '38', name: 'Isère' }]);
    expect(field(changed, 'dates')?.endDate.after).toBe('2014-06-30');
    expect(field(changed, 'indicators')?.changes).toEqual([{ id: indicator.id, status: 'changed', before: expect.objectContaining({ target: indicator.target }), after: expect.objectContaining({ target: (indicator.target ?? 0) + 5 }) }]);
    expect(changedRuns(field(changed, 'description')!.blocks).map((run) => [run.kind, run.text.trim()])).toEqual([['insert', 'et aussi']]);
    expect(field(changed, 'financing')).toBeUndefined();

    const added = sheet(diff, 'fiche-nouvelle')!;
    expect(added).toMatchObject({ status: 'added', number: { before: null, after: '2.1' }, totals: { beforeCents: 0, afterCents: 5_000_000 } });
    expect(changedRuns(field(added, 'goals')!.blocks)).toEqual([{ kind: 'insert', text: 'Essaimer.' }]);
    const removed = sheet(diff, 'fiche-2-4')!;
    expect(removed.status).toBe('removed');
    expect(removed.totals.afterCents).toBe(0);
    // The removed sheet is listed where it was: after the sheet that preceded it (2.3).
    expect(diff.sheets.findIndex((s) => s.id === 'fiche-2-4')).toBe(diff.sheets.findIndex((s) => s.id === 'fiche-2-3') + 1);
    expect(diff.summary).toMatchObject({ sheetsAdded: 1, sheetsRemoved: 1, sheetsChanged: 1, differenceCents: 5_000_000 - removed.totals.beforeCents });
    const etat = diff.budget.byFunder.find((row) => row.label === 'État')!;
    expect(etat.afterCents - etat.beforeCents).toBe(etat.differenceCents);
    const year2012 = diff.budget.byYear.find((row) => row.key === '2012')!;
    expect(year2012.differenceCents).toBe(5_000_000 - (field(removed, 'financing')!.lines.filter((l) => l.year === 2012).reduce((s, l) => s + l.beforeCents, 0)));
    // Budget rows add up to the total, on both sides.
    for (const rows of [diff.budget.byAxis, diff.budget.byFunder, diff.budget.byYear]) {
      expect(rows.reduce((s, r) => s + r.beforeCents, 0)).toBe(diff.budget.total.beforeCents);
      expect(rows.reduce((s, r) => s + r.afterCents, 0)).toBe(diff.budget.total.afterCents);
    }
  });

  it('reads a damaged sheet without throwing and is plain JSON', () => {
    const doc = demoDoc();
    const before = versionOf(doc);
    doc.transact(() => {
      const damaged = sheetAt(doc, 'fiche-3-1')!;
      damaged.set('title', 42 as unknown as string);
      damaged.set('budget', 'rien');
      damaged.set('goals', 'pas un fragment');
    });
    const diff = diffVersions(before, doc, { envelope: demoEnvelope });
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
    const damaged = sheet(diff, 'fiche-3-1')!;
    expect(damaged.status).toBe('changed');
    expect(field(damaged, 'financing')!.lines.every((line) => line.afterCents === 0)).toBe(true);
    expect(field(damaged, 'goals')!.blocks.every((b) => b.status === 'deleted' || b.status === 'skipped')).toBe(true);
  });
});
