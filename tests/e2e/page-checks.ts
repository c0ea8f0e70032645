/** Checks shared by the browser tests of the workspace's pages. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { describeViolations, findAccessibilityViolations } from '../helpers/browser';

/** axe-core (WCAG 2.1 AA) finds nothing on the page, with every disclosure of its main area open. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('main details').forEach((details) => details.setAttribute('open', '')));
  const violations = await findAccessibilityViolations(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}

/** Goes to a path inside the app (the session cookie stays) and waits for the page's heading. */
export async function visit(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}${path}`);
  await page.locator('main h1', { hasText: heading }).waitFor({ timeout: 15_000 });
}
