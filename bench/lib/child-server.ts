/**
 * Starts a server under test in its own process (so that its CPU and memory are its own):
 * Trame (`server/index.ts`, as `npm start` runs it, printing `http://localhost:PORT`) or the
 * y-websocket reference server (the bin of `@y/websocket-server`, `src/server.js`, unchanged,
 * given `HOST`/`PORT`; without `YPERSISTENCE` it keeps documents in memory only). Both run under
 * the same `tsx` loader, so that the loader's memory is on both sides of the comparison.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { demoEmail, signInForToken } from './sign-in';
import { stopChild, track } from './children';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export type ServerKind = 'trame' | 'reference';

export interface ChildServer {
  kind: ServerKind;
  process: ChildProcess;
  pid: number;
  port: number;
  /** Base URL to give `WebsocketProvider` (the document name is appended to it). */
  wsUrl: string;
  /** URL parameters every `WebsocketProvider` must send: Trame's access token (none for the reference). */
  params: Record<string, string>;
  /** ms from spawn to "listening" (includes the tsx loader, and seeding a fresh data folder). */
  startMs: number;
  /** Lines the server printed on stdout since it started listening (its pino log). */
  readonly stdoutLines: readonly string[];
  /** SIGTERM (Trame writes what is pending and exits), SIGKILL after a grace period. */
  stop(): Promise<{ graceful: boolean; stopMs: number }>;
}

export interface StartOptions {
  /** Trame only: its data folder. */
  dataDir?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Extra Node options (e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
}

const entryOf: Record<ServerKind, string> = {
  trame: 'server/index.ts',
  reference: 'node_modules/@y/websocket-server/src/server.js',
};

/** What each server prints once it listens (Trame reports the port it got from port 0). */
const listeningPattern: Record<ServerKind, RegExp> = {
  trame: /http:\/\/localhost:(\d+)/,
  reference: /running at '127\.0\.0\.1' on port (\d+)/,
};

/** A port free on 127.0.0.1 right now (the reference bin cannot be given port 0 and say which it got). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<ChildServer> {
  if (kind === 'trame' && options.dataDir === undefined) throw new Error('a Trame server needs a data folder');
  const started = performance.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: kind === 'trame' ? '0' : String(await freePort()),
    HOST: '127.0.0.1',
    // Trame logs document loads and compactions (with durations) at debug level; nothing per message.
    LOG_LEVEL: 'debug',
    NODE_ENV: 'production',
    ...(options.dataDir === undefined ? {} : { DATA_DIR: options.dataDir }),
    ...options.env,
  };
  // The reference persists only when YPERSISTENCE is set: make sure it runs in memory.
  delete env.YPERSISTENCE;
  const child = track(
    spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entryOf[kind]], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  if (child.pid === undefined) throw new Error(`could not spawn the ${kind} server`);
  const pid = child.pid;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`the ${kind} server did not start within 30 s: ${stdout}${stderr}`)), 30_000);
    const onExit = (code: number | null): void => fail(new Error(`the ${kind} server exited (${code}) before listening: ${stdout}${stderr}`));
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', onExit);
    const onData = (chunk: Buffer): void => {
      stdout += chunk.toString();
      const match = listeningPattern[kind].exec(stdout);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', onData);
      resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
  });
  // Keep draining stdout (a full pipe would block the server), and keep its log lines.
  const stdoutLines: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (stdoutLines.length < 10_000) stdoutLines.push(line);
  });
  const startMs = performance.now() - started;
  // Trame authenticates every connection: the editors act as the demo member, with an access token.
  const params: Record<string, string> = kind === 'trame' ? { token: await signInForToken(`http://127.0.0.1:${port}`, demoEmail) } : {};
  return {
    kind,
    process: child,
    pid,
    port,
    wsUrl: kind === 'trame' ? `ws://127.0.0.1:${port}/yjs` : `ws://127.0.0.1:${port}`,
    params,
    startMs,
    stdoutLines,
    stop: async () => {
      const stopping = performance.now();
      const { graceful } = await stopChild(child, 'SIGTERM', 15_000);
      if (!graceful) process.stderr.write(`warning: the ${kind} server did not stop within 15 s and was killed\n${stderr.slice(-2000)}\n`);
      return { graceful, stopMs: performance.now() - stopping };
    },
  };
}
