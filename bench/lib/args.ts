/** Command-line flags of `npm run bench -- …`. */
import { parseArgs } from 'node:util';
import { defaultTracePath } from './trace';

/** The scenarios, in the order a full run plays them. */
export const benchScenarios = ['editors', 'trace', 'programme', 'rounds', 'comments', 'exports', 'diff', 'history'] as const;
export type BenchScenario = (typeof benchScenarios)[number];

export interface BenchOptions {
  scenarios: Set<BenchScenario>;
  /** Comment threads created on one contract by the comments scenario. */
  commentThreads: number;
  /** Voters of the consent-round scenario: the baseline, then the measured point. */
  roundVoters: number[];
  programmeEdits: number;
  programmeBrowser: boolean;
  chromiumPath: string;
  servers: ('trame' | 'reference')[];
  repeat: number;
  editors: number;
  updatesPerSecond: number;
  keystrokesPerSecond: number;
  seconds: number;
  awareness: boolean;
  observers: number;
  heavyEditors: number;
  heavyUpdatesPerSecond: number;
  heavySeconds: number;
  traceEditors: number;
  traceTurn: number;
  traceRate: number;
  traceNetworkPatches: number;
  loadRepeats: number;
  tracePath: string;
  keepData: boolean;
  profileServer: boolean;
  waitQuiet: boolean;
  seed: number;
}

export const usage = `Usage: npm run bench -- [flags]

Editors scenario (Trame and the reference server, each in its own process):
  --editors N               editors connected (default 100)
  --updates-per-second U    total keystrokes/s over all typing editors (default 60)
  --keystrokes K            keystrokes/s of one typing editor (default 3; typists = U / K)
  --seconds S               typing time per run (default 20)
  --heavy-editors N         a second, heavier point (default 300; 0 to skip)
  --heavy-updates-per-second U  its total keystrokes/s (default 30)
  --heavy-seconds S         typing time of the heavier point (default 15)
  --no-awareness            editors do not move their cursor in awareness
  --observers N             editors that measure arrivals (default 0: all)
  --servers LIST            trame,reference (default both)
  --repeat N                run each point N times, alternating which server goes first
                            (default 1); the ratios use each server's median

Trace replay scenario (Trame only):
  --trace-editors N         editors taking turns (default 4)
  --trace-turn T            patches per turn (default 1: round-robin by patch)
  --trace-rate R            updates/s per editor (default 180; Trame allows 200/s per connection)
  --trace-network-patches K patches sent through the server, the rest written to the store
                            (default 40000; "all" for the whole trace, ~6 min at 4 editors)
  --load-repeats N          repetitions of each in-process load measurement (default 3)
  --trace-path FILE         the trace (default ${defaultTracePath})

Programme scenario (the structured contract, 3 axes × 40 sheets × 12 lines):
  --programme-edits N       amount edits measured (default 40)
  --no-browser              skip the Chromium part (opening pages, edit to screen)
  --chromium PATH           Chromium to drive (default /usr/bin/chromium or $CHROMIUM_PATH)

Consent round scenario (N representatives voting over Socket.IO within 10 s):
  --round-voters LIST       voters of each point, baseline first (default 15,150)

Comments scenario (threads on one contract, then the contract page's margin in Chromium):
  --comment-threads N       threads created (default 2000); needs a built client (npm run build)

General:
  --only editors|trace|programme|rounds|comments|exports|diff|history  run one scenario
  --keep-data               keep the trace replay's data folder
  --profile-server          write the servers' CPU profiles to bench/.out/profiles/
  --no-wait-quiet           do not wait (up to 15 s) for other processes to go quiet before
                            each measured run
  --seed N                  seed of the simulated typing (default 1)
`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      only: { type: 'string' },
      'programme-edits': { type: 'string', default: '40' },
      'round-voters': { type: 'string', default: '15,150' },
      'comment-threads': { type: 'string', default: '2000' },
      'no-browser': { type: 'boolean', default: false },
      chromium: { type: 'string', default: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' },
      servers: { type: 'string', default: 'trame,reference' },
      repeat: { type: 'string', default: '1' },
      editors: { type: 'string', default: '100' },
      'updates-per-second': { type: 'string', default: '60' },
      'heavy-updates-per-second': { type: 'string', default: '30' },
      keystrokes: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '20' },
      'no-awareness': { type: 'boolean', default: false },
      observers: { type: 'string', default: '0' },
      'heavy-editors': { type: 'string', default: '300' },
      'heavy-seconds': { type: 'string', default: '15' },
      'trace-editors': { type: 'string', default: '4' },
      'trace-turn': { type: 'string', default: '1' },
      'trace-rate': { type: 'string', default: '180' },
      'trace-network-patches': { type: 'string', default: '40000' },
      'load-repeats': { type: 'string', default: '3' },
      'trace-path': { type: 'string', default: defaultTracePath },
      'keep-data': { type: 'boolean', default: false },
      'profile-server': { type: 'boolean', default: false },
      'no-wait-quiet': { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
    },
  });
  if (values.help === true) return 'help';
  const only = values.only;
  if (only !== undefined && !(benchScenarios as readonly string[]).includes(only)) throw new Error(`--only must be one of ${benchScenarios.join(', ')}, not "${only}"`);
  const servers = values.servers.split(',').map((s) => s.trim());
  for (const server of servers) if (server !== 'trame' && server !== 'reference') throw new Error(`unknown server "${server}"`);
  return {
    scenarios: new Set(only === undefined ? benchScenarios : [only as BenchScenario]),
    commentThreads: Math.round(positive(values['comment-threads'], '--comment-threads')),
    roundVoters: values['round-voters'].split(',').map((text) => Math.round(positive(text.trim(), '--round-voters'))),
    programmeEdits: Number(values['programme-edits']),
    programmeBrowser: values['no-browser'] !== true,
    chromiumPath: values.chromium ?? '/usr/bin/chromium',
    servers: servers as ('trame' | 'reference')[],
    repeat: Math.round(positive(values.repeat, '--repeat')),
    editors: positive(values.editors, '--editors'),
    updatesPerSecond: positive(values['updates-per-second'], '--updates-per-second'),
    keystrokesPerSecond: positive(values.keystrokes, '--keystrokes'),
    seconds: positive(values.seconds, '--seconds'),
    awareness: !values['no-awareness'],
    observers: nonNegative(values.observers, '--observers'),
    heavyEditors: nonNegative(values['heavy-editors'], '--heavy-editors'),
    heavyUpdatesPerSecond: positive(values['heavy-updates-per-second'], '--heavy-updates-per-second'),
    heavySeconds: positive(values['heavy-seconds'], '--heavy-seconds'),
    traceEditors: positive(values['trace-editors'], '--trace-editors'),
    traceTurn: positive(values['trace-turn'], '--trace-turn'),
    traceRate: positive(values['trace-rate'], '--trace-rate'),
    traceNetworkPatches: values['trace-network-patches'] === 'all' ? Number.POSITIVE_INFINITY : nonNegative(values['trace-network-patches'], '--trace-network-patches'),
    loadRepeats: positive(values['load-repeats'], '--load-repeats'),
    tracePath: values['trace-path'],
    keepData: values['keep-data'],
    profileServer: values['profile-server'],
    waitQuiet: !values['no-wait-quiet'],
    seed: nonNegative(values.seed, '--seed'),
  };
}

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} must be a positive number, not "${text}"`);
  return value;
}

function nonNegative(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} must be a number ≥ 0, not "${text}"`);
  return value;
}
