/**
 * `npm run bench`: Trame's performance, measured against the y-websocket reference server.
 *
 * 1. Editors: N real `WebsocketProvider` editors (a separate fleet process) type into one
 *    document on a server in its own process, Trame then the reference; latency, messages,
 *    server CPU and memory, bytes written to Trame's log. A second, heavier point follows.
 * 2. Trace replay: the automerge-paper trace typed through Trame, clean shutdown, cold load.
 * 3. Programme: a structured contract of 3 axes × 40 sheets × 12 lines, consolidated after an
 *    edit (in process and in Chromium), opened in Chromium, an edit seen on another screen.
 *
 * Everything listens and connects on 127.0.0.1 only. Every process started here is stopped
 * before the bench exits (see lib/children.ts). Figures go to stdout and bench/.out/results.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseBenchArgs, usage, type BenchOptions } from './lib/args';
import { killAll, liveChildCount } from './lib/children';
import { repoRoot } from './lib/child-server';
import { describeMachine } from './lib/machine';
import { renderComments, renderEditors, renderMachine, renderProgramme, renderRounds, renderTrace, type EditorsPoint } from './lib/report';
import { runComments, type CommentsResult } from './scenarios/comments';
import { runProgramme, type ProgrammeResult } from './scenarios/programme';
import { runRounds, type RoundsResult } from './scenarios/rounds';
import { runEditors, type EditorsOptions } from './scenarios/editors';
import { runTraceReplay, type TraceResult } from './scenarios/trace-replay';
import { renderHistory, runHistory, type HistoryResult } from './scenarios/history';
import { renderDiff, runDiff, type DiffFigures } from './scenarios/diff';
import { renderExports, runExports } from './scenarios/exports';

const outDir = join(repoRoot, 'bench', '.out');
const profileDir = join(outDir, 'profiles');

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function runEditorPoints(options: BenchOptions): Promise<EditorsPoint[]> {
  const base: Omit<EditorsOptions, 'editors' | 'seconds' | 'updatesPerSecond'> = {
    keystrokesPerSecond: options.keystrokesPerSecond,
    awareness: options.awareness,
    observers: options.observers,
    deleteFraction: 0.1,
    seed: options.seed,
    serverNodeArgs: options.profileServer ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    waitQuiet: options.waitQuiet,
  };
  const plan = [
    { label: `${Math.round(options.editors)} editors`, editors: Math.round(options.editors), updatesPerSecond: options.updatesPerSecond, seconds: options.seconds },
  ];
  if (options.heavyEditors > 0) {
    plan.push({
      label: `${Math.round(options.heavyEditors)} editors`,
      editors: Math.round(options.heavyEditors),
      updatesPerSecond: options.heavyUpdatesPerSecond,
      seconds: options.heavySeconds,
    });
  }
  const points: EditorsPoint[] = [];
  for (const step of plan) {
    log(`\n[editors] ${step.label}, ${step.updatesPerSecond} updates/s, ${step.seconds} s, awareness ${options.awareness ? 'on' : 'off'}`);
    const point: EditorsPoint = { label: step.label, runs: [] };
    for (let repetition = 0; repetition < options.repeat; repetition++) {
      // Alternate which server goes first, so that a drift of the machine does not favour one.
      const order = repetition % 2 === 0 ? options.servers : [...options.servers].reverse();
      for (const server of order) {
        point.runs.push(await runEditors(server, { ...base, editors: step.editors, updatesPerSecond: step.updatesPerSecond, seconds: step.seconds }, log));
      }
    }
    points.push(point);
  }
  return points;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const parsed = parseBenchArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(usage);
    return;
  }
  const options = parsed;
  const started = performance.now();
  await mkdir(outDir, { recursive: true });
  if (options.profileServer) await mkdir(profileDir, { recursive: true });
  const machine = describeMachine();
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const loadAverage = loadavg();
  process.stdout.write(`${renderMachine(machine, command, loadAverage)}\n`);

  let editorPoints: EditorsPoint[] | undefined;
  let trace: TraceResult | undefined;
  if (options.scenarios.has('editors')) {
    editorPoints = await runEditorPoints(options);
    process.stdout.write(renderEditors(editorPoints));
  }
  if (options.scenarios.has('trace')) {
    log('\n[trace] replaying the automerge-paper trace through Trame');
    trace = await runTraceReplay(
      {
        tracePath: options.tracePath,
        editors: Math.round(options.traceEditors),
        turn: Math.round(options.traceTurn),
        perEditorRate: options.traceRate,
        networkPatches: options.traceNetworkPatches,
        loadRepeats: Math.round(options.loadRepeats),
        keepData: options.keepData,
        serverNodeArgs: options.profileServer ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
        waitQuiet: options.waitQuiet,
      },
      log,
    );
    process.stdout.write(renderTrace(trace));
  }

  let programme: ProgrammeResult | undefined;
  if (options.scenarios.has('programme')) {
    log('\n[programme] the structured contract, 3 axes × 40 sheets × 12 lines');
    programme = await runProgramme({ edits: Math.round(options.programmeEdits), browser: options.programmeBrowser, chromiumPath: options.chromiumPath }, log);
    process.stdout.write(renderProgramme(programme));
  }

  let rounds: RoundsResult | undefined;
  if (options.scenarios.has('rounds')) {
    log('\n[rounds] a consent round: representatives voting over Socket.IO within 10 s');
    rounds = await runRounds({ points: options.roundVoters, windowSeconds: 10, seed: options.seed }, log);
    process.stdout.write(renderRounds(rounds));
  }

  let comments: CommentsResult | undefined;
  if (options.scenarios.has('comments')) {
    log(`\n[comments] ${options.commentThreads} comment threads on one contract, then its margin in Chromium`);
    comments = await runComments({ threads: options.commentThreads, chromiumPath: options.chromiumPath }, log);
    process.stdout.write(renderComments(comments));
  }

  let diff: DiffFigures | undefined;
  if (options.scenarios.has('diff')) {
    diff = await runDiff({ runs: 15, seed: options.seed }, log);
    process.stdout.write(renderDiff(diff));
  }

  if (options.scenarios.has('exports')) process.stdout.write(renderExports(await runExports(log)));

  let history: HistoryResult | undefined;
  if (options.scenarios.has('history')) {
    log('\n[history] a contract whose history holds 200,000 updates, loaded cold');
    history = await runHistory({ tracePath: options.tracePath, updates: 200_000, checkpointEvery: 5_000, loadRepeats: 3 }, log);
    process.stdout.write(renderHistory(history));
  }

  const seconds = (performance.now() - started) / 1000;
  const results = { machine, command, loadAverageAtStart: loadAverage, options: { ...options, scenarios: [...options.scenarios] }, seconds, editors: editorPoints, trace, programme, rounds, comments, history, diff };
  const resultsPath = join(outDir, 'results.json');
  await writeFile(resultsPath, `${JSON.stringify(results, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`);
  process.stdout.write(`\nWhole run: ${seconds.toFixed(0)} s. Figures: ${resultsPath}${options.profileServer ? `; server CPU profiles: ${profileDir}` : ''}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (liveChildCount() > 0) {
      log(`stopping ${liveChildCount()} leftover process(es)`);
      killAll();
    }
  });
