/** Opening the contract as a person would, in a real browser page: sign in, then read it back. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../shared/permissions';
import { demoPassword } from '../../server/demo/demo-accounts';
import { demoEmail } from '../helpers/sessions';

/** Who signs in. */
export interface Account {
  email: string;
  password?: string;
}

export interface OpenContract {
  context: BrowserContext;
  page: Page;
  editor: ReturnType<Page['locator']>;
}

/** The demo account of a role. */
export function demoAccount(role: Role): Account {
  return { email: demoEmail(role), password: demoPassword };
}

/** Fills and sends the sign-in form the page is showing. */
export async function signInThroughPage(page: Page, account: Account): Promise<void> {
  await page.locator('#sign-in-email').fill(account.email);
  await page.locator('#sign-in-password').fill(account.password ?? demoPassword);
  await page.locator('trame-sign-in-page button[type="submit"]').click();
}

/** Waits until the contract is connected, synced and shown. */
export async function waitForContract(page: Page): Promise<ReturnType<Page['locator']>> {
  await page.locator('trame-connection-status[data-state="connected"][data-synced="true"]').waitFor({ timeout: 10_000 });
  const editor = page.locator('trame-contract-editor .ProseMirror');
  await editor.waitFor();
  return editor;
}

/**
 * Opens the workspace in a fresh context (its own cookies and storage): the app sends the person
 * to the sign-in page, they sign in, and land back on the contract.
 */
export async function openContract(
  browser: Browser,
  url: string,
  account: Account,
  options: { viewport?: { width: number; height: number }; locale?: 'fr' | 'en'; bypassCSP?: boolean; permissions?: string[] } = {},
): Promise<OpenContract> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
    permissions: options.permissions ?? [],
  });
  if (options.locale === 'en') await context.addInitScript(() => localStorage.setItem('trame:locale', 'en'));
  const page = await context.newPage();
  await page.goto(url);
  await signInThroughPage(page, account);
  const editor = await waitForContract(page);
  return { context, page, editor };
}

/** Types at the very end of the contract. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = page.locator('trame-contract-editor .ProseMirror');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Waits until the page's contract text contains `text`; returns how long that took. */
export async function waitForText(page: Page, text: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(
    (expected) => document.querySelector('trame-contract-editor .ProseMirror')?.textContent?.includes(expected) ?? false,
    text,
    { timeout: timeoutMs, polling: 20 },
  );
  return Date.now() - started;
}
