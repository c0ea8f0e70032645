/**
 * Scenario "exports": the bench's large contract (the demo's opening text, then 3 axes × 40
 * action sheets × 12 financing lines, see lib/large-programme.ts) exported to each format the
 * way the export jobs do it: the content built in the main thread (cooperatively), the layout
 * and the renderer in the export thread (server/exports/render-thread.ts).
 *
 * Measured in a child process of its own (this file run with `--measure`), so its memory counts
 * only the exports: per format, the time, the file's size, peak RSS (the process, worker
 * included) and main-thread heap sampled every 5 ms, and the main event loop's delay during the export (perf_hooks.monitorEventLoopDelay, plus a 10 ms
 * "keystroke" timer whose worst lateness is what someone typing would feel: renders yield
 * between parts, so other work interleaves).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { contractSchema } from '../../shared/contract-schema';
import { contractFragmentName } from '../../shared/document-names';
import { writeProgramme } from '../../shared/programme/edit';
import { exportFormats, type ExportFormat } from '../../shared/schemas/versions';
import type { Workspace } from '../../shared/schemas/workspace';
import { buildDemoContract, demoEnvelope } from '../../server/demo/demo-contract';
import { buildDemoMembers } from '../../server/demo/demo-structures';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { Steps } from '../../server/exports/cooperative';
import { buildExportDocument, type ExportSource } from '../../server/exports/export-model';
import { RenderThread } from '../../server/exports/render-thread';
import { openMetadataStore } from '../../server/store/metadata-store';
import { repoRoot } from '../lib/child-server';
import { buildLargeProgramme, largeShape } from '../lib/large-programme';
import { mib, renderTable } from '../lib/table';

const run = promisify(execFile);

export interface ExportFigure {
  format: ExportFormat;
  ms: number;
  bytes: number;
  /** Progress reports (each one a turn handed back to the event loop). */
  steps: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  /** Event-loop delay while exporting (histogram of monitorEventLoopDelay), ms. */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Worst lateness of a 10 ms timer running during the export, ms. */
  timerLatenessMaxMs: number;
}

export interface ExportsFigures {
  sheets: number;
  stateBytes: number;
  baseRssBytes: number;
  formats: ExportFigure[];
}

function largeContract(): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(contractSchema, buildDemoContract(demoEnvelope), doc.getXmlFragment(contractFragmentName));
  writeProgramme(doc, buildLargeProgramme(demoEnvelope));
  return doc;
}

async function measure(): Promise<ExportsFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'trame-bench-exports-'));
  try {
    const db = await openMetadataStore(dir);
    const workspace: Workspace = {
      id: demoWorkspaceId,
      name: 'Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013',
      description: 'Contrat de mesure : 3 axes × 40 fiches action.',
      contractDocument: `${demoWorkspaceId}.contract`,
      envelope: demoEnvelope,
      createdAt: new Date().toISOString(),
    };
    const { networks, structures } = buildDemoMembers(demoWorkspaceId);
    db.data.workspaces.push(workspace);
    db.data.networks.push(...networks);
    db.data.structures.push(...structures);
    // As the jobs do: the version's stored state, decoded into a fresh document.
    const state = Y.encodeStateAsUpdateV2(largeContract());
    const docOf = (): Y.Doc => {
      const doc = new Y.Doc();
      Y.applyUpdateV2(doc, state);
      return doc;
    };
    const sheets = largeShape.axes * largeShape.sheetsPerAxis;
    const thread = new RenderThread();
    const exportOf = async (doc: Y.Doc, format: ExportFormat, steps: Steps): Promise<{ bytes: Buffer }> => {
      const source: ExportSource = { db, workspace, version: null, doc, requesterName: 'Banc d’essai' };
      const document = await buildExportDocument(source, steps.within(0, 0.2));
      return thread.render(document, format, steps.within(0.2, 1));
    };
    // A warm-up export (starting the thread, module loading, font metrics), not measured.
    const warm = docOf();
    for (const format of exportFormats) await exportOf(warm, format, new Steps());
    warm.destroy();
    globalThis.gc?.();
    const baseRssBytes = process.memoryUsage().rss;

    const formats: ExportFigure[] = [];
    for (const format of exportFormats) {
      globalThis.gc?.();
      const doc = docOf();
      let peakRss = process.memoryUsage().rss;
      let peakHeap = process.memoryUsage().heapUsed;
      const sampler = setInterval(() => {
        const usage = process.memoryUsage();
        peakRss = Math.max(peakRss, usage.rss);
        peakHeap = Math.max(peakHeap, usage.heapUsed);
      }, 5);
      let lateness = 0;
      let expected = performance.now() + 10;
      const keystroke = setInterval(() => {
        const now = performance.now();
        lateness = Math.max(lateness, now - expected);
        expected = now + 10;
      }, 10);
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
      let steps = 0;
      const started = performance.now();
      const rendered = await exportOf(doc, format, new Steps(() => void steps++));
      const ms = performance.now() - started;
      histogram.disable();
      clearInterval(sampler);
      clearInterval(keystroke);
      const usage = process.memoryUsage();
      formats.push({
        format,
        ms,
        bytes: rendered.bytes.byteLength,
        steps,
        peakRssBytes: Math.max(peakRss, usage.rss),
        peakHeapBytes: Math.max(peakHeap, usage.heapUsed),
        loopDelayP50Ms: histogram.percentile(50) / 1e6,
        loopDelayP99Ms: histogram.percentile(99) / 1e6,
        loopDelayMaxMs: histogram.max / 1e6,
        timerLatenessMaxMs: lateness,
      });
      doc.destroy();
    }
    await thread.stop();
    return { sheets, stateBytes: state.byteLength, baseRssBytes, formats };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- Scenario (bench/run.ts) ------------------------------------------------------------------

/** Runs the measurement in a child process and returns its figures. */
export async function runExports(log: (line: string) => void): Promise<ExportsFigures> {
  log(`\n[exports] a ${largeShape.axes}-axis × ${largeShape.sheetsPerAxis}-sheet contract exported to ${exportFormats.join(', ')} (child process)`);
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', join(repoRoot, 'bench/scenarios/exports.ts'), '--measure'], { cwd: repoRoot, maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as ExportsFigures;
}

export function renderExports(figures: ExportsFigures): string {
  const table = renderTable(
    `Exports — a ${figures.sheets}-sheet contract (state ${(figures.stateBytes / 1024).toFixed(0)} KiB), each format exported as the jobs do (content built in the main thread, rendered in the export thread); event-loop figures are the main thread's`,
    ['format', 'ms', 'file KiB', 'progress steps', 'peak RSS MiB', 'peak main heap MiB', 'loop delay p50 ms', 'p99 ms', 'max ms', '10 ms timer worst lateness ms'],
    figures.formats.map((f) => [f.format, f.ms, f.bytes / 1024, f.steps, mib(f.peakRssBytes), mib(f.peakHeapBytes), f.loopDelayP50Ms, f.loopDelayP99Ms, f.loopDelayMaxMs, f.timerLatenessMaxMs]),
  );
  return `${table}\nChild process RSS before the exports (after a warm-up export of each format): ${mib(figures.baseRssBytes).toFixed(0)} MiB.\n`;
}

if (process.argv[2] === '--measure' && process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  measure()
    .then((figures) => process.stdout.write(JSON.stringify(figures)))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
