/**
 * A realistic contract to export: the demo workspace (its diagnosis, 3 axes × 4 action sheets with
 * financing plans, the exact envelope), plus a passage written by a member over y-websocket (so
 * its structure is credited) holding `<script>alert(1)</script>`, bold, italic, a link, a list and
 * a table, a closed consent round and two decided amendments; then the programme is adopted as a
 * version. Also: what an export must contain, read from the same sources, and readers for each
 * format built on independent parsers (fflate, fast-xml-parser, unpdf, linkedom).
 */
import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { parseHTML } from 'linkedom';
import { extractText } from 'unpdf';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { consolidate } from '../../../shared/budget/consolidate';
import { eurosText } from '../../../shared/budget/euros';
import { contractSchema } from '../../../shared/contract-schema';
import { contractFragmentName } from '../../../shared/document-names';
import { readProgramme } from '../../../shared/programme/read';
import type { Amendment } from '../../../shared/schemas/amendments';
import type { Round } from '../../../shared/schemas/rounds';
import type { VersionView } from '../../../shared/schemas/versions';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import type { TestServer } from '../../helpers/test-server';
import { connectClient } from '../../helpers/yjs-clients';

export const workspacePath = `/api/workspaces/${demoWorkspaceId}`;
export const scriptText = '<script>alert(1)</script>';
export const richMarker = 'Clause de transparence';

/** What every export of the adopted version must show. */
export interface ExpectedContent {
  headings: string[];
  axisTitles: string[];
  sheetTitles: string[];
  /** Every amount of every sheet's financing table and of the consolidated budget, as fr-FR text. */
  amounts: string[];
  envelope: string[];
  structures: string[];
  decisions: string[];
  richWords: string[];
}

export interface PreparedContract {
  member: TestSession;
  coordinator: TestSession;
  version: VersionView;
  expected: ExpectedContent;
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text', text: value, ...(marks === undefined ? {} : { marks }) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const cell = (type: 'table_cell' | 'table_header', value: string) => ({ type, content: [paragraph(text(value))] });

/** The member's passage: HTML typed as text, marks, a list and a table. */
export const richNodes = [
  { type: 'heading', attrs: { level: 2 }, content: [text(richMarker)] },
  paragraph(text('Un membre a tapé '), text(scriptText), text(' dans le texte, puis '), text('un passage en gras', [{ type: 'strong' }]), text(', '), text('un autre en italique', [{ type: 'em' }]), text(' et '), text('un lien', [{ type: 'link', attrs: { href: 'https://www.cress-rhone-alpes.org/' } }]), text('.')),
  { type: 'bullet_list', content: [{ type: 'list_item', content: [paragraph(text('Première garantie de transparence'))] }, { type: 'list_item', content: [paragraph(text('Seconde garantie de transparence'))] }] },
  {
    type: 'table',
    content: [
      { type: 'table_row', content: [cell('table_header', 'Instance'), cell('table_header', 'Rythme')] },
      { type: 'table_row', content: [cell('table_cell', 'Comité de pilotage'), cell('table_cell', 'Trimestriel')] },
    ],
  },
];

/** Writes the member's passage over y-websocket, as the editor would. */
async function writeAsMember(server: TestServer, member: TestSession): Promise<void> {
  const doc = new Y.Doc();
  const provider = connectClient(server.wsUrl, `${demoWorkspaceId}.contract`, member.token, doc);
  try {
    await waitFor(() => provider.synced, 'the member’s client to sync');
    const fragment = doc.getXmlFragment(contractFragmentName);
    const current = yXmlFragmentToProseMirrorRootNode(fragment, contractSchema).toJSON() as { content: unknown[] };
    prosemirrorJSONToYXmlFragment(contractSchema, { type: 'doc', content: [...current.content, ...richNodes] }, fragment);
    await waitFor(
      () => server.trame.rooms.withDocument(`${demoWorkspaceId}.contract`, (live) => JSON.stringify(live.getXmlFragment(contractFragmentName).toJSON()).includes('Seconde garantie')),
      'the passage to reach the server',
    );
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** A closed round and two decided amendments, dated before the version. */
async function recordDecisions(server: TestServer, member: TestSession, coordinator: TestSession, structures: { id: string; name: string }[]): Promise<void> {
  const db = server.trame.db;
  const at = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const [first, second, third] = structures;
  if (first === undefined || second === undefined || third === undefined) throw new Error('the demo has structures');
  const position = (structureId: string, kind: 'agree' | 'abstain'): Round['positions'][number] => ({ personId: member.personId, personName: 'Représentante', position: kind, reason: null, at: at(50), structureId, history: [] });
  const round: Round = {
    id: 'round-export',
    workspaceId: demoWorkspaceId,
    subject: { kind: 'contract' },
    subjectTitle: 'Le contrat dans son ensemble',
    question: 'Consentez-vous au programme d’actions 2011-2013 ?',
    deadline: at(30),
    quorumPercent: 1,
    openedBy: coordinator.personId,
    openedAt: at(120),
    status: 'closed',
    closedAt: at(30),
    closedBy: coordinator.personId,
    positions: [position(first.id, 'agree'), position(second.id, 'abstain')],
    reminders: [],
    closingNoticeAt: null,
    outcome: { decision: 'adopted', note: 'Adopté sans objection.', by: coordinator.personId, at: at(25) },
    revision: 3,
  };
  const amendment = (number: number, title: string, outcome: 'accepted' | 'rejected', structure: { id: string; name: string }): Amendment => ({
    id: `amendment-export-${number}`,
    workspaceId: demoWorkspaceId,
    number,
    title,
    motive: 'Exposé des motifs.',
    target: { kind: 'new-sheet', axisId: 'axe-1' },
    state: outcome,
    draftDocument: `${demoWorkspaceId}.amendment.export-${number}`,
    base: [],
    authors: [{ personId: member.personId, name: 'Sophie Lambert', structureId: structure.id, structureName: structure.name, role: 'author', at: at(200) }],
    decision: { outcome, by: coordinator.personId, byName: 'Hélène Garnier', at: at(20), reason: outcome === 'rejected' ? 'Hors du champ du contrat.' : '', merge: null, applied: null },
    history: [
      { at: at(200), by: member.personId, byName: 'Sophie Lambert', event: 'proposed', from: null, to: 'draft', note: '' },
      { at: at(190), by: member.personId, byName: 'Sophie Lambert', event: 'submitted', from: 'draft', to: 'submitted', note: '' },
      { at: at(20), by: coordinator.personId, byName: 'Hélène Garnier', event: outcome, from: 'submitted', to: outcome, note: '' },
    ],
    createdAt: at(200),
    updatedAt: at(20),
  });
  await db.update((data) => {
    data.rounds.push(round);
    data.amendments.push(amendment(1, 'Ajouter une fiche sur les achats responsables', 'accepted', third), amendment(2, 'Supprimer le comité de suivi', 'rejected', first));
  });
}

/** Prepares the contract and adopts it as a version; returns what the exports must contain. */
export async function prepareContract(server: TestServer): Promise<PreparedContract> {
  const [member, coordinator] = await Promise.all([signInAs(server.url, 'member'), signInAs(server.url, 'coordinator')]);
  await writeAsMember(server, member);
  const db = server.trame.db;
  const structures = db.data.structures.filter((structure) => structure.workspaceId === demoWorkspaceId);
  const memberStructure = structures.find((structure) => structure.id === 'scop-menuiserie-de-la-bresse');
  const others = structures.filter((structure) => structure !== memberStructure).slice(0, 2);
  if (memberStructure === undefined) throw new Error('the demo member’s structure');
  await recordDecisions(server, member, coordinator, [memberStructure, ...others]);

  const adopted = await fetchAs(coordinator, server.url, `${workspacePath}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Version adoptée', comment: 'Adoptée en comité de pilotage.', adopt: true }) });
  if (adopted.status !== 201) throw new Error(`adoption refused (${adopted.status}): ${await adopted.text()}`);
  const version = (await adopted.json()) as VersionView;

  // What the exports must show, read from the live contract (equal to the adopted version).
  const expected = await server.trame.rooms.withDocument(`${demoWorkspaceId}.contract`, (doc) => {
    const programme = readProgramme(doc);
    const workspace = db.data.workspaces.find((candidate) => candidate.id === demoWorkspaceId);
    if (workspace === undefined) throw new Error('the demo workspace');
    const headings = (yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(contractFragmentName), contractSchema).toJSON() as { content: { type: string; content?: { text?: string }[] }[] }).content
      .filter((node) => node.type === 'heading')
      .map((node) => (node.content ?? []).map((child) => child.text ?? '').join(''));
    const amounts = new Set<string>();
    for (const sheet of programme.sheets.values()) {
      const sheetTotals = consolidate(programme.lines.filter((line) => line.sheetId === sheet.id));
      for (const years of sheetTotals.byFunderAndYear.values()) for (const cents of years.values()) amounts.add(eurosText(cents));
      for (const cents of [...sheetTotals.byFunder.values(), ...sheetTotals.byYear.values(), sheetTotals.totalCents]) amounts.add(eurosText(cents));
    }
    const whole = consolidate(programme.lines, workspace.envelope);
    for (const cents of [...whole.byAxis.values(), ...whole.byFunder.values(), ...whole.byYear.values()]) amounts.add(eurosText(cents));
    return {
      headings: [...headings, 'Programme d’actions', 'Budget consolidé', 'Décisions prises', 'Contributeurs', 'Sommaire'],
      axisTitles: programme.axes.map((axis) => axis.title),
      sheetTitles: [...programme.sheets.values()].map((sheet) => sheet.title),
      amounts: [...amounts],
      envelope: [eurosText(workspace.envelope.totalCents), ...workspace.envelope.shares.map((share) => eurosText(share.amountCents))],
      structures: [memberStructure.name, ...others.map((structure) => structure.name)],
      decisions: ['Le contrat dans son ensemble', 'Consentez-vous au programme d’actions 2011-2013 ?', 'Ajouter une fiche sur les achats responsables', 'Supprimer le comité de suivi', 'Hors du champ du contrat.'],
      richWords: [richMarker, scriptText, 'un passage en gras', 'un autre en italique', 'Première garantie de transparence', 'Comité de pilotage', 'Trimestriel'],
    };
  });
  return { member, coordinator, version, expected };
}

// ---- readers ----

/** Text with every kind of space removed: PDF lines wrap anywhere, amounts use narrow no-break spaces. */
export const squeeze = (value: string): string => value.replace(/\s+/g, '');

/** Every string value under `key` in a parsed XML tree, in document order. */
function collect(node: unknown, keys: ReadonlySet<string>, out: string[]): void {
  if (Array.isArray(node)) for (const child of node) collect(child, keys, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (keys.has(key)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (typeof item === 'string' || typeof item === 'number') out.push(String(item));
          else if (item !== null && typeof item === 'object' && '#text' in item) out.push(String((item as Record<string, unknown>)['#text']));
          else collect(item, keys, out);
        }
      } else collect(value, keys, out);
    }
  }
}

/** Every text leaf of a parsed XML tree (attributes left out). */
function allText(node: unknown, out: string[]): void {
  if (typeof node === 'string' || typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) for (const child of node) allText(child, out);
  else if (node !== null && typeof node === 'object') for (const [key, value] of Object.entries(node as Record<string, unknown>)) if (!key.startsWith('@')) allText(value, out);
}

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false });

export function readDocx(bytes: Uint8Array): { text: string; xml: string; tree: unknown } {
  const files = unzipSync(bytes);
  const entry = files['word/document.xml'];
  if (entry === undefined) throw new Error('no word/document.xml');
  const xml = strFromU8(entry);
  const tree: unknown = xmlParser.parse(xml);
  const texts: string[] = [];
  collect(tree, new Set(['w:t']), texts);
  return { text: texts.join(' '), xml, tree };
}

export interface OdtPackage {
  firstEntryName: string;
  firstEntryStored: boolean;
  firstEntryContent: string;
  text: string;
  content: string;
  tree: unknown;
  files: string[];
}

export function readOdt(bytes: Uint8Array): OdtPackage {
  // The first local file header, read byte by byte (APPNOTE 4.3.7).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x04034b50) throw new Error('not a zip');
  const method = view.getUint16(8, true);
  const compressedSize = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const firstEntryName = strFromU8(bytes.subarray(30, 30 + nameLength));
  const firstEntryContent = strFromU8(bytes.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + compressedSize));
  const files = unzipSync(bytes);
  const entry = files['content.xml'];
  if (entry === undefined) throw new Error('no content.xml');
  const content = strFromU8(entry);
  const tree: unknown = xmlParser.parse(content);
  const texts: string[] = [];
  allText((tree as Record<string, unknown>)['office:document-content'], texts);
  return { firstEntryName, firstEntryStored: method === 0 && extraLength === 0, firstEntryContent, text: texts.join(' '), content, tree, files: Object.keys(files) };
}

export async function readPdf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const { text, totalPages } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return { text, pages: totalPages };
}

export function readHtml(html: string): { document: Document; text: string } {
  const { document } = parseHTML(html);
  return { document: document as unknown as Document, text: document.body?.textContent ?? '' };
}
