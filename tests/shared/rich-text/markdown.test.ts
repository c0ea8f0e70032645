/**
 * Markdown ⇄ contract rich text: round trips are stable on a rich sample, what the schema lacks
 * degrades to text with a French warning, and malformed or hostile Markdown never throws nor
 * turns into markup.
 */
import { describe, expect, it } from 'vitest';
import { Node as PMNode } from 'prosemirror-model';
import { contractSchema } from '../../../shared/contract-schema';
import { markdownToRichText, richTextToMarkdown, type RichTextJson } from '../../../shared/rich-text/markdown';

const sample = `# Contrat ESS Rhône-Alpes 2011-2013

Un **paragraphe** avec *de l'italique*, ***les deux***, un [lien](https://www.cress-rhone-alpes.org/ "La CRESS") et une adresse <mailto:contact@cress.example>.

## Axe 1 : développer l'emploi

- premier point
- second point en **gras**
  - sous-point
    1. profond
    2. encore plus
- troisième point

3. trois
4. quatre

> Une citation
> sur deux lignes.

| Financeur | Montant |
| --- | ---: |
| Région | 7 602 500 € |
| État \\| autre | *3 425 000 €* |
| Reste |

---

Ligne\\
cassée.
`;

function docOf(json: RichTextJson): PMNode {
  const node = PMNode.fromJSON(contractSchema, json);
  node.check();
  return node;
}

function nodeTypes(json: RichTextJson): string[] {
  const names: string[] = [];
  docOf(json).descendants((node) => {
    names.push(node.type.name);
  });
  return names;
}

describe('markdownToRichText and richTextToMarkdown', () => {
  it('keeps headings, lists, marks, links, quotes and tables, and round-trips stably', () => {
    const first = markdownToRichText(sample);
    expect(first.warnings).toEqual([]);
    const doc = docOf(first.doc);
    const types = nodeTypes(first.doc);
    for (const type of ['heading', 'bullet_list', 'ordered_list', 'blockquote', 'table', 'table_header', 'table_cell', 'horizontal_rule', 'hard_break']) {
      expect(types).toContain(type);
    }
    // Nested lists: a bullet list inside a bullet list inside an ordered list inside it.
    expect(JSON.stringify(first.doc)).toMatch(/"bullet_list".*"bullet_list".*"ordered_list"/);
    expect(doc.child(0).attrs['level']).toBe(1);
    expect(doc.textContent).toContain('État | autre');
    const marks = new Set<string>();
    doc.descendants((node) => {
      for (const mark of node.marks) marks.add(mark.type.name === 'link' ? `link:${String(mark.attrs['href'])}` : mark.type.name);
    });
    expect([...marks].sort()).toEqual(['em', 'link:https://www.cress-rhone-alpes.org/', 'link:mailto:contact@cress.example', 'strong']);
    // The ordered list keeps its start number; the short table row is padded with an empty cell.
    expect(JSON.stringify(first.doc)).toContain('"order":3');
    const table = doc.content.content.find((node) => node.type.name === 'table');
    expect(table?.childCount).toBe(4);
    expect(table?.child(3).childCount).toBe(2);

    const markdown = richTextToMarkdown(first.doc);
    const second = markdownToRichText(markdown);
    expect(second.doc).toEqual(first.doc);
    expect(second.warnings).toEqual([]);
    expect(richTextToMarkdown(second.doc)).toBe(markdown);
    expect(markdown).toContain('| État \\| autre | *3 425 000 €* |');
    expect(markdown).toContain('- second point en **gras**');
  });

  it('accepts a node as well as JSON, and writes an empty document as an empty string', () => {
    const { doc } = markdownToRichText('Bonjour **monde**');
    expect(richTextToMarkdown(docOf(doc))).toBe('Bonjour **monde**\n');
    expect(richTextToMarkdown(markdownToRichText('').doc)).toBe('');
  });

  it('writes tables made in the editor (no header row, merged cells, several blocks per cell) as valid GFM', () => {
    const cell = (text: string, attrs: Record<string, unknown> = {}) =>
      contractSchema.node('table_cell', attrs, [contractSchema.node('paragraph', null, text ? [contractSchema.text(text)] : [])]);
    const table = contractSchema.node('table', null, [
      contractSchema.node('table_row', null, [cell('Fusion', { colspan: 2 }), cell('C')]),
      contractSchema.node('table_row', null, [
        contractSchema.node('table_cell', null, [
          contractSchema.node('paragraph', null, [contractSchema.text('un')]),
          contractSchema.node('paragraph', null, [contractSchema.text('deux|trois')]),
        ]),
        cell('B'),
        cell(''),
      ]),
    ]);
    const markdown = richTextToMarkdown(contractSchema.node('doc', null, [table]));
    expect(markdown).toBe('| Fusion |  | C |\n| --- | --- | --- |\n| un deux\\|trois | B |  |\n');
    const back = docOf(markdownToRichText(markdown).doc);
    expect(back.child(0).type.name).toBe('table');
    expect(back.textContent).toBe('FusionCun deux|troisB');
  });

  it('keeps HTML and scripts as plain text, escaped on the way out', () => {
    const hostile = '<script>alert("x")</script>\n\nTexte <b onclick="x()">gras</b> & &amp; R&D <img src=x onerror=alert(1)>';
    const { doc, warnings } = markdownToRichText(hostile);
    const node = docOf(doc);
    expect(nodeTypes(doc).every((type) => ['paragraph', 'text'].includes(type))).toBe(true);
    expect(node.child(0).textContent).toBe('<script>alert("x")</script>');
    expect(node.child(1).textContent).toBe('Texte <b onclick="x()">gras</b> & & R&D <img src=x onerror=alert(1)>');
    expect(warnings).toEqual([]);
    const markdown = richTextToMarkdown(doc);
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    expect(markdown).toContain('\\<script>');
    expect(markdownToRichText(markdown).doc).toEqual(doc);
    // A literal "&amp;" typed in the contract stays literal through Markdown.
    const literal = contractSchema.node('doc', null, [contractSchema.node('paragraph', null, [contractSchema.text('&amp; reste &amp;')])]);
    expect(docOf(markdownToRichText(richTextToMarkdown(literal)).doc).textContent).toBe('&amp; reste &amp;');
  });

  it('degrades what the schema lacks to text with one French warning per kind', () => {
    const { doc, warnings } = markdownToRichText(
      '#### Titre profond\n\n###### Encore\n\nDu `code` et ~~barré~~ ![logo de la CRESS](https://x.example/logo.png) [local](page.html) [ok](https://ok.example)\n\n```js\nalert(1)\n\nfin()\n```\n',
    );
    const node = docOf(doc);
    expect(node.child(0).type.name).toBe('heading');
    expect(node.child(0).attrs['level']).toBe(3);
    expect(node.child(1).attrs['level']).toBe(3);
    expect(node.child(2).textContent).toBe('Du code et barré logo de la CRESS local ok');
    const links: string[] = [];
    node.descendants((child) => {
      for (const mark of child.marks) if (mark.type.name === 'link') links.push(String(mark.attrs['href']));
    });
    expect(links).toEqual(['https://ok.example']);
    expect(node.child(3).type.name).toBe('paragraph');
    expect(node.child(3).textContent).toBe('alert(1)fin()');
    expect(warnings).toEqual([
      'Les titres de niveau 4 à 6 deviennent des titres de niveau 3.',
      'Le code (blocs et extraits entre accents graves) est importé comme texte ordinaire.',
      'Le texte barré est importé sans être barré.',
      'Les images ne sont pas importées : leur texte de remplacement est gardé.',
      'Les liens qui ne commencent ni par http(s) ni par mailto sont retirés (leur texte est gardé).',
    ]);
    const again = markdownToRichText(richTextToMarkdown(doc));
    expect(again.doc).toEqual(doc);
    expect(again.warnings).toEqual([]);
  });

  it('never throws on malformed Markdown and gives valid, stable documents', () => {
    const malformed = [
      '```\nclôture jamais fermée\n# pas un titre',
      '| a | b\n|---\n| c | d | e | f |\n|||\n| seul',
      '||\n|-|\n||',
      'texte | avec | barres\n\n| --- |',
      '**gras *mal fermé\n\n[lien sans fin](https://x.example\n\n> > > > citation',
      `${'> '.repeat(200)}profond`,
      `${Array.from({ length: 120 }, (_, depth) => `${'  '.repeat(depth)}- niveau ${depth}`).join('\n')}`,
      '\uFEFF\u0000\u0007 contrôle\r\n\r\n* * *\r\n1) un\r\n2) deux',
      '<div>\n\n# titre\n\n</div>',
    ];
    for (const text of malformed) {
      const first = markdownToRichText(text);
      docOf(first.doc);
      const markdown = richTextToMarkdown(first.doc);
      const second = markdownToRichText(markdown);
      expect(second.doc, text).toEqual(first.doc);
    }
    expect(docOf(markdownToRichText(malformed[0]!).doc).textContent).toContain('clôture jamais fermée# pas un titre');
    expect(markdownToRichText(`${'> '.repeat(200)}profond`).warnings).toContain(
      'Le texte est imbriqué trop profondément : une partie a pu être ignorée.',
    );
    const deepList = markdownToRichText(malformed[6]!);
    expect(deepList.warnings).toContain('Les listes et citations imbriquées sur plus de 10 niveaux sont aplaties.');
    const deepText = docOf(deepList.doc).textContent;
    expect(deepText).toContain('niveau 9');
    expect(deepText).toContain('niveau 30');
    let depth = 0;
    const measure = (node: PMNode, level: number): void => {
      depth = Math.max(depth, level);
      node.forEach((child) => measure(child, child.type.name.endsWith('_list') ? level + 1 : level));
    };
    measure(docOf(deepList.doc), 0);
    expect(depth).toBe(10);
  });
});
