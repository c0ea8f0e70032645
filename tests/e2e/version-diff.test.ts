/**
 * Comparing versions in Chromium: the coordination names the version sent to the committee; a
 * second person (a real y-websocket client) then rewrites words of a paragraph and raises a
 * financing amount. The comparison page opened without parameters compares that version with now
 * (the address follows); it shows the one-sentence summary, the changed words as <ins>/<del> with
 * their spoken labels, the amounts before → after in the sheet and the budget; the form refuses
 * twice the same version, works from the keyboard, and "Aucune différence" shows for two equal
 * states. axe-core finds nothing in French and English at 1280 px and in French at 360 px.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateBudgetLine } from '../../shared/programme/edit';
import { readProgramme } from '../../shared/programme/read';
import type { VersionView } from '../../shared/schemas/versions';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { screenshot } from '../helpers/browser';
import { fetchAs, signInAs } from '../helpers/sessions';
import { connectClient, disconnectAll, whenSynced } from '../helpers/yjs-clients';
import { demoAccount, waitForText } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';
import { expectAccessible } from './page-checks';

const comparePath = `/w/${demoWorkspaceId}/versions/comparer`;
const committeeName = 'Soumise au comité de pilotage du 14 mars';

/** fr-FR amounts use narrow and no-break spaces: compare them as plain spaces. */
const plain = (text: string | null): string => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

function replaceWords(doc: Y.Doc, from: string, to: string): void {
  const find = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | undefined => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(from)) return child;
      const found = child instanceof Y.XmlElement ? find(child) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const text = find(doc.getXmlFragment('contract'));
  if (text === undefined) throw new Error(`no text holding ${from}`);
  const index = text.toString().indexOf(from);
  doc.transact(() => {
    text.delete(index, from.length);
    text.insert(index, to);
  });
}

describe('comparing versions in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('shows what changed since the committee: summary, words, amounts; FR/EN, keyboard, 360 px', async () => {
    const server = e2e.server;
    const coordination = await signInAs(server.url, 'coordinator');
    const named = await fetchAs(coordination, server.url, `/api/workspaces/${demoWorkspaceId}/versions`, { method: 'POST', body: JSON.stringify({ name: committeeName }) });
    expect(named.status).toBe(201);
    const committee = (await named.json()) as VersionView;

    const { page } = await e2e.open(demoAccount('coordinator'), { bypassCSP: true });
    // A second person edits the text and a financing amount.
    const member = await signInAs(server.url, 'member');
    const other = connectClient(server.wsUrl, `${demoWorkspaceId}.contract`, member.token);
    try {
      await whenSynced(other);
      const line = readProgramme(other.doc).sheets.get('fiche-1-1')!.budget.find((l) => l.funder === 'Région Rhône-Alpes' && l.year === 2012)!;
      replaceWords(other.doc, 'un triple rôle de coordination', 'un double rôle de coordination');
      updateBudgetLine(other.doc, 'fiche-1-1', line.id, { amountCents: line.amountCents! + 12_000_000 });
      await waitForText(page, 'un double rôle de coordination', 10_000);

      // Without parameters: the newest named version against now; the address says so.
      await page.goto(`${server.url}${comparePath}`);
      const summary = page.locator('.version-diff__sentence');
      await summary.waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).search).toBe(`?de=${committee.id}&a=live`);
      // The arrow is said "devient" to screen readers (visually hidden).
      expect(plain(await summary.textContent())).toBe('1 section modifiée, 1 fiche modifiée, total : 33 816 491 € → devient 33 936 491 € (+120 000 €).');
      expect(plain(await page.locator('.version-diff__between').textContent())).toContain(`De ${committeeName}`);
      expect(plain(await page.locator('.version-diff__between').textContent())).toContain('à Maintenant (version de travail)');

      // The section, with only the changed words marked, each said aloud.
      const section = page.locator('article.version-diff__item', { hasText: 'La mise en œuvre du Contrat Sectoriel' });
      await section.locator('.badge', { hasText: 'Section modifiée' }).waitFor();
      expect((await section.locator('del').allTextContents()).map(plain)).toEqual(['supprimé : triple']);
      expect((await section.locator('ins').allTextContents()).map(plain)).toEqual(['ajouté : double']);
      expect(await section.locator('del .visually-hidden').count()).toBe(1);
      await page.locator('details.version-diff__unchanged summary', { hasText: '4 sections inchangées' }).waitFor();

      // The sheet's financing, before → after, and the budget tables.
      const sheet = page.locator('article.version-diff__item', { hasText: 'Le Mois de l’ESS en Rhône-Alpes' });
      const row = sheet.locator('.version-diff__amounts tbody tr');
      expect(await row.count()).toBe(1);
      const euros = (cents: number): string => plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100));
      expect((await row.locator('th, td').allTextContents()).map(plain)).toEqual(['Région Rhône-Alpes', '2012', euros(line.amountCents!), euros(line.amountCents! + 12_000_000), '+120 000 €']);
      const funderRow = page.locator('.version-diff__budget-table', { hasText: 'Par financeur' }).locator('tbody tr', { hasText: 'Région Rhône-Alpes' });
      expect((await funderRow.locator('th, td').allTextContents()).map(plain)).toEqual(['Région Rhône-Alpes', '7 602 500 €', '7 722 500 €', '+120 000 €']);
      expect(plain(await page.locator('.version-diff__budget-table', { hasText: 'Par axe' }).locator('tfoot').textContent())).toBe('Total 33 816 491 € 33 936 491 € +120 000 €');
      await page.locator('text=la même pour les deux versions').waitFor();
      await screenshot(page, 'version-diff-fr-1280');
      await sheet.scrollIntoViewIfNeeded();
      await screenshot(page, 'version-diff-sheet-fr-1280');
      await expectAccessible(page, 'diff page, FR 1280');

      // The form: the same version twice is refused at the field; the keyboard compares.
      await page.locator('#version-diff-from').selectOption(committee.id);
      await page.locator('#version-diff-to').selectOption(committee.id);
      await page.locator('.version-diff__form button[type="submit"]').click();
      await page.locator('#version-diff-to-error', { hasText: 'Choisissez deux versions différentes.' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('version-diff-to');
      // A second version after the edits: compared with now, nothing differs.
      const second = await fetchAs(coordination, server.url, `/api/workspaces/${demoWorkspaceId}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Après la réunion' }) });
      const after = (await second.json()) as VersionView;
      await page.locator('#version-diff-from option', { hasText: 'Après la réunion' }).waitFor({ state: 'attached', timeout: 5000 });
      await page.locator('#version-diff-from').selectOption(after.id);
      await page.locator('#version-diff-to').focus();
      await page.keyboard.press('Home'); // "Maintenant" is the first option
      await page.locator('#version-diff-to').selectOption('live');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Comparer');
      await page.keyboard.press('Enter');
      await page.locator('.version-diff__sentence', { hasText: 'Aucune différence entre ces deux versions.' }).waitFor();
      await page.locator('.empty-state', { hasText: 'Aucune différence' }).waitFor();
      expect(new URL(page.url()).search).toBe(`?de=${after.id}&a=live`);
      expect(await page.locator('#version-diff-to-error').count()).toBe(0);

      // An unknown version: a French problem, not a crash.
      await page.goto(`${server.url}${comparePath}?de=inconnue&a=live`);
      await page.locator('.notice--error', { hasText: 'La version de départ n’existe pas.' }).waitFor({ timeout: 15_000 });

      // English, then a phone.
      await page.goto(`${server.url}${comparePath}?de=${committee.id}&a=live`);
      await page.evaluate(() => localStorage.setItem('trame:locale', 'en'));
      await page.reload();
      await page.locator('.version-diff__sentence', { hasText: '1 section changed, 1 sheet changed, total:' }).waitFor({ timeout: 15_000 });
      await page.locator('h2', { hasText: 'Consolidated budget' }).waitFor();
      await screenshot(page, 'version-diff-en-1280');
      await expectAccessible(page, 'diff page, EN 1280');
      await page.evaluate(() => localStorage.setItem('trame:locale', 'fr'));
      await page.setViewportSize({ width: 360, height: 780 });
      await page.reload();
      await page.locator('.version-diff__sentence', { hasText: '1 section modifiée' }).waitFor({ timeout: 15_000 });
      await screenshot(page, 'version-diff-fr-360');
      await sheet.scrollIntoViewIfNeeded();
      await screenshot(page, 'version-diff-sheet-fr-360');
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((element) => element.getBoundingClientRect().right > 361 && element.closest('.table-scroll, select') === null)
          .map((element) => `${element.tagName}.${element.className}`)
          .slice(0, 5),
      );
      expect(overflowing).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectAccessible(page, 'diff page, FR 360');
    } finally {
      disconnectAll(other);
    }
  });
});
