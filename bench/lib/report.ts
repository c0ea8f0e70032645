/** Turns the scenarios' results into the printed tables (also pasted into RESULTS.md). */
import type { CommentsResult } from '../scenarios/comments';
import type { EditorsRun } from '../scenarios/editors';
import type { InProcessResult, ProgrammeResult } from '../scenarios/programme';
import type { RoundsResult } from '../scenarios/rounds';
import type { TraceResult } from '../scenarios/trace-replay';
import type { Machine } from './machine';
import { median, ratio } from './stats';
import { formatNumber, mib, renderTable, times, type Cell } from './table';

export interface EditorsPoint {
  label: string;
  runs: EditorsRun[];
}

export function renderMachine(machine: Machine, command: string, loadAverage: readonly number[]): string {
  const versions = Object.entries(machine.versions).map(([name, version]) => `${name} ${version}`).join(', ');
  return [
    `Trame bench — ${machine.date}`,
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM; Node ${machine.node}; Linux ${machine.kernel}`,
    `Packages: ${versions}; commit ${machine.commit}`,
    `Command: ${command}`,
    `Load average at start (1, 5, 15 min): ${loadAverage.map((l) => l.toFixed(2)).join(', ')}`,
  ].join('\n');
}

export function renderEditors(points: readonly EditorsPoint[]): string {
  const rows = points.flatMap((point) => {
    const seen = new Map<string, number>();
    const repeated = point.runs.some((run, i) => point.runs.findIndex((other) => other.server === run.server) !== i);
    return point.runs.map((run) => {
      const index = (seen.get(run.server) ?? 0) + 1;
      seen.set(run.server, index);
      return { point: repeated ? `${point.label} #${index}` : point.label, run };
    });
  });
  const latency = renderTable(
    'Editors — propagation latency, ms: from an editor\'s insert until every other editor has it ("all"), and per (insert, receiving editor)',
    ['point', 'server', 'editors', 'typing', 'updates/s', 'all p50', 'all p95', 'all p99', 'all max', 'each p50', 'each p99', 'not delivered'],
    rows.map(({ point, run }) => [
      point,
      run.server,
      run.editors,
      `${run.typists}×${run.keystrokesPerSecond}/s`,
      run.typing.updatesPerSecond,
      run.latencyMs.allObservers.p50,
      run.latencyMs.allObservers.p95,
      run.latencyMs.allObservers.p99,
      run.latencyMs.allObservers.max,
      run.latencyMs.delivery.p50,
      run.latencyMs.delivery.p99,
      run.latencyMs.incomplete,
    ]),
  );
  const traffic = renderTable(
    'Editors — traffic and resources during typing (CPU in % of one core; "others" = CPU used on the machine by processes outside this bench)',
    ['point', 'server', 'msgs/s delivered', 'sync/s', 'awareness/s', 'MB/s', 'sent to server/s', 'server CPU %', 'server peak RSS MiB', 'server µs/fan-out', 'fleet CPU %', 'fleet ELU', 'fleet loop max ms', 'others CPU %'],
    rows.map(({ point, run }) => [
      point,
      run.server,
      run.delivered.messagesPerSecond,
      run.delivered.syncPerSecond,
      run.delivered.awarenessPerSecond,
      run.delivered.megabytesPerSecond,
      run.sentToServer.syncPerSecond + run.sentToServer.awarenessPerSecond,
      run.serverUsage.cpuPercent,
      mib(run.serverUsage.peakRssBytes),
      run.serverUsage.cpuMicrosPerFanout,
      run.fleetUsage.cpuPercent,
      run.fleetUsage.eventLoopUtilization,
      run.fleetUsage.loopDelayMaxMs,
      run.host.othersPercent,
    ]),
  );
  const ratioRows: Cell[][] = [];
  for (const point of points) {
    const trame = point.runs.filter((r) => r.server === 'trame');
    const reference = point.runs.filter((r) => r.server === 'reference');
    if (trame.length === 0 || reference.length === 0) continue;
    // With --repeat, each side is the median of its runs.
    const compare = (metric: (run: EditorsRun) => number): string => times(ratio(median(trame.map(metric)), median(reference.map(metric))));
    ratioRows.push([
      point.label,
      compare((r) => r.latencyMs.allObservers.p50),
      compare((r) => r.latencyMs.allObservers.p95),
      compare((r) => r.latencyMs.allObservers.p99),
      compare((r) => r.delivered.messagesPerSecond),
      compare((r) => r.serverUsage.cpuPercent),
      compare((r) => r.serverUsage.peakRssBytes),
      compare((r) => r.fleetUsage.cpuPercent),
    ]);
  }
  const ratios =
    ratioRows.length === 0
      ? ''
      : renderTable(
          'Editors — Trame / reference, same run (below 1× = Trame lower)',
          ['point', 'latency p50', 'latency p95', 'latency p99', 'msgs delivered/s', 'server CPU', 'server peak RSS', 'client (fleet) CPU'],
          ratioRows,
        );
  const trameRuns = rows.filter(({ run }) => run.disk !== undefined);
  const disk =
    trameRuns.length === 0
      ? ''
      : renderTable(
          'Editors — Trame log writes (update records appended to docs/<document>.ylog, headers included; compactions rewrite the file as one V2 snapshot)',
          ['point', 'updates', 'records', 'updates/record', 'bytes appended', 'bytes/update', 'compactions', 'longest compaction ms', 'snapshot bytes', 'bytes/update incl. compaction'],
          trameRuns.map(({ point, run }) => {
            const disk = run.disk;
            return [
              point,
              run.typing.updates,
              disk?.updateRecords,
              disk?.updatesPerRecord,
              disk?.updateBytes,
              disk?.bytesPerUpdate,
              disk?.compactions,
              disk === undefined || disk.compactionMs.length === 0 ? undefined : Math.max(...disk.compactionMs),
              disk?.snapshotBytes,
              disk?.bytesPerUpdateWithCompaction,
            ];
          }),
        );
  const checks = rows
    .map(({ point, run }) => {
      const problems = [
        run.connect.failed > 0 ? `${run.connect.failed} editors never synced` : '',
        run.disconnects > 0 ? `${run.disconnects} unexpected disconnects` : '',
        run.divergentEditors > 0 ? `${run.divergentEditors} editors ended with a different text` : '',
        run.latencyMs.drained ? '' : 'not fully delivered within the drain timeout',
        run.serverUsage.stoppedCleanly ? '' : 'server had to be killed',
        run.fleetUsage.eventLoopUtilization > 0.9 ? 'load generator saturated (ELU > 0.9): latency includes client-side queueing' : '',
      ].filter((p) => p !== '');
      return `  ${point} / ${run.server}: connected ${run.editors} in ${formatNumber(run.connect.ms / 1000)} s (sync p95 ${formatNumber(run.connect.sync.p95)} ms); ${
        problems.length === 0 ? 'all editors converged, no disconnects' : problems.join('; ')
      }`;
    })
    .join('\n');
  return [latency, traffic, ratios, disk, `\nChecks:\n${checks}\n`].join('');
}

export function renderTrace(trace: TraceResult): string {
  const n = trace.network;
  const replay = renderTable(
    `Trace replay — automerge-paper, ${trace.patches.total.toLocaleString('en-US')} patches (${trace.patches.inserts.toLocaleString('en-US')} inserts, ${trace.patches.deletes.toLocaleString('en-US')} deletes)`,
    ['phase', 'patches', 'how', 'seconds', 'updates/s', 'server CPU %', 'observer p50 ms', 'observer p99 ms', 'observer max ms', 'bench loop max ms', 'log bytes/update', 'updates/record'],
    [
      [
        'through the server',
        n.patches,
        `${n.editors} editors, turn ${n.turn}, ${formatNumber(n.targetPerSecond)}/s target`,
        n.seconds,
        n.updatesPerSecond,
        n.serverCpuPercent,
        n.latencyAtObserverMs.p50,
        n.latencyAtObserverMs.p99,
        n.latencyAtObserverMs.max,
        n.clientLoop.loopDelayMaxMs,
        n.log.bytesPerUpdate,
        n.log.updatesPerRecord,
      ],
      ...(trace.storeDirect === undefined
        ? []
        : [[
            'straight to the store',
            trace.storeDirect.patches,
            `in-process, 1 update/record, ${trace.storeDirect.compactions} compactions`,
            trace.storeDirect.seconds,
            trace.storeDirect.patches / trace.storeDirect.seconds,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            1,
          ] satisfies Cell[]]),
    ],
  );
  const s = trace.coldLoad.store;
  const load = renderTable(
    'Trace replay — cold load of the final document (in-process: EmbeddedDocumentStore.load + applying its records to a Y.Doc; median)',
    ['log', 'file bytes', 'records', 'load ms', 'apply ms', 'total ms', 'text = endContent'],
    [
      ['as the server left it', s.asLeft.fileBytes, s.asLeft.records, s.asLeft.readMs, s.asLeft.applyMs, s.asLeft.totalMs, yes(s.asLeft.textMatches)],
      ['compacted (one V2 snapshot)', s.compacted.fileBytes, s.compacted.records, s.compacted.readMs, s.compacted.applyMs, s.compacted.totalMs, yes(s.compacted.textMatches)],
      ['never compacted (every update a record)', s.uncompacted.fileBytes, s.uncompacted.records, s.uncompacted.readMs, s.uncompacted.applyMs, s.uncompacted.totalMs, yes(s.uncompacted.textMatches)],
      ['same text, one author, compacted', s.oneAuthorCompacted.fileBytes, s.oneAuthorCompacted.records, s.oneAuthorCompacted.readMs, s.oneAuthorCompacted.applyMs, s.oneAuthorCompacted.totalMs, yes(s.oneAuthorCompacted.textMatches)],
    ],
  );
  const c = trace.coldLoad.network;
  const sz = trace.sizes;
  const lines = [
    `  Final text equals endContent: ${yes(trace.finalTextMatches)} (${trace.patches.endContentLength.toLocaleString('en-US')} characters); observer saw the server's text equal the editors': ${yes(n.observerMatched)}; unexpected disconnects: ${n.disconnects}`,
    `  Log during the network phase: ${n.log.updateRecords.toLocaleString('en-US')} records, ${n.log.updateBytes.toLocaleString('en-US')} bytes appended, ${n.log.compactions} compactions ` +
      `(${n.log.snapshotBytes.toLocaleString('en-US')} snapshot bytes${n.compactionMs.length > 0 ? `; each took ${n.compactionMs.join(', ')} ms, during which the document's broadcasts wait` : ''})`,
    ...(trace.storeDirect === undefined
      ? []
      : [
          `  Compaction of the near-final document (in-process, as Room.compact): ${formatNumber(trace.storeDirect.lastCompactionMs)} ms for a ${trace.storeDirect.lastSnapshotBytes.toLocaleString('en-US')} B V2 snapshot`,
        ]),
    `  Clean shutdown after the replay: ${yes(n.stoppedCleanly)} in ${formatNumber(n.serverStopMs)} ms; bench process during replay: loop delay p99 ${formatNumber(n.clientLoop.loopDelayP99Ms)} ms, max ${formatNumber(n.clientLoop.loopDelayMaxMs)} ms, longest GC ${formatNumber(n.clientLoop.gcPauseMaxMs)} ms`,
    `  Final state: V1 ${sz.stateV1Bytes.toLocaleString('en-US')} B, V2 ${sz.stateV2Bytes.toLocaleString('en-US')} B (same text by one author: V2 ${sz.oneAuthorStateV2Bytes.toLocaleString('en-US')} B)`,
    `  Cold load over the network (fresh server on the same folder, started in ${formatNumber(c.serverStartMs)} ms): first client connect → synced ${formatNumber(c.firstClientMs)} ms ` +
      `(of which the server's own load ${formatNumber(c.serverLoadMs)} ms), a second client ${formatNumber(c.secondClientMs)} ms; text = endContent: ${yes(c.textMatches)}; server RSS after load ${formatNumber(mib(c.serverRssAfterLoadBytes))} MiB; clean shutdown: ${yes(c.stoppedCleanly)}`,
  ];
  return `${replay}${load}\n${lines.join('\n')}\n`;
}

function yes(value: boolean): string {
  return value ? 'yes' : 'NO';
}

export function renderProgramme(result: ProgrammeResult): string {
  const row = (label: string, r: InProcessResult): Cell[] => [
    label,
    r.sheets,
    r.lines,
    mib(r.stateBytes),
    r.readAndConsolidate.p50,
    r.readAndConsolidate.p99,
    r.serverCheck.p50,
    r.serverCheck.p99,
  ];
  const inProcess = renderTable(
    'Programme — after one amount edit, in process: read the structured contract from the Y.Doc and consolidate it (each client), and the server check (the same + report built and compared)',
    ['programme', 'sheets', 'lines', 'state MiB', 'read+consolidate p50 ms', 'p99 ms', 'server check p50 ms', 'p99 ms'],
    [row('demo (baseline)', result.demo), row('3 × 40 × 12', result.large)],
  );
  const ratio = `\nLarge / demo (p50): ${times(result.large.readAndConsolidate.p50 / result.demo.readAndConsolidate.p50)} for ${times(result.large.lines / result.demo.lines)} the lines.\n`;
  if (result.browser === undefined) return `${inProcess}${ratio}\nBrowser part skipped: ${result.browserSkipped ?? 'unknown reason'}\n`;
  const b = result.browser;
  const browser = renderTable(
    'Programme in Chromium — budget page of the 3 × 40 × 12 contract, Trame in its own process',
    ['measure', 'p50 ms', 'p99 ms', 'max ms', 'samples'],
    [
      ['open budget page until the total shows, fresh browser context: demo (baseline)', b.openDemoMs, undefined, undefined, 3],
      ['open budget page until the total shows, fresh browser context: 3 × 40 × 12', b.openLargeMs, undefined, undefined, 3],
      ['reopen (local copy in IndexedDB): 3 × 40 × 12', b.reopenLargeMs, undefined, undefined, 3],
      ['client read + consolidate after a remote edit', b.clientReadAndConsolidate.p50, b.clientReadAndConsolidate.p99, b.clientReadAndConsolidate.max, b.clientReadAndConsolidate.count],
      ['another client edits an amount → new total on this screen', b.editToScreen.p50, b.editToScreen.p99, b.editToScreen.max, b.editToScreen.count],
    ],
  );
  return `${inProcess}${ratio}${browser}\nOpen large / demo: ${times(b.openLargeMs / b.openDemoMs)}.\n`;
}

export function renderRounds(result: RoundsResult): string {
  const table = renderTable(
    'Consent round — N representatives vote over Socket.IO at random within 10 s; tally latency = vote emitted → an observer receives a tally that includes it',
    ['voters', 'tally p50 ms', 'tally p99 ms', 'tally max ms', 'ack p50 ms', 'ack p99 ms', 'server CPU %', 'events seen', 'event bytes', 'counted', 'failures'],
    result.points.map((point) => [
      point.voters === result.points[0]?.voters && result.points.length > 1 ? `${point.voters} (baseline)` : point.voters,
      point.tallyLatency.p50,
      point.tallyLatency.p99,
      point.tallyLatency.max,
      point.ackLatency.p50,
      point.ackLatency.p99,
      point.serverCpuPercent,
      point.events,
      point.eventBytes,
      point.answered,
      point.failures,
    ]),
  );
  const [baseline, last] = [result.points[0], result.points.at(-1)];
  const ratioLine = baseline !== undefined && last !== undefined && baseline !== last ? `\n${last.voters} / ${baseline.voters} voters (tally p50): ${times(last.tallyLatency.p50 / baseline.tallyLatency.p50)}.\n` : '\n';
  return `${table}${ratioLine}`;
}

export function renderComments(result: CommentsResult): string {
  const table = renderTable(
    `Comments — ${result.threads} threads on one contract, created through the REST API (8 in flight); contract page in Chromium until its margin is placed (every highlight and card), fresh context, median of 3`,
    ['threads', 'created /s', 'create p50 ms', 'create p99 ms', 'list ms', 'list bytes', 'page, no comments ms', `page, ${result.threads} threads ms`],
    [[result.threads, result.createPerSecond, result.createLatency.p50, result.createLatency.p99, result.listMs, result.listBytes, result.openWithoutCommentsMs, result.openWithCommentsMs]],
  );
  return `${table}\nComment margin with ${result.threads} threads / without: ${times(result.openWithCommentsMs / result.openWithoutCommentsMs)}.\n`;
}
