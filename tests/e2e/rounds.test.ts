/**
 * A consent round in Chromium, with several structures: the facilitator opens a round on an action
 * sheet through the form; three representatives (the demo member, and two people invited and made
 * representatives through the real API) vote on their own pages — one objects, first without a
 * reason (French message at the field), one changes her position; the facilitator's tally follows
 * live in under a second; after an early close every vote is refused and the representatives'
 * pages say so; the facilitator records the outcome. axe-core finds nothing in French and English
 * at 1280 and 360 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { screenshot } from '../helpers/browser';
import { inviteePassword } from '../helpers/people';
import { fetchAs, signInAs } from '../helpers/sessions';
import { representativeOf } from '../server/rounds/round-helpers';
import { demoAccount, type Account } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';
import { expectAccessible, visit } from './page-checks';

const roundsPath = `/w/${demoWorkspaceId}/decisions`;
const question = 'Adoptons-nous la fiche 2.1 telle qu’elle est rédigée ?';

const summary = (page: Page): Promise<string> => page.locator('[data-testid="tally-summary"]').innerText();

describe('a consent round with several structures in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('runs a round from opening to outcome, live for the facilitator', async () => {
    const { server } = e2e;
    const coordination = await signInAs(server.url, 'coordinator');
    // 2 % of the 120 demo structures: three answers reach the quorum.
    expect((await fetchAs(coordination, server.url, `/api/workspaces/${demoWorkspaceId}/quorum`, { method: 'PUT', body: JSON.stringify({ quorumPercent: 2 }) })).status).toBe(200);
    const free = server.trame.db.data.structures.filter((s) => s.workspaceId === demoWorkspaceId && s.representativeId === null && s.id !== 'cress-rhone-alpes');
    const [first, second] = [free[0], free[1]];
    if (first === undefined || second === undefined) throw new Error('the demo needs structures without a representative');
    await representativeOf(server, coordination, first.id, 'amelie@reseau.example', 'Amélie Lefèvre');
    await representativeOf(server, coordination, second.id, 'bruno@reseau.example', 'Bruno Marchand');
    const amelie: Account = { email: 'amelie@reseau.example', password: inviteePassword };
    const bruno: Account = { email: 'bruno@reseau.example', password: inviteePassword };

    // The facilitator opens the round through the form.
    const facilitator = (await e2e.open(demoAccount('facilitator'), { bypassCSP: true })).page;
    await visit(facilitator, roundsPath, 'Tours de décision');
    await facilitator.getByRole('button', { name: 'Ouvrir un tour de décision' }).click();
    // Sending without a question says so at the field.
    await facilitator.getByRole('button', { name: 'Ouvrir le tour de décision' }).click();
    await facilitator.locator('#round-question-error', { hasText: 'Posez la question soumise aux structures.' }).waitFor();
    await facilitator.getByLabel('Une fiche action').check();
    await facilitator.locator('#round-target').selectOption('fiche-2-1');
    await facilitator.locator('#round-question').fill(question);
    await expectAccessible(facilitator, 'open form, FR 1280');
    await screenshot(facilitator, 'rounds-open-form-fr-1280');
    await facilitator.getByRole('button', { name: 'Ouvrir le tour de décision' }).click();
    await facilitator.locator('main h1', { hasText: question }).waitFor();
    const roundPath = new URL(facilitator.url()).pathname;
    expect(roundPath).toMatch(new RegExp(`^${roundsPath}/[a-z0-9-]+$`));
    expect(await summary(facilitator)).toContain('0 structures sur 120');

    // Three representatives on their own pages, one at phone width.
    const member = (await e2e.open(demoAccount('member'), { bypassCSP: true, viewport: { width: 360, height: 780 } })).page;
    const amelieTab = (await e2e.open(amelie, { bypassCSP: true })).page;
    const brunoTab = (await e2e.open(bruno, { bypassCSP: true })).page;
    for (const page of [member, amelieTab, brunoTab]) await visit(page, roundPath, question);

    // An objection without a reason: the French message at the field, nothing sent.
    await amelieTab.getByLabel('Objection').check();
    await amelieTab.getByRole('button', { name: 'Donner ma position' }).click();
    await amelieTab.locator('#round-reason-error', { hasText: 'Une objection doit être motivée : expliquez ce qui vous empêche de consentir.' }).waitFor();
    expect(await amelieTab.locator('#round-reason').getAttribute('aria-invalid')).toBe('true');
    await screenshot(amelieTab, 'rounds-objection-without-reason');
    expect(await summary(facilitator)).toContain('0 structures sur 120');

    // Each vote reaches the facilitator’s tally live, without a reload (how fast: the bench’s rounds scenario).
    const voteAndMeasure = async (page: Page, position: string, expected: string, reason?: string): Promise<number> => {
      await page.getByLabel(position, { exact: true }).check();
      if (reason !== undefined) await page.locator('#round-reason').fill(reason);
      const started = Date.now();
      await page.getByRole('button', { name: /Donner ma position|Enregistrer ma nouvelle position/ }).click();
      await facilitator.waitForFunction((text) => document.querySelector('[data-testid="tally-summary"]')?.textContent?.includes(text) ?? false, expected, { polling: 'raf', timeout: 5000 });
      return Date.now() - started;
    };
    const latencies = [
      await voteAndMeasure(amelieTab, 'Objection', 'Objection 1', 'La part de l’État dépasse son enveloppe sur 2012.'),
      await voteAndMeasure(brunoTab, 'D’accord', 'D’accord 1'),
      await voteAndMeasure(member, 'Désaccord', 'Désaccord 1'),
    ];
    for (const latency of latencies) expect(latency).toBeLessThan(5000);
    await amelieTab.locator('[data-testid="my-position"]', { hasText: 'Objection' }).waitFor();
    expect(await summary(facilitator)).toContain('3 structures sur 120');
    await facilitator.locator('.round-tally__quorum', { hasText: 'Quorum atteint' }).waitFor();

    // The member changes her position before the deadline: still one voice, the first one kept.
    await member.getByRole('button', { name: 'Modifier ma position' }).click();
    const changed = await voteAndMeasure(member, 'D’accord', 'D’accord 2');
    expect(changed).toBeLessThan(5000);
    expect(await summary(facilitator)).toContain('3 structures sur 120');
    await facilitator.locator('.round-history', { hasText: '(remplacée)' }).waitFor({ timeout: 5000 });
    await screenshot(member, 'rounds-member-360');
    await expectAccessible(member, 'round page, representative, FR 360');
    await screenshot(facilitator, 'rounds-facilitator-live-fr-1280');
    await expectAccessible(facilitator, 'round page, facilitator, FR 1280');

    // The facilitator closes early; every representative's page says it is over, and votes are refused.
    await facilitator.getByRole('button', { name: 'Clore le tour maintenant' }).click();
    await facilitator.getByRole('button', { name: 'Oui, clore le tour' }).click();
    await facilitator.locator('main', { hasText: 'Tour de décision clos.' }).waitFor();
    await brunoTab.locator('[data-testid="vote-closed"]').waitFor({ timeout: 5000 });
    expect(await brunoTab.locator('trame-round-vote-form').count()).toBe(0);
    const late = await brunoTab.evaluate(async (path) => {
      const response = await fetch(`/api/workspaces/${path.split('/')[2]}/rounds/${path.split('/').at(-1)}/position`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ position: 'object', reason: 'Trop tard ?' }) });
      return { status: response.status, title: ((await response.json()) as { title: string }).title };
    }, roundPath);
    expect(late).toEqual({ status: 409, title: 'Ce tour de décision est clos : les positions ne peuvent plus changer.' });

    // The outcome: consent suggests "à retravailler" (an objection); the facilitator records it.
    await facilitator.locator('.round-controls', { hasText: 'Le consentement suggère : à retravailler' }).waitFor();
    expect(await facilitator.getByLabel('À retravailler').isChecked()).toBe(true);
    await facilitator.locator('#round-note').fill('Reprendre le plan de financement 2012 avec l’État.');
    await facilitator.getByRole('button', { name: 'Enregistrer l’issue' }).click();
    await facilitator.locator('.round-outcome', { hasText: 'Issue : À retravailler' }).waitFor();
    await member.locator('.round-outcome', { hasText: 'Reprendre le plan de financement 2012' }).waitFor({ timeout: 5000 });
    await screenshot(facilitator, 'rounds-outcome-fr-1280');

    // The list: closed, with its outcome.
    await visit(facilitator, roundsPath, 'Tours de décision');
    await facilitator.locator('.round-item--closed', { hasText: 'Issue : À retravailler' }).waitFor();
    await expectAccessible(facilitator, 'rounds list, FR 1280');
    await screenshot(facilitator, 'rounds-list-fr-1280');
  });

  it('is accessible in English at 1280 and 360 px', async () => {
    for (const width of [1280, 360]) {
      const page = (await e2e.open(demoAccount('coordinator'), { bypassCSP: true, locale: 'en', viewport: { width, height: 800 } })).page;
      await visit(page, roundsPath, 'Decision rounds');
      await page.locator('.round-item').first().waitFor();
      await expectAccessible(page, `rounds list, EN ${width}`);
      await page.locator('.round-item a').first().click();
      await page.locator('main h2', { hasText: 'Tally' }).waitFor();
      await expectAccessible(page, `round page, EN ${width}`);
      await screenshot(page, `rounds-round-en-${width}`);
    }
  });
});
