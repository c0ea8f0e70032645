/**
 * Importing Markdown and Word texts over the real API: preview then apply into the live contract
 * (Markdown → Trame → Markdown round trip read back from the server's document), a DOCX built
 * with the `docx` package, a new workspace made from an import, and every bad input (non-DOCX,
 * zip without a document, zip bombs, 50 MB, empty, invalid UTF-8, frozen contract, a member)
 * refused with a French problem while the contract stays exactly as it was.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { Node as PMNode } from 'prosemirror-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { contractSchema } from '../../../shared/contract-schema';
import { contractDocumentName, contractFragmentName } from '../../../shared/document-names';
import type { Problem } from '../../../shared/result';
import { markdownToRichText, richTextToMarkdown } from '../../../shared/rich-text/markdown';
import type { ImportApplied, ImportPreview } from '../../../shared/rich-text/text-import';
import type { WorkspaceView } from '../../../shared/schemas/workspace';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { expectProblem, frenchText } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';

const api = `/api/workspaces/${demoWorkspaceId}/text-imports`;
const contractName = contractDocumentName(demoWorkspaceId);

const sampleMarkdown = `## Axe 4 : coopérer entre territoires

Les structures de l’**ESS** s’engagent à *mutualiser* leurs moyens, avec [la CRESS](https://www.cress-rhone-alpes.org/).

- un comité de pilotage trimestriel
- des groupes de travail
  - emploi
  - finances solidaires
    1. épargne
    2. prêts

| Financeur | Montant |
| --- | --- |
| Région | 7 602 500 € |
| État | **3 425 000 €** |

> Le programme s’élève à 33 816 491 €.

Texte avec <script>alert("x")</script> laissé tel quel.
`;

/** Markdown compared without differences of blank lines or trailing spaces. */
const normalised = (markdown: string): string => markdown.replace(/[ \t]+$/gm, '').replace(/\n{2,}/g, '\n\n').trim();

describe('text imports', () => {
  let server: TestServer;
  let coordinator: TestSession;
  let facilitator: TestSession;
  let member: TestSession;
  /** A zip bomb: 100 MB of zeros in ~100 KB (built before the server starts: it blocks for seconds). */
  let bomb: Uint8Array;
  /** The same bomb, its directory declaring 1 MB: only the capped inflating can catch it. */
  let lyingBomb: Uint8Array;

  beforeAll(async () => {
    bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(100 * 1024 * 1024) });
    lyingBomb = bomb.slice();
    declareSize(lyingBomb, 'word/document.xml', 1024 * 1024);
    server = await startTestServer({ seedDemo: true });
    [coordinator, facilitator, member] = await Promise.all([signInAs(server.url, 'coordinator'), signInAs(server.url, 'facilitator'), signInAs(server.url, 'member')]);
  });
  afterAll(async () => {
    await server.destroy();
  });

  function upload(as: TestSession, body: BodyInit | Uint8Array, query: string): Promise<Response> {
    return fetchAs(as, server.url, `${api}?${query}`, { method: 'POST', body: body as BodyInit, headers: { 'content-type': 'application/octet-stream' } });
  }
  async function preview(as: TestSession, body: BodyInit | Uint8Array, query: string): Promise<ImportPreview> {
    const response = await upload(as, body, query);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as ImportPreview;
  }
  function apply(as: TestSession, previewId: string, target: unknown): Promise<Response> {
    return fetchAs(as, server.url, `${api}/${previewId}/apply`, { method: 'POST', body: JSON.stringify({ target }) });
  }
  /** The live contract's rich text, read from the server's own document. */
  function contractDoc(name = contractName): Promise<PMNode> {
    return server.trame.rooms.withDocument(name, (doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(contractFragmentName), contractSchema));
  }
  const contractJson = async (): Promise<string> => JSON.stringify((await contractDoc()).toJSON());

  it('imports Markdown at the end of the contract in one go, and reads back as the same Markdown', async () => {
    const before = await contractDoc();
    const shown = await preview(coordinator, sampleMarkdown, 'format=md&name=axe-4.md');
    expect(shown).toMatchObject({ fileName: 'axe-4.md', format: 'md', warnings: [], stats: { headings: 1, lists: 3, tables: 1 } });
    expect(shown.stats.words).toBeGreaterThan(40);
    expect(shown.doc).toEqual(markdownToRichText(sampleMarkdown).doc);
    // Nothing is written by a preview.
    expect((await contractDoc()).eq(before)).toBe(true);

    const response = await apply(coordinator, shown.previewId, { kind: 'section', position: 'end' });
    expect(response.status, await response.clone().text()).toBe(200);
    const applied = (await response.json()) as ImportApplied;
    expect(applied).toMatchObject({ kind: 'section', workspaceId: demoWorkspaceId, path: `/w/${demoWorkspaceId}`, blocks: 6 });

    const after = await contractDoc();
    expect(after.childCount).toBe(before.childCount + applied.blocks);
    for (let index = 0; index < before.childCount; index++) expect(after.child(index).eq(before.child(index))).toBe(true);
    const imported = contractSchema.node('doc', null, Array.from({ length: applied.blocks }, (_, i) => after.child(before.childCount + i)));
    const backToMarkdown = richTextToMarkdown(imported);
    expect(normalised(backToMarkdown)).toBe(normalised(richTextToMarkdown(markdownToRichText(sampleMarkdown).doc)));
    expect(markdownToRichText(backToMarkdown).doc).toEqual(shown.doc);
    // The source's words, lists and table survive in the Markdown read back.
    for (const line of ['## Axe 4 : coopérer entre territoires', '- des groupes de travail', '  - finances solidaires', '    1. épargne', '| État | **3 425 000 €** |', '> Le programme s’élève à 33 816 491 €.']) {
      expect(backToMarkdown).toContain(line);
    }
    expect(imported.textContent).toContain('<script>alert("x")</script>');
    // Credited to the importer, and the preview is spent.
    expect(server.trame.db.data.clientAuthors.some((author) => author.document === contractName && author.personId === coordinator.personId)).toBe(true);
    await expectProblem(await apply(coordinator, shown.previewId, { kind: 'section', position: 'end' }), 404, 'Cet aperçu n’existe plus.');
  });

  it('places a text at the start, or at the end of a chosen section, and refuses a section that is gone', async () => {
    const first = await preview(facilitator, 'Préambule importé.', 'name=preambule.txt');
    expect((await apply(facilitator, first.previewId, { kind: 'section', position: 'start' })).status).toBe(200);
    expect((await contractDoc()).child(0).textContent).toBe('Préambule importé.');

    const inSection = await preview(facilitator, 'Ajout au diagnostic.', 'format=md&name=ajout.md');
    expect((await apply(facilitator, inSection.previewId, { kind: 'section', position: { afterHeading: 'Un diagnostic partagé' } })).status).toBe(200);
    const doc = await contractDoc();
    const texts = doc.content.content.map((node) => node.textContent);
    const added = texts.indexOf('Ajout au diagnostic.');
    expect(added).toBeGreaterThan(texts.indexOf('Un diagnostic partagé'));
    expect(texts[added + 1]).toBe('Trois axes prioritaires');

    const before = await contractJson();
    const gone = await preview(facilitator, 'Perdu ?', 'format=md&name=perdu.md');
    await expectProblem(await apply(facilitator, gone.previewId, { kind: 'section', position: { afterHeading: 'Une section qui n’existe pas' } }), 409, 'La section choisie n’existe plus dans le contrat.');
    const invalid = await expectProblem(await apply(facilitator, gone.previewId, { kind: 'ailleurs' }), 400);
    expect(JSON.stringify(invalid.fields)).toMatch(frenchText);
    // Another person cannot apply someone's preview.
    await expectProblem(await apply(coordinator, gone.previewId, { kind: 'section', position: 'end' }), 404);
    expect(await contractJson()).toBe(before);
  });

  it('keeps the headings, lists, table and bold/italic of a Word document in the preview', async () => {
    const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Contrat sectoriel importé', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Un diagnostic partagé', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ children: [new TextRun('Le texte a du '), new TextRun({ text: 'gras', bold: true }), new TextRun(' et de l’'), new TextRun({ text: 'italique', italics: true }), new TextRun('.')] }),
            new Paragraph({ text: 'Première priorité', bullet: { level: 0 } }),
            new Paragraph({ text: 'Sous-priorité', bullet: { level: 1 } }),
            new Paragraph({ text: 'Seconde priorité', bullet: { level: 0 } }),
            new Paragraph({ text: 'Détail', heading: HeadingLevel.HEADING_4 }),
            new Table({ rows: [new TableRow({ children: [cell('Financeur', true), cell('Montant', true)] }), new TableRow({ children: [cell('Région'), cell('7 602 500 €')] })] }),
            new Paragraph({ text: '<script>alert(1)</script> reste du texte.' }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(word);
    const shown = await preview(coordinator, new Uint8Array(bytes), 'format=docx&name=contrat.docx');
    expect(shown.format).toBe('docx');
    const doc = PMNode.fromJSON(contractSchema, shown.doc);
    doc.check();
    const headings: [number, string][] = [];
    const marks = new Map<string, string[]>();
    const types = new Set<string>();
    doc.descendants((node) => {
      types.add(node.type.name);
      if (node.type.name === 'heading') headings.push([node.attrs['level'] as number, node.textContent]);
      for (const mark of node.marks) marks.set(mark.type.name, [...(marks.get(mark.type.name) ?? []), node.text ?? '']);
    });
    expect(headings).toEqual([[1, 'Contrat sectoriel importé'], [2, 'Un diagnostic partagé'], [3, 'Détail']]);
    expect(marks.get('strong')).toEqual(expect.arrayContaining(['gras', 'Financeur', 'Montant']));
    expect(marks.get('em')).toEqual(['italique']);
    expect([...types]).toEqual(expect.arrayContaining(['bullet_list', 'list_item', 'table', 'table_row', 'table_cell']));
    const markdown = richTextToMarkdown(doc);
    expect(markdown).toContain('- Première priorité\n  - Sous-priorité\n- Seconde priorité');
    expect(markdown).toContain('| Région | 7 602 500 € |');
    expect(doc.textContent).toContain('<script>alert(1)</script> reste du texte.');
    expect(shown.stats).toMatchObject({ headings: 3, tables: 1 });
    expect(shown.warnings).toContain('Les titres de niveau 4 à 6 deviennent des titres de niveau 3.');
  });

  it('refuses bad files with French problems and leaves the contract exactly as it was', async () => {
    const before = await contractJson();
    const expectRefusal = async (response: Response, status: number, title: string): Promise<Problem> => {
      const problem = await expectProblem(response, status, title);
      expect(`${problem.title} ${problem.detail ?? ''}`).toMatch(frenchText);
      return problem;
    };
    // A text file renamed .docx, a zip that is not a Word document, a damaged zip.
    await expectRefusal(await upload(coordinator, 'Juste du texte.', 'format=docx&name=faux.docx'), 400, 'Ce fichier n’est pas un document Word (DOCX).');
    const notWord = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'notes.txt': strToU8('rien') });
    await expectRefusal(await upload(coordinator, notWord, 'name=archive.docx'), 400, 'Ce fichier n’est pas un document Word (DOCX).');
    const real = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>'.repeat(2000)) });
    await expectRefusal(await upload(coordinator, real.subarray(0, real.byteLength - 30), 'name=abime.docx'), 400, 'Ce document Word est endommagé.');
    await expectRefusal(await upload(coordinator, real, 'name=vide.docx'), 400, 'Ce document Word ne peut pas être lu.');

    // A zip bomb: 100 MB of zeros in ~100 KB, refused from its directory before inflating.
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const started = performance.now();
    await expectRefusal(await upload(coordinator, bomb, 'format=docx&name=bombe.docx'), 400, 'Ce fichier est refusé : une fois décompressé, il serait anormalement volumineux.');
    expect(performance.now() - started).toBeLessThan(1000);
    // A lying bomb: its directory declares 1 MB for 100 MB of zeros; the inflating stops past 1 MB.
    await expectRefusal(await upload(coordinator, lyingBomb, 'format=docx&name=menteuse.docx'), 400, 'Ce fichier est refusé : une fois décompressé, il serait anormalement volumineux.');

    // 50 MB: refused with the import's own 413 (not the JSON limit's message).
    const tooLarge = await expectRefusal(await upload(coordinator, new Uint8Array(50 * 1024 * 1024), 'format=md&name=enorme.md'), 413, 'Le fichier est trop volumineux.');
    expect(tooLarge.detail).toContain('20 Mo');
    // Empty, blank, invalid UTF-8, binary, and a format the import does not read.
    await expectRefusal(await upload(coordinator, new Uint8Array(0), 'format=md&name=vide.md'), 400, 'Le fichier est vide.');
    await expectRefusal(await upload(coordinator, '  \n\n\t ', 'format=md&name=blanc.md'), 400, 'Le fichier est vide.');
    await expectRefusal(await upload(coordinator, '---\n\n***', 'format=md&name=traits.md'), 400, 'Aucun texte n’a été trouvé dans ce fichier.');
    await expectRefusal(await upload(coordinator, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0xff]), 'format=md&name=latin1.md'), 400, 'Ce fichier n’est pas un texte Markdown lisible.');
    await expectRefusal(await upload(coordinator, real, 'format=md&name=docx-renomme.md'), 400, 'Ce fichier n’est pas un texte Markdown lisible.');
    await expectRefusal(await upload(coordinator, 'texte', 'name=image.png'), 400, 'Ce format de fichier n’est pas pris en charge.');
    await expectRefusal(await upload(coordinator, 'texte', 'format=pdf&name=texte.md'), 400, 'Ce format de fichier n’est pas pris en charge.');

    expect(await contractJson()).toBe(before);
    // The server still answers.
    expect((await preview(coordinator, 'Toujours là.', 'format=md&name=ok.md')).stats.paragraphs).toBe(1);
  });

  it('refuses a member, and everyone while the contract is frozen', async () => {
    const before = await contractJson();
    await expectProblem(await upload(member, 'Texte', 'format=md&name=membre.md'), 403, 'Seules la coordination et l’animation peuvent importer un texte dans le contrat.');
    const waiting = await preview(coordinator, 'Écrit avant le gel.', 'format=md&name=gel.md');
    const workspace = server.trame.db.data.workspaces.find((w) => w.id === demoWorkspaceId)!;
    workspace.freeze = { versionId: 'v-test', frozenAt: new Date().toISOString(), frozenBy: coordinator.personId, frozenByName: 'Coordination' };
    try {
      await expectProblem(await upload(coordinator, 'Texte', 'format=md&name=gele.md'), 409, /figé/);
      await expectProblem(await apply(coordinator, waiting.previewId, { kind: 'section', position: 'end' }), 409, /figé/);
    } finally {
      delete workspace.freeze;
    }
    expect(await contractJson()).toBe(before);
  });

  it('creates a new workspace from an import, with the same networks and structures and the importer as coordinator', async () => {
    const shown = await preview(facilitator, sampleMarkdown, 'format=md&name=contrat-2014.md');
    const response = await apply(facilitator, shown.previewId, { kind: 'workspace', name: 'Contrat ESS Rhône-Alpes 2014-2016' });
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as ImportApplied;
    expect(created).toMatchObject({ kind: 'workspace', workspaceId: 'contrat-ess-rhone-alpes-2014-2016', workspaceName: 'Contrat ESS Rhône-Alpes 2014-2016', path: '/w/contrat-ess-rhone-alpes-2014-2016' });
    const view = (await (await fetchAs(facilitator, server.url, `/api/workspaces/${created.workspaceId}`)).json()) as WorkspaceView;
    const source = (await (await fetchAs(facilitator, server.url, `/api/workspaces/${demoWorkspaceId}`)).json()) as WorkspaceView;
    expect(view.envelope).toEqual({ totalCents: 0, shares: [] });
    expect(view.structures.map((s) => s.id)).toEqual(source.structures.map((s) => s.id));
    expect(view.networks.map((n) => n.id)).toEqual(source.networks.map((n) => n.id));
    const db = server.trame.db.data;
    expect(db.workspaceRoles.filter((role) => role.workspaceId === created.workspaceId)).toEqual([{ workspaceId: created.workspaceId, personId: facilitator.personId, role: 'coordinator' }]);
    expect(db.documents.find((d) => d.workspaceId === created.workspaceId)).toMatchObject({ name: contractDocumentName(created.workspaceId), kind: 'contract' });
    const contract = await contractDoc(contractDocumentName(created.workspaceId));
    expect(contract.toJSON()).toEqual(shown.doc);
    // The same name again gets its own id; the people of the source workspace are not let in.
    const again = await preview(facilitator, 'Second.', 'format=md&name=second.md');
    const second = (await (await apply(facilitator, again.previewId, { kind: 'workspace', name: 'Contrat ESS Rhône-Alpes 2014-2016' })).json()) as ImportApplied;
    expect(second.workspaceId).toBe('contrat-ess-rhone-alpes-2014-2016-2');
    await expectProblem(await fetchAs(member, server.url, `/api/workspaces/${created.workspaceId}`), 403);
  });
});

/** Rewrites the uncompressed size an entry declares (central directory and local header). */
function declareSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < zip.byteLength; at++) {
    const signature = view.getUint32(at, true);
    const isCentral = signature === 0x02014b50;
    const isLocal = signature === 0x04034b50;
    if (!isCentral && !isLocal) continue;
    const nameAt = at + (isCentral ? 46 : 30);
    const nameLength = view.getUint16(at + (isCentral ? 28 : 26), true);
    if (nameLength !== encoded.byteLength || !encoded.every((byte, i) => zip[nameAt + i] === byte)) continue;
    view.setUint32(at + (isCentral ? 24 : 22), size, true);
  }
}
