/**
 * Reading authorship from a Yjs document: live characters per client id over the contract's
 * texts, and runs of one client's characters at their exact ProseMirror positions (checked
 * against the document y-prosemirror builds from the same fragment), through headings, marks,
 * hard breaks, rules, lists and tables, with deletions and concurrent edits.
 */
import { describe, expect, it } from 'vitest';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { contrastRatio, neutralColour, structureColour, structurePalette } from '../../../shared/colours';
import { contractSchema } from '../../../shared/contract-schema';
import { contractFragmentName } from '../../../shared/document-names';
import { axesName, sheetsName } from '../../../shared/programme/layout';
import { charactersByClient, fragmentRuns } from '../../../shared/versions/authorship';
import { authorshipTint, distinctStructureColours } from '../../../shared/versions/authorship-colours';

const text = (t: string, marks?: { type: string }[]) => ({ type: 'text', text: t, ...(marks === undefined ? {} : { marks }) });
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

/** A contract written by client 1, then edited by clients 2 and 3 from their own replicas. */
function scenario(): { doc: Y.Doc; added: Map<number, string[]> } {
  const doc = new Y.Doc();
  doc.clientID = 1;
  prosemirrorJSONToYXmlFragment(
    contractSchema,
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Diagnostic partagé')] },
        paragraph(text('Le secteur '), text('emploie', [{ type: 'strong' }]), text(' 9 % des salariés.'), { type: 'hard_break' }, text('En Rhône-Alpes.')),
        { type: 'horizontal_rule' },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [paragraph(text('Premier point'))] }] },
        {
          type: 'table',
          content: [{ type: 'table_row', content: [{ type: 'table_cell', content: [paragraph(text('Région'))] }, { type: 'table_cell', content: [paragraph(text('7 602 500 €'))] }] }],
        },
        paragraph(),
      ],
    },
    doc.getXmlFragment(contractFragmentName),
  );
  const two = new Y.Doc();
  two.clientID = 2;
  const three = new Y.Doc();
  three.clientID = 3;
  Y.applyUpdate(two, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(three, Y.encodeStateAsUpdate(doc));
  const textIn = (d: Y.Doc, path: number[]): Y.XmlText => {
    let node: Y.XmlElement | Y.XmlFragment = d.getXmlFragment(contractFragmentName);
    for (const index of path) node = node.get(index) as Y.XmlElement;
    return node as unknown as Y.XmlText;
  };
  // Client 2 inserts in the heading and in the table; client 3 in the paragraph after the hard break, at the same time.
  textIn(two, [0, 0]).insert('Diagnostic'.length, ' largement');
  textIn(two, [4, 0, 1, 0, 0]).insert(0, 'Part : ');
  textIn(three, [1, 2]).insert(0, 'Surtout '); // marks live in one Y.XmlText: [text, hard_break, text]
  // And client 3 deletes a word written by client 1 ("secteur").
  textIn(three, [1, 0]).delete(3, 'secteur'.length);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(two));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(three));
  return { doc, added: new Map([[2, [' largement', 'Part : ']], [3, ['Surtout ']]]) };
}

describe('fragmentRuns', () => {
  it('gives each client’s characters at their ProseMirror positions, through every kind of node', () => {
    const { doc, added } = scenario();
    const fragment = doc.getXmlFragment(contractFragmentName);
    const pm = yXmlFragmentToProseMirrorRootNode(fragment, contractSchema);
    const { runs, size } = fragmentRuns(fragment);
    expect(size).toBe(pm.content.size);
    for (const [client, texts] of added) {
      expect(runs.filter((run) => run.clientId === client).map((run) => pm.textBetween(run.from, run.to))).toEqual(texts);
    }
    const byOne = runs.filter((run) => run.clientId === 1).map((run) => pm.textBetween(run.from, run.to)).join('|');
    expect(byOne).toBe('Diagnostic| partagé|Le  emploie 9 % des salariés.|En Rhône-Alpes.|Premier point|Région|7 602 500 €');
    // Runs cover every character of the text, once.
    const covered = runs.reduce((sum, run) => sum + run.to - run.from, 0);
    expect(covered).toBe(pm.textContent.length);
  });

  it('merges adjacent characters of one client into one run', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    doc.getXmlFragment(contractFragmentName).insert(0, [p]);
    for (const letter of 'Bonjour') t.insert(t.length, letter);
    expect(fragmentRuns(doc.getXmlFragment(contractFragmentName)).runs).toEqual([{ from: 1, to: 8, clientId: 7 }]);
  });
});

describe('charactersByClient', () => {
  it('counts live characters per client in the contract, the axes and the action sheets, not deleted ones nor formatting', () => {
    const { doc } = scenario();
    doc.clientID = 4;
    const axis = new Y.Map<unknown>();
    doc.getMap(axesName).set('axe-1', axis);
    axis.set('title', new Y.Text('Axe 1')); // 5
    const sheet = new Y.Map<unknown>();
    doc.getMap(sheetsName).set('fiche-1-1', sheet);
    const goals = new Y.XmlFragment();
    sheet.set('goals', goals);
    sheet.set('title', new Y.Text('Fiche')); // 5
    sheet.set('title', new Y.Text('Fiche action')); // replaces it: 12
    const goal = new Y.XmlElement('paragraph');
    goal.insert(0, [new Y.XmlText('Objectif')]); // 8
    goals.insert(0, [goal]);
    sheet.set('startDate', '2011-01-01'); // a value, not text
    doc.getText('ailleurs').insert(0, 'hors du contrat');
    const counts = charactersByClient(doc);
    const expectedOne = 'Diagnostic partagé'.length + 'Le  emploie 9 % des salariés.'.length + 'En Rhône-Alpes.'.length + 'Premier point'.length + 'Région'.length + '7 602 500 €'.length;
    expect(counts.get(1)).toBe(expectedOne);
    expect(counts.get(2)).toBe(' largement'.length + 'Part : '.length);
    expect(counts.get(3)).toBe('Surtout '.length);
    expect(counts.get(4)).toBe(5 + 12 + 8);
  });
});

describe('authorship colours', () => {
  it('tints every structure colour lightly enough for the text and links to keep a 4.5:1 contrast', () => {
    for (const colour of [...structurePalette, neutralColour]) {
      const tint = authorshipTint(colour);
      expect(tint).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastRatio('#1c1d21', tint)).toBeGreaterThanOrEqual(4.5); // --trame-ink
      expect(contrastRatio('#1a5fa8', tint)).toBeGreaterThanOrEqual(4.5); // links (--trame-accent)
      expect(contrastRatio(colour, tint)).toBeGreaterThanOrEqual(3); // the dotted underline stands out
    }
  });
});

describe('distinctStructureColours', () => {
  it('keeps each structure’s own colour when free, gives the next free palette colour otherwise, neutral for no structure', () => {
    // Find two structure ids whose own colours collide.
    const ids = Array.from({ length: 40 }, (_, i) => `structure-${i}`);
    const first = ids[0]!;
    const twin = ids.find((id) => id !== first && structureColour(id) === structureColour(first))!;
    expect(twin).toBeDefined();
    const colours = distinctStructureColours([first, null, twin, first]);
    expect(colours.get(first)).toBe(structureColour(first));
    expect(colours.get(null)).toBe(neutralColour);
    expect(colours.get(twin)).not.toBe(structureColour(first));
    expect(structurePalette).toContain(colours.get(twin));
    // Thirteen structures or more: the palette is used up, colours repeat (the names still tell them apart).
    const many = distinctStructureColours(ids.slice(0, 14));
    expect(new Set([...many.values()].slice(0, 12)).size).toBe(12);
  });
});
