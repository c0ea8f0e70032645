/**
 * The structured contract at scale (issue "contract"): a programme of 3 axes × 40 action sheets ×
 * 12 financing lines.
 *
 * 1. In process: the time to read the programme out of the Y.Doc and consolidate it after one
 *    edit of an amount (what the server's check and every client's live totals run), for the
 *    large programme and, as the baseline of the same run, for the demo's 12 sheets.
 * 2. In Chromium, against a Trame server in its own process: the time to open the budget page of
 *    the large contract until its consolidated total shows (first visit, then a reload with the
 *    browser's local copy), the demo's as baseline; the client's own read + consolidate after a
 *    remote edit (a performance measure of the page); and the time from an edit by another client
 *    to the new total on this screen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { consolidate } from '../../shared/budget/consolidate';
import { contractDocumentName } from '../../shared/document-names';
import { removeAxis, updateBudgetLine, writeProgramme } from '../../shared/programme/edit';
import { axesMap } from '../../shared/programme/layout';
import type { ProgrammePlan } from '../../shared/programme/plan';
import { readProgramme, sheetsInOrder } from '../../shared/programme/read';
import { demoAccounts } from '../../server/demo/demo-accounts';
import { demoEnvelope } from '../../server/demo/demo-contract';
import { buildDemoProgramme } from '../../server/demo/demo-programme';
import { buildDemoMembers } from '../../server/demo/demo-structures';
import { buildProgrammeReport, reportKey } from '../../server/contract/programme-report';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { startServer, type ChildServer } from '../lib/child-server';
import { buildLargeProgramme } from '../lib/large-programme';
import { sessionCookie, signInForToken } from '../lib/sign-in';
import { distribution, median, type Distribution } from '../lib/stats';
import { connectProvider, disconnect, waitUntil, whenSynced } from '../lib/yjs-client';

export interface ProgrammeOptions {
  edits: number;
  browser: boolean;
  chromiumPath: string;
}

export interface InProcessResult {
  sheets: number;
  lines: number;
  stateBytes: number;
  /** readProgramme + consolidate after one amount edit, ms (what each client runs). */
  readAndConsolidate: Distribution;
  /** The server's check: the same, plus building the report and comparing it with the last, ms. */
  serverCheck: Distribution;
}

export interface BrowserResult {
  /** Budget page until its total shows, first visit (no local copy; median of 3), ms: demo, then large. */
  openDemoMs: number;
  openLargeMs: number;
  /** Same page reloaded, the browser's IndexedDB copy present (median of 3), ms. */
  reopenLargeMs: number;
  /** The page's own read + consolidate after a remote edit (performance measure), ms. */
  clientReadAndConsolidate: Distribution;
  /** Another client edits an amount → this page shows the new total, ms. */
  editToScreen: Distribution;
}

export interface ProgrammeResult {
  demo: InProcessResult;
  large: InProcessResult;
  browser?: BrowserResult;
  browserSkipped?: string;
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

function measureInProcess(plan: ProgrammePlan, edits: number): InProcessResult {
  const doc = new Y.Doc();
  writeProgramme(doc, plan);
  const sheets = sheetsInOrder(readProgramme(doc));
  const memberStructureIds = new Set(buildDemoMembers(demoWorkspaceId).structures.map((structure) => structure.id));
  const samples: number[] = [];
  const serverSamples: number[] = [];
  let lastKey = '';
  for (let i = 0; i < edits; i++) {
    const sheet = sheets[i % sheets.length]!;
    const line = sheet.budget[i % sheet.budget.length]!;
    updateBudgetLine(doc, sheet.id, line.id, { amountCents: (line.amountCents ?? 0) + (i % 2 === 0 ? 100 : 0) });
    const started = performance.now();
    const programme = readProgramme(doc, { memberStructureIds });
    const consolidation = consolidate(programme.lines, demoEnvelope);
    samples.push(performance.now() - started);
    const report = buildProgrammeReport(demoWorkspaceId, { programme, consolidation }, new Date());
    const key = reportKey(report);
    if (key !== lastKey) lastKey = key;
    serverSamples.push(performance.now() - started);
  }
  const lines = sheets.reduce((sum, sheet) => sum + sheet.budget.length, 0);
  return { sheets: sheets.length, lines, stateBytes: Y.encodeStateAsUpdateV2(doc).byteLength, readAndConsolidate: distribution(samples), serverCheck: distribution(serverSamples) };
}


/** Opens the budget page and waits for `total` to be on screen; ms from navigation. */
async function openUntilTotal(page: Page, url: string, total: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction((text) => document.querySelector('main')?.textContent?.replace(/\s/g, ' ').includes(text) === true, total.replace(/\s/g, ' '), { timeout: 60_000, polling: 'raf' });
  return performance.now() - started;
}

async function replaceProgramme(server: ChildServer, token: string, plan: ProgrammePlan): Promise<void> {
  const provider = connectProvider(server.wsUrl, contractDocumentName(demoWorkspaceId), new Y.Doc(), { token });
  try {
    await whenSynced(provider, 30_000);
    const doc = provider.doc;
    for (const axisId of [...axesMap(doc).keys()]) removeAxis(doc, axisId);
    writeProgramme(doc, plan);
    // Written when the server's state vector covers ours (the server acknowledges nothing else).
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    disconnect([provider]);
  }
}

async function measureBrowser(options: ProgrammeOptions, log: (line: string) => void): Promise<BrowserResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'trame-bench-programme-'));
  let server: ChildServer | undefined;
  let browser: Browser | undefined;
  const editor = { provider: undefined as ReturnType<typeof connectProvider> | undefined };
  try {
    server = await startServer('trame', { dataDir });
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const coordinator = demoAccounts.find((account) => account.role === 'coordinator')!.email;
    const token = await signInForToken(baseUrl, coordinator);
    browser = await chromium.launch({ executablePath: options.chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const cookie = await sessionCookie(baseUrl, coordinator);
    const budgetUrl = `${baseUrl}/w/${demoWorkspaceId}/budget`;
    const total = euros.format(demoEnvelope.totalCents / 100);

    /** Opens the page in `repeats` fresh contexts (no local copy) and returns the median, ms. */
    const openFresh = async (repeats: number): Promise<number> => {
      const samples: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const fresh = await browser!.newContext();
        await fresh.addCookies([{ ...cookie, url: baseUrl }]);
        samples.push(await openUntilTotal(await fresh.newPage(), budgetUrl, total));
        await fresh.close();
      }
      return median(samples);
    };
    // A first load warms the browser and the server's caches; it is not counted.
    await openFresh(1);
    const openDemoMs = await openFresh(3);
    log(`  demo budget page: ${openDemoMs.toFixed(0)} ms`);

    await replaceProgramme(server, token, buildLargeProgramme(demoEnvelope));
    const openLargeMs = await openFresh(3);
    const context = await browser.newContext();
    await context.addCookies([{ ...cookie, url: baseUrl }]);
    const page = await context.newPage();
    await openUntilTotal(page, budgetUrl, total);
    const reopenSamples: number[] = [];
    for (let i = 0; i < 3; i++) reopenSamples.push(await openUntilTotal(page, budgetUrl, total));
    const reopenLargeMs = median(reopenSamples);
    log(`  large budget page: ${openLargeMs.toFixed(0)} ms, reopened ${reopenLargeMs.toFixed(0)} ms`);

    // Another person edits one amount at a time; this page must show each new total.
    editor.provider = connectProvider(server.wsUrl, contractDocumentName(demoWorkspaceId), new Y.Doc(), { token });
    await whenSynced(editor.provider, 30_000);
    const doc = editor.provider.doc;
    await waitUntil(() => sheetsInOrder(readProgramme(doc)).length >= 120, 10_000);
    const sheets = sheetsInOrder(readProgramme(doc));
    const editSamples: number[] = [];
    const clientSamples: number[] = [];
    let current = demoEnvelope.totalCents;
    for (let i = 0; i < options.edits; i++) {
      const sheet = sheets[(i * 37) % sheets.length]!;
      const line = readProgramme(doc).sheets.get(sheet.id)!.budget[i % 12]!;
      const delta = (i % 2 === 0 ? 1 : -1) * 100_000;
      current += delta;
      const expected = euros.format(current / 100).replace(/\s/g, ' ');
      const started = performance.now();
      updateBudgetLine(doc, sheet.id, line.id, { amountCents: (line.amountCents ?? 0) + delta });
      await page.waitForFunction((text) => document.querySelector('main')?.textContent?.replace(/\s/g, ' ').includes(text) === true, expected, { timeout: 10_000, polling: 'raf' });
      editSamples.push(performance.now() - started);
      const measured = await page.evaluate(() => performance.getEntriesByName('trame:programme-read').at(-1)?.duration ?? Number.NaN);
      if (Number.isFinite(measured)) clientSamples.push(measured);
    }
    await context.close();
    return { openDemoMs, openLargeMs, reopenLargeMs, clientReadAndConsolidate: distribution(clientSamples), editToScreen: distribution(editSamples) };
  } finally {
    if (editor.provider !== undefined) disconnect([editor.provider]);
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runProgramme(options: ProgrammeOptions, log: (line: string) => void): Promise<ProgrammeResult> {
  const demo = measureInProcess(buildDemoProgramme(demoEnvelope), Math.max(options.edits, 200));
  const large = measureInProcess(buildLargeProgramme(demoEnvelope), Math.max(options.edits, 200));
  log(`  in process: demo p50 ${demo.readAndConsolidate.p50.toFixed(2)} ms, large p50 ${large.readAndConsolidate.p50.toFixed(2)} ms`);
  if (!options.browser) return { demo, large, browserSkipped: 'disabled by --no-browser' };
  try {
    return { demo, large, browser: await measureBrowser(options, log) };
  } catch (error) {
    return { demo, large, browserSkipped: error instanceof Error ? error.message : String(error) };
  }
}
