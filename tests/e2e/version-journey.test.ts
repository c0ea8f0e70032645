/**
 * "What changed since the last committee?", in Chromium, the way a coordinator answers it: she
 * names the version sent to the steering committee, a member then writes in the contract, she
 * compares that version with now (the member's words are shown as added), then exports the
 * version to Word through the page and the browser downloads a file named after the workspace
 * and the version, which we open as the partners would: unzipped, its XML read back.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { screenshot } from '../helpers/browser';
import { demoAccount, waitForText } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

const versionName = 'Soumise au comité de pilotage du 14 mars';
const addedSentence = 'Un volet tiers-lieux rejoint le deuxième axe.';

describe('a version named, compared with now and exported, in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('names a version, shows what changed since, exports it to DOCX and downloads the file', async () => {
    const coordinator = await e2e.open(demoAccount('coordinator'));
    const page = coordinator.page;
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/w/${demoWorkspaceId}/versions`);
    await page.locator('main h1', { hasText: 'Versions du contrat' }).waitFor({ timeout: 15_000 });
    await page.locator('#version-name').fill(versionName);
    await page.locator('trame-version-form button[type="submit"]').click();
    const item = page.locator('trame-version-item', { hasText: versionName });
    await item.waitFor();

    // After the committee: a member adds a sentence to the contract.
    const member = await e2e.open(demoAccount('member'));
    const paragraph = member.page.locator('trame-contract-editor .ProseMirror p', { hasText: 'Le programme d’actions se chiffre' });
    await paragraph.click();
    await member.page.keyboard.press('End');
    await member.page.keyboard.type(` ${addedSentence}`);
    await waitForText(member.page, addedSentence, 10_000);

    // What changed since? One screen: the summary and the member's words, marked as added.
    await item.locator('a', { hasText: 'Comparer avec maintenant' }).click();
    await page.locator('main h1', { hasText: 'Comparer deux versions' }).waitFor();
    const added = page.locator('main ins', { hasText: 'tiers-lieux' });
    await added.first().waitFor({ timeout: 15_000 });
    expect(await page.locator('main').textContent()).toMatch(/1 section modifiée/);
    await screenshot(page, 'journey-diff-fr-1280');

    // Export that version (not the live text) to Word, and download it.
    await page.goBack();
    const exportItem = page.locator('trame-version-item', { hasText: versionName });
    await exportItem.locator('summary', { hasText: 'Exporter' }).click();
    await exportItem.locator('input[type="radio"][value="docx"]').check();
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await exportItem.locator('button[type="submit"]', { hasText: 'Exporter' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013 — Soumise au comité de pilotage du 14 mars\.docx$/);
    await exportItem.locator('progress').waitFor();
    await exportItem.locator('a', { hasText: 'Télécharger' }).waitFor();
    await screenshot(page, 'journey-export-fr-1280');

    const folder = await mkdtemp(join(tmpdir(), 'trame-download-'));
    try {
      const path = join(folder, download.suggestedFilename());
      await download.saveAs(path);
      const entries = unzipSync(new Uint8Array(await readFile(path)));
      const documentXml = strFromU8(entries['word/document.xml'] ?? new Uint8Array());
      const text = documentXml.replace(/<[^>]+>/g, ' ').replace(/[\u00a0\u202f]/g, ' ');
      expect(text).toContain(versionName);
      expect(text).toContain('Un diagnostic partagé');
      expect(text).toContain('33 816 491');
      // The version as it was named: the member's later sentence is not in it.
      expect(text).not.toContain('tiers-lieux');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
