/**
 * « Afficher les auteurs » in Chromium: Sophie (SCOP Menuiserie de la Bresse) and Hélène (CRESS
 * Rhône-Alpes) each type a passage; Hélène turns the authors on with the keyboard: both passages
 * are coloured, underlined and titled with their structure, the legend lists both structures with
 * their characters and, on demand, the people. What Sophie types next is coloured on Hélène's
 * page without reloading. Then axe-core, FR and EN at 1280 px and FR at 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../helpers/browser';
import { demoAccount, waitForText } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';
import { expectAccessible } from './page-checks';

const sophieText = 'La SCOP propose des chantiers école.';
// Not starting like Sophie's: y-prosemirror turns each edit into a text diff, and which of two
// equal characters at a boundary is the new one is ambiguous ("L" before "La SCOP…").
const heleneText = 'Ensuite, la CRESS anime le réseau régional.';
const scop = 'SCOP Menuiserie de la Bresse';
const cress = 'CRESS Rhône-Alpes';

const toggle = (page: Page) => page.locator('trame-contract-editor button.authorship-toggle');
const legend = (page: Page) => page.locator('trame-contract-editor [data-testid="authorship-legend"]');
const passagesOf = (page: Page, structure: string) => page.locator(`trame-contract-editor .ProseMirror .authorship-passage[data-structure="${structure}"]`);

/**
 * Types `text` at the very end of the paragraph starting with `start` (its last line, then End:
 * inserting mid-paragraph beside equal characters would make authorship ambiguous), and waits to
 * see it there.
 */
async function typeInParagraph(page: Page, start: string, text: string): Promise<void> {
  const paragraph = page.locator('trame-contract-editor .ProseMirror p', { hasText: start }).first();
  await paragraph.scrollIntoViewIfNeeded();
  const box = await paragraph.boundingBox();
  if (box === null) throw new Error(`no paragraph starting with ${start}`);
  await paragraph.click({ position: { x: 4, y: box.height - 4 } });
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await waitForText(page, text, 15_000);
}

async function textOf(page: Page, structure: string): Promise<string> {
  return (await passagesOf(page, structure).allTextContents()).join('');
}

describe('authorship of the contract in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('colours each structure’s passages with a title and a legend, live, and stays accessible', async () => {
    const sophie = await e2e.open(demoAccount('member'));
    const helene = await e2e.open(demoAccount('coordinator'), { bypassCSP: true }); // axe-core is injected as an inline script
    // Each in a paragraph of their own (the seeded text around stays uncredited).
    await typeInParagraph(sophie.page, 'Le programme d’actions se chiffre', sophieText);
    await waitForText(helene.page, sophieText, 15_000);
    await typeInParagraph(helene.page, 'Depuis septembre 2010', heleneText);
    await waitForText(sophie.page, heleneText, 15_000);

    // Off by default: nothing coloured, the button says so.
    expect(await toggle(helene.page).getAttribute('aria-pressed')).toBe('false');
    expect(await helene.page.locator('.authorship-passage').count()).toBe(0);

    // On, with the keyboard.
    await toggle(helene.page).focus();
    await helene.page.keyboard.press('Enter');
    expect(await toggle(helene.page).getAttribute('aria-pressed')).toBe('true');
    await legend(helene.page).waitFor({ timeout: 5000 });
    await expect.poll(() => textOf(helene.page, scop), { timeout: 5000 }).toBe(sophieText);
    await expect.poll(() => textOf(helene.page, cress), { timeout: 5000 }).toBe(heleneText);
    const title = await passagesOf(helene.page, scop).first().getAttribute('title');
    expect(title).toBe(`Écrit par Sophie Lambert — ${scop}`);
    // Colour is not the only cue: a dotted underline, and a tint light enough for the text.
    const style = await passagesOf(helene.page, scop).first().evaluate((element) => {
      const computed = getComputedStyle(element);
      return { decoration: computed.textDecorationStyle, line: computed.textDecorationLine, background: computed.backgroundColor };
    });
    expect(style).toMatchObject({ decoration: 'dotted', line: 'underline' });
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
    // The two structures are told apart by colour too.
    const colourOf = (structure: string) => passagesOf(helene.page, structure).first().evaluate((element) => getComputedStyle(element).textDecorationColor);
    expect(await colourOf(scop)).not.toBe(await colourOf(cress));
    // The seeded text (written by Trame itself) is left uncoloured.
    expect(await helene.editor.locator('h1').first().locator('.authorship-passage').count()).toBe(0);

    // The legend: both structures with their characters, the unknown ones, and the people on demand.
    const items = legend(helene.page).locator('.authorship-legend__list > li');
    expect(await items.count()).toBe(2);
    expect(await legend(helene.page).locator(`li[data-structure="${scop}"]`).textContent()).toContain(`${sophieText.length} caractères`);
    expect(await legend(helene.page).locator(`li[data-structure="${cress}"]`).textContent()).toContain(`${heleneText.length} caractères`);
    expect(await legend(helene.page).locator('.authorship-legend__unknown').textContent()).toContain('sans auteur connu');
    const people = legend(helene.page).locator('details.authorship-legend__people');
    expect(await people.locator('li').first().isVisible()).toBe(false);
    await people.locator('summary').focus();
    await helene.page.keyboard.press('Enter');
    expect(await people.locator('li').allTextContents()).toEqual([expect.stringContaining('Hélène Garnier'), expect.stringContaining('Sophie Lambert')]); // most characters first

    // Live: what Sophie types next is coloured on Hélène's page, without reloading.
    await sophie.page.keyboard.type(' Et forme des apprentis.');
    await expect.poll(() => textOf(helene.page, scop), { timeout: 5000 }).toBe(`${sophieText} Et forme des apprentis.`);
    await screenshot(helene.page, 'authorship-contract');
    await passagesOf(helene.page, scop).first().scrollIntoViewIfNeeded();
    await screenshot(helene.page, 'authorship-passages');
    await expectAccessible(helene.page, 'authors shown, FR 1280');

    // Off again: nothing coloured.
    await toggle(helene.page).click();
    expect(await toggle(helene.page).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => helene.page.locator('.authorship-passage').count(), { timeout: 3000 }).toBe(0);
    expect(await legend(helene.page).count()).toBe(0);

    // English, 1280 px; French, 360 px: the same view, accessible.
    const english = await e2e.open(demoAccount('facilitator'), { locale: 'en', bypassCSP: true });
    await english.page.getByRole('button', { name: 'Show authors' }).click();
    await english.page.locator('[data-testid="authorship-legend"]').waitFor({ timeout: 5000 });
    await expect.poll(() => textOf(english.page, scop), { timeout: 5000 }).toContain(sophieText);
    expect(await english.page.locator('.authorship-legend__title').textContent()).toBe('Who wrote this text');
    await expectAccessible(english.page, 'authors shown, EN 1280');

    const narrow = await e2e.open(demoAccount('member'), { viewport: { width: 360, height: 740 }, bypassCSP: true });
    await toggle(narrow.page).click();
    await legend(narrow.page).waitFor({ timeout: 5000 });
    await expect.poll(() => textOf(narrow.page, cress), { timeout: 5000 }).toBe(heleneText);
    // The legend wraps within its column (nothing in it wider than the legend itself).
    const legendOverflow = await legend(narrow.page).evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(legendOverflow).toBeLessThanOrEqual(0);
    await screenshot(narrow.page, 'authorship-contract-360');
    await expectAccessible(narrow.page, 'authors shown, FR 360');
  });
});
