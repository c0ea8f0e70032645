/**
 * Versions over the real API and the real y-websocket endpoint: naming one (immutable, readable
 * back), adopting one (the contract is frozen on every channel until a new draft), opening a new
 * draft from an older version (its content comes back, the text just before stays in the
 * history), the automatic checkpoints, and everything surviving a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockText } from '../../../shared/amendments/blocks';
import { frozenTitle } from '../../../shared/permissions';
import { sheetTitleText } from '../../../shared/programme/edit';
import type { VersionsView, VersionView } from '../../../shared/schemas/versions';
import type { WorkspaceView } from '../../../shared/schemas/workspace';
import { demoEnvelope } from '../../../server/demo/demo-contract';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { expectProblem } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, countPermissionDenials, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';
import { post as postAmendment, proposeOnSection } from '../amendments/amendment-helpers';

const api = `/api/workspaces/${demoWorkspaceId}`;
const contractName = `${demoWorkspaceId}.contract`;

function firstBlockText(doc: Y.Doc): string {
  const first = doc.getXmlFragment('contract').get(0);
  return first instanceof Y.XmlElement ? blockText(first) : '';
}

/** Replaces the text of the contract's first block (as a person typing would, in one change). */
function rewriteFirstBlock(doc: Y.Doc, text: string): void {
  const first = doc.getXmlFragment('contract').get(0) as Y.XmlElement;
  const inner = first.get(0) as Y.XmlText;
  doc.transact(() => {
    inner.delete(0, inner.length);
    inner.insert(0, text);
  });
}

describe('versions', () => {
  let server: TestServer;
  let coordinator: TestSession;
  let member: TestSession;

  const send = (as: TestSession, path: string, method: string, body?: unknown): Promise<Response> =>
    fetchAs(as, server.url, `${api}${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body) });
  const list = async (as: TestSession = coordinator): Promise<VersionsView> => (await (await send(as, '/versions', 'GET')).json()) as VersionsView;
  const liveDoc = (): Y.Doc => server.trame.rooms.openRooms.get(contractName)!.doc;
  const stateOf = async (versionId: string): Promise<Y.Doc> => {
    const response = await send(coordinator, `/versions/${versionId}/state`, 'GET');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/octet-stream/);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, new Uint8Array(await response.arrayBuffer()));
    return doc;
  };

  beforeEach(async () => {
    server = await startTestServer({ seedDemo: true, checkpointIntervalMs: 60 * 60 * 1000 });
    [coordinator, member] = await Promise.all([signInAs(server.url, 'coordinator'), signInAs(server.url, 'member')]);
  });
  afterEach(async () => {
    await server.destroy();
  });

  it('names a version that stays as it was while the live text moves on, for the coordination only', async () => {
    const client = connectClient(server.wsUrl, contractName, member.token);
    await whenSynced(client);
    const original = firstBlockText(client.doc);

    const created = await send(coordinator, '/versions', 'POST', { name: 'Soumise au comité de pilotage du 14 mars', comment: 'Avant les amendements' });
    expect(created.status, await created.clone().text()).toBe(201);
    const version = (await created.json()) as VersionView;
    expect(version).toMatchObject({ kind: 'named', name: 'Soumise au comité de pilotage du 14 mars', comment: 'Avant les amendements', createdBy: coordinator.personId, isFreezing: false, publication: null });
    expect(version).not.toHaveProperty('stateDocument');

    rewriteFirstBlock(client.doc, 'Un titre réécrit après la version');
    await waitFor(() => firstBlockText(liveDoc()) === 'Un titre réécrit après la version', 3000, 'the edit to reach the server');

    expect(firstBlockText(await stateOf(version.id))).toBe(original);
    expect(firstBlockText(await stateOf('live'))).toBe('Un titre réécrit après la version');
    expect((await list(member)).versions.map((v) => v.name)).toEqual(['Soumise au comité de pilotage du 14 mars']);

    await expectProblem(await send(member, '/versions', 'POST', { name: 'Ma version' }), 403, 'Seule la coordination peut nommer, adopter ou rouvrir une version.');
    const observer = await signInAs(server.url, 'observer');
    await expectProblem(await send(observer, '/versions', 'GET'), 403);
    const invalid = await send(coordinator, '/versions', 'POST', { name: '   ' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { fields: Record<string, string> }).fields['name']).toBe('Donnez un nom à la version.');
    await expectProblem(await send(coordinator, '/versions/inconnue/state', 'GET'), 404, 'Cette version n’existe pas.');
    await expectProblem(await send(coordinator, '/versions/..%2F..%2Fetc/state', 'GET'), 404);
    disconnectAll(client);
  });

  it('freezes the contract on every channel once a version is adopted, until the coordination opens a new draft', async () => {
    expect((await send(coordinator, '/envelope', 'PUT', demoEnvelope)).status).toBe(200);
    const amendment = await proposeOnSection(server, member);
    const adopted = await send(coordinator, '/versions', 'POST', { name: 'Version adoptée', adopt: true });
    expect(adopted.status, await adopted.clone().text()).toBe(201);
    const version = (await adopted.json()) as VersionView;
    expect(version).toMatchObject({ kind: 'adopted', isFreezing: true });
    const view = (await (await send(member, '', 'GET')).json()) as WorkspaceView;
    expect(view.freeze).toMatchObject({ versionId: version.id, frozenBy: coordinator.personId });
    expect(view.adoption).toMatchObject({ adoptedBy: coordinator.personId });

    // y-websocket: writers (even the coordination) get a read-only connection; nothing reaches the document.
    for (const person of [member, coordinator]) {
      const client = connectClient(server.wsUrl, contractName, person.token);
      const denials = countPermissionDenials(client);
      await whenSynced(client);
      rewriteFirstBlock(client.doc, `Écrit pendant le gel par ${person.email}`);
      await waitFor(() => denials.count > 0, 3000, 'the permission denial');
      expect(firstBlockText(liveDoc())).not.toContain('pendant le gel');
      disconnectAll(client);
    }
    // REST: the envelope, an amendment's acceptance, a second adoption.
    await expectProblem(await send(coordinator, '/envelope', 'PUT', demoEnvelope), 409, frozenTitle);
    await expectProblem(await postAmendment(server, coordinator, `/${amendment.id}/accept`), 409, frozenTitle);
    await expectProblem(await send(coordinator, '/versions', 'POST', { name: 'Encore', adopt: true }), 409, 'Le programme est déjà adopté : le contrat est figé.');
    await expectProblem(await send(coordinator, '/adoption', 'POST', {}), 409, 'Le programme est déjà adopté : le contrat est figé.');
    // Reading, naming and commenting go on.
    expect((await send(coordinator, '/versions', 'POST', { name: 'Copie pour les services' })).status).toBe(201);

    await expectProblem(await send(member, `/versions/${version.id}/draft`, 'POST'), 403);
    const reopened = await send(coordinator, `/versions/${version.id}/draft`, 'POST');
    expect(reopened.status, await reopened.clone().text()).toBe(200);
    expect(((await reopened.json()) as VersionsView).freeze).toBeNull();
    const client = connectClient(server.wsUrl, contractName, member.token);
    await whenSynced(client);
    rewriteFirstBlock(client.doc, 'De nouveau modifiable');
    await waitFor(() => firstBlockText(liveDoc()) === 'De nouveau modifiable', 3000, 'the edit after the new draft');
    disconnectAll(client);
    expect((await send(coordinator, '/envelope', 'PUT', demoEnvelope)).status).toBe(200);
  });

  it('keeps the envelope a version was taken with: its page, its comparison with now and its exports use it', async () => {
    const named = (await (await send(coordinator, '/versions', 'POST', { name: 'Avec l’enveloppe de départ' })).json()) as VersionView;
    expect(named.envelope).toEqual(demoEnvelope);
    const [first, ...others] = demoEnvelope.shares;
    const larger = { totalCents: demoEnvelope.totalCents + 100_000, shares: [{ ...first!, amountCents: first!.amountCents + 100_000 }, ...others] };
    expect((await send(coordinator, '/envelope', 'PUT', larger)).status).toBe(200);
    expect(((await (await send(coordinator, `/versions/${named.id}`, 'GET')).json()) as VersionView).envelope).toEqual(demoEnvelope);
    const diff = (await (await send(member, `/versions/diff?de=${named.id}&a=live`, 'GET')).json()) as { budget: { envelope: { beforeCents: number; afterCents: number } } };
    expect(diff.budget.envelope).toEqual({ beforeCents: demoEnvelope.totalCents, afterCents: larger.totalCents });
  });

  it('refuses an adoption whose budget does not match the envelope, with its reasons, and freezes nothing', async () => {
    const [first, ...others] = demoEnvelope.shares;
    const larger = { totalCents: demoEnvelope.totalCents + 100, shares: [{ ...first!, amountCents: first!.amountCents + 100 }, ...others] };
    expect((await send(coordinator, '/envelope', 'PUT', larger)).status).toBe(200);
    const refused = await expectProblem(await send(coordinator, '/versions', 'POST', { name: 'Trop tôt', adopt: true }), 409);
    expect(Array.isArray(refused['reasons'])).toBe(true);
    expect((await list()).versions).toHaveLength(0);
    expect(((await (await send(member, '', 'GET')).json()) as WorkspaceView).freeze).toBeNull();
  });

  it('opens a new draft from an older version: its text and sheets come back, the text before it stays in the history', async () => {
    const client = connectClient(server.wsUrl, contractName, member.token);
    await whenSynced(client);
    const original = firstBlockText(client.doc);
    const originalTitle = sheetTitleText(client.doc, 'fiche-2-1')?.toString();
    const first = (await (await send(coordinator, '/versions', 'POST', { name: 'Avant' })).json()) as VersionView;

    rewriteFirstBlock(client.doc, 'Texte à abandonner');
    const title = sheetTitleText(client.doc, 'fiche-2-1')!;
    client.doc.transact(() => {
      title.delete(0, title.length);
      title.insert(0, 'Titre à abandonner');
    });
    await waitFor(() => firstBlockText(liveDoc()) === 'Texte à abandonner' && sheetTitleText(liveDoc(), 'fiche-2-1')?.toString() === 'Titre à abandonner', 3000, 'the edits');

    const secondBlock = liveDoc().getXmlFragment('contract').get(1);
    const restored = await send(coordinator, `/versions/${first.id}/draft`, 'POST');
    expect(restored.status, await restored.clone().text()).toBe(200);
    // The connected client sees the restore as one more change.
    await waitFor(() => firstBlockText(client.doc) === original && sheetTitleText(client.doc, 'fiche-2-1')?.toString() === originalTitle, 3000, 'the restore to reach the client');
    // Untouched blocks kept their identity (comments anchored in them stay put).
    expect(liveDoc().getXmlFragment('contract').get(1)).toBe(secondBlock);
    const versions = (await list()).versions;
    const before = versions.find((version) => version.kind === 'checkpoint' && version.name === 'Avant la restauration de « Avant »');
    expect(before).toBeDefined();
    expect(firstBlockText(await stateOf(before!.id))).toBe('Texte à abandonner');
    // Opening a draft from the same version again changes nothing and takes no new checkpoint.
    expect((await send(coordinator, `/versions/${first.id}/draft`, 'POST')).status).toBe(200);
    expect((await list()).versions.filter((version) => version.kind === 'checkpoint')).toHaveLength(1);
    disconnectAll(client);
  });

  it('takes checkpoints while the contract is edited and when it is unloaded, and keeps everything across a restart', async () => {
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir, checkpointIntervalMs: 300 });
    [coordinator, member] = await Promise.all([signInAs(server.url, 'coordinator'), signInAs(server.url, 'member')]);
    const client = connectClient(server.wsUrl, contractName, member.token);
    await whenSynced(client);
    rewriteFirstBlock(client.doc, 'Première rédaction');
    await waitFor(() => server.trame.db.data.versions.some((version) => version.kind === 'checkpoint'), 5000, 'a checkpoint while editing');
    const checkpoint = (await list()).versions.find((version) => version.kind === 'checkpoint')!;
    expect(checkpoint).toMatchObject({ name: 'Point automatique', createdBy: null, editors: [member.personId] });
    expect(firstBlockText(await stateOf(checkpoint.id))).toBe('Première rédaction');

    rewriteFirstBlock(client.doc, 'Dernière rédaction avant de partir');
    await waitFor(() => firstBlockText(liveDoc()) === 'Dernière rédaction avant de partir', 3000, 'the edit');
    disconnectAll(client);
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    coordinator = await signInAs(server.url, 'coordinator');
    const after = (await list()).versions.filter((version) => version.kind === 'checkpoint');
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(firstBlockText(await stateOf(after[0]!.id))).toBe('Dernière rédaction avant de partir');
  });
});
