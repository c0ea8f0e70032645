/**
 * Comments in Chromium: Sophie (member) selects a passage of the contract and comments; Hélène
 * (coordination) sees it in the margin within a second, types before the passage and the
 * highlight stays on the same words; she replies mentioning Karim (facilitator), who gets an
 * unread notification; Karim hides Sophie's comment with a reason and Sophie's page shows it
 * hidden. Then axe-core on the contract with comments and on the comments page (FR/EN, 1280/360).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { layoutOf, textBetween } from '../../shared/comments/anchors';
import { sheetRichText } from '../../shared/programme/layout';
import { describeViolations, findAccessibilityViolations, screenshot } from '../helpers/browser';
import { demoAccount, signInThroughPage, waitForContract } from './contract-page';
import { useServerAndBrowser } from './e2e-fixture';

const sophie = demoAccount('member');
const helene = demoAccount('coordinator');
const karim = demoAccount('facilitator');
const passage = 'contexte économique et social';
const paragraphStart = 'Le contexte économique et social de ces dernières années';

/** Selects the first occurrence of `text` in a rich text (the contract's by default), as a person dragging over it would. */
async function selectInContract(page: Page, text: string, editor = 'trame-contract-editor .ProseMirror'): Promise<void> {
  await page.locator(editor).focus();
  await page.evaluate(([wanted, selector]) => {
    const root = document.querySelector(selector);
    if (root === null) throw new Error('no editor');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`text not found: ${wanted}`);
  }, [text, editor] as const);
  await page.waitForTimeout(100); // ProseMirror reads the DOM selection on selectionchange
}

const marks = (page: Page) => page.locator('trame-contract-editor .comment-mark');
const marginCards = (page: Page) => page.locator('trame-contract-editor trame-comment-margin .comment-margin__list trame-comment-thread');

describe('comments on the contract in Chromium', () => {
  const e2e = useServerAndBrowser();

  it('comments a passage, shows it live in the margin, keeps it on its words, notifies mentions, lets a facilitator hide it', async () => {
    const a = await e2e.open(sophie);
    const b = await e2e.open(helene);

    await selectInContract(a.page, passage);
    await a.page.keyboard.press('Control+Alt+KeyM');
    const composer = a.page.locator('.comment-composer');
    await composer.waitFor({ timeout: 2000 });
    expect(await composer.locator('.comment-composer__quote').textContent()).toBe(passage);
    await composer.locator('textarea').fill('<b>Précisons</b> : quels secteurs ?');
    await composer.locator('button[type="submit"]').click();
    await marks(a.page).first().waitFor({ timeout: 2000 });
    const sentAt = Date.now();

    // Hélène sees it in her margin, and the highlight on the same words, within a second.
    await marginCards(b.page).first().waitFor({ timeout: 1000 });
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(await marks(b.page).first().textContent()).toBe(passage);
    // The body shows as typed (HTML as text).
    expect(await marginCards(b.page).first().locator('.comment__body').textContent()).toBe('<b>Précisons</b> : quels secteurs ?');
    await screenshot(b.page, 'comments-margin');

    // Hélène types before the passage: the highlight stays on the same words, on both pages.
    await b.editor.locator('p', { hasText: paragraphStart }).click({ position: { x: 2, y: 8 } });
    await b.page.keyboard.press('Home');
    await b.page.keyboard.type('Désormais, ');
    await expect.poll(() => a.editor.locator('p', { hasText: 'Désormais, Le contexte' }).count(), { timeout: 3000 }).toBe(1);
    await b.page.waitForTimeout(600);
    expect(await marks(b.page).first().textContent()).toBe(passage);
    expect(await marks(a.page).first().textContent()).toBe(passage);

    // Clicking the highlight opens its thread in the margin; Hélène replies mentioning Karim.
    await marks(b.page).first().click();
    const card = b.page.locator('trame-comment-thread .comment-thread--active');
    await card.waitFor({ timeout: 2000 });
    const reply = card.locator('.comment-thread__reply textarea');
    await reply.click();
    await reply.pressSequentially('Je propose d’en parler avec @Kar');
    const option = b.page.locator('.mention-input__option', { hasText: 'Karim Benali' });
    await option.waitFor({ timeout: 5000 });
    expect(await reply.getAttribute('aria-expanded')).toBe('true');
    await reply.press('Enter');
    expect(await reply.inputValue()).toContain('@Karim Benali ');
    await card.locator('.comment-thread__reply button[type="submit"]').click();
    await expect.poll(() => card.locator('.comment').count(), { timeout: 3000 }).toBe(2);
    const karimId = e2e.server.trame.db.data.people.find((p) => p.email === karim.email)?.id;
    await expect
      .poll(() => e2e.server.trame.db.data.notifications.filter((n) => n.recipientId === karimId && n.kind === 'mention' && n.readAt === null).length, { timeout: 3000 })
      .toBe(1);
    // Sophie, the thread's author, is told of the reply.
    const sophieId = e2e.server.trame.db.data.people.find((p) => p.email === sophie.email)?.id;
    await expect.poll(() => e2e.server.trame.db.data.notifications.some((n) => n.recipientId === sophieId && n.kind === 'reply'), { timeout: 3000 }).toBe(true);

    // Karim hides Sophie's comment with a reason; Sophie's margin shows it hidden.
    const c = await e2e.open(karim);
    await marginCards(c.page).first().waitFor({ timeout: 3000 });
    await marginCards(c.page).first().locator('.comment-thread__open').click();
    const karimCard = c.page.locator('trame-comment-thread .comment-thread--active');
    await karimCard.locator('.comment').first().getByRole('button', { name: 'Masquer', exact: true }).click();
    await karimCard.locator('.comment-thread__hide input').fill('Hors sujet pour cette section');
    await karimCard.locator('.comment-thread__hide button[type="submit"]').click();
    await a.page.locator('.comment__placeholder', { hasText: 'Hors sujet pour cette section' }).waitFor({ timeout: 3000 });
    await screenshot(c.page, 'comments-hidden-facilitator');
    await screenshot(a.page, 'comments-hidden-author');
    const thread = e2e.server.trame.db.data.commentThreads[0];
    expect(thread?.comments[0]?.hidden?.reason).toBe('Hors sujet pour cette section');
  });

  it('lets a partner (read-only text) comment the contract, and a member comment an action sheet’s goals', async () => {
    const partner = await e2e.open(demoAccount('partner'));
    await selectInContract(partner.page, 'dernières années');
    await partner.page.locator('trame-contract-editor .comment-margin__compose').click();
    const composer = partner.page.locator('.comment-composer');
    await composer.locator('textarea').fill('Quelles années exactement ?');
    await composer.locator('button[type="submit"]').click();
    await partner.page.locator('trame-contract-editor .comment-mark', { hasText: 'dernières années' }).waitFor({ timeout: 3000 });

    const goals = await e2e.server.trame.rooms.withDocument(`${demoWorkspaceId}.contract`, (doc) => {
      const fragment = sheetRichText(doc, 'fiche-2-1', 'goals');
      return fragment === undefined ? '' : textBetween(layoutOf(fragment), 0, layoutOf(fragment).size);
    });
    const words = goals.split(/\s+/).slice(0, 3).join(' ');
    expect(words.length).toBeGreaterThan(3);
    const member = await e2e.open(sophie);
    await member.page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/fiches/fiche-2-1`);
    const field = 'trame-sheet-rich-text[field="goals"] .ProseMirror';
    await member.page.locator(field).waitFor({ timeout: 10_000 });
    await member.page.locator(`${field}`, { hasText: words }).waitFor({ timeout: 10_000 });
    await selectInContract(member.page, words, field);
    await member.page.keyboard.press('Control+Alt+KeyM');
    const sheetComposer = member.page.locator('trame-sheet-rich-text[field="goals"] .comment-composer');
    await sheetComposer.locator('textarea').fill('Objectif à chiffrer.');
    await sheetComposer.locator('button[type="submit"]').click();
    await member.page.locator('trame-sheet-rich-text[field="goals"] .comment-mark', { hasText: words }).waitFor({ timeout: 3000 });
    await screenshot(member.page, 'comments-sheet');
    // On the comments page, the axis filter finds it under axis 2.
    await member.page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/commentaires`);
    const list = member.page.locator('trame-comments-page .comments-page__list trame-comment-thread');
    await list.first().waitFor({ timeout: 5000 });
    await member.page.locator('#comments-axis').selectOption('axe-2');
    await expect.poll(() => list.count()).toBe(1);
    expect(await list.first().locator('.comment-thread__quote').textContent()).toBe(words);
  });

  it('lists threads on the comments page, with filters and a link to the passage', async () => {
    const a = await e2e.open(sophie);
    await a.page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/commentaires`);
    const list = a.page.locator('trame-comments-page .comments-page__list trame-comment-thread');
    await list.first().waitFor({ timeout: 5000 });
    const first = list.filter({ has: a.page.locator('.comment-thread__quote', { hasText: passage }) });
    expect(await first.count()).toBe(1);
    await a.page.locator('#comments-status').selectOption('resolved');
    await expect.poll(() => list.count()).toBe(0);
    await a.page.locator('#comments-status').selectOption('open');
    await a.page.locator('#comments-axis').selectOption('axe-1');
    await expect.poll(() => list.count()).toBe(0);
    await a.page.locator('#comments-axis').selectOption('contract');
    await expect.poll(() => list.count()).toBe(2);
    await screenshot(a.page, 'comments-page');
    await first.locator('.comment-thread__where a').click();
    await a.page.locator('trame-contract-editor .comment-mark--active').waitFor({ timeout: 5000 });

    // Deleting a commented passage keeps its thread, « sur un passage supprimé », with its quote.
    await selectInContract(a.page, 'dernières années');
    await a.page.keyboard.press('Backspace');
    const orphan = a.page.locator('trame-contract-editor .comment-margin__deleted trame-comment-thread');
    await orphan.waitFor({ timeout: 3000 });
    expect(await orphan.locator('.comment-badge--deleted').textContent()).toBe('sur un passage supprimé');
    expect(await orphan.locator('.comment-thread__quote').textContent()).toBe('dernières années');
    await screenshot(a.page, 'comments-deleted-passage');

    // A notification's link lands on its thread in the list.
    const threadId = e2e.server.trame.db.data.commentThreads[0]?.id ?? '';
    await a.page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/commentaires#fil-${threadId}`);
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe(`fil-${threadId}`);
    const listed = a.page.locator(`#fil-${threadId}`);
    expect(await listed.locator('.comment-thread__quote').textContent()).toBe(passage);
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
      // French at both widths, English at desktop width: English on a phone lays out as French does.
      if (locale === 'en' && viewport.width === 360) continue;
      it(`passes axe-core on the contract with comments and on the comments page (${locale}, ${viewport.width} px)`, async () => {
        const context = await e2e.browser.newContext({ viewport, bypassCSP: true }); // CSP forbids injecting axe
        e2e.closeAfterwards(context);
        if (locale === 'en') await context.addInitScript(() => localStorage.setItem('trame:locale', 'en'));
        const page = await context.newPage();
        await page.goto(e2e.contractUrl());
        await signInThroughPage(page, karim);
        await waitForContract(page);
        await marks(page).first().waitFor({ timeout: 5000 });
        // With a thread open (replies, moderation) and the composer showing.
        await page.locator('trame-contract-editor .comment-thread__open').first().click();
        await selectInContract(page, 'co-construire');
        await page.keyboard.press('Control+Alt+KeyM');
        await page.locator('.comment-composer').waitFor();
        const tag = `${locale}-${viewport.width}`;
        await screenshot(page, `comments-contract-${tag}`);
        const onContract = await findAccessibilityViolations(page);
        expect(onContract, describeViolations(onContract)).toEqual([]);

        await page.goto(`${e2e.server.url}/w/${demoWorkspaceId}/commentaires`);
        await page.locator('trame-comments-page .comments-page__list trame-comment-thread').first().waitFor({ timeout: 5000 });
        await screenshot(page, `comments-page-${tag}`);
        const onPage = await findAccessibilityViolations(page);
        expect(onPage, describeViolations(onPage)).toEqual([]);
      });
    }
  }
});
