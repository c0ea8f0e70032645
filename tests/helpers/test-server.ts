/**
 * Starts a real Trame server on a free port (port 0) over a real data folder in a temp dir, as
 * production does: no mocked transport, no in-memory store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrame, type Trame, type TrameOptions } from '../../server/app';
import { readConfig, type TrameConfig } from '../../server/config';
import { createLogger } from '../../server/logger';

export interface TestServer {
  trame: Trame;
  config: TrameConfig;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Stops the server (keeps the data folder, so a new server can reopen it). */
  stop(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>;
}

/** A fresh temporary data folder. */
export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'trame-test-'));
}

export async function startTestServer(
  overrides: Partial<TrameConfig> & { dataDir?: string } = {},
  options: TrameOptions = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (await makeDataDir());
  const config: TrameConfig = {
    ...readConfig({}),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    idleUnloadMs: 50,
    // The cheapest scrypt cost: tests sign in often; production keeps the default.
    scryptCost: 2 ** 10,
    // Lets several people build and test the client side by side (`vite build --outDir`).
    ...(process.env['TRAME_TEST_CLIENT_DIR'] === undefined ? {} : { clientDir: process.env['TRAME_TEST_CLIENT_DIR'] }),
    ...overrides,
    dataDir,
  };
  const trame = await createTrame(config, createLogger(config.logLevel), options);
  const { port } = await trame.listen();
  let isStopped = false;
  const stop = async (): Promise<void> => {
    if (isStopped) return;
    isStopped = true;
    await trame.close();
  };
  return {
    trame,
    config,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/yjs`,
    dataDir,
    stop,
    destroy: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
