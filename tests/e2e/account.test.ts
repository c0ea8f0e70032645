/**
 * Accounts as people manage them, in Chromium: the coordination changes roles (and cannot remove
 * the last coordinator), a session that ends elsewhere sends people to sign in and back, signing
 * out, and the first coordinator's one-time setup link.
 */
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { expectNoAccessibilityViolations, screenshot } from '../helpers/browser';
import { fetchAs, signInAs } from '../helpers/sessions';
import { demoAccount, signInThroughPage, waitForContract } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

describe('managing accounts in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('lets the coordination change a role after confirming, and refuses to remove the last coordinator', async () => {
    const { page } = await e2e.open(demoAccount('coordinator'));
    await page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/membres?q=Garnier`);
    const helene = page.locator('.member', { hasText: 'Hélène Garnier' });
    await helene.locator('select').selectOption('member');
    await helene.locator('button', { hasText: 'Changer' }).click();
    const dialog = page.locator('trame-confirm-dialog dialog');
    await dialog.locator('#confirm-body', { hasText: '« Coordination » à « Membre »' }).waitFor();
    await screenshot(page, 'role-confirm-fr-1280');
    await dialog.locator('button[value="confirm"]').click();
    await helene.locator('[role="alert"]', { hasText: 'Il doit rester au moins une personne à la coordination.' }).waitFor();
    expect(await helene.locator('select').inputValue()).toBe('coordinator');

    await page.locator('#filter-q').fill('Benali');
    const karim = page.locator('.member', { hasText: 'Karim Benali' });
    await karim.waitFor();
    await karim.locator('select').selectOption('partner');
    await karim.locator('button', { hasText: 'Changer' }).click();
    await dialog.locator('button[value="confirm"]').click();
    await page.locator('.members__count', { hasText: 'Karim Benali a maintenant le rôle « Partenaire (comité de pilotage) ».' }).waitFor();
    expect(await karim.locator('select').inputValue()).toBe('partner');
  });


  it('sends people to sign in with an explanation when their session ends, then back to where they were', async () => {
    const { page } = await e2e.open(demoAccount('member'));
    // The same person, on another device, ends their other browser sessions ("Terminer" in "Mon compte").
    const elsewhere = await signInAs(e2e.server.url, 'member');
    const sessions = (await (await fetchAs(elsewhere, e2e.server.url, '/api/me/sessions')).json()) as { id: string; kind: string; isCurrent: boolean }[];
    for (const session of sessions.filter((candidate) => candidate.kind === 'browser' && !candidate.isCurrent)) {
      expect((await fetchAs(elsewhere, e2e.server.url, `/api/me/sessions/${session.id}`, { method: 'DELETE' })).status).toBe(204);
    }
    await page.locator('.notice', { hasText: 'Votre session a pris fin' }).waitFor({ timeout: 5000 });
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await screenshot(page, 'session-ended-fr-1280');

    await signInThroughPage(page, demoAccount('member'));
    await waitForContract(page);
    expect(new URL(page.url()).pathname).toBe(`/w/${demoWorkspaceId}`);

    await page.locator('trame-account-menu .toggle').click();
    await page.locator('trame-account-menu .sign-out').click();
    await page.locator('.notice', { hasText: 'Vous êtes déconnecté·e' }).waitFor();
    expect((await page.request.get(`${e2e.server.url}/api/me`)).status()).toBe(401);
  });


  it('creates the first coordinator through the one-time setup link', async () => {
    const setupPath = e2e.server.trame.setupPath;
    expect(setupPath).toMatch(/^\/installation#.+/);
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}${setupPath ?? ''}`);
      await page.locator('#setup-email').fill('cress@exemple.org');
      await page.locator('#setup-name').fill('Claire Vidal');
      await page.locator('#setup-password').fill('une longue phrase');
      await page.locator('#setup-confirmation').fill('une autre phrase');
      await page.locator('trame-setup-page button[type="submit"]').click();
      await page.locator('#setup-confirmation-error', { hasText: 'ne sont pas identiques' }).waitFor();
      await screenshot(page, 'setup-fr-1280');
      await expectNoAccessibilityViolations(page);
      await page.locator('#setup-confirmation').fill('une longue phrase');
      await page.locator('trame-setup-page button[type="submit"]').click();
      await waitForContract(page);
      expect(await page.locator('trame-account-menu .name').textContent()).toBe('Claire Vidal');
      expect(await page.locator('.workspace__nav').textContent()).toContain('Journal');
    } finally {
      await context.close();
    }
  });
});
