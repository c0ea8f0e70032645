/**
 * Follow-up after adoption, in Chromium, on the demo programme (it consolidates exactly to the
 * envelope; its sheets' dates, 2011-2013, are all past): the coordination adopts it after a
 * confirmation stating the totals, follows an action (status, report, indicator value, amounts);
 * a partner's dashboard follows live, the partner evaluates then amends (both versions kept);
 * members only report on their own actions; the CSV export downloads; axe-core finds nothing on
 * either page in French and English at 1280 and 360 px.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { screenshot } from '../helpers/browser';
import { demoAccount } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';
import { expectAccessible, visit, setDemoEnvelopeFromPage } from './page-checks';

const dashboardPath = `/w/${demoWorkspaceId}/suivi`;
const sheetPath = (sheetId: string): string => `${dashboardPath}/${sheetId}`;
const firstTitle = 'Le Mois de l’ESS en Rhône-Alpes';

describe('follow-up and the steering committee’s dashboard in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('explains that follow-up starts at adoption, and lets only the coordination adopt, stating the totals', async () => {
    const partner = await e2e.open(demoAccount('partner'), { bypassCSP: true });
    await visit(partner.page, dashboardPath, 'Suivi du programme');
    await partner.page.locator('trame-adoption-panel h2', { hasText: 'Le suivi commence à l’adoption du programme' }).waitFor();
    expect(await partner.page.locator('trame-adoption-panel button', { hasText: 'Adopter le programme' }).count()).toBe(0);
    await partner.page.locator('trame-adoption-panel', { hasText: 'Seule la coordination peut adopter le programme.' }).waitFor();
    await expectAccessible(partner.page, 'before adoption, partner');

    const coordinator = await e2e.open(demoAccount('coordinator'));
    await visit(coordinator.page, dashboardPath, 'Suivi du programme');
    const dialog = coordinator.page.locator('trame-confirm-dialog dialog');

    // With an envelope 100 € larger than the sheets' total, the server refuses and says why.
    const setEnvelope = (extraCents: number): Promise<number> => setDemoEnvelopeFromPage(coordinator.page, extraCents);
    expect(await setEnvelope(10_000)).toBe(200);
    await coordinator.page.locator('trame-adoption-panel .page-actions button', { hasText: 'Adopter le programme' }).click();
    await dialog.locator('button[value="confirm"]').click();
    const refusal = coordinator.page.locator('#adoption-problem');
    await refusal.locator('li', { hasText: 'ne correspond pas à l’enveloppe' }).waitFor();
    expect(await refusal.evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(coordinator.page, 'follow-up-adopt-refused-fr-1280');
    expect(await setEnvelope(0)).toBe(200);

    await coordinator.page.locator('trame-adoption-panel .page-actions button', { hasText: 'Adopter le programme' }).click();
    await dialog.waitFor();
    const body = (await dialog.locator('#confirm-body').textContent()) ?? '';
    expect(body).toContain('12 fiches action');
    expect(body.replace(/\s/g, ' ')).toContain('33 816 491 €');
    expect(body.replace(/\s/g, ' ')).toContain('Région Rhône-Alpes : 7 602 500 €');
    await screenshot(coordinator.page, 'follow-up-adopt-confirm-fr-1280');
    await dialog.locator('button[value="confirm"]').click();
    await coordinator.page.locator('h2', { hasText: 'Avancement et budget' }).waitFor();
    // The partner's page was told too (followup:changed), without reloading.
    await partner.page.locator('h2', { hasText: 'Avancement et budget' }).waitFor({ timeout: 5000 });

    // A second adoption is refused with the server's words.
    const again = await coordinator.page.evaluate(async (id) => (await fetch(`/api/workspaces/${id}/adoption`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, demoWorkspaceId);
    expect(again).toBe(409);
  });

  it('follows an action: status, report, indicator value and amounts, shown live on a partner’s dashboard', async () => {
    const partner = await e2e.open(demoAccount('partner'));
    await visit(partner.page, dashboardPath, 'Suivi du programme');
    const partnerRow = partner.page.locator('section[aria-labelledby="actions-title"] tr', { hasText: firstTitle });
    await partnerRow.locator('.status', { hasText: 'Non commencée' }).waitFor();

    const coordinator = await e2e.open(demoAccount('coordinator'));
    await visit(coordinator.page, sheetPath('fiche-1-1'), `Suivi de l’action 1.1 · ${firstTitle}`);
    const page = coordinator.page;

    await page.locator('#status-select').selectOption('in-progress');
    await page.locator('trame-follow-up-status button[type="submit"]').click();
    await page.locator('trame-follow-up-status [role="status"]', { hasText: 'Enregistré.' }).waitFor();
    await partnerRow.locator('.status', { hasText: 'En cours' }).waitFor({ timeout: 3000 });

    // Client-side checks, at the field, before anything is sent.
    await page.locator('#report-text').fill('   ');
    await page.locator('trame-progress-reports button[type="submit"]').click();
    await page.locator('#report-text-error', { hasText: 'Décrivez l’avancement.' }).waitFor();
    expect(await page.locator('#report-text').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#report-date').fill('2012-06-15');
    await page.locator('#report-text').fill('Programme 2012 publié ; 250 manifestations labellisées.');
    await page.locator('trame-progress-reports button[type="submit"]').click();
    await page.locator('trame-progress-reports li', { hasText: 'Programme 2012 publié' }).locator('strong', { hasText: '15 juin 2012' }).waitFor();

    await page.locator('#actual-value').fill('deux cents');
    await page.locator('trame-indicator-actuals button[type="submit"]').click();
    await page.locator('#actual-value-error', { hasText: 'Saisissez un nombre' }).waitFor();
    await page.locator('#actual-date').fill('2012-06-15');
    await page.locator('#actual-value').fill('250');
    await page.locator('trame-indicator-actuals button[type="submit"]').click();
    await page.locator('trame-indicator-actuals tbody tr', { hasText: 'Manifestations labellisées' }).locator('td', { hasText: '250' }).waitFor();

    await page.locator('#finance-0-committed').fill('-5');
    await page.locator('#finance-0-spent').fill('0');
    await page.locator('trame-funder-finances form').first().locator('button[type="submit"]').click();
    await page.locator('#finance-0-committed-error', { hasText: 'Le montant ne peut pas être négatif.' }).waitFor();
    await page.locator('#finance-0-committed').fill('100 000');
    await page.locator('#finance-0-spent').fill('50 000,50');
    await page.locator('trame-funder-finances form').first().locator('button[type="submit"]').click();
    await page.locator('trame-funder-finances form').first().locator('[role="status"]', { hasText: 'Enregistré.' }).waitFor();
    const committed = partner.page.locator('.follow-up-totals div', { hasText: 'Engagé' }).locator('dd');
    await expect.poll(async () => (await committed.textContent())?.replace(/\s/g, ' '), { timeout: 3000 }).toBe('100 000 €');
    await screenshot(page, 'follow-up-sheet-coordinator-fr-1280');
    await screenshot(partner.page, 'follow-up-dashboard-partner-fr-1280');
  });

  it('lets a partner evaluate an action and amend it, keeping both versions in order', async () => {
    const partner = await e2e.open(demoAccount('partner'));
    await visit(partner.page, dashboardPath, 'Suivi du programme');
    await partner.page.locator('section[aria-labelledby="actions-title"] a', { hasText: firstTitle }).click();
    const page = partner.page;
    await page.locator('main h1', { hasText: 'Suivi de l’action 1.1' }).waitFor();
    // Partners read the reports, they do not write them.
    expect(await page.locator('#status-select').count()).toBe(0);
    expect(await page.locator('#report-text').count()).toBe(0);
    await page.locator('trame-progress-reports', { hasText: 'Programme 2012 publié' }).waitFor();

    await page.locator('#evaluation-period').fill('2012');
    await page.locator('trame-sheet-evaluations button[type="submit"]').click();
    await page.locator('#evaluation-assessment-error', { hasText: 'Choisissez une appréciation.' }).waitFor();
    await page.locator('#evaluation-comment-error', { hasText: 'Rédigez l’appréciation.' }).waitFor();
    await page.locator('#evaluation-assessment').selectOption('to-watch');
    await page.locator('#evaluation-comment').fill('Bonne dynamique, mais deux départements manquent encore.');
    await page.locator('#evaluation-recommendation').fill('Aller chercher l’Ardèche et la Savoie.');
    await page.locator('trame-sheet-evaluations button[type="submit"]').click();
    const evaluation = page.locator('trame-sheet-evaluations article.evaluation', { hasText: 'Période 2012' });
    await evaluation.locator('.assessment', { hasText: 'À surveiller' }).waitFor();

    // A second evaluation for the same period is refused by the server, in French.
    await page.locator('#evaluation-period').fill('2012');
    await page.locator('#evaluation-assessment').selectOption('satisfactory');
    await page.locator('#evaluation-comment').fill('Doublon');
    await page.locator('trame-sheet-evaluations button[type="submit"]').click();
    await page.locator('trame-sheet-evaluations .notice--error', { hasText: 'Une évaluation existe déjà pour la période 2012' }).waitFor();

    await evaluation.locator('button', { hasText: 'Modifier l’évaluation 2012' }).click();
    expect(await page.locator('#evaluation-assessment').inputValue()).toBe('to-watch');
    await page.locator('#evaluation-assessment').selectOption('satisfactory');
    await page.locator('#evaluation-comment').fill('Les huit départements sont couverts depuis l’automne.');
    await page.locator('trame-sheet-evaluations button[type="submit"]', { hasText: 'Enregistrer la modification' }).click();
    await evaluation.locator('summary', { hasText: 'Historique : 2 versions' }).click();
    const versions = evaluation.locator('.evaluation-history > li');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.nth(0).textContent()).toContain('À surveiller');
    expect(await versions.nth(1).textContent()).toContain('Satisfaisante');
    expect(await versions.nth(1).textContent()).toContain('Jean Morel');
    await screenshot(page, 'follow-up-sheet-partner-evaluated-fr-1280');

    await visit(page, dashboardPath, 'Suivi du programme');
    const latest = page.locator('section[aria-labelledby="evaluations-title"]');
    await latest.locator('tr', { hasText: firstTitle }).locator('.assessment', { hasText: 'Satisfaisante' }).waitFor();
    expect(await latest.locator('.assessment-counts').textContent()).toMatch(/Satisfaisante\s*1/);
  });

  it('lists late actions, links them to their follow-up, and lets members report only on their own actions', async () => {
    const member = await e2e.open(demoAccount('member'));
    await visit(member.page, dashboardPath, 'Suivi du programme');
    const late = member.page.locator('.late-list li', { hasText: firstTitle });
    await late.locator('.state', { hasText: /En retard de [\d\s]+ jours/ }).waitFor();
    expect(await late.textContent()).toContain('Fin prévue le 31 décembre 2013');
    expect(await member.page.locator('.late-list li').count()).toBe(12);

    await late.locator('a').click();
    await member.page.locator('main h1', { hasText: 'Suivi de l’action 1.1' }).waitFor();
    await member.page.locator('.notice', { hasText: 'Vous pouvez lire ce suivi.' }).waitFor();
    expect(await member.page.locator('#status-select').count()).toBe(0);

    // fiche-2-1 is led by the member's structure: the forms are there.
    await visit(member.page, sheetPath('fiche-2-1'), 'Suivi de l’action 2.1');
    await member.page.locator('#status-select').selectOption('done');
    await member.page.locator('trame-follow-up-status button[type="submit"]').click();
    await member.page.locator('trame-follow-up-status [role="status"]', { hasText: 'Enregistré.' }).waitFor();
    await visit(member.page, dashboardPath, 'Suivi du programme');
    await expect.poll(() => member.page.locator('.late-list li').count()).toBe(11);
  });

  it('downloads the dashboard as CSV with every action', async () => {
    const coordinator = await e2e.open(demoAccount('coordinator'));
    await visit(coordinator.page, dashboardPath, 'Suivi du programme');
    const [download] = await Promise.all([coordinator.page.waitForEvent('download'), coordinator.page.locator('a', { hasText: 'Exporter en CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    for (const title of [firstTitle, 'Un incubateur régional d’innovation sociale', 'Accompagner la transmission d’entreprises à leurs salariés en SCOP']) expect(csv).toContain(title);
    expect(csv).toContain('En cours');
  });

  it('has no accessibility violations on either page, in French and English, at 1280 and 360 px', async () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const width of [1280, 360]) {
        const { page } = await e2e.open(demoAccount('partner'), { bypassCSP: true, locale, viewport: { width, height: width === 360 ? 740 : 900 } });
        await visit(page, dashboardPath, locale === 'fr' ? 'Suivi du programme' : 'Programme follow-up');
        await page.locator('trame-bar-chart svg[role="img"]').first().waitFor();
        await screenshot(page, `follow-up-dashboard-${locale}-${width}`);
        await expectAccessible(page, `dashboard ${locale} ${width}`);
        await page.evaluate(() => document.querySelector('#chart-axes-heading')?.scrollIntoView());
        await screenshot(page, `follow-up-dashboard-charts-${locale}-${width}`);
        await visit(page, sheetPath('fiche-1-1'), locale === 'fr' ? 'Suivi de l’action 1.1' : 'Follow-up of action 1.1');
        await page.locator('trame-sheet-evaluations article').first().waitFor();
        await screenshot(page, `follow-up-sheet-${locale}-${width}`);
        await expectAccessible(page, `sheet ${locale} ${width}`);
        await page.context().close();
      }
    }
    // The coordinator's page has every form: checked too.
    const { page } = await e2e.open(demoAccount('coordinator'), { bypassCSP: true, viewport: { width: 360, height: 740 } });
    await visit(page, sheetPath('fiche-1-1'), 'Suivi de l’action 1.1');
    await page.locator('#report-text').waitFor();
    await expectAccessible(page, 'sheet, coordinator, 360');
    await page.locator('trame-funder-finances').scrollIntoViewIfNeeded();
    await screenshot(page, 'follow-up-sheet-coordinator-fr-360');
  }, 300_000);
});
