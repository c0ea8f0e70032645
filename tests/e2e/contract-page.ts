/** Opening the contract as a person would, in a real browser page, and reading it back. */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface Person {
  name: string;
  structureId: string;
}

export interface OpenContract {
  context: BrowserContext;
  page: Page;
  editor: ReturnType<Page['locator']>;
}

/** Opens the workspace in a fresh context (its own storage), introduces the person, waits for sync. */
export async function openContract(
  browser: Browser,
  url: string,
  person: Person,
  options: { viewport?: { width: number; height: number }; locale?: 'fr' | 'en'; bypassCSP?: boolean } = {},
): Promise<OpenContract> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, bypassCSP: options.bypassCSP ?? false });
  if (options.locale === 'en') await context.addInitScript(() => localStorage.setItem('trame:locale', 'en'));
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('input[name="name"]').fill(person.name);
  await page.locator('select[name="structureId"]').selectOption(person.structureId);
  await page.locator('trame-identity-dialog button[type="submit"]').click();
  await page.locator('trame-connection-status[data-state="connected"][data-synced="true"]').waitFor({ timeout: 10_000 });
  const editor = page.locator('trame-contract-editor .ProseMirror');
  await editor.waitFor();
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
