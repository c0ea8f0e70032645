/**
 * Comments at scale (issue "deliberation"): 2,000 comment threads on one contract, created
 * through the real REST API of a Trame server in its own process, their anchors spread over the
 * whole text (anchored on a live copy of the document, as the editor does). Then, in Chromium,
 * the time for the contract page to show its comment margin with every highlight placed (from
 * navigation until each open thread is resolved, highlighted and its card positioned beside its
 * passage), median of 3 fresh opens; the same page without comments is the baseline.
 *
 * The served client is the repository's build (`client/dist`): run `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { createAnchor, layoutOf } from '../../shared/comments/anchors';
import { contractDocumentName, contractFragmentName } from '../../shared/document-names';
import { demoAccounts } from '../../server/demo/demo-accounts';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { startServer, type ChildServer } from '../lib/child-server';
import { sessionCookie, signInForToken } from '../lib/sign-in';
import { distribution, median, type Distribution } from '../lib/stats';
import { connectProvider, disconnect, whenSynced } from '../lib/yjs-client';

export interface CommentsOptions {
  threads: number;
  chromiumPath: string;
}

export interface CommentsResult {
  threads: number;
  /** Threads per second created through the API (8 requests in flight). */
  createPerSecond: number;
  createLatency: Distribution;
  /** Contract page until its margin is placed, fresh context, median of 3, ms. */
  openWithoutCommentsMs: number;
  openWithCommentsMs: number;
  /** Threads listed by `GET …/comments`, and the bytes of that answer. */
  listBytes: number;
  listMs: number;
}


/** Anchors `count` passages of a few words, spread evenly over every text of the contract. */
function spreadAnchors(fragment: Y.XmlFragment, count: number): { start: string; end: string; quote: string }[] {
  const layout = layoutOf(fragment);
  const texts = layout.texts.filter((text) => text.end - text.start >= 12);
  if (texts.length === 0) throw new Error('the contract has no text to comment');
  const anchors: { start: string; end: string; quote: string }[] = [];
  for (let i = 0; i < count; i++) {
    const text = texts[i % texts.length]!;
    const round = Math.floor(i / texts.length);
    const length = text.end - text.start;
    const from = text.start + ((round * 7) % Math.max(1, length - 10));
    const anchor = createAnchor(fragment, from, Math.min(text.end, from + 10), 1000, layout);
    if (anchor === undefined) throw new Error(`no anchor at ${from}`);
    anchors.push(anchor);
  }
  return anchors;
}

/** Opens the contract page and waits until its margin shows `expected` placed threads; ms from navigation. */
async function openUntilPlaced(page: Page, url: string, expected: number): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction(
    (count) => {
      const margin = document.querySelector<HTMLElement>('trame-contract-editor trame-comment-margin');
      const aside = margin?.querySelector<HTMLElement>('.comment-margin');
      if (margin === null || margin === undefined || aside?.dataset['loaded'] !== 'true') return false;
      // Every thread resolved to its passage (highlighted), and every card positioned beside it.
      if (Number(aside.dataset['placed'] ?? -1) < count || Number(margin.dataset['positioned'] ?? -1) < count) return false;
      return count === 0 || document.querySelector('trame-contract-editor .comment-mark') !== null;
    },
    expected,
    { timeout: 120_000, polling: 'raf' },
  );
  return performance.now() - started;
}

export async function runComments(options: CommentsOptions, log: (line: string) => void): Promise<CommentsResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'trame-bench-comments-'));
  let server: ChildServer | undefined;
  let browser: Browser | undefined;
  try {
    // The per-person write limit protects a workshop from floods; the bench writes as one person.
    server = await startServer('trame', { dataDir, env: { COMMENT_WRITES_PER_MINUTE: '1000000' } });
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const member = demoAccounts.find((account) => account.role === 'member')!.email;
    const token = await signInForToken(baseUrl, member);
    const cookie = await sessionCookie(baseUrl, member);
    browser = await chromium.launch({ executablePath: options.chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const contractUrl = `${baseUrl}/w/${demoWorkspaceId}`;

    const openFresh = async (repeats: number, expected: number): Promise<number> => {
      const samples: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const context = await browser!.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addCookies([{ ...cookie, url: baseUrl }]);
        samples.push(await openUntilPlaced(await context.newPage(), contractUrl, expected));
        await context.close();
      }
      return median(samples);
    };
    // A first load warms the browser and the server's caches; it is not counted.
    await openFresh(1, 0);
    const openWithoutCommentsMs = await openFresh(3, 0);
    log(`  contract page without comments: ${openWithoutCommentsMs.toFixed(0)} ms`);

    // Anchors on a live copy of the contract, as the editor makes them.
    const provider = connectProvider(server.wsUrl, contractDocumentName(demoWorkspaceId), new Y.Doc(), { token });
    let anchors: { start: string; end: string; quote: string }[];
    try {
      await whenSynced(provider, 30_000);
      anchors = spreadAnchors(provider.doc.getXmlFragment(contractFragmentName), options.threads);
    } finally {
      disconnect([provider]);
    }
    const latencies: number[] = [];
    let next = 0;
    const createStarted = performance.now();
    const worker = async (): Promise<void> => {
      while (next < anchors.length) {
        const index = next++;
        const started = performance.now();
        const response = await fetch(`${baseUrl}/api/workspaces/${demoWorkspaceId}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: baseUrl, cookie: `${cookie.name}=${cookie.value}` },
          body: JSON.stringify({ anchor: { target: { kind: 'contract' }, ...anchors[index] }, body: `Remarque n° ${index + 1} sur ce passage.`, mentions: { people: [], structures: [] } }),
        });
        if (response.status !== 201) throw new Error(`comment ${index} refused (${response.status}): ${await response.text()}`);
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: 8 }, () => worker()));
    const createPerSecond = anchors.length / ((performance.now() - createStarted) / 1000);
    log(`  ${anchors.length} threads created: ${createPerSecond.toFixed(0)}/s`);

    const listStarted = performance.now();
    const list = await fetch(`${baseUrl}/api/workspaces/${demoWorkspaceId}/comments`, { headers: { origin: baseUrl, cookie: `${cookie.name}=${cookie.value}` } });
    const listBytes = (await list.arrayBuffer()).byteLength;
    const listMs = performance.now() - listStarted;

    const openWithCommentsMs = await openFresh(3, anchors.length);
    log(`  contract page with ${anchors.length} threads: ${openWithCommentsMs.toFixed(0)} ms`);
    return { threads: anchors.length, createPerSecond, createLatency: distribution(latencies), openWithoutCommentsMs, openWithCommentsMs, listBytes, listMs };
  } finally {
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
