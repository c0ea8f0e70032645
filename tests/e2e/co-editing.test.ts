import { describe, expect, it } from 'vitest';
import { describeViolations, findAccessibilityViolations, screenshot } from '../helpers/browser';
import { demoAccount, signInThroughPage, typeAtEnd, waitForContract, waitForText } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

// Hélène Garnier (coordination, CRESS Rhône-Alpes) and Sophie Lambert (member, SCOP Menuiserie de la Bresse).
const helene = demoAccount('coordinator');
const sophie = demoAccount('member');

describe('co-editing the contract in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('shows what one person types on the other page within a second, both ways', async () => {
    const a = await e2e.open(helene);
    const b = await e2e.open(sophie);
    await expect.poll(() => a.page.locator('[data-testid="presence-list"] li').count(), { timeout: 5000 }).toBe(2);

    await typeAtEnd(a.page, ' Proposition d’Hélène.');
    expect(await waitForText(b.page, 'Proposition d’Hélène.', 1000)).toBeLessThan(1000);
    await typeAtEnd(b.page, ' Réponse de Sophie.');
    expect(await waitForText(a.page, 'Réponse de Sophie.', 1000)).toBeLessThan(1000);

    const [textA, textB] = await Promise.all([a.editor.textContent(), b.editor.textContent()]);
    expect(textA).toBe(textB);
    // Sophie's caret, with her account's name and structure, appears on Hélène's page where she clicks.
    await b.editor.locator('h2', { hasText: 'Un diagnostic partagé' }).click();
    await b.page.keyboard.press('End');
    await a.page.locator('.trame-remote-cursor[data-label="Sophie Lambert · SCOP Menuiserie de la Bresse"]').waitFor({ timeout: 2000 });
    await a.editor.locator('p').first().click();
    await screenshot(a.page, 'two-editors');
  });

  it('keeps typing offline and converges after reconnecting, without losing either side', async () => {
    const a = await e2e.open(helene);
    const b = await e2e.open(sophie);
    await a.context.setOffline(true);
    await a.page.locator('trame-connection-status[data-state="offline"]').waitFor({ timeout: 5000 });
    await typeAtEnd(a.page, ' Écrit hors ligne.');
    await typeAtEnd(b.page, ' Écrit en ligne pendant ce temps.');
    await screenshot(a.page, 'offline');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await b.editor.textContent()).not.toContain('Écrit hors ligne.');

    await a.context.setOffline(false);
    await waitForText(b.page, 'Écrit hors ligne.', 10_000);
    await waitForText(a.page, 'Écrit en ligne pendant ce temps.', 10_000);
    expect(await a.editor.textContent()).toBe(await b.editor.textContent());
  });

  it('keeps offline edits across a reload and sends them when the connection returns', async () => {
    const a = await e2e.open(helene);
    const b = await e2e.open(sophie);
    await a.context.setOffline(true);
    await a.page.locator('trame-connection-status[data-state="offline"]').waitFor({ timeout: 5000 });
    await typeAtEnd(a.page, ' Gardé dans le navigateur.');
    await a.page.waitForTimeout(500); // y-indexeddb writes asynchronously
    await a.context.setOffline(false);
    await a.page.reload();
    await waitForText(b.page, 'Gardé dans le navigateur.', 10_000);
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      // French at both widths, English at desktop width: English on a phone lays out as French does.
      if (locale === 'en' && viewport.width === 360) continue;
      it(`passes axe-core (WCAG 2.1 AA) on the sign-in page and the editor (${locale}, ${viewport.width} px)`, async () => {
        const context = await e2e.browser.newContext({ viewport, bypassCSP: true }); // CSP forbids injecting axe
        try {
          if (locale === 'en') await context.addInitScript(() => localStorage.setItem('trame:locale', 'en'));
          const page = await context.newPage();
          await page.goto(e2e.contractUrl());
          await page.locator('#sign-in-email').waitFor();
          const tag = `${locale}-${viewport.width}`;
          await screenshot(page, `sign-in-${tag}`);
          const signInViolations = await findAccessibilityViolations(page);
          expect(signInViolations, describeViolations(signInViolations)).toEqual([]);

          await signInThroughPage(page, helene);
          await waitForContract(page);
          await screenshot(page, `editor-${tag}`);
          const editorViolations = await findAccessibilityViolations(page);
          expect(editorViolations, describeViolations(editorViolations)).toEqual([]);
          expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('can be used by keyboard: skip link, toolbar reachable, formatting by shortcut', async () => {
    const a = await e2e.open(helene);
    // After signing in, focus is at the start of the contract's main area; on a fresh load, the skip link comes first.
    await a.page.reload();
    await waitForContract(a.page);
    await a.page.keyboard.press('Tab');
    expect(await a.page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/Aller au contenu/);
    await typeAtEnd(a.page, ' ');
    await a.page.keyboard.press('Control+b');
    await a.page.keyboard.type('important');
    await waitForText(a.page, 'important', 1000);
    expect(await a.editor.locator('strong', { hasText: 'important' }).count()).toBe(1);
    await a.page.keyboard.press('Escape');
    const focused = await a.page.evaluate(() => {
      const toolbar = document.querySelector('trame-editor-toolbar');
      return toolbar?.shadowRoot?.activeElement?.getAttribute('data-command') ?? null;
    });
    expect(focused).not.toBeNull();
  });
});
