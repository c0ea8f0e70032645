/** Runs Trame as a separate process (as `npm start` does), so that tests can kill it hard. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  process: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  /** Kills the process with SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
}

export function startChildServer(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SCRYPT_COST: '1024' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        process: child,
        port,
        url: `http://127.0.0.1:${port}`,
        wsUrl: `ws://127.0.0.1:${port}/yjs`,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}
