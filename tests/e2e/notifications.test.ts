/**
 * Notifications as people meet them, in Chromium: a notification made by the server (as the
 * deliberation's domains make them) appears on the member's bell live, the inbox lists it, opening
 * it reads it and the count drops; "Tout marquer comme lu"; settings saved and applied; the empty
 * state; axe-core finds nothing on the inbox (with the bell in the top bar) in French and English
 * at 1280 and 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/permissions';
import type { NotificationKind } from '../../shared/schemas/notifications';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { describeViolations, findAccessibilityViolations, screenshot } from '../helpers/browser';
import { demoEmail } from '../helpers/sessions';
import { demoAccount } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

const inboxPath = `/w/${demoWorkspaceId}/notifications`;

describe('notifications in Chromium', () => {
  const e2e = useServerAndBrowser();
  const personId = (role: Role): string => {
    const person = e2e.server.trame.db.data.people.find((p) => p.email === demoEmail(role));
    if (person === undefined) throw new Error(`no ${role}`);
    return person.id;
  };
  const notify = (role: Role, title: string, link: string, kind: NotificationKind = 'mention') =>
    e2e.server.trame.notifications.notify({ workspaceId: demoWorkspaceId, recipients: [personId(role)], kind, title, link, actorId: personId('facilitator') });
  const bell = (page: Page) => page.locator('header.top-bar a.notification-bell');
  const visit = async (page: Page, path: string, heading: string): Promise<void> => {
    await page.goto(`${new URL(page.url()).origin}${path}`);
    await page.locator('main h1', { hasText: heading }).waitFor({ timeout: 15_000 });
  };
  const expectAccessible = async (page: Page, label: string): Promise<void> => {
    const violations = await findAccessibilityViolations(page);
    expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
  };

  it('shows a new notification on the bell live, lists it in the inbox, and reads it when opened', async () => {
    const { page } = await e2e.open(demoAccount('member'));
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, aucune non lue');

    await notify('member', 'Karim Benali propose un amendement sur « Axe 2 ».', `/w/${demoWorkspaceId}/fiches`, 'amendment-proposed');
    // Live, without reloading: the badge, the link's name and a polite announcement.
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 non lue');
    expect(await bell(page).locator('.notification-bell__badge').textContent()).toBe('1');
    expect(await page.locator('trame-notification-bell [aria-live="polite"]').textContent()).toContain('Nouvelle notification : 1 non lue.');
    await screenshot(page, 'notifications-bell-fr-1280');

    await bell(page).click();
    await page.locator('main h1', { hasText: 'Notifications' }).waitFor();
    const item = page.locator('.notification', { hasText: 'Karim Benali propose un amendement' });
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('notification--unread');
    expect(await item.locator('a').textContent()).toMatch(/^Non lue : Karim Benali propose/);
    expect(await item.locator('.notification__meta').textContent()).toContain('Amendement proposé');
    expect(await item.locator('.notification__meta').textContent()).toContain('Karim Benali');
    expect(await bell(page).getAttribute('aria-current')).toBe('page');

    // While the inbox is open, a new one appears in it, newest first.
    await notify('member', 'Un tour de décision est ouvert sur le contrat.', `/w/${demoWorkspaceId}/decisions`, 'round-opened');
    await page.locator('.notification', { hasText: 'Un tour de décision est ouvert' }).waitFor();
    expect(await page.locator('.notification__link').first().textContent()).toContain('Un tour de décision est ouvert');
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 2 non lues');
    await screenshot(page, 'notifications-inbox-fr-1280');

    // Opening one follows its link and reads it: the count drops.
    await item.locator('a').click();
    await page.waitForURL(`**/w/${demoWorkspaceId}/fiches`);
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, 1 non lue');
    expect(e2e.server.trame.notifications.unreadCount(demoWorkspaceId, personId('member'))).toBe(1);

    await bell(page).click();
    await page.locator('.notification', { hasText: 'Karim Benali propose' }).waitFor();
    expect(await page.locator('.notification', { hasText: 'Karim Benali propose' }).getAttribute('class')).not.toContain('notification--unread');
    await page.locator('button', { hasText: 'Tout marquer comme lu' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Notifications, aucune non lue');
    expect(await page.locator('.notification--unread').count()).toBe(0);
    expect(await page.locator('button', { hasText: 'Tout marquer comme lu' }).count()).toBe(0);
    expect(e2e.server.trame.notifications.unreadCount(demoWorkspaceId, personId('member'))).toBe(0);
  });

  it('teaches what will arrive when the inbox is empty, and saves the settings, saying email is off on this server', async () => {
    const { page } = await e2e.open(demoAccount('observer'));
    await visit(page, inboxPath, 'Notifications');
    await page.locator('.notifications__empty', { hasText: 'Rien de nouveau pour vous pour l’instant.' }).waitFor();
    await page.locator('#notifications-no-email', { hasText: 'aucun serveur SMTP n’est configuré' }).waitFor();
    await screenshot(page, 'notifications-empty-fr-1280');

    await page.getByLabel('Les rappels d’un tour de décision où ma structure n’a pas répondu').uncheck();
    await page.getByLabel('Un résumé par jour').check();
    await page.locator('button', { hasText: 'Enregistrer les réglages' }).click();
    await page.locator('trame-notification-settings [role="status"]', { hasText: 'Réglages enregistrés.' }).waitFor();

    await page.reload();
    await page.getByLabel('Un résumé par jour').waitFor();
    expect(await page.getByLabel('Un résumé par jour').isChecked()).toBe(true);
    expect(await page.getByLabel('Les rappels d’un tour de décision où ma structure n’a pas répondu').isChecked()).toBe(false);
    expect(await page.getByLabel('Quand on me mentionne, moi ou ma structure').isChecked()).toBe(true);
    // Applied by the server: a reminder no longer reaches this person, a mention does.
    expect(await notify('observer', 'Rappel : votre structure n’a pas répondu.', `/w/${demoWorkspaceId}/decisions`, 'round-reminder')).toEqual([]);
    expect(await notify('observer', 'Karim Benali vous a mentionné·e.', `/w/${demoWorkspaceId}/commentaires`)).toHaveLength(1);
    await page.locator('.notification', { hasText: 'Karim Benali vous a mentionné·e.' }).waitFor();
  });

  it('has no accessibility violations on the inbox and the bell, in French and English, at 1280 and 360 px', async () => {
    await notify('partner', 'Karim Benali a répondu à votre commentaire sur « Axe 1 ».', `/w/${demoWorkspaceId}/commentaires`, 'reply');
    await notify('partner', 'Le tour de décision « Version 2 du contrat » est clos : adopté.', `/w/${demoWorkspaceId}/decisions`, 'round-outcome');
    for (const locale of ['fr', 'en'] as const) {
      for (const width of [1280, 360]) {
        const { page } = await e2e.open(demoAccount('partner'), { bypassCSP: true, locale, viewport: { width, height: width === 360 ? 740 : 900 } });
        await expect.poll(() => bell(page).getAttribute('aria-label')).toMatch(locale === 'fr' ? /^Notifications, \d+ non lues$/ : /^Notifications, \d+ unread$/);
        await expectAccessible(page, `contract with the bell, ${locale} ${width}`);
        await visit(page, inboxPath, 'Notifications');
        await page.locator('.notification').first().waitFor();
        await expectAccessible(page, `inbox, ${locale} ${width}`);
        await screenshot(page, `notifications-inbox-${locale}-${width}`);
        await page.close();
      }
    }
  });
});
