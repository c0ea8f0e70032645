/**
 * Amendments in Chromium: a member proposes a new wording of a section; the coordination's
 * account co-signs and writes in the draft while the member's page shows it live (and the
 * member's writing reaches the coordination); the word-level diff marks insertions and deletions
 * with <ins>/<del>; the facilitator accepts, and the contract page shows the new text.
 * axe-core in French and English at 1280 and 360 px; screenshots in tests/.artifacts/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { expectNoAccessibilityViolations, screenshot } from '../helpers/browser';
import { demoAccount, signInThroughPage, waitForContract, type Account } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

const listPath = `/w/${demoWorkspaceId}/amendements`;

describe('amendments in Chromium', () => {
  const e2e = useServerAndBrowser();

  async function openAt(account: Account, path: string, options: { width?: number; locale?: 'fr' | 'en' } = {}): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, bypassCSP: true });
    e2e.closeAfterwards(context);
    await context.addInitScript((locale) => {
      if (locale === 'en') localStorage.setItem('trame:locale', 'en');
    }, options.locale ?? 'fr');
    const page = await context.newPage();
    await page.goto(e2e.contractUrl());
    await signInThroughPage(page, account);
    await waitForContract(page);
    await page.evaluate((target) => {
      history.pushState(null, '', target);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    return page;
  }

  const draftEditor = (page: Page) => page.locator('trame-amendment-page .sheet-rich-text__text');

  it('is proposed, co-signed and co-written live, shown as a diff, accepted, and lands in the contract', async () => {
    const sophie = await openAt(demoAccount('member'), listPath);
    await sophie.getByRole('button', { name: 'Proposer un amendement' }).click();
    await sophie.getByLabel('Section', { exact: true }).selectOption({ label: '— La mise en œuvre du Contrat Sectoriel' });
    await sophie.getByLabel('Titre de l’amendement').fill('Associer les territoires');
    await sophie.getByLabel('Exposé des motifs').fill('Les plans locaux de développement doivent apparaître dès la mise en œuvre.');
    await screenshot(sophie, 'amendment-form-fr-1280');
    await expectNoAccessibilityViolations(sophie);
    await sophie.getByRole('button', { name: 'Créer le brouillon' }).click();
    await sophie.waitForURL(/\/amendements\/[a-z0-9]+$/);
    const amendmentPath = new URL(sophie.url()).pathname;
    await draftEditor(sophie).waitFor();
    await expect.poll(() => draftEditor(sophie).textContent()).toContain('La CRESS Rhône-Alpes assure la maîtrise d’ouvrage');

    const helene = await openAt(demoAccount('coordinator'), amendmentPath);
    await helene.getByRole('button', { name: 'Cosigner l’amendement' }).click();
    await helene.getByText('Vous cosignez cet amendement').waitFor();
    await draftEditor(helene).waitFor();
    await draftEditor(helene).click();
    await helene.keyboard.press('Control+Home');
    await helene.keyboard.type('Avec les territoires, ');
    // Sophie sees Hélène's words in her draft and in the diff, live.
    await expect.poll(() => draftEditor(sophie).textContent(), { timeout: 5000 }).toContain('Avec les territoires, La CRESS');
    await expect.poll(() => sophie.locator('trame-amendment-diff ins').first().textContent(), { timeout: 5000 }).toContain('Avec les territoires,');
    // And Hélène sees Sophie's deletion.
    await draftEditor(sophie).click();
    await sophie.keyboard.press('Control+End');
    for (let i = 0; i < 'développement.'.length; i++) await sophie.keyboard.press('Backspace');
    await sophie.keyboard.type('bassins de vie.');
    await expect.poll(() => helene.locator('trame-amendment-diff del').allTextContents(), { timeout: 5000 }).toEqual(expect.arrayContaining([expect.stringContaining('développement')]));
    await expect.poll(() => helene.locator('trame-amendment-diff').textContent()).toContain('début d’insertion');
    await screenshot(sophie, 'amendment-draft-fr-1280');
    await expectNoAccessibilityViolations(sophie);
    await sophie.getByRole('button', { name: 'Déposer l’amendement' }).click();
    await sophie.getByText('Amendement déposé.').waitFor();

    const karim = await openAt(demoAccount('facilitator'), amendmentPath);
    await karim.getByRole('button', { name: 'Accepter et appliquer au contrat' }).click();
    await karim.getByText('Amendement accepté : le contrat est modifié.').waitFor();
    await expect.poll(() => karim.locator('.amendment-decision').textContent()).toMatch(/Auteurs crédités :.*Sophie Lambert.*Hélène Garnier/s);
    await screenshot(karim, 'amendment-accepted-fr-1280');
    await expectNoAccessibilityViolations(karim);

    await karim.evaluate((target) => {
      history.pushState(null, '', target);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/w/${demoWorkspaceId}`);
    await expect.poll(() => karim.locator('trame-contract-editor .ProseMirror').textContent(), { timeout: 5000 }).toContain('Avec les territoires, La CRESS Rhône-Alpes');
    await expect.poll(() => karim.locator('trame-contract-editor .ProseMirror').textContent()).toContain('plans locaux de bassins de vie.');
  });

  it('reads in English and on a phone, without accessibility violations', async () => {
    for (const [locale, width] of [['en', 1280], ['fr', 360], ['en', 360]] as const) {
      const page = await openAt(demoAccount('member'), listPath, { locale, width });
      await page.locator('.amendment-card a').first().click();
      await page.locator('trame-amendment-diff .amendment-diff').waitFor();
      await screenshot(page, `amendment-${locale}-${width}`);
      await expectNoAccessibilityViolations(page);
      await page.evaluate((target) => {
        history.pushState(null, '', target);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, listPath);
      await page.locator('.amendment-card').first().waitFor();
      await screenshot(page, `amendments-list-${locale}-${width}`);
      await expectNoAccessibilityViolations(page);
    }
  });
});
