/**
 * One real server (port 0, fresh data folder with the demo) and one Chromium per test file, and
 * pages opened on the demo contract; everything is closed after the file's tests.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { openContract, type OpenContract } from './contract-page';

type OpenArguments = Parameters<typeof openContract> extends [unknown, unknown, ...infer Rest] ? Rest : never;

export interface E2E {
  readonly server: TestServer;
  readonly browser: Browser;
  contractUrl(): string;
  /** Signs in through the sign-in page in a fresh context and opens the contract. */
  open(...args: OpenArguments): Promise<OpenContract>;
  /** Closes a context the test made itself, after the file's tests. */
  closeAfterwards(context: BrowserContext): void;
}

/** Registers the file's set-up and tear-down; call once at the top of a `describe`. */
export function useServerAndBrowser(): E2E {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('used before beforeAll');
    return value;
  };
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.destroy();
  });
  const e2e: E2E = {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    contractUrl: () => `${ready(server).url}/w/${demoWorkspaceId}`,
    open: async (...args) => {
      const page = await openContract(ready(browser), e2e.contractUrl(), ...args);
      contexts.push(page.context);
      return page;
    },
    closeAfterwards: (context) => contexts.push(context),
  };
  return e2e;
}
