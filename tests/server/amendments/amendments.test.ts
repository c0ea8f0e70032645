/**
 * Amendments over the real API and the real y-websocket endpoint: states and who may do what,
 * acceptance applied once in one transaction (a Yjs client sees it), undoing it, rejection with a
 * reason, a deleted sheet, and conflicts with changes made since the proposal.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftFragment } from '../../../shared/amendments/draft';
import { contractFragment, locateTarget } from '../../../shared/amendments/target';
import { removeSheet } from '../../../shared/programme/edit';
import { sheetTitleText } from '../../../shared/programme/edit';
import type { Amendment } from '../../../shared/schemas/amendments';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { expectProblem } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';
import { api, contractName, editContractSection, getAmendment, post, proposeOnSection, rewriteBlock, targetTexts } from './amendment-helpers';

describe('amendments', () => {
  let server: TestServer;
  let member: TestSession;
  let coordinator: TestSession;
  let facilitator: TestSession;

  beforeEach(async () => {
    server = await startTestServer({ seedDemo: true });
    [member, coordinator, facilitator] = await Promise.all([signInAs(server.url, 'member'), signInAs(server.url, 'coordinator'), signInAs(server.url, 'facilitator')]);
  });
  afterEach(async () => {
    await server.destroy();
  });

  /** Writes the amendment's draft as a signatory would, through y-websocket. */
  async function writeDraft(amendment: Amendment, as: TestSession, index: number, text: string): Promise<void> {
    const client = connectClient(server.wsUrl, amendment.draftDocument, as.token);
    await whenSynced(client);
    rewriteBlock(draftFragment(client.doc), index, text);
    await waitFor(() => server.trame.rooms.openRooms.get(amendment.draftDocument)?.doc.getXmlFragment('contract').toString().includes(text) === true, 3000, 'the draft edit to reach the server');
    disconnectAll(client);
  }

  it('copies the section into its own draft, registers it, and numbers amendments per workspace', async () => {
    const first = await proposeOnSection(server, member);
    expect(first).toMatchObject({ number: 1, state: 'draft', target: { kind: 'section', heading: 'La mise en œuvre du Contrat Sectoriel' }, authors: [{ role: 'author', structureId: 'scop-menuiserie-de-la-bresse' }] });
    expect(first.base).toEqual(await targetTexts(server, first.target));
    expect(first.base[0]).toMatch(/^La CRESS Rhône-Alpes assure la maîtrise d’ouvrage/);
    expect(server.trame.db.data.documents.find((d) => d.name === first.draftDocument)).toMatchObject({ kind: 'amendment', workspaceId: demoWorkspaceId });
    const client = connectClient(server.wsUrl, first.draftDocument, member.token);
    await whenSynced(client);
    expect(draftFragment(client.doc).toArray()).toHaveLength(first.base.length);
    disconnectAll(client);
    const second = await proposeOnSection(server, coordinator, 'Un diagnostic partagé');
    expect(second.number).toBe(2);
    const list = (await (await fetchAs(member, server.url, api)).json()) as Amendment[];
    expect(list.map((a) => a.number)).toEqual([2, 1]);
  });

  it('refuses proposals from partners, bad input and unknown targets with French messages', async () => {
    const partner = await signInAs(server.url, 'partner');
    await expectProblem(await post(server, partner, '', { title: 'x', motive: '', target: { kind: 'new-sheet', axisId: 'axe-1' } }), 403, 'Votre rôle ne permet pas de proposer des amendements.');
    const invalid = await post(server, member, '', { title: '  ', motive: '', target: { kind: 'new-sheet', axisId: 'axe-1' } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { fields: Record<string, string> }).fields['title']).toBe('Donnez un titre à l’amendement.');
    await expectProblem(await post(server, member, '', { title: 'x', motive: '', target: { kind: 'sheet-field', sheetId: 'nope', field: 'goals' } }), 404, 'La fiche visée a été supprimée : cet amendement ne peut plus s’appliquer.');
    await expectProblem(await post(server, member, '', { title: 'x', motive: '', target: { kind: 'section', blockIndex: 0, heading: 'Section imaginaire' } }), 404);
  });

  it('lets another structure co-sign and edit, refuses the same structure, and lets only the author withdraw', async () => {
    const amendment = await proposeOnSection(server, member);
    expect((await post(server, member, `/${amendment.id}/cosign`)).status).toBe(409);
    const cosigned = await post(server, coordinator, `/${amendment.id}/cosign`);
    expect(cosigned.status).toBe(200);
    expect(((await cosigned.json()) as Amendment).authors.map((a) => [a.role, a.structureId])).toEqual([
      ['author', 'scop-menuiserie-de-la-bresse'],
      ['cosigner', 'cress-rhone-alpes'],
    ]);
    // The facilitator belongs to the CRESS, which already co-signs.
    await expectProblem(await post(server, facilitator, `/${amendment.id}/cosign`), 409, 'Votre structure signe déjà cet amendement : la cosignature vient d’une autre structure.');
    await writeDraft(amendment, coordinator, 0, 'Texte réécrit par la coordination.');
    await expectProblem(await post(server, coordinator, `/${amendment.id}/withdraw`), 403, 'Seul·e l’auteur·e de l’amendement peut le retirer.');
    const withdrawn = await post(server, member, `/${amendment.id}/withdraw`);
    expect(((await withdrawn.json()) as Amendment).state).toBe('withdrawn');
    await expectProblem(await post(server, member, `/${amendment.id}/submit`), 409);
  });

  it('accepts once, in one transaction a Yjs client sees, credits the authors, and can undo it while untouched', async () => {
    const amendment = await proposeOnSection(server, member);
    await post(server, coordinator, `/${amendment.id}/cosign`);
    await writeDraft(amendment, member, 0, 'La CRESS coordonne le Contrat avec les réseaux.');
    await expectProblem(await post(server, facilitator, `/${amendment.id}/accept`), 409, 'Cet amendement est encore un brouillon : ses auteurs doivent d’abord le déposer.');
    expect((await post(server, member, `/${amendment.id}/submit`)).status).toBe(200);
    await expectProblem(await post(server, member, `/${amendment.id}/accept`), 403);

    const watcher = connectClient(server.wsUrl, contractName, (await signInAs(server.url, 'observer')).token);
    await whenSynced(watcher);
    let updates = 0;
    watcher.doc.on('update', () => updates++);
    const [one, two] = await Promise.all([post(server, facilitator, `/${amendment.id}/accept`), post(server, facilitator, `/${amendment.id}/accept`)]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const accepted = (await (one.status === 200 ? one : two).json()) as Amendment;
    expect(accepted).toMatchObject({ state: 'accepted', decision: { outcome: 'accepted', byName: 'Karim Benali', merge: 'unchanged' } });
    await waitFor(() => contractFragment(watcher.doc).toString().includes('La CRESS coordonne le Contrat avec les réseaux.'), 3000, 'the accepted text to reach a Yjs client');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(updates).toBe(1);
    const seen = locateTarget(watcher.doc, accepted.target);
    expect(seen.ok && seen.target.blocks.length).toBe(1);
    disconnectAll(watcher);

    await server.stop();
    const audit = (await readFile(join(server.dataDir, 'audit.jsonl'), 'utf8')).split('\n').filter((line) => line.includes('amendments.accepted'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatch(/Amendement n° 1 accepté — auteurs : Sophie Lambert \(SCOP Menuiserie de la Bresse\), Hélène Garnier \(CRESS Rhône-Alpes\)/i);
    const notified = server.trame.db.data.notifications.filter((n) => n.kind === 'amendment-decided').map((n) => n.recipientId);
    expect(notified.sort()).toEqual([member.personId, coordinator.personId].sort());
  });

  it('undoes an acceptance in one click while the passage is untouched, and explains why not after an edit', async () => {
    const amendment = await proposeOnSection(server, member);
    const original = await targetTexts(server, amendment.target);
    await writeDraft(amendment, member, 0, 'Nouvelle rédaction.');
    await post(server, member, `/${amendment.id}/submit`);
    await post(server, facilitator, `/${amendment.id}/accept`);
    expect(await targetTexts(server, amendment.target)).toEqual(['Nouvelle rédaction.']);
    expect((await getAmendment(server, facilitator, amendment.id)).revertible).toEqual({ ok: true, reason: null });
    const reverted = await post(server, coordinator, `/${amendment.id}/revert`);
    expect(reverted.status).toBe(200);
    expect(((await reverted.json()) as Amendment).state).toBe('discussion');
    expect(await targetTexts(server, amendment.target)).toEqual(original);

    // Accepted again, then edited by someone: undoing would erase that edit, so it is refused.
    await post(server, facilitator, `/${amendment.id}/accept`);
    await editContractSection(server, amendment.target, 0, 'Nouvelle rédaction, retouchée.');
    const view = await getAmendment(server, facilitator, amendment.id);
    expect(view.revertible?.ok).toBe(false);
    await expectProblem(await post(server, coordinator, `/${amendment.id}/revert`), 409, 'Le passage a été modifié depuis l’acceptation : annuler l’application effacerait ces modifications. Rédigez plutôt un nouvel amendement.');
    expect(await targetTexts(server, amendment.target)).toEqual(['Nouvelle rédaction, retouchée.']);
  });

  it('finds the section by its anchor after the heading is renamed, and rebases onto disjoint changes', async () => {
    const amendment = await proposeOnSection(server, member, 'Un diagnostic partagé');
    await server.trame.rooms.withDocument(contractName, (doc) => {
      const located = locateTarget(doc, amendment.target);
      if (!located.ok) throw new Error('missing');
      const heading = contractFragment(doc).get(located.target.from - 1) as Y.XmlElement;
      (heading.get(0) as Y.XmlText).insert(0, 'Pour ');
    });
    await writeDraft(amendment, member, 0, 'Premier paragraphe amendé.');
    await editContractSection(server, amendment.target, 3, 'Quatrième bloc changé depuis.');
    await post(server, member, `/${amendment.id}/submit`);
    const accepted = await post(server, facilitator, `/${amendment.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as Amendment).decision?.merge).toBe('rebased');
    const texts = await targetTexts(server, amendment.target);
    expect(texts?.[0]).toBe('Premier paragraphe amendé.');
    expect(texts?.[3]).toBe('Quatrième bloc changé depuis.');
    expect(texts).toHaveLength(5);
  });

  it('refuses a conflicting acceptance, and accepts once the author takes up the current text', async () => {
    const amendment = await proposeOnSection(server, member);
    await writeDraft(amendment, member, 0, 'Version de l’amendement.');
    await editContractSection(server, amendment.target, 0, 'Version écrite depuis dans le contrat.');
    await post(server, member, `/${amendment.id}/submit`);
    const refused = await post(server, facilitator, `/${amendment.id}/accept`);
    expect(refused.status).toBe(409);
    expect(await targetTexts(server, amendment.target)).toEqual(['Version écrite depuis dans le contrat.']);
    const rebased = (await (await post(server, member, `/${amendment.id}/rebase`)).json()) as Amendment;
    expect(rebased.base).toEqual(['Version écrite depuis dans le contrat.']);
    expect(rebased.history.at(-1)).toMatchObject({ event: 'rebased', note: 'Version de l’amendement.' });
    await writeDraft(amendment, member, 0, 'Version finale, reprise sur le texte actuel.');
    expect((await post(server, facilitator, `/${amendment.id}/accept`)).status).toBe(200);
    expect(await targetTexts(server, amendment.target)).toEqual(['Version finale, reprise sur le texte actuel.']);
  });

  it('requires a reason to reject, and tells the authors', async () => {
    const amendment = await proposeOnSection(server, member);
    await post(server, member, `/${amendment.id}/submit`);
    expect((await post(server, coordinator, `/${amendment.id}/discuss`)).status).toBe(200);
    const missing = await post(server, facilitator, `/${amendment.id}/reject`, { reason: '   ' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { fields: Record<string, string> }).fields['reason']).toBe('Donnez la raison du rejet : elle est communiquée aux auteurs.');
    const rejected = (await (await post(server, facilitator, `/${amendment.id}/reject`, { reason: 'Hors du champ du contrat.' })).json()) as Amendment;
    expect(rejected).toMatchObject({ state: 'rejected', decision: { outcome: 'rejected', reason: 'Hors du champ du contrat.' } });
    expect(server.trame.db.data.notifications.find((n) => n.kind === 'amendment-decided' && n.recipientId === member.personId)?.title).toContain('Hors du champ du contrat.');
    await expectProblem(await post(server, facilitator, `/${amendment.id}/accept`), 409);
  });

  it('notifies the deciders and the lead structure when an amendment on a sheet is submitted', async () => {
    const response = await post(server, coordinator, '', { title: 'Objectifs', motive: '', target: { kind: 'sheet-field', sheetId: 'fiche-2-1', field: 'goals' } });
    const amendment = (await response.json()) as Amendment;
    await post(server, coordinator, `/${amendment.id}/submit`);
    const recipients = server.trame.db.data.notifications.filter((n) => n.kind === 'amendment-proposed').map((n) => n.recipientId);
    expect(recipients).toContain(member.personId);
    expect(recipients).toContain(facilitator.personId);
    expect(recipients).not.toContain(coordinator.personId);
  });

  it('refuses to apply an amendment on a deleted sheet with a clear message', async () => {
    const amendment = (await (await post(server, member, '', { title: 'Objectifs', motive: '', target: { kind: 'sheet-field', sheetId: 'fiche-2-1', field: 'goals' } })).json()) as Amendment;
    await writeDraft(amendment, member, 0, 'Objectif amendé.');
    await post(server, member, `/${amendment.id}/submit`);
    await server.trame.rooms.withDocument(contractName, (doc) => removeSheet(doc, 'fiche-2-1'));
    await expectProblem(await post(server, facilitator, `/${amendment.id}/accept`), 409, 'La fiche visée a été supprimée : cet amendement ne peut plus s’appliquer.');
  });

  it('creates a new sheet in its axis, and removes it again on undo', async () => {
    const amendment = (await (await post(server, member, '', { title: 'Une nouvelle action', motive: 'Manquait.', target: { kind: 'new-sheet', axisId: 'axe-3' } })).json()) as Amendment;
    await writeDraft(amendment, member, 0, 'Description de la nouvelle action.');
    await post(server, member, `/${amendment.id}/submit`);
    const accepted = (await (await post(server, facilitator, `/${amendment.id}/accept`)).json()) as Amendment;
    const sheetId = accepted.decision?.applied?.sheetId;
    expect(sheetId).toBeTruthy();
    const title = await server.trame.rooms.withDocument(contractName, (doc) => sheetTitleText(doc, sheetId!)?.toString());
    expect(title).toBe('Une nouvelle action');
    expect((await post(server, facilitator, `/${amendment.id}/revert`)).status).toBe(200);
    expect(await server.trame.rooms.withDocument(contractName, (doc) => sheetTitleText(doc, sheetId!))).toBeUndefined();
  });
});
