/**
 * Scenario "diff": comparing two versions of a large contract (`diffVersions`), as the route
 * `GET …/versions/diff` does on each request.
 *
 * The contract: the bench's large programme (3 axes × 40 sheets × 12 financing lines, see
 * lib/large-programme.ts) and a contract text of 38 sections (the demo's opening, then per axis a
 * section with ten subsections of paragraphs and lists: ~300 blocks). The second version is the
 * first after ~300 realistic edits made on a replica: words replaced in 150 paragraphs, headings
 * renamed, sections added and removed, sheet titles and rich text edited, 40 amounts changed,
 * sheets moved between axes, added and removed, partners and indicator targets changed.
 *
 * Measured in a child process of its own (this file run with `--measure`), so that its peak RSS
 * counts only the two versions and their comparison: loading both versions from their stored
 * state (what `VersionsService.docOf` does), `diffVersions` (median of N runs, then p95 and max),
 * the JSON size of the answer, and the same for two identical versions as the baseline.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { contractSchema } from '../../shared/contract-schema';
import { contractFragmentName } from '../../shared/document-names';
import { addSheet, emptySheetPlan, moveSheet, removeSheet, replaceText, sheetTitleText, toggleInSet, updateBudgetLine, updateIndicator, writeProgramme } from '../../shared/programme/edit';
import { sheetRichText } from '../../shared/programme/layout';
import { readProgramme, sheetsInOrder } from '../../shared/programme/read';
import { diffVersions } from '../../shared/versions/diff';
import { buildDemoContract, demoEnvelope } from '../../server/demo/demo-contract';
import { buildDemoMembers } from '../../server/demo/demo-structures';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { repoRoot } from '../lib/child-server';
import { buildLargeProgramme, largeShape } from '../lib/large-programme';
import { seededRandom } from '../lib/random';
import { distribution, median, type Distribution } from '../lib/stats';
import { mib, renderTable } from '../lib/table';

const run = promisify(execFile);

export interface DiffOptions {
  /** Timed repetitions of each comparison. */
  runs: number;
  seed: number;
}

export interface DiffFigures {
  sheets: number;
  sections: number;
  blocks: number;
  edits: number;
  stateBytes: { before: number; after: number };
  /** Both versions decoded from their stored states (median), ms. */
  loadBothMs: number;
  /** `diffVersions` on the edited pair, ms. */
  diff: Distribution;
  /** `diffVersions` on two identical versions (baseline), ms. */
  identical: Distribution;
  /** The answer's JSON size, bytes. */
  jsonBytes: number;
  summary: { sectionsChanged: number; sectionsAdded: number; sectionsRemoved: number; sheetsChanged: number; sheetsAdded: number; sheetsRemoved: number; sheetsMoved: number; differenceCents: number };
  /** The child's RSS once both versions are loaded, then its peak after every comparison. */
  rssBeforeDiffBytes: number;
  peakRssBytes: number;
  heapUsedAfterBytes: number;
}

// ---- The contract -----------------------------------------------------------------------------

type Json = Record<string, unknown>;
const text = (value: string): Json => ({ type: 'text', text: value });
const paragraph = (value: string): Json => ({ type: 'paragraph', content: [text(value)] });
const heading = (level: number, value: string): Json => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const list = (items: string[]): Json => ({ type: 'bullet_list', content: items.map((item) => ({ type: 'list_item', content: [paragraph(item)] })) });

const sentences = [
  'Les structures de l’économie sociale et solidaire du territoire coopèrent pour créer des emplois durables et de qualité.',
  'Le comité de pilotage évalue chaque année les actions engagées et propose les ajustements nécessaires au programme.',
  'Les réseaux mutualisent leurs moyens afin d’accompagner les porteurs de projets dans tous les départements de la région.',
  'La gouvernance démocratique des entreprises reste au cœur de la démarche et de son évaluation partagée.',
  'Les collectivités locales sont associées à la mise en œuvre dans le cadre des plans locaux de développement.',
];

function largeContract(): Json {
  const demo = buildDemoContract(demoEnvelope) as { content: Json[] };
  const content = [...demo.content];
  for (let a = 1; a <= largeShape.axes; a++) {
    content.push(heading(2, `Axe ${a} : orientations et moyens`));
    for (let p = 0; p < 4; p++) content.push(paragraph(`${sentences[(a + p) % sentences.length]!} (axe ${a}, paragraphe ${p + 1})`));
    for (let s = 1; s <= 10; s++) {
      content.push(heading(3, `Orientation ${a}.${s} : un chantier du programme`));
      for (let p = 0; p < 5; p++) content.push(paragraph(`${sentences[(a * s + p) % sentences.length]!} Orientation ${a}.${s}, point ${p + 1}.`));
      content.push(list(Array.from({ length: 6 }, (_, i) => `Mesure ${i + 1} de l’orientation ${a}.${s} : ${sentences[(s + i) % sentences.length]!.toLowerCase()}`)));
    }
  }
  return { type: 'doc', content };
}

/** The first version: the large contract and its programme (exported for profiling). */
export function firstVersion(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(contractSchema, largeContract(), doc.getXmlFragment(contractFragmentName));
  writeProgramme(doc, buildLargeProgramme(demoEnvelope));
  return doc;
}

/** Every text node of a fragment, nested ones included. */
function textNodes(node: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) textNodes(child, out);
  }
  return out;
}

/** Replaces one word of a text node (at a random word boundary), as someone typing would. */
function replaceAWord(node: Y.XmlText, random: () => number, by: string): boolean {
  const value = node.toString();
  const words = [...value.matchAll(/[\p{L}]{4,}/gu)];
  const word = words[Math.floor(random() * words.length)];
  if (word?.index === undefined) return false;
  node.delete(word.index, word[0].length);
  node.insert(word.index, by);
  return true;
}

const replacements = ['coopératif', 'solidaire', 'territorial', 'durable', 'partagé', 'collectif', 'régional', 'innovant'];

/** ~300 edits on a replica of `doc`; returns how many were made. */
export function edit(doc: Y.Doc, seed: number): number {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let edits = 0;
  const fragment = doc.getXmlFragment(contractFragmentName);
  // 150 words replaced in the text (some paragraphs twice, some list items).
  const nodes = textNodes(fragment);
  for (let i = 0; i < 150; i++) if (replaceAWord(pick(nodes), random, pick(replacements))) edits++;
  // Headings renamed, one section removed, two added.
  const headings = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'heading');
  for (const node of [headings[8], headings[17], headings[30]]) {
    const inner = node?.get(0);
    if (inner instanceof Y.XmlText) {
      inner.insert(inner.length, ' (révisé)');
      edits++;
    }
  }
  const removedAt = fragment.toArray().indexOf(headings[12]!);
  fragment.delete(removedAt, 7); // the heading, its five paragraphs and its list
  edits++;
  for (const at of [fragment.length, Math.floor(fragment.length / 2)]) {
    const title = new Y.XmlElement('heading');
    title.setAttribute('level', 3 as unknown as string);
    title.insert(0, [new Y.XmlText('Une orientation ajoutée en séance')]);
    const body = new Y.XmlElement('paragraph');
    body.insert(0, [new Y.XmlText('Le comité a souhaité ajouter cette orientation pour les territoires ruraux.')]);
    fragment.insert(at, [title, body]);
    edits++;
  }

  const programme = readProgramme(doc);
  const sheets = sheetsInOrder(programme);
  // 20 titles, 40 rich-text words, 40 amounts, 10 partners, 10 indicator targets.
  for (let i = 0; i < 20; i++) {
    const sheet = pick(sheets);
    const title = sheetTitleText(doc, sheet.id);
    if (title !== undefined) {
      replaceText(title, `${title.toString()} et ${pick(replacements)}`);
      edits++;
    }
  }
  for (let i = 0; i < 40; i++) {
    const field = sheetRichText(doc, pick(sheets).id, pick(['goals', 'description', 'expectedResults'] as const));
    const node = field === undefined ? undefined : pick(textNodes(field));
    if (node !== undefined && replaceAWord(node, random, pick(replacements))) edits++;
  }
  for (let i = 0; i < 40; i++) {
    const sheet = pick(sheets);
    const line = pick(sheet.budget);
    updateBudgetLine(doc, sheet.id, line.id, { amountCents: (line.amountCents ?? 0) + Math.round(random() * 50) * 100_000 });
    edits++;
  }
  const structures = buildDemoMembers(demoWorkspaceId).structures.map((structure) => structure.id);
  for (let i = 0; i < 10; i++) {
    toggleInSet(doc, pick(sheets).id, 'partners', pick(structures), true);
    edits++;
  }
  for (let i = 0; i < 10; i++) {
    const sheet = pick(sheets);
    const indicator = sheet.indicators[0];
    if (indicator !== undefined) {
      updateIndicator(doc, sheet.id, indicator.id, { target: (indicator.target ?? 0) + 5 });
      edits++;
    }
  }
  // 5 sheets moved to another axis, 3 removed, 3 added.
  for (let i = 0; i < 5; i++) {
    const sheet = sheets[i * 17]!;
    const axis = programme.axes[(programme.axes.findIndex((a) => a.id === sheet.axisId) + 1) % programme.axes.length]!;
    moveSheet(doc, sheet.id, axis.id, 0);
    edits++;
  }
  for (const sheet of [sheets[50]!, sheets[80]!, sheets[110]!]) {
    removeSheet(doc, sheet.id);
    edits++;
  }
  for (const axis of programme.axes) {
    addSheet(doc, axis.id, { ...emptySheetPlan(), title: 'Une fiche ajoutée en comité', lead: 'cress-rhone-alpes', goals: ['Essaimer les réussites.'], budget: [{ funder: 'État', year: 2012, amountCents: 12_000_000 }] });
    edits++;
  }
  return edits;
}

// ---- Measurement (child process) --------------------------------------------------------------

function timed(runs: number, work: () => void): Distribution {
  work(); // warm-up (JIT), not counted
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return distribution(samples);
}

function measure(options: DiffOptions): DiffFigures {
  const origin = firstVersion();
  const beforeState = Y.encodeStateAsUpdateV2(origin);
  const replica = new Y.Doc();
  Y.applyUpdateV2(replica, beforeState);
  const edits = edit(replica, options.seed);
  const afterState = Y.encodeStateAsUpdateV2(replica);
  origin.destroy();
  replica.destroy();

  const load = (state: Uint8Array): Y.Doc => {
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, state);
    return doc;
  };
  const loadSamples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const docs = [load(beforeState), load(afterState)];
    loadSamples.push(performance.now() - started);
    for (const doc of docs) doc.destroy();
  }
  const before = load(beforeState);
  const after = load(afterState);
  const twin = load(beforeState);
  const names = new Map(buildDemoMembers(demoWorkspaceId).structures.map((structure) => [structure.id, structure.name]));
  const rssBeforeDiffBytes = process.memoryUsage().rss;
  let result = diffVersions(before, after, { envelope: demoEnvelope, structureNames: names });
  const diff = timed(options.runs, () => {
    result = diffVersions(before, after, { envelope: demoEnvelope, structureNames: names });
  });
  const identical = timed(options.runs, () => void diffVersions(before, twin, { envelope: demoEnvelope, structureNames: names }));
  const fragment = before.getXmlFragment(contractFragmentName);
  const s = result.summary;
  return {
    sheets: readProgramme(before).sheets.size,
    sections: result.sections.filter((section) => section.before !== null).length,
    blocks: textNodes(fragment).length,
    edits,
    stateBytes: { before: beforeState.byteLength, after: afterState.byteLength },
    loadBothMs: median(loadSamples),
    diff,
    identical,
    jsonBytes: Buffer.byteLength(JSON.stringify(result)),
    summary: { sectionsChanged: s.sectionsChanged, sectionsAdded: s.sectionsAdded, sectionsRemoved: s.sectionsRemoved, sheetsChanged: s.sheetsChanged, sheetsAdded: s.sheetsAdded, sheetsRemoved: s.sheetsRemoved, sheetsMoved: s.sheetsMoved, differenceCents: s.differenceCents },
    rssBeforeDiffBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedAfterBytes: process.memoryUsage().heapUsed,
  };
}

// ---- Scenario (bench/run.ts) ------------------------------------------------------------------

/** Runs the measurement in a child process and returns its figures. */
export async function runDiff(options: DiffOptions, log: (line: string) => void): Promise<DiffFigures> {
  log(`[diff] building a ${largeShape.axes}-axis × ${largeShape.sheetsPerAxis}-sheet contract, ~300 edits, ${options.runs} timed comparisons (child process)`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/scenarios/diff.ts'), '--measure', String(options.runs), String(options.seed)], { cwd: repoRoot, maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as DiffFigures;
}

export function renderDiff(figures: DiffFigures): string {
  const s = figures.summary;
  const table = renderTable(
    `Diff — two versions of a ${figures.sheets}-sheet contract (${figures.sections} sections, ${figures.blocks} text nodes), ${figures.edits} edits between them; diffVersions, ${figures.diff.count} runs after a warm-up`,
    ['comparison', 'min ms', 'p50 ms', 'p95 ms', 'max ms', 'answer KiB'],
    [
      ['edited versions', figures.diff.min, figures.diff.p50, figures.diff.p95, figures.diff.max, figures.jsonBytes / 1024],
      ['identical versions', figures.identical.min, figures.identical.p50, figures.identical.p95, figures.identical.max, undefined],
    ],
  );
  return `${table}\nLoading both versions from their states: ${figures.loadBothMs.toFixed(1)} ms (${(figures.stateBytes.before / 1024).toFixed(0)} + ${(figures.stateBytes.after / 1024).toFixed(0)} KiB). Found: ${s.sectionsChanged} sections changed, ${s.sectionsAdded} added, ${s.sectionsRemoved} removed; ${s.sheetsChanged} sheets changed, ${s.sheetsAdded} added, ${s.sheetsRemoved} removed, ${s.sheetsMoved} moved only; total ${s.differenceCents >= 0 ? '+' : ''}${(s.differenceCents / 100).toLocaleString('en-US')} €. Child process RSS: ${mib(figures.rssBeforeDiffBytes).toFixed(0)} MiB with both versions loaded, peak ${mib(figures.peakRssBytes).toFixed(0)} MiB.\n`;
}

if (process.argv[2] === '--measure' && process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.argv[3] ?? '15');
  const seed = Number(process.argv[4] ?? '1');
  process.stdout.write(JSON.stringify(measure({ runs, seed })));
}
