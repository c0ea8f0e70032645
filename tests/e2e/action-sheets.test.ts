/**
 * The co-edited action sheets in Chromium, on the demo programme (axes `axe-1..3`, sheets
 * `fiche-1-1..fiche-3-4`): two people edit one sheet's title and an amount at once and each sees
 * the other's change within a second; a keyboard reorder renumbers sheets on both pages; a
 * negative amount is refused at its field and nothing is written; a line damaged by a faulty
 * client shows why it is left out; read-only partners get no editing controls; axe-core on the
 * outline and sheet pages in French and English, at desktop and phone widths.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { expectNoAccessibilityViolations, screenshot } from '../helpers/browser';
import { demoAccount, signInThroughPage, waitForContract, type Account } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

const sheetsPath = `/w/${demoWorkspaceId}/fiches`;

/** Reads a sheet's financing line amounts from the page's live document (debug hook). */
function amountsOf(page: Page, sheetId: string): Promise<unknown[]> {
  return page.evaluate((id) => {
    const sheet = window.trame?.doc.getMap('sheets').get(id) as { get(key: string): unknown } | undefined;
    const budget = sheet?.get('budget') as { values(): Iterable<{ get(key: string): unknown }> } | undefined;
    return budget === undefined ? [] : [...budget.values()].map((line) => line.get('amountCents'));
  }, sheetId);
}

/** The text with every kind of space made a plain space (fr-FR groups digits with U+202F). */
function plainSpaces(text: string | null): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]/g, ' ');
}

describe('action sheets in Chromium', () => {
  const e2e = useServerAndBrowser();

  /** Signs in through the page (debug hook on) and goes to `path` inside the app, keeping the live document. */
  async function openAt(account: Account, path: string, options: { width?: number; locale?: 'fr' | 'en' } = {}): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, bypassCSP: true });
    e2e.closeAfterwards(context);
    await context.addInitScript((locale) => {
      localStorage.setItem('trame:debug', '1');
      if (locale === 'en') localStorage.setItem('trame:locale', 'en');
    }, options.locale ?? 'fr');
    const page = await context.newPage();
    await page.goto(e2e.contractUrl());
    await signInThroughPage(page, account);
    await waitForContract(page);
    await goTo(page, path);
    return page;
  }

  async function goTo(page: Page, path: string): Promise<void> {
    await page.evaluate((target) => {
      history.pushState(null, '', target);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  }

  it('shows one person’s title and the other’s amount on both pages within a second', async () => {
    const helene = await openAt(demoAccount('coordinator'), `${sheetsPath}/fiche-2-1`);
    const sophie = await openAt(demoAccount('member'), `${sheetsPath}/fiche-2-1`);
    for (const page of [helene, sophie]) await page.locator('#sheet-title').waitFor();
    const firstAmount = (page: Page) => page.locator('.sheet-budget__table tbody tr[data-line]').first().locator('input[id$="-amount"]');
    expect(plainSpaces(await firstAmount(sophie).inputValue())).not.toBe('123 456');

    // At once: Hélène types at the end of the title while Sophie changes the first amount.
    await helene.locator('#sheet-title').click();
    await helene.keyboard.press('End');
    await Promise.all([
      helene.keyboard.type(' (version commune)'),
      (async () => {
        await firstAmount(sophie).fill('123456');
        await firstAmount(sophie).press('Tab');
      })(),
    ]);
    const started = Date.now();
    await Promise.all([
      sophie.waitForFunction(() => document.querySelector<HTMLInputElement>('#sheet-title')?.value.endsWith(' (version commune)') ?? false, undefined, { timeout: 1000, polling: 20 }),
      expect.poll(async () => plainSpaces(await firstAmount(helene).inputValue()), { timeout: 1000, interval: 20 }).toBe('123 456'),
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await sophie.locator('#sheet-title').inputValue()).toBe(await helene.locator('#sheet-title').inputValue());
    expect(await amountsOf(helene, 'fiche-2-1')).toContain(12_345_600);
    // The heading follows the shared title.
    await helene.locator('h1', { hasText: 'version commune' }).waitFor();

    // Sophie types in the middle while Hélène's caret is at the end: Hélène's caret stays put.
    await sophie.locator('#sheet-title').click();
    await sophie.keyboard.press('Home');
    await sophie.keyboard.type('» ');
    await helene.waitForFunction(() => document.querySelector<HTMLInputElement>('#sheet-title')?.value.startsWith('» ') ?? false);
    const caret = await helene.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#sheet-title');
      return { at: input?.selectionStart, length: input?.value.length };
    });
    expect(caret.at).toBe(caret.length);

    // The goals are rich text in the contract editor's stack, bound to the sheet's own fragment.
    const goals = (page: Page) => page.locator('#sheet-goals-label + .sheet-rich-text__mount .ProseMirror');
    await goals(sophie).click();
    await sophie.keyboard.press('Control+End');
    await sophie.keyboard.type(' Objectif ajouté par Sophie.');
    await expect.poll(() => goals(helene).textContent(), { timeout: 1000, interval: 20 }).toContain('Objectif ajouté par Sophie.');
    await screenshot(helene, 'sheet-co-edited-fr-1280');
  });

  it('renumbers a sheet moved from the keyboard, on both pages, keeping focus on it', async () => {
    const helene = await openAt(demoAccount('coordinator'), sheetsPath);
    const sophie = await openAt(demoAccount('member'), sheetsPath);
    const number = (page: Page, id: string) => page.locator(`[data-sheet="${id}"] .outline-sheet__number`);
    await expect.poll(() => number(sophie, 'fiche-1-2').textContent()).toBe('1.2');

    // Alt+↑ on the link of sheet 1.2.
    await helene.locator('[data-sheet="fiche-1-2"] .outline-sheet__link').focus();
    await helene.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => number(helene, 'fiche-1-2').textContent(), { timeout: 1000, interval: 20 }).toBe('1.1');
    await expect.poll(() => number(sophie, 'fiche-1-2').textContent(), { timeout: 1000, interval: 20 }).toBe('1.1');
    expect(await number(sophie, 'fiche-1-1').textContent()).toBe('1.2');
    await expect.poll(() => helene.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-sheet]')?.dataset['sheet'])).toBe('fiche-1-2');
    expect(await helene.locator('[data-testid="outline-announcement"]').textContent()).toContain('Fiche 1.2 déplacée en position 1 de l’axe 1');

    // "Descendre" on the last sheet of axis 1 sends it to the top of axis 2.
    const down = helene.locator('[data-sheet="fiche-1-4"] [data-move="down"]');
    await down.focus();
    await helene.keyboard.press('Enter');
    await expect.poll(() => number(sophie, 'fiche-1-4').textContent(), { timeout: 1000, interval: 20 }).toBe('2.1');
    await expect.poll(() => helene.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label'))).toBe('Descendre la fiche 2.1');
    expect(await number(sophie, 'fiche-2-1').textContent()).toBe('2.2');
    await expect.poll(() => helene.locator('[data-testid="outline-announcement"]').textContent()).toContain('position 1 de l’axe 2');
    // Back up again: it returns to the end of axis 1.
    await helene.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => number(sophie, 'fiche-1-4').textContent(), { timeout: 1000, interval: 20 }).toBe('1.4');
    await screenshot(helene, 'sheets-outline-fr-1280');
  });

  it('refuses a negative amount at its field and writes nothing; shows a line damaged by a faulty client', async () => {
    const page = await openAt(demoAccount('coordinator'), `${sheetsPath}/fiche-3-1`);
    const amount = page.locator('.sheet-budget__table tbody tr[data-line]').first().locator('input[id$="-amount"]');
    await amount.waitFor();
    const before = await amountsOf(page, 'fiche-3-1');
    const total = await page.locator('[data-testid="sheet-total"]').textContent();
    await amount.fill('-500');
    await amount.press('Tab');
    const id = await amount.getAttribute('id');
    const error = page.locator(`#${id}-error`);
    await error.waitFor();
    expect(await error.textContent()).toBe('Le montant ne peut pas être négatif.');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await amount.getAttribute('aria-describedby')).toContain(`${id}-error`);
    expect(await amount.inputValue()).toBe('-500');
    await page.waitForTimeout(200);
    expect(await amountsOf(page, 'fiche-3-1')).toEqual(before);
    expect(await page.locator('[data-testid="sheet-total"]').textContent()).toBe(total);
    await screenshot(page, 'sheet-negative-amount-fr-1280');

    // A faulty client writes a string where an amount belongs: the line says why it is left out.
    await page.evaluate(() => {
      const sheet = window.trame?.doc.getMap('sheets').get('fiche-3-1') as { get(key: string): unknown } | undefined;
      const budget = sheet?.get('budget') as { values(): Iterable<{ set(key: string, value: unknown): void }> } | undefined;
      const last = budget === undefined ? undefined : [...budget.values()].at(-1);
      last?.set('amountCents', 'mille euros');
    });
    await page.locator('.sheet-budget__problem', { hasText: 'Le montant n’est pas un nombre de centimes' }).waitFor({ timeout: 2000 });
    await page.locator('.notice', { hasText: 'Une ligne n’est pas valide : elle est exclue des totaux.' }).waitFor();
    expect(await page.locator('[data-testid="sheet-total"]').textContent()).not.toBe(total);
  });

  it('gives a read-only partner the outline and the sheets without editing controls', async () => {
    const page = await openAt(demoAccount('partner'), sheetsPath);
    await page.locator('[data-sheet="fiche-2-2"]').waitFor();
    expect(await page.locator('trame-sheets-page button').count()).toBe(0);
    expect(await page.locator('trame-sheets-page .drag-handle').count()).toBe(0);
    expect(await page.locator('trame-sheets-page input, trame-sheets-page textarea').count()).toBe(0);
    await page.locator('[data-sheet="fiche-2-2"] .outline-sheet__link').click();
    await page.locator('#sheet-title').waitFor();
    expect(await page.locator('trame-sheet-page button').count()).toBe(0);
    expect(await page.locator('#sheet-title').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('#sheet-lead').isDisabled()).toBe(true);
    expect(await page.locator('trame-sheet-page .ProseMirror[contenteditable="true"]').count()).toBe(0);
    const readonlyAmounts = await page.locator('.sheet-budget__table input').evaluateAll((inputs) => inputs.every((input) => (input as HTMLInputElement).readOnly));
    expect(readonlyAmounts).toBe(true);
    await screenshot(page, 'sheet-partner-fr-1280');
  });

  it('opens a sheet that was deleted meanwhile with a clear message and a way back', async () => {
    const page = await openAt(demoAccount('coordinator'), `${sheetsPath}/fiche-1-3`);
    await page.locator('#sheet-title').waitFor();
    await page.evaluate(() => window.trame?.doc.getMap('sheets').delete('fiche-1-3'));
    await page.locator('h1', { hasText: 'Fiche introuvable' }).waitFor({ timeout: 2000 });
    await page.locator('a', { hasText: 'Retour aux fiches action' }).click();
    await page.locator('trame-sheets-page h1', { hasText: 'Fiches action' }).waitFor();
    expect(await page.locator('[data-sheet="fiche-1-3"]').count()).toBe(0);
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const width of [1280, 360]) {
      it(`passes axe-core on the outline, a sheet and the contract's outline (${locale}, ${width} px)`, async () => {
        const page = await openAt(demoAccount('coordinator'), sheetsPath, { width, locale });
        await page.locator('[data-sheet="fiche-3-2"]').waitFor();
        await screenshot(page, `sheets-outline-${locale}-${width}`);
        await expectNoAccessibilityViolations(page);
        await goTo(page, `${sheetsPath}/fiche-3-2`);
        await page.locator('#sheet-title').waitFor();
        await page.locator('trame-sheet-page .ProseMirror').first().waitFor();
        await screenshot(page, `sheet-${locale}-${width}`);
        await expectNoAccessibilityViolations(page);
        await goTo(page, `/w/${demoWorkspaceId}`);
        await page.locator('.contract-outline a', { hasText: '3.2' }).waitFor();
        // The contract's text, opened again after other pages, still shows (the document was loaded already).
        await page.locator('trame-contract-editor .ProseMirror h2', { hasText: 'Un diagnostic partagé' }).waitFor();
        await screenshot(page, `contract-outline-${locale}-${width}`);
        await expectNoAccessibilityViolations(page);
      });
    }
  }
});
