/**
 * Accounts and permissions as people meet them, in Chromium: an invitation from the members page
 * to a new account that edits the contract, an observer's read-only editor, a refused sign-in,
 * the CSV import's preview and import, and axe-core on every access page.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { expectNoAccessibilityViolations, screenshot } from '../helpers/browser';
import { fetchAs, signInAs } from '../helpers/sessions';
import { demoAccount, signInThroughPage, typeAtEnd, waitForContract, waitForText } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

const header = 'structure;reseau;ville;departement;email;nom;role;representant';
const invalidCsv = [
  header,
  'SCOP Nouvelle Vague;cooperatives;Lyon;69;alice@exemple.org;Alice Martin;membre;oui',
  'Association Inconnue;Réseau imaginaire;Lyon;69;bob@exemple.org;Bob Petit;membre;non',
  'Collectif du Test;associations;Lyon;69;pas-une-adresse;Claire Roux;membre;non',
].join('\r\n');
const validCsv = [header, 'SCOP Nouvelle Vague;cooperatives;Lyon;69;alice@exemple.org;Alice Martin;membre;oui'].join('\r\n');

describe('accounts and permissions in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('invites a steering-committee partner for no structure, while other roles must name one', async () => {
    const { page } = await e2e.open(demoAccount('coordinator'), { bypassCSP: true }); // CSP forbids injecting axe
    await page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/membres/inviter`);
    await page.locator('#invite-email').fill('comite@region.example');
    await page.locator('trame-invite-form button[type="submit"]').click();
    await page.locator('#invite-structure-error', { hasText: 'Choisissez la structure' }).waitFor();

    await page.locator('#invite-role').selectOption('partner');
    await page.locator('#invite-structure option[value=""]', { hasText: 'Aucune structure' }).waitFor({ state: 'attached' });
    await page.locator('trame-invite-form button[type="submit"]').click();
    await page.locator('#invite-link').waitFor();
    await page.locator('trame-invitation-list tr', { hasText: 'comite@region.example' }).locator('td', { hasText: '—' }).first().waitFor();
    await screenshot(page, 'invite-partner-fr-1280');
    await expectNoAccessibilityViolations(page);
  });

  it('lets a coordinator invite a new email; the invitee signs up through the link and edits', async () => {
    const coordinator = await e2e.open(demoAccount('coordinator'), { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = coordinator;
    await page.locator('.workspace__nav a', { hasText: 'Membres' }).click();
    await page.locator('.member', { hasText: 'Sophie Lambert' }).waitFor();
    await page.locator('a', { hasText: 'Inviter une personne' }).first().click();

    await page.locator('#invite-email').fill('nouvelle.personne@exemple.org');
    await page.locator('#invite-structure-search').fill('Menuiserie Bresse');
    await page.locator('#invite-structure').selectOption('scop-menuiserie-de-la-bresse');
    await page.locator('trame-invite-form button[type="submit"]').click();
    const linkField = page.locator('#invite-link');
    await linkField.waitFor();
    await expect.poll(() => page.locator('.invite-result').textContent()).toContain('Aucun e-mail n’a été envoyé');
    await page.locator('trame-invite-form trame-copy-button button').click();
    await page.locator('trame-invite-form trame-copy-button [role="status"]', { hasText: 'Lien copié' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(await linkField.inputValue());
    expect(link).toMatch(/\/invitation#.+/);
    await page.locator('trame-invitation-list tr', { hasText: 'nouvelle.personne@exemple.org' }).locator('.state', { hasText: 'En attente' }).waitFor();
    await screenshot(page, 'invite-created-fr-1280');
    await page.locator('.workspace__nav a', { hasText: 'Contrat' }).click();
    await waitForContract(page);

    const inviteeContext = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const invitee = await inviteeContext.newPage();
    e2e.closeAfterwards(inviteeContext);
    await invitee.goto(link);
    await invitee.locator('h1', { hasText: 'Invitation à rejoindre' }).waitFor();
    const facts = await invitee.locator('.facts').textContent();
    expect(facts).toContain('SCOP Menuiserie de la Bresse');
    expect(facts).toContain('Membre');
    expect(facts).toContain('Hélène Garnier');
    await screenshot(invitee, 'invitation-fr-1280');
    await invitee.locator('#sign-up-name').fill('Nadia Bouchard');
    await invitee.locator('#sign-up-password').fill('une phrase de passe');
    await invitee.locator('#sign-up-confirmation').fill('une phrase de passe');
    await invitee.locator('trame-invitation-sign-up button[type="submit"]').click();
    await waitForContract(invitee);
    expect(await invitee.locator('trame-account-menu .name').textContent()).toBe('Nadia Bouchard');

    await typeAtEnd(invitee, ' Proposition de Nadia.');
    await waitForText(page, 'Proposition de Nadia.', 2000);
    await page.locator('.trame-remote-cursor[data-label="Nadia Bouchard · SCOP Menuiserie de la Bresse"]').waitFor({ timeout: 2000 });

    // The link is one-time: opened again, it says so.
    const again = await e2e.browser.newContext();
    const againPage = await again.newPage();
    await againPage.goto(link);
    await againPage.locator('[role="alert"]', { hasText: 'Cette invitation a déjà été utilisée.' }).waitFor();
    await again.close();
  });

  it('shows an observer a read-only editor that still receives the members’ edits', async () => {
    const member = await e2e.open(demoAccount('member'));
    const observer = await e2e.open(demoAccount('observer'));
    const notice = observer.page.locator('[data-testid="readonly-notice"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Lecture seule : votre rôle (Observateur) permet de lire le contrat.');
    expect(await observer.editor.getAttribute('aria-readonly')).toBe('true');
    expect(await observer.editor.getAttribute('contenteditable')).toBe('false');
    expect(await observer.page.locator('trame-editor-toolbar').isHidden()).toBe(true);
    await screenshot(observer.page, 'observer-fr-1280');

    const before = await observer.editor.textContent();
    await observer.editor.click();
    await observer.page.keyboard.press('Control+End');
    await observer.page.keyboard.type('Texte interdit');
    await observer.page.keyboard.press('Enter');
    await observer.page.waitForTimeout(300);
    expect(await observer.editor.textContent()).toBe(before);

    await typeAtEnd(member.page, ' Ajout de Sophie pour tous.');
    expect(await waitForText(observer.page, 'Ajout de Sophie pour tous.', 1000)).toBeLessThan(1000);
    expect(await member.editor.textContent()).not.toContain('Texte interdit');

    // Pages the role does not open are not offered, and say so when reached by their address.
    expect(await observer.page.locator('.workspace__nav').textContent()).not.toContain('Membres');
    await observer.page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/membres`);
    await observer.page.locator('h1', { hasText: 'Cette page n’est pas ouverte à votre rôle' }).waitFor();
    expect(await observer.page.locator('main').textContent()).toContain('Votre rôle ne permet pas de voir la liste des membres.');
  });

  it('refuses a wrong password with the French message, then rate-limits with when to retry', async () => {
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/connexion`);
      await signInThroughPage(page, { email: 'coordination@trame.example', password: 'pas le bon mot de passe' });
      const alert = page.locator('#sign-in-problem');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Adresse e-mail ou mot de passe incorrect.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-problem');
      expect(await page.locator('#sign-in-password').inputValue()).toBe('');
      await screenshot(page, 'sign-in-error-fr-1280');

      // Insisting (here on another address, so the others stay usable) meets the rate limit, which says when to retry.
      for (let attempt = 0; attempt < 15 && !((await alert.textContent()) ?? '').includes('Trop de tentatives'); attempt++) {
        await signInThroughPage(page, { email: 'quelquun@exemple.org', password: 'essai au hasard' });
        await page.locator('trame-sign-in-page button[type="submit"]:not([disabled])').waitFor();
      }
      expect(await alert.textContent()).toContain('Trop de tentatives de connexion.');
      expect(await alert.textContent()).toMatch(/attendez \d+ minutes? avant de réessayer/);
    } finally {
      await context.close();
    }
  });

  it('previews a CSV import line by line, blocks it while a line is wrong, then imports a valid file', async () => {
    const { page } = await e2e.open(demoAccount('coordinator'));
    await page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/membres/importer`);
    await page.locator('#import-file').setInputFiles({ name: 'sans-reseau.csv', mimeType: 'text/csv', buffer: Buffer.from('structure;ville\r\nSCOP Test;Lyon', 'utf8') });
    await page.locator('[role="alert"]', { hasText: 'Ce fichier CSV n’a pas de colonne « réseau ». Ajoutez-la ou partez du modèle à télécharger.' }).waitFor();
    expect(await page.locator('[data-testid="import-apply"]').isDisabled()).toBe(true);

    await page.locator('#import-file').setInputFiles({ name: 'membres.csv', mimeType: 'text/csv', buffer: Buffer.from(invalidCsv, 'utf8') });
    const table = page.locator('.import-table');
    await table.waitFor();
    const unknownNetwork = table.locator('tr', { has: page.locator('th', { hasText: /^3$/ }) });
    expect(await unknownNetwork.locator('.state').textContent()).toContain('Erreur');
    expect(await unknownNetwork.textContent()).toContain('Réseau inconnu « Réseau imaginaire »');
    const badEmail = table.locator('tr', { has: page.locator('th', { hasText: /^4$/ }) });
    expect(await badEmail.locator('.state').textContent()).toContain('Erreur');
    expect(await badEmail.textContent()).toContain('Adresse e-mail invalide « pas-une-adresse »');
    const importButton = page.locator('[data-testid="import-apply"]');
    expect(await importButton.isDisabled()).toBe(true);
    expect(await page.locator('#import-blocked').textContent()).toContain('2 ligne(s) en erreur');
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-preview-errors-fr-1280');

    await page.locator('#import-file').setInputFiles({ name: 'membres.csv', mimeType: 'text/csv', buffer: Buffer.from(validCsv, 'utf8') });
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    await importButton.click();
    const links = page.locator('#import-links-csv');
    await links.waitFor();
    expect(await links.inputValue()).toMatch(/^email;lien\r?\nalice@exemple\.org;http:\/\/127\.0\.0\.1:\d+\/invitation#.+$/);
    expect(await page.locator('.notice--success').first().textContent()).toContain('Structures créées : 1. Invitations préparées : 1.');
    await page.locator('#import-step-apply').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-done-fr-1280');
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      // French at both widths, English at desktop width: English on a phone lays out as French does.
      if (locale === 'en' && viewport.width === 360) continue;
      const tag = `${locale}-${viewport.width}`;
      /** A context where axe can be injected (CSP forbids it otherwise), in the test's language and width. */
      const newAxeContext = async (): Promise<BrowserContext> => {
        const context = await e2e.browser.newContext({ viewport, bypassCSP: true });
        if (locale === 'en') await context.addInitScript(() => localStorage.setItem('trame:locale', 'en'));
        return context;
      };

      it(`passes axe-core on the invitation, sign-in and members pages (${tag})`, async () => {
        const coordinator = await signInAs(e2e.server.url, 'coordinator');
        const created = await fetchAs(coordinator, e2e.server.url, `/api/workspaces/${demoWorkspaceId}/invitations`, {
          method: 'POST',
          body: JSON.stringify({ email: `axe-${tag}@exemple.org`, role: 'partner', structureId: 'cress-rhone-alpes' }),
        });
        const { linkPath } = (await created.json()) as { linkPath: string };
        const context = await newAxeContext();
        try {
          const page = await context.newPage();
          await page.goto(`${e2e.server.url}${linkPath}`);
          await page.locator('#sign-up-name').waitFor();
          await screenshot(page, `invitation-${tag}`);
          await expectNoAccessibilityViolations(page);

          await page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/membres?reseau=cooperatives`);
          await page.locator('#sign-in-email').waitFor();
          await screenshot(page, `sign-in-${tag}`);
          await expectNoAccessibilityViolations(page);
          await signInThroughPage(page, demoAccount('coordinator'));
          await page.locator('.member', { hasText: 'Sophie Lambert' }).waitFor();
          expect(await page.locator('#filter-network').inputValue()).toBe('cooperatives');
          await screenshot(page, `members-${tag}`);
          await expectNoAccessibilityViolations(page);
        } finally {
          await context.close();
        }
      });

      it(`passes axe-core on the invite, import, journal and account pages (${tag})`, async () => {
        const coordinator = await signInAs(e2e.server.url, 'coordinator');
        const context = await newAxeContext();
        try {
          const [name = '', value = ''] = coordinator.cookie.split('=', 2);
          await context.addCookies([{ name, value, url: e2e.server.url }]);
          const page = await context.newPage();
          const pages: [string, string, string][] = [
            [`/w/${demoWorkspaceId}/membres/inviter`, 'trame-invitation-list tbody tr', 'invite'],
            [`/w/${demoWorkspaceId}/journal`, 'trame-audit-page tbody tr', 'audit'],
            ['/compte', 'trame-sessions-list tbody tr', 'account'],
          ];
          for (const [path, ready, pageName] of pages) {
            await page.goto(`${e2e.server.url}${path}`);
            await page.locator(ready).first().waitFor();
            await screenshot(page, `${pageName}-${tag}`);
            await expectNoAccessibilityViolations(page);
          }
          await page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/membres/importer`);
          await page.locator('#import-file').setInputFiles({ name: 'membres.csv', mimeType: 'text/csv', buffer: Buffer.from(invalidCsv, 'utf8') });
          await page.locator('.import-table').waitFor();
          await page.locator('.import-table').scrollIntoViewIfNeeded();
          await screenshot(page, `import-${tag}`);
          await expectNoAccessibilityViolations(page);
        } finally {
          await context.close();
        }
      });
    }
  }
});
