/**
 * Versions in Chromium, with two people on the demo contract: the coordination names a version
 * (checked at the field first), which appears live on a member's versions page; the member opens
 * it read-only and finds the contract's text and a sheet's financing amount. An adoption refused
 * (budget ≠ envelope) lists its reasons; the real adoption freezes the member's editor live
 * (typing changes nothing); "Ouvrir un nouveau brouillon" gives the member their pen back; a
 * restore keeps the text it replaces as a checkpoint in the timeline. axe-core finds nothing on
 * either page in French and English at 1280 and 360 px; the main actions are reachable by Tab.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eurosText } from '../../shared/budget/euros';
import { readProgramme } from '../../shared/programme/read';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { screenshot } from '../helpers/browser';
import { fetchAs, signInAs } from '../helpers/sessions';
import { demoAccount, typeAtEnd, waitForContract } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';
import { expectAccessible, visit, setDemoEnvelopeFromPage } from './page-checks';

const versionsPath = `/w/${demoWorkspaceId}/versions`;
const firstName = 'Version soumise au comité de pilotage du 14 mars';
const adoptedName = 'Programme adopté par l’assemblée plénière';

/** Presses Tab until the focused element's text (or label) contains `text`; false after `max` presses. */
async function reachByTab(page: Page, text: string, max = 60): Promise<boolean> {
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return `${active?.innerText ?? ''} ${active?.getAttribute('aria-label') ?? ''} ${active?.id ?? ''}`;
    });
    if (focused.includes(text)) return true;
  }
  return false;
}

/** In English, then back to French (the language switch lives in the account menu's storage). */
async function inEnglish(page: Page, check: () => Promise<void>): Promise<void> {
  await page.evaluate(() => localStorage.setItem('trame:locale', 'en'));
  await page.reload();
  await check();
  await page.evaluate(() => localStorage.setItem('trame:locale', 'fr'));
  await page.reload();
}

describe('versions of the contract in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('names, shows live, opens read-only, adopts (freezing the editor), reopens a draft and restores', async () => {
    const member = await e2e.open(demoAccount('member'), { bypassCSP: true });
    const coordinator = await e2e.open(demoAccount('coordinator'), { bypassCSP: true });
    await visit(member.page, versionsPath, 'Versions du contrat');
    await member.page.locator('.versions-named .empty-state').waitFor();
    // Members read versions; naming them is the coordination's.
    expect(await member.page.locator('trame-version-form').count()).toBe(0);
    await visit(coordinator.page, versionsPath, 'Versions du contrat');
    const page = coordinator.page;

    // The name is required: the message is at the field, which gets the focus.
    await page.locator('trame-version-form button[type="submit"]').click();
    await page.locator('#version-name-error', { hasText: 'Donnez un nom à la version.' }).waitFor();
    expect(await page.locator('#version-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('version-name');

    await page.locator('#version-name').fill(firstName);
    await page.locator('#version-comment').fill('Relue par le bureau le 10 mars.');
    await page.locator('trame-version-form button[type="submit"]').click();
    const coordinatorItem = page.locator('trame-version-item', { hasText: firstName });
    await coordinatorItem.waitFor();
    // Live on the member's page, without reloading.
    const memberItem = member.page.locator('trame-version-item', { hasText: firstName });
    await memberItem.waitFor({ timeout: 5000 });
    await memberItem.locator('.version-item__comment', { hasText: 'Relue par le bureau le 10 mars.' }).waitFor();
    expect(await memberItem.locator('button', { hasText: 'Restaurer' }).count()).toBe(0);
    expect(await memberItem.locator('a', { hasText: 'Comparer avec maintenant' }).getAttribute('href')).toMatch(/\/versions\/comparer\?de=[a-z0-9-]+&a=live$/);
    await screenshot(member.page, 'versions-member-fr-1280');
    await expectAccessible(member.page, 'versions page, member, FR 1280');

    // The member opens it: read-only, with the contract's text and the programme's amounts.
    await memberItem.locator('a', { hasText: 'Consulter' }).click();
    await member.page.locator('main h1', { hasText: firstName }).waitFor();
    await member.page.locator('.version-page__readonly', { hasText: 'Version en lecture seule du' }).waitFor({ timeout: 10_000 });
    // The contract's level-2 titles become h4 under the page's "Texte du contrat" (h2).
    await member.page.locator('.version-contract-text h4', { hasText: 'Un diagnostic partagé' }).waitFor();
    expect(await member.page.locator('.version-contract-text [contenteditable]').count()).toBe(0);
    const versionId = new URL(member.page.url()).pathname.split('/').pop() ?? '';
    const session = await signInAs(e2e.server.url, 'member');
    const state = new Uint8Array(await (await fetchAs(session, e2e.server.url, `/api/workspaces/${demoWorkspaceId}/versions/${versionId}/state`)).arrayBuffer());
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, state);
    const firstSheet = readProgramme(doc).sheets.get('fiche-1-1');
    const firstLine = firstSheet?.budget[0];
    expect(firstLine?.amountCents).toBeGreaterThan(0);
    const sheetCard = member.page.locator('article.version-sheet', { hasText: 'Fiche 1.1' });
    await sheetCard.locator('.version-sheet__budget td.number', { hasText: eurosText(firstLine?.amountCents ?? 0) }).first().waitFor();
    await member.page.locator('.version-totals', { hasText: 'Budget consolidé' }).waitFor();
    await screenshot(member.page, 'version-page-member-fr-1280');
    await sheetCard.locator('h5', { hasText: 'Plan de financement' }).scrollIntoViewIfNeeded();
    await screenshot(member.page, 'version-page-sheet-member-fr-1280');
    await expectAccessible(member.page, 'version page, member, FR 1280');
    // Keyboard: the page's actions come first after the navigation.
    await member.page.locator('main h1').click();
    expect(await reachByTab(member.page, 'Comparer avec maintenant')).toBe(true);
    expect(await reachByTab(member.page, 'Exporter cette version')).toBe(true);
    await inEnglish(member.page, async () => {
      await member.page.locator('.version-page__readonly', { hasText: 'Read-only version of' }).waitFor({ timeout: 15_000 });
      await expectAccessible(member.page, 'version page, member, EN 1280');
    });
    await member.page.setViewportSize({ width: 360, height: 780 });
    await member.page.locator('.version-page__readonly').waitFor({ timeout: 15_000 });
    await screenshot(member.page, 'version-page-member-fr-360');
    await expectAccessible(member.page, 'version page, member, FR 360');
    expect(await member.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await member.page.setViewportSize({ width: 1280, height: 800 });

    // An adoption the server refuses lists its reasons: an envelope 100 € above the sheets' total.
    const setEnvelope = (extraCents: number): Promise<number> => setDemoEnvelopeFromPage(page, extraCents);
    expect(await setEnvelope(10_000)).toBe(200);
    await page.locator('#version-name').fill(adoptedName);
    await page.locator('#version-adopt').check();
    await page.locator('trame-version-form button[type="submit"]', { hasText: 'Adopter et figer le contrat' }).click();
    const refusal = page.locator('#version-form-problem');
    await refusal.locator('li', { hasText: 'ne correspond pas à l’enveloppe' }).waitFor();
    expect(await refusal.evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(page, 'versions-adopt-refused-fr-1280');
    expect(await setEnvelope(0)).toBe(200);

    // The member is back on the contract, typing, when the coordination adopts.
    await member.page.goto(`${e2e.server.url}/w/${demoWorkspaceId}`);
    await waitForContract(member.page);
    await typeAtEnd(member.page, ' Phrase du membre avant adoption.');
    await page.locator('trame-version-form button[type="submit"]', { hasText: 'Adopter et figer le contrat' }).click();
    await page.locator('.version-freeze', { hasText: 'Le contrat est adopté et figé' }).waitFor();
    await page.locator('trame-version-item', { hasText: adoptedName }).locator('.version-badge', { hasText: 'Adoptée — fige le contrat' }).waitFor();
    expect(await page.locator('trame-version-form').count()).toBe(0);

    const notice = member.page.locator('[data-testid="readonly-notice"]', { hasText: 'le contrat a été adopté' });
    await notice.waitFor({ timeout: 5000 });
    await member.page.locator('trame-contract-editor .ProseMirror[contenteditable="false"]').waitFor();
    const frozenText = await member.editor.textContent();
    await member.editor.click();
    await member.page.keyboard.press('Control+End');
    await member.page.keyboard.type(' Tentative pendant le gel.');
    expect(await member.editor.textContent()).toBe(frozenText);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(member.page, 'contract-frozen-member-fr-1280');

    // The coordination's page, frozen, in both languages and on a phone.
    await screenshot(page, 'versions-frozen-coordinator-fr-1280');
    await expectAccessible(page, 'versions page, coordinator, frozen, FR 1280');
    await page.locator('main h1').click();
    expect(await reachByTab(page, 'Ouvrir un nouveau brouillon')).toBe(true);
    expect(await reachByTab(page, 'Consulter')).toBe(true);
    expect(await reachByTab(page, 'Publier')).toBe(true);
    await inEnglish(page, async () => {
      await page.locator('.version-freeze', { hasText: 'The contract is adopted and frozen' }).waitFor({ timeout: 15_000 });
      await page.locator('trame-version-item', { hasText: adoptedName }).waitFor();
      await screenshot(page, 'versions-frozen-coordinator-en-1280');
      await expectAccessible(page, 'versions page, coordinator, EN 1280');
    });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.locator('trame-version-item', { hasText: adoptedName }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'versions-frozen-coordinator-fr-360');
    await expectAccessible(page, 'versions page, coordinator, FR 360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Publishing gives a public link, copied with an announcement.
    const adoptedItem = page.locator('trame-version-item', { hasText: adoptedName });
    await adoptedItem.locator('button', { hasText: 'Publier' }).click();
    await adoptedItem.locator('.version-badge', { hasText: 'Publiée' }).waitFor();
    expect(await adoptedItem.locator('.version-item__url').textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]+$/);

    // A new draft: the member writes again, live.
    await page.locator('.version-freeze button', { hasText: 'Ouvrir un nouveau brouillon' }).click();
    const dialog = page.locator('trame-confirm-dialog dialog');
    await dialog.locator('#confirm-body', { hasText: 'redeviendra modifiable' }).waitFor();
    await dialog.locator('button[value="confirm"]').click();
    await page.locator('.version-freeze').waitFor({ state: 'detached', timeout: 5000 });
    await page.locator('trame-version-form').waitFor();
    await member.page.locator('trame-contract-editor .ProseMirror[contenteditable="true"]').waitFor({ timeout: 5000 });
    await typeAtEnd(member.page, ' Phrase du nouveau brouillon.');
    expect(await member.editor.textContent()).toContain('Phrase du nouveau brouillon.');
    expect(await member.editor.textContent()).not.toContain('Tentative pendant le gel.');

    // Restoring the first version: the member's sentences go, the text they replace is kept as a checkpoint.
    await page.locator('trame-version-item', { hasText: firstName }).locator('button', { hasText: 'Restaurer comme nouveau brouillon' }).click();
    await dialog.locator('#confirm-body', { hasText: 'gardé dans l’historique' }).waitFor();
    await dialog.locator('button[value="confirm"]').click();
    await page.locator('trame-version-timeline li', { hasText: `Avant la restauration de « ${firstName} »` }).waitFor({ timeout: 5000 });
    await member.page.waitForFunction(() => !(document.querySelector('trame-contract-editor .ProseMirror')?.textContent ?? '').includes('Phrase du membre avant adoption.'), undefined, { timeout: 5000 });
    await page.locator('trame-version-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'versions-timeline-coordinator-fr-1280');
  }, 180_000);
});
