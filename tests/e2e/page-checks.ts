/** Checks shared by the browser tests of the workspace's pages. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
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

/**
 * Sets the demo's envelope from a signed-in coordinator's page, with `extraCents` more for the
 * Région (0: the demo envelope, which the demo programme adds up to); answers the HTTP status.
 */
export function setDemoEnvelopeFromPage(page: Page, extraCents: number): Promise<number> {
  return page.evaluate(
    async ({ id, extra }) => {
      const shares = [
        { funder: 'Région Rhône-Alpes', amountCents: 760_250_000 + extra },
        { funder: 'État', amountCents: 342_500_000 },
        { funder: 'Acteurs locaux de l’ESS', amountCents: 2_278_899_100 },
      ];
      const body = JSON.stringify({ totalCents: 3_381_649_100 + extra, shares });
      return (await fetch(`/api/workspaces/${id}/envelope`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body })).status;
    },
    { id: demoWorkspaceId, extra: extraCents },
  );
}
