/**
 * The text import in Chromium: the coordination chooses a Markdown file (a refused one first, with
 * its French problem), sees the preview (titles, list, table, what the schema could not keep,
 * HTML shown as text), imports it at the end of the contract and finds the text in the live
 * editor. axe-core finds nothing on the page in French and English at 1280 px, and in French at
 * 360 px; the file input and "Importer" are reached with the keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { screenshot } from '../helpers/browser';
import { demoAccount, waitForContract } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';
import { expectAccessible } from './page-checks';

const importPath = `/w/${demoWorkspaceId}/importer`;

const markdown = `## Axe 4 : coopérer entre territoires

Les structures de l’**ESS** s’engagent à *mutualiser* leurs moyens.

- un comité de pilotage trimestriel
- des groupes de travail

| Financeur | Montant |
| --- | --- |
| Région | 7 602 500 € |

Du \`code\` et <script>window.pwned = true</script> restent du texte.
`;

async function visit(page: Page, heading: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}${importPath}`);
  await page.locator('main h1', { hasText: heading }).waitFor({ timeout: 15_000 });
}

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('#contract-import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content, 'utf8') });
}

describe('importing a text into the contract in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('previews a Markdown file, imports it at the end and shows it in the contract; accessible in FR and EN', async () => {
    const { page } = await e2e.open(demoAccount('coordinator'), { bypassCSP: true });
    await visit(page, 'Importer un texte');

    // The keyboard reaches the file input (through its label button).
    await page.locator('main h1').click();
    let reached = false;
    for (let press = 0; press < 10 && !reached; press++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'contract-import-file');
    }
    expect(reached).toBe(true);

    // A refused file: the server's French problem, focused.
    await chooseFile(page, 'vide.md', '   \n');
    await page.locator('#contract-import-problem', { hasText: 'Le fichier est vide.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contract-import-problem');
    await expectAccessible(page, 'import page with a problem, FR 1280');

    await chooseFile(page, 'axe-4.md', markdown);
    const preview = page.locator('.contract-import__preview');
    await preview.locator('h4', { hasText: 'Axe 4 : coopérer entre territoires' }).waitFor();
    await preview.locator('li', { hasText: 'un comité de pilotage trimestriel' }).waitFor();
    await preview.locator('td', { hasText: '7 602 500 €' }).waitFor();
    await preview.locator('strong', { hasText: 'ESS' }).waitFor();
    expect(await preview.textContent()).toContain('<script>window.pwned = true</script> restent du texte.');
    expect(await preview.locator('script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    await page.locator('.contract-import__stats', { hasText: '1 tableau(x)' }).waitFor();
    await page.locator('.notice--warning li', { hasText: 'Le code (blocs et extraits entre accents graves) est importé comme texte ordinaire.' }).waitFor();
    expect(await page.locator('#contract-import-problem').count()).toBe(0);
    // Where it goes: the contract's sections are offered, a new workspace needs a name.
    await page.locator('label', { hasText: 'à la fin d’une section du contrat' }).click();
    expect(await page.locator('#contract-import-heading option').allTextContents()).toContain('Un diagnostic partagé');
    await page.locator('label', { hasText: 'dans un nouvel espace de travail' }).click();
    expect(await page.locator('#contract-import-name').inputValue()).toBe('axe-4');
    await screenshot(page, 'contract-import-preview-fr-1280');
    await expectAccessible(page, 'import page with a preview, FR 1280');

    await page.locator('label', { hasText: 'à la fin du contrat' }).click();
    await page.locator('.contract-import__form button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[role="status"]', { hasText: 'Le texte est ajouté au contrat' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contract-import-done-title');
    await expectAccessible(page, 'import done, FR 1280');

    await page.locator('a', { hasText: 'Voir le contrat' }).click();
    const editor = await waitForContract(page);
    await editor.locator('h2', { hasText: 'Axe 4 : coopérer entre territoires' }).waitFor({ timeout: 10_000 });
    await editor.locator('td', { hasText: '7 602 500 €' }).last().waitFor();
    const last = await editor.evaluate((node) => node.lastElementChild?.textContent ?? '');
    expect(last).toContain('<script>window.pwned = true</script> restent du texte.');

    // English, then 360 px.
    await page.evaluate(() => localStorage.setItem('trame:locale', 'en'));
    await visit(page, 'Import a text');
    await chooseFile(page, 'axe-4.md', markdown);
    await page.locator('.contract-import__preview td', { hasText: '7 602 500 €' }).waitFor();
    await page.locator('legend', { hasText: 'The imported text goes…' }).waitFor();
    await expectAccessible(page, 'import page with a preview, EN 1280');
    await page.evaluate(() => localStorage.setItem('trame:locale', 'fr'));

    await page.setViewportSize({ width: 360, height: 740 });
    await visit(page, 'Importer un texte');
    await chooseFile(page, 'axe-4.md', markdown);
    await page.locator('.contract-import__preview td', { hasText: '7 602 500 €' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'contract-import-preview-fr-360');
    await expectAccessible(page, 'import page with a preview, FR 360');
  });
});
