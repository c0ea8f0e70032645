/**
 * The consolidated budget in Chromium, against a real server seeded with the founding case: the
 * demo programme consolidates to the euro, one person's edit of a sheet's amount moves another
 * person's totals and warnings within a second, the coordination sets the envelope (with French
 * messages at the field for bad values) and everyone sees it, a raw bad write is left out of the
 * totals and said so, and the page passes axe-core in both languages at desktop and phone width.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, describeViolations, findAccessibilityViolations } from '../helpers/browser';
import { demoAccount, signInThroughPage, type Account } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

// Hélène Garnier (coordination, CRESS Rhône-Alpes) and Sophie Lambert (member, SCOP Menuiserie de la Bresse).
const helene = demoAccount('coordinator');
const sophie = demoAccount('member');

interface OpenOptions {
  viewport?: { width: number; height: number };
  locale?: 'fr' | 'en';
  /** CSP forbids injecting axe-core: pages checked with axe bypass it. */
  bypassCSP?: boolean;
}

/** French amounts use narrow no-break spaces: compare them as plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "7 602 500 €" → 760250000 (whole euros, as the demo's amounts are). */
function cents(text: string | null): number {
  return Number(plain(text).replace(/[^\d]/g, '')) * 100;
}

async function fullScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

describe('the consolidated budget in Chromium', () => {
  const e2e = useServerAndBrowser();

  /** Signs in through the page, in a fresh context with the test hook on, and opens `path` of the demo workspace. */
  async function open(account: Account, path: string, options: OpenOptions = {}): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, bypassCSP: options.bypassCSP ?? false });
    e2e.closeAfterwards(context);
    await context.addInitScript((locale) => {
      localStorage.setItem('trame:debug', '1');
      if (locale === 'en') localStorage.setItem('trame:locale', 'en');
    }, options.locale ?? 'fr');
    const page = await context.newPage();
    await page.goto(`${e2e.contractUrl()}/${path}`);
    await signInThroughPage(page, account);
    await page.locator('trame-connection-status[data-state="connected"][data-synced="true"]').waitFor({ timeout: 10_000 });
    return page;
  }

  async function openBudget(account: Account, options: OpenOptions = {}): Promise<Page> {
    const page = await open(account, 'budget', options);
    await page.locator('trame-budget-page .budget-gauges').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="budget-server-time"]').waitFor({ timeout: 10_000 });
    return page;
  }

  /** The gauges: title, share (or envelope) and planned amount, as shown. */
  function readGauges(page: Page): Promise<{ title: string; share: string; planned: string }[]> {
    return page.locator('.budget-gauge').evaluateAll((items) =>
      items.map((item) => {
        const amounts = [...item.querySelectorAll('dd.number')].map((dd) => dd.textContent ?? '');
        return { title: item.querySelector('h3')?.textContent?.trim() ?? '', share: amounts[0] ?? '', planned: amounts[1] ?? '' };
      }),
    );
  }

  async function axisTotal(page: Page, axisId: string): Promise<number> {
    return cents(await page.locator(`tr[data-axis="${axisId}"] td.number`).first().textContent());
  }

  /** Waits (polling every 20 ms) until the warnings region's text satisfies `expected`; returns how long it took. */
  async function waitForWarnings(page: Page, expected: { includes?: string; excludes?: string }, timeoutMs: number): Promise<number> {
    const started = Date.now();
    await page.waitForFunction(
      ({ includes, excludes }) => {
        const text = (document.querySelector('[data-testid="budget-warnings"]')?.textContent ?? '').replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');
        return (includes === undefined || text.includes(includes)) && (excludes === undefined || !text.includes(excludes));
      },
      expected,
      { timeout: timeoutMs, polling: 20 },
    );
    return Date.now() - started;
  }

  it('consolidates the demo programme to the euro, with no warning', async () => {
    const page = await openBudget(sophie);
    const gauges = await readGauges(page);
    expect(gauges.map(({ title, share, planned }) => [title, plain(share), plain(planned)])).toEqual([
      ['Total du programme', '33 816 491 €', '33 816 491 €'],
      ['Région Rhône-Alpes', '7 602 500 €', '7 602 500 €'],
      ['État', '3 425 000 €', '3 425 000 €'],
      ['Acteurs locaux de l’ESS', '22 788 991 €', '22 788 991 €'],
    ]);
    const warnings = page.locator('[data-testid="budget-warnings"]');
    expect(await warnings.getAttribute('role')).toBe('status');
    expect(await warnings.locator('li').count()).toBe(0);
    expect(plain(await warnings.textContent())).toContain('Le programme correspond à l’enveloppe au centime près');

    // Every table adds up to the same programme total, and the three axes to it.
    const axes = await Promise.all(['axe-1', 'axe-2', 'axe-3'].map((axisId) => axisTotal(page, axisId)));
    expect(axes.reduce((a, b) => a + b, 0)).toBe(3_381_649_100);
    for (const caption of ['Total par axe', 'Total par année', 'Total par financeur et par année', 'Total par fiche action']) {
      const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
      expect(plain(await table.locator('tfoot td.number').nth(caption === 'Total par axe' || caption === 'Total par année' ? 0 : -1).textContent()), caption).toBe('33 816 491 €');
    }
    const sheetRows = page.locator('table:has(caption:text("Total par fiche action")) tbody tr');
    expect(await sheetRows.count()).toBe(12);
    expect(await sheetRows.first().locator('a').getAttribute('href')).toBe('/w/ess-rhone-alpes-2011-2013/fiches/fiche-1-1');
    // The server's own check agrees with the totals on screen.
    expect(plain(await page.locator('[data-testid="budget-server-time"]').textContent())).toMatch(/Vérifié par le serveur à \d\d:\d\d:\d\d/);
    expect(await page.locator('[data-testid="budget-server-differs"]').count()).toBe(0);
    await fullScreenshot(page, 'budget-demo-fr-1280');
  });

  it('moves the axis total and the warnings on another page within a second of a sheet edit, both ways', async () => {
    const watcher = await openBudget(sophie);
    const editor = await open(helene, 'fiches/fiche-1-1');
    await expect.poll(() => watcher.locator('.budget-warnings__list').count()).toBe(0);
    const before = await axisTotal(watcher, 'axe-1');

    // The Région's 2011 line of sheet 1.1, on the sheet page.
    await editor.locator('trame-sheet-budget tr[data-line]').first().waitFor({ timeout: 10_000 });
    const lineId = await editor.locator('trame-sheet-budget tr[data-line]').evaluateAll((rows) =>
      rows
        .find((row) => row.querySelector<HTMLInputElement>('input[id$="-funder"]')?.value === 'Région Rhône-Alpes' && row.querySelector<HTMLInputElement>('input[id$="-year"]')?.value === '2011')
        ?.getAttribute('data-line'),
    );
    expect(lineId).toBeTruthy();
    const amount = editor.locator(`#line-${lineId}-amount`);
    const original = plain(await amount.inputValue());
    const raised = String(cents(original) / 100 + 100_000);

    await amount.fill(raised);
    let started = Date.now();
    await amount.press('Tab');
    await waitForWarnings(watcher, { includes: 'Le financeur « Région Rhône-Alpes » est engagé pour 7 702 500 €, soit 100 000 € de plus que sa part de 7 602 500 €.' }, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await axisTotal(watcher, 'axe-1')).toBe(before + 10_000_000);
    expect(plain(await watcher.locator('[data-testid="budget-warnings"]').textContent())).toContain(
      'Le total des fiches (33 916 491 €) ne correspond pas à l’enveloppe (33 816 491 €) : il dépasse de 100 000 €.',
    );
    const region = watcher.locator('.budget-gauge', { has: watcher.locator('h3', { hasText: 'Région Rhône-Alpes' }) });
    expect(plain(await region.textContent())).toContain('Dépassement : 100 000 €');
    // The side panel, on every page, says there are gaps and leads to the budget.
    expect(plain(await watcher.locator('trame-envelope-summary .check').textContent())).toBe('2 écarts avec l’enveloppe');
    expect(plain(await editor.locator('trame-envelope-summary .check').textContent())).toBe('2 écarts avec l’enveloppe');
    await fullScreenshot(watcher, 'budget-over-share-fr-1280');

    await amount.fill(original);
    started = Date.now();
    await amount.press('Tab');
    await waitForWarnings(watcher, { excludes: 'Région Rhône-Alpes', includes: 'Le programme correspond à l’enveloppe' }, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await axisTotal(watcher, 'axe-1')).toBe(before);
    expect(plain(await watcher.locator('trame-envelope-summary .check').textContent())).toBe('Conforme à l’enveloppe');
    // The server's check catches up with the same totals.
    await expect.poll(() => watcher.locator('[data-testid="budget-server-differs"]').count(), { timeout: 5000 }).toBe(0);
  });

  it('leaves a raw bad write out of the totals and says which line and why', async () => {
    const watcher = await openBudget(helene);
    const writer = await openBudget(sophie);
    // A Yjs client writes a string where an amount belongs (what no form of Trame lets through).
    const lineCents = await writer.evaluate(() => {
      const doc = window.trame?.doc;
      if (doc === undefined) throw new Error('debug hook missing');
      const budget = doc.getMap('sheets').get('fiche-2-1') as import('yjs').Map<unknown>;
      const lines = budget.get('budget') as import('yjs').Map<import('yjs').Map<unknown>>;
      const [lineId, line] = [...lines.entries()].find(([, candidate]) => candidate.get('funder') === 'État' && candidate.get('year') === 2012)!;
      const amountCents = line.get('amountCents') as number;
      doc.transact(() => line.set('amountCents', '12 000 €'));
      (window as unknown as { badLine: [string, number] }).badLine = [lineId, amountCents];
      return amountCents;
    });

    const excluded = watcher.locator('[data-testid="budget-excluded"]');
    await excluded.waitFor({ timeout: 1000 });
    expect(plain(await excluded.locator('h2').textContent())).toBe('1 ligne est exclue des totaux');
    expect(plain(await excluded.locator('li').textContent())).toContain('Le montant n’est pas un nombre de centimes : la ligne est exclue des totaux.');
    expect(await excluded.locator('li a').getAttribute('href')).toBe('/w/ess-rhone-alpes-2011-2013/fiches/fiche-2-1');
    const [total, , state] = await readGauges(watcher);
    expect(cents(total?.planned ?? '')).toBe(3_381_649_100 - lineCents);
    expect(cents(state?.planned ?? '')).toBe(342_500_000 - lineCents);
    await waitForWarnings(watcher, { includes: 'Le total des fiches' }, 1000);
    // The server saw the same damage and reports it.
    await expect.poll(async () => plain(await watcher.locator('[data-testid="budget-server-time"]').textContent()), { timeout: 5000 }).toMatch(/problème/);
    await fullScreenshot(watcher, 'budget-excluded-line-fr-1280');

    await writer.evaluate(() => {
      const [lineId, amountCents] = (window as unknown as { badLine: [string, number] }).badLine;
      const sheet = window.trame!.doc.getMap('sheets').get('fiche-2-1') as import('yjs').Map<unknown>;
      (sheet.get('budget') as import('yjs').Map<import('yjs').Map<unknown>>).get(lineId)!.set('amountCents', amountCents);
    });
    await excluded.waitFor({ state: 'detached', timeout: 1000 });
    await waitForWarnings(watcher, { includes: 'Le programme correspond à l’enveloppe' }, 1000);
  });

  it('says so calmly when the server check cannot be loaded, and tries again on request', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    e2e.closeAfterwards(context);
    await context.route('**/programme/report', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Le serveur de Trame rencontre un problème. Réessayez dans un instant.', status: 500 }) }));
    const page = await context.newPage();
    await page.goto(`${e2e.contractUrl()}/budget`);
    await signInThroughPage(page, sophie);
    const failure = page.locator('.budget-server__error');
    await failure.waitFor({ timeout: 10_000 });
    expect(plain(await failure.textContent())).toContain('La vérification du serveur n’a pas pu être chargée');
    // The live totals are still there.
    expect(plain(await page.locator('.budget-gauge').first().textContent())).toContain('33 816 491 €');
    await context.unroute('**/programme/report');
    await failure.getByRole('button', { name: 'Réessayer' }).click();
    await page.locator('[data-testid="budget-server-time"]').waitFor({ timeout: 5000 });
    expect(await failure.count()).toBe(0);
  });

  it('says calmly that the server has not seen an offline edit yet, until it has', async () => {
    const page = await openBudget(sophie);
    await page.context().setOffline(true);
    await page.locator('trame-connection-status[data-state="offline"]').waitFor({ timeout: 5000 });
    await page.evaluate(() => {
      const sheet = window.trame!.doc.getMap('sheets').get('fiche-3-1') as import('yjs').Map<unknown>;
      const lines = sheet.get('budget') as import('yjs').Map<import('yjs').Map<unknown>>;
      const line = [...lines.values()].find((candidate) => candidate.get('funder') === 'Acteurs locaux de l’ESS' && candidate.get('year') === 2013)!;
      line.set('amountCents', (line.get('amountCents') as number) + 100_000);
    });
    // The local totals move at once; the words about the server come only once the gap lasts.
    await waitForWarnings(page, { includes: 'il dépasse de 1 000 €' }, 1000);
    expect(await page.locator('[data-testid="budget-server-differs"]').count()).toBe(0);
    const differs = page.locator('[data-testid="budget-server-differs"]');
    await differs.waitFor({ timeout: 10_000 });
    expect(plain(await differs.textContent())).toBe(
      'Le serveur n’a pas encore vu toutes les modifications : son total est de 33 816 491 €, celui affiché ici de 33 817 491 €. Les deux se rejoindront dès la synchronisation terminée.',
    );
    // Asking the server again in the background failed (offline): no alarm for that.
    expect(await page.locator('.budget-server__error').count()).toBe(0);
    await fullScreenshot(page, 'budget-offline-differs-fr-1280');

    await page.context().setOffline(false);
    await differs.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.locator('.budget-server__error').count()).toBe(0);
    // Put back for the other tests.
    await page.evaluate(() => {
      const sheet = window.trame!.doc.getMap('sheets').get('fiche-3-1') as import('yjs').Map<unknown>;
      const lines = sheet.get('budget') as import('yjs').Map<import('yjs').Map<unknown>>;
      const line = [...lines.values()].find((candidate) => candidate.get('funder') === 'Acteurs locaux de l’ESS' && candidate.get('year') === 2013)!;
      line.set('amountCents', (line.get('amountCents') as number) - 100_000);
    });
    await waitForWarnings(page, { includes: 'Le programme correspond à l’enveloppe' }, 1000);
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      // French at both widths, English at desktop width: English on a phone lays out as French does.
      if (locale === 'en' && viewport.width === 360) continue;
      it(`passes axe-core (WCAG 2.1 AA) on the budget page (${locale}, ${viewport.width} px)`, async () => {
        const page = await openBudget(helene, { locale, viewport, bypassCSP: true });
        const tag = `${locale}-${viewport.width}`;
        await fullScreenshot(page, `budget-${tag}`);
        const violations = await findAccessibilityViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        if (viewport.width === 360) {
          // Nothing but the tables' own scroll regions is wider than the phone.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        }
        await page.locator('#budget-edit-envelope').click();
        await page.locator('#envelope-total').fill('-3');
        await page.locator('trame-envelope-form button[type="submit"]').click();
        await page.locator('#envelope-total-error').waitFor();
        await fullScreenshot(page, `budget-envelope-form-${tag}`);
        const formViolations = await findAccessibilityViolations(page);
        expect(formViolations, describeViolations(formViolations)).toEqual([]);
      });
    }
  }

  it('lets the coordination set the envelope, with messages at the field, and shows it to everyone', async () => {
    const coordinator = await openBudget(helene);
    const member = await openBudget(sophie);
    expect(await member.locator('#budget-edit-envelope').count()).toBe(0);

    await coordinator.locator('#budget-edit-envelope').click();
    const form = coordinator.locator('trame-envelope-form');
    expect(await coordinator.evaluate(() => document.activeElement?.id)).toBe('envelope-total');
    const regionAmount = form.getByLabel('Part du financeur 1 (en euros)');
    expect(await form.getByLabel('Financeur 1', { exact: true }).inputValue()).toBe('Région Rhône-Alpes');

    // A negative share: refused at its field, nothing sent.
    await regionAmount.fill('-7 602 500');
    await form.locator('button[type="submit"]').click();
    const amountError = form.locator(`#${await regionAmount.getAttribute('id')}-error`);
    await amountError.waitFor();
    expect(plain(await amountError.textContent())).toBe('Le montant ne peut pas être négatif.');
    expect(await regionAmount.getAttribute('aria-invalid')).toBe('true');
    expect(await coordinator.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    // Shares that do not add up to the total: said at the total.
    await regionAmount.fill('7 702 500');
    await form.locator('button[type="submit"]').click();
    await form.locator('#envelope-total-error').waitFor();
    expect(plain(await form.locator('#envelope-total-error').textContent())).toBe('La somme des parts (33 916 491 €) ne correspond pas au total (33 816 491 €).');
    expect(plain(await form.locator('.budget-envelope-form__sum').textContent())).toBe('Somme des parts : 33 916 491 €, soit 100 000 € de plus que le total.');

    // A new funder, then removed again; a good value is saved.
    await form.getByRole('button', { name: 'Ajouter un financeur' }).click();
    expect(await coordinator.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('funder');
    await form.getByRole('button', { name: /Retirer financeur 4/ }).click();
    await form.locator('#envelope-total').fill('33 916 491');
    await form.locator('button[type="submit"]').click();
    await coordinator.locator('.budget-page__saved', { hasText: 'Enveloppe enregistrée' }).waitFor({ timeout: 5000 });

    // Both pages, and the side panel, show the new envelope; the sheets now miss 100 000 €.
    for (const page of [coordinator, member]) {
      await expect
        .poll(async () => (await readGauges(page)).slice(0, 2).map(({ share }) => plain(share)), { timeout: 5000 })
        .toEqual(['33 916 491 €', '7 702 500 €']);
      await waitForWarnings(page, { includes: 'Le total des fiches (33 816 491 €) ne correspond pas à l’enveloppe (33 916 491 €) : il manque 100 000 €.' }, 1000);
      expect(plain(await page.locator('trame-envelope-summary .total').textContent())).toBe('33 916 491 €');
      expect(plain(await page.locator('trame-envelope-summary .check').textContent())).toBe('1 écart avec l’enveloppe');
    }
    await fullScreenshot(member, 'budget-envelope-changed-fr-1280');
  });
});
