/**
 * Authorship over the real y-websocket endpoint and REST API: two people of different structures
 * type in the contract with standard clients; the server records their client ids, and the
 * authorship route counts each structure's characters exactly. A read-only person's refused
 * updates credit nobody. An accepted amendment's text is credited to its first author, not to
 * who accepted it. Credits reach the metadata file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftFragment } from '../../../shared/amendments/draft';
import { contractFragment } from '../../../shared/amendments/target';
import { contractFragmentName } from '../../../shared/document-names';
import type { Amendment } from '../../../shared/schemas/amendments';
import type { ClientAuthor } from '../../../shared/schemas/versions';
import { charactersByClient, type AuthorshipView } from '../../../shared/versions/authorship';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { expectProblem } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, countPermissionDenials, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';
import { contractName, post, proposeOnSection, rewriteBlock } from '../amendments/amendment-helpers';

const authorshipPath = (versionId: string): string => `/api/workspaces/${demoWorkspaceId}/versions/${versionId}/authorship`;

/** Appends a paragraph holding `text` at the end of a client's contract, typed in a few keystrokes. */
function typeParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment(contractFragmentName);
  const paragraph = new Y.XmlElement('paragraph');
  const node = new Y.XmlText();
  paragraph.insert(0, [node]);
  fragment.insert(fragment.length, [paragraph]);
  for (let i = 0; i < text.length; i += 5) node.insert(i, text.slice(i, i + 5));
}

const serverHas = (server: TestServer, text: string): boolean => server.trame.rooms.openRooms.get(contractName)?.doc.getXmlFragment(contractFragmentName).toString().includes(text) === true;

async function authorship(server: TestServer, as: TestSession, versionId = 'live'): Promise<AuthorshipView> {
  const response = await fetchAs(as, server.url, authorshipPath(versionId));
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AuthorshipView;
}

describe('authorship of the contract', () => {
  let server: TestServer;
  let member: TestSession;
  let coordinator: TestSession;

  beforeEach(async () => {
    server = await startTestServer({ seedDemo: true });
    [member, coordinator] = await Promise.all([signInAs(server.url, 'member'), signInAs(server.url, 'coordinator')]);
  });
  afterEach(async () => {
    await server.destroy();
  });

  it('credits each client id to who typed with it, counts each structure’s characters, and credits nobody for refused updates', async () => {
    const observer = await signInAs(server.url, 'observer');
    const sophie = connectClient(server.wsUrl, contractName, member.token);
    const helene = connectClient(server.wsUrl, contractName, coordinator.token);
    const lucie = connectClient(server.wsUrl, contractName, observer.token);
    await Promise.all([whenSynced(sophie), whenSynced(helene), whenSynced(lucie)]);
    const denials = countPermissionDenials(lucie);

    const before = await authorship(server, member);
    expect(before.authors).toEqual([]);
    expect(before.unknownCharacters).toBe(before.totalCharacters); // the seed was written by Trame itself
    expect(before.totalCharacters).toBeGreaterThan(1000);

    const sophieText = 'La SCOP propose des chantiers école dans la Bresse.';
    const heleneText = 'La CRESS anime le réseau régional.';
    typeParagraph(sophie.doc, sophieText);
    typeParagraph(helene.doc, heleneText);
    typeParagraph(lucie.doc, 'Texte que l’observatrice ne peut pas écrire.');
    // Sophie also deletes two of Hélène's characters once they arrive: deleted characters count for nobody.
    await waitFor(() => contractFragment(sophie.doc).toString().includes(heleneText), 3000, 'Hélène’s text to reach Sophie');
    const heleneNode = contractFragment(sophie.doc)
      .toArray()
      .map((block) => (block as Y.XmlElement).get(0))
      .find((node) => node instanceof Y.XmlText && node.toString() === heleneText) as Y.XmlText;
    heleneNode.delete(heleneText.length - 2, 2);
    await waitFor(() => serverHas(server, sophieText) && serverHas(server, heleneText.slice(0, -2)) && !serverHas(server, heleneText), 3000, 'both texts to reach the server');
    await waitFor(() => denials.count > 0, 3000, 'the observer to be told the connection is read-only');

    const view = await authorship(server, member);
    expect(view.authors.map((a) => [a.clientId, a.personName, a.structureId, a.characters]).sort()).toEqual(
      [
        [sophie.doc.clientID, 'Sophie Lambert', 'scop-menuiserie-de-la-bresse', sophieText.length],
        [helene.doc.clientID, 'Hélène Garnier', 'cress-rhone-alpes', heleneText.length - 2],
      ].sort(),
    );
    expect(view.structures).toEqual([
      { structureId: 'scop-menuiserie-de-la-bresse', structureName: 'SCOP Menuiserie de la Bresse', colour: expect.stringMatching(/^#[0-9a-f]{6}$/), characters: sophieText.length },
      { structureId: 'cress-rhone-alpes', structureName: 'CRESS Rhône-Alpes', colour: expect.stringMatching(/^#[0-9a-f]{6}$/), characters: heleneText.length - 2 },
    ]);
    // Their own colours collide in the demo (12 colours): this view tells them apart.
    expect(view.structures[0]!.colour).not.toBe(view.structures[1]!.colour);
    for (const author of view.authors) expect(author.colour).toBe(view.structures.find((s) => s.structureId === author.structureId)?.colour);
    expect(view.people.map((p) => [p.personName, p.characters])).toEqual([
      ['Sophie Lambert', sophieText.length],
      ['Hélène Garnier', heleneText.length - 2],
    ]);
    expect(view.unknownCharacters).toBe(before.unknownCharacters);
    expect(view.totalCharacters).toBe(before.totalCharacters + sophieText.length + heleneText.length - 2);
    const scop = view.contributors.structures.find((c) => c.structureId === 'scop-menuiserie-de-la-bresse');
    expect(scop?.writtenCharacters).toBe(sophieText.length);
    expect(scop?.networkName).not.toBe('');

    // The observer's refused updates credited nobody, in memory or on disk.
    const credited = server.trame.db.data.clientAuthors.filter((a) => a.document === contractName);
    expect(credited.map((a) => a.personId).sort()).toEqual([member.personId, coordinator.personId].sort());
    expect(credited.some((a) => a.clientId === lucie.doc.clientID)).toBe(false);
    disconnectAll(sophie, helene, lucie);
    await server.stop();
    const stored = JSON.parse(await readFile(join(server.dataDir, 'trame.json'), 'utf8')) as { clientAuthors: ClientAuthor[] };
    expect(stored.clientAuthors.map((a) => [a.clientId, a.personId, a.structureId]).sort()).toEqual(
      [
        [sophie.doc.clientID, member.personId, 'scop-menuiserie-de-la-bresse'],
        [helene.doc.clientID, coordinator.personId, 'cress-rhone-alpes'],
      ].sort(),
    );
  });

  it('credits an accepted amendment’s text to its first author, not to who accepted it', async () => {
    const amendment = await proposeOnSection(server, member);
    await post(server, coordinator, `/${amendment.id}/cosign`);
    const text = 'La CRESS coordonne le Contrat avec les réseaux.';
    const draft = connectClient(server.wsUrl, amendment.draftDocument, member.token);
    await whenSynced(draft);
    rewriteBlock(draftFragment(draft.doc), 0, text);
    await waitFor(() => server.trame.rooms.openRooms.get(amendment.draftDocument)?.doc.getXmlFragment('contract').toString().includes(text) === true, 3000, 'the draft edit');
    disconnectAll(draft);
    expect((await post(server, member, `/${amendment.id}/submit`)).status).toBe(200);
    const facilitator = await signInAs(server.url, 'facilitator');
    const accepted = await post(server, facilitator, `/${amendment.id}/accept`);
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect(((await accepted.json()) as Amendment).state).toBe('accepted');

    // Writing in a draft credits nobody in the contract; the acceptance credits the first author.
    const credited = server.trame.db.data.clientAuthors.filter((a) => a.document === contractName);
    expect(credited.map((a) => [a.personId, a.structureId])).toEqual([[member.personId, 'scop-menuiserie-de-la-bresse']]);
    const clientId = credited[0]!.clientId;
    const live = await server.trame.rooms.withDocument(contractName, (doc) => ({ characters: charactersByClient(doc).get(clientId), serverClient: doc.clientID, hasClient: doc.store.clients.has(clientId) }));
    expect(live.characters).toBe(text.length);
    expect(live.serverClient).not.toBe(clientId); // the room's own client id was put back

    const view = await authorship(server, facilitator);
    expect(view.people).toEqual([{ personId: member.personId, personName: 'Sophie Lambert', structureId: 'scop-menuiserie-de-la-bresse', structureName: 'SCOP Menuiserie de la Bresse', colour: expect.any(String), characters: text.length }]);
    const scop = view.contributors.structures.find((c) => c.structureId === 'scop-menuiserie-de-la-bresse');
    expect(scop).toMatchObject({ writtenCharacters: text.length, amendments: 1 });
    expect(view.contributors.structures.find((c) => c.structureId === 'cress-rhone-alpes')).toMatchObject({ writtenCharacters: 0, amendments: 1 });
  });

  it('answers a stored version’s authorship and refuses unknown versions and people outside the workspace', async () => {
    const sophie = connectClient(server.wsUrl, contractName, member.token);
    await whenSynced(sophie);
    typeParagraph(sophie.doc, 'Avant la version.');
    await waitFor(() => serverHas(server, 'Avant la version.'), 3000, 'the text to reach the server');
    const created = await fetchAs(coordinator, server.url, `/api/workspaces/${demoWorkspaceId}/versions`, { method: 'POST', body: JSON.stringify({ name: 'Version du comité' }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    typeParagraph(sophie.doc, 'Après la version.');
    await waitFor(() => serverHas(server, 'Après la version.'), 3000, 'the text to reach the server');

    const version = await authorship(server, coordinator, id);
    expect(version.versionId).toBe(id);
    expect(version.structures).toEqual([expect.objectContaining({ structureId: 'scop-menuiserie-de-la-bresse', characters: 'Avant la version.'.length })]);
    const live = await authorship(server, coordinator);
    expect(live.structures).toEqual([expect.objectContaining({ structureId: 'scop-menuiserie-de-la-bresse', characters: 'Avant la version.'.length + 'Après la version.'.length })]);
    disconnectAll(sophie);

    await expectProblem(await fetchAs(coordinator, server.url, authorshipPath('inconnue')), 404, 'Cette version n’existe pas.');
    await expectProblem(await fetchAs(coordinator, server.url, authorshipPath('Pas_Valide')), 404, 'Cette version n’existe pas.');
    const observer = await signInAs(server.url, 'observer');
    expect((await fetchAs(observer, server.url, authorshipPath('live'))).status).toBe(403);
    expect((await fetch(`${server.url}${authorshipPath('live')}`)).status).toBe(401);
  });
});
