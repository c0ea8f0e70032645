/**
 * Real headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) driven by
 * playwright-core, with helpers for screenshots (saved under tests/.artifacts/, git-ignored)
 * and axe-core accessibility checks (WCAG 2.1 AA).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const artifactsDir = fileURLToPath(new URL('../.artifacts/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Saves a screenshot for people to review (not compared by the tests). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page with the WCAG 2.1 A and AA rules; returns the violations. */
export async function findAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ content: await readFile(axePath, 'utf8') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  });
}

/** Fails the test with a readable list when axe finds any WCAG 2.1 AA violation. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const violations = await findAccessibilityViolations(page);
  if (violations.length > 0) throw new Error(`accessibility violations:\n${describeViolations(violations)}`);
}

/** A readable summary of violations for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}
