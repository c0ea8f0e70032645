/**
 * `GET /api/workspaces/:ws/versions/diff` on a real server: a version named by the coordination,
 * then two people editing the same paragraph and a financing amount at once over y-websocket, a
 * second version; the comparisons version → version and version → now show both edits and the
 * amounts before → after. Bad queries and unknown versions get French problems; observers are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateBudgetLine } from '../../../shared/programme/edit';
import { readProgramme } from '../../../shared/programme/read';
import type { VersionView } from '../../../shared/schemas/versions';
import type { VersionDiff } from '../../../shared/versions/diff';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { expectProblem } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';

const api = `/api/workspaces/${demoWorkspaceId}`;
const contractName = `${demoWorkspaceId}.contract`;

/** Replaces `from` by `to` in the first text node holding it (as someone typing would). */
function replaceWords(doc: Y.Doc, from: string, to: string): void {
  const find = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | undefined => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(from)) return child;
      if (child instanceof Y.XmlElement) {
        const found = find(child);
        if (found !== undefined) return found;
      }
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

describe('GET /versions/diff', () => {
  let server: TestServer;
  let coordinator: TestSession;
  let member: TestSession;
  let facilitator: TestSession;
  let clients: ReturnType<typeof connectClient>[] = [];

  const get = (as: TestSession, path: string): Promise<Response> => fetchAs(as, server.url, `${api}${path}`);
  const diffOf = async (as: TestSession, de: string, a: string): Promise<VersionDiff> => {
    const response = await get(as, `/versions/diff?de=${de}&a=${a}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as VersionDiff;
  };
  const name = async (versionName: string): Promise<VersionView> => {
    const response = await fetchAs(coordinator, server.url, `${api}/versions`, { method: 'POST', body: JSON.stringify({ name: versionName }) });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as VersionView;
  };

  beforeEach(async () => {
    server = await startTestServer({ seedDemo: true, checkpointIntervalMs: 60 * 60 * 1000 });
    [coordinator, member, facilitator] = await Promise.all([signInAs(server.url, 'coordinator'), signInAs(server.url, 'member'), signInAs(server.url, 'facilitator')]);
  });
  afterEach(async () => {
    disconnectAll(...clients);
    clients = [];
    await server.destroy();
  });

  it('shows what two people changed at once since the committee’s version, word by word and amount by amount', async () => {
    const committee = await name('Soumise au comité de pilotage du 14 mars');
    const unchanged = await diffOf(member, committee.id, 'live');
    expect(unchanged.summary.identical).toBe(true);
    expect(unchanged.budget.total).toEqual({ key: 'total', label: '', beforeCents: 3_381_649_100, afterCents: 3_381_649_100, differenceCents: 0 });

    const alice = connectClient(server.wsUrl, contractName, member.token);
    const bob = connectClient(server.wsUrl, contractName, facilitator.token);
    clients = [alice, bob];
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    const line = readProgramme(bob.doc).sheets.get('fiche-2-1')!.budget.find((l) => l.funder === 'État')!;
    // Both edit the same paragraph in the same tick: neither has seen the other's change.
    replaceWords(alice.doc, 'triple rôle', 'double rôle');
    replaceWords(bob.doc, 'comité de pilotage', 'comité de suivi');
    updateBudgetLine(bob.doc, 'fiche-2-1', line.id, { amountCents: line.amountCents! + 12_000_000 });
    const merged = (doc: Y.Doc): boolean => {
      const text = doc.getXmlFragment('contract').toString();
      return text.includes('double rôle') && text.includes('comité de suivi');
    };
    await waitFor(() => merged(alice.doc) && merged(bob.doc) && merged(server.trame.rooms.openRooms.get(contractName)!.doc), 5000, 'both edits to merge');

    const now = await diffOf(member, committee.id, 'live');
    expect(now.summary).toMatchObject({ identical: false, sectionsChanged: 1, sheetsChanged: 1, totalBeforeCents: 3_381_649_100, totalAfterCents: 3_393_649_100, differenceCents: 12_000_000 });
    const section = now.sections.find((s) => s.status === 'changed')!;
    expect(section.after?.heading).toBe('La mise en œuvre du Contrat Sectoriel');
    const runs = section.blocks.flatMap((b) => (b.status === 'skipped' ? [] : b.runs)).filter((r) => r.kind !== 'equal');
    expect(runs).toEqual([
      { kind: 'delete', text: 'triple' },
      { kind: 'insert', text: 'double' },
      { kind: 'delete', text: 'pilotage' },
      { kind: 'insert', text: 'suivi' },
    ]);
    const sheet = now.sheets.find((s) => s.id === 'fiche-2-1')!;
    expect(sheet.changes).toEqual([{ field: 'financing', lines: [{ funder: 'État', year: line.year, beforeCents: line.amountCents, afterCents: line.amountCents! + 12_000_000, differenceCents: 12_000_000 }] }]);
    expect(now.budget.byFunder.find((row) => row.label === 'État')).toMatchObject({ beforeCents: 342_500_000, afterCents: 354_500_000, differenceCents: 12_000_000 });
    // The envelope is the workspace's, on both sides.
    expect(now.budget.envelope).toEqual({ beforeCents: 3_381_649_100, afterCents: 3_381_649_100 });

    // A second named version holds the same changes; `a` defaults to now.
    const second = await name('Après la réunion');
    const between = await diffOf(coordinator, committee.id, second.id);
    expect({ ...between, sections: between.sections.length }).toEqual({ ...now, sections: now.sections.length });
    expect((await diffOf(coordinator, second.id, 'live')).summary.identical).toBe(true);
    const defaulted = await get(coordinator, `/versions/diff?de=${committee.id}`);
    expect(((await defaulted.json()) as VersionDiff).summary.differenceCents).toBe(12_000_000);
    // Backwards: the amounts go down.
    expect((await diffOf(coordinator, second.id, committee.id)).summary.differenceCents).toBe(-12_000_000);
  });

  it('answers French problems for bad queries and unknown versions, and refuses observers', async () => {
    const version = await name('Première');
    await expectProblem(await get(coordinator, '/versions/diff?de=inconnue&a=live'), 404, 'La version de départ n’existe pas.');
    await expectProblem(await get(coordinator, `/versions/diff?de=${version.id}&a=absente`), 404, 'La version d’arrivée n’existe pas.');
    const missing = await expectProblem(await get(coordinator, '/versions/diff'), 400, 'Certains champs sont à corriger.');
    expect(missing['fields']).toEqual({ de: 'Indiquez la version de départ (paramètre « de »).' });
    const invalid = await expectProblem(await get(coordinator, `/versions/diff?de=${encodeURIComponent('../../etc')}&a=live`), 400);
    expect(invalid['fields']).toEqual({ de: 'Cet identifiant de version n’est pas valide.' });
    const repeated = await expectProblem(await get(coordinator, `/versions/diff?de=${version.id}&de=live`), 400);
    expect(repeated['fields']).toEqual({ de: 'Indiquez une seule version par paramètre.' });
    const observer = await signInAs(server.url, 'observer');
    await expectProblem(await get(observer, `/versions/diff?de=${version.id}&a=live`), 403);
    await expectProblem(await fetchAs(coordinator, server.url, `/api/workspaces/inconnu/versions/diff?de=${version.id}`), 404);
  });
});
