/**
 * The server's live validation of the structured contract: whatever a raw Yjs client writes (a
 * string where an amount belongs, a deleted title), the server keeps serving, reports what is
 * invalid to the workspace, and its totals skip the bad line. Concurrent edits of one sheet's
 * financing plan converge, and the server's report agrees with every client. A document the
 * server opens only to read is unloaded afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBudgetLine, updateBudgetLine } from '../../../shared/programme/edit';
import { sheetAt, sheetsMap } from '../../../shared/programme/layout';
import type { ProgrammeReport } from '../../../shared/schemas/programme-report';
import { demoEnvelope } from '../../../server/demo/demo-contract';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { signInAs, fetchAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';
import { analyse, listenToWorkspace, type Announcements } from './contract-helpers';

const documentName = `${demoWorkspaceId}.contract`;
const api = `/api/workspaces/${demoWorkspaceId}`;

describe('live validation of the structured contract', () => {
  let server: TestServer;
  let coordinator: TestSession;
  let heard: Announcements;

  const getReport = async (): Promise<ProgrammeReport> => {
    const response = await fetchAs(coordinator, server.url, `${api}/programme/report`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as ProgrammeReport;
  };
  const withoutTime = ({ checkedAt: _checkedAt, ...rest }: ProgrammeReport) => rest;

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = await signInAs(server.url, 'coordinator');
    heard = await listenToWorkspace(server.url, coordinator.token, demoWorkspaceId);
  });
  afterAll(async () => {
    heard.socket.disconnect();
    await server.destroy();
  });

  it('reads a document that no one has open, then unloads it', async () => {
    expect(server.trame.rooms.openRooms.has(documentName)).toBe(false);
    const report = await getReport();
    expect(report).toMatchObject({ workspaceId: demoWorkspaceId, axisCount: 3, sheetCount: 12, totalCents: demoEnvelope.totalCents, invalidLines: [], warnings: [] });
    expect(report.byFunder.map((f) => f.cents).reduce((a, b) => a + b, 0)).toBe(demoEnvelope.totalCents);
    await waitFor(() => !server.trame.rooms.openRooms.has(documentName), 3000, 'the room opened for a read to unload');
  });

  it('reports a string amount and a deleted title written by a raw client, and keeps serving', async () => {
    const editor = connectClient(server.wsUrl, documentName, coordinator.token);
    const watcher = connectClient(server.wsUrl, documentName, coordinator.token);
    try {
      await Promise.all([whenSynced(editor), whenSynced(watcher)]);
      const before = analyse(editor.doc, demoEnvelope);
      const sheet = sheetAt(editor.doc, 'fiche-1-1');
      const budget = sheet?.get('budget');
      if (!(budget instanceof Y.Map)) throw new Error('fiche-1-1 has no budget');
      const [lineId, line] = [...budget.entries()][0] as [string, Y.Map<unknown>];
      const lineCents = line.get('amountCents') as number;
      const heardBefore = heard.reports.length;

      // What a buggy or hostile client could send: no schema on the wire stops it.
      editor.doc.transact(() => {
        line.set('amountCents', '12 000 €');
        sheet?.delete('title');
      });

      await waitFor(() => heard.reports.length > heardBefore && heard.latestReport()?.invalidLines.some((l) => l.lineId === lineId) === true, 5000, 'the report of the bad line');
      const report = heard.latestReport() as ProgrammeReport;
      expect(report.invalidLines).toEqual([{ lineId, sheetId: 'fiche-1-1', reason: 'amount-not-integer' }]);
      expect(report.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'amount-not-integer', sheetId: 'fiche-1-1', lineId, field: 'budget', message: expect.stringContaining('exclue des totaux') }),
          expect.objectContaining({ code: 'title-missing', sheetId: 'fiche-1-1', field: 'title', message: 'La fiche n’a pas de titre.' }),
        ]),
      );
      // The totals skip the bad line, and say the envelope no longer matches.
      expect(report.totalCents).toBe(before.consolidation.totalCents - lineCents);
      expect(report.warnings).toContainEqual({ kind: 'total-mismatch', plannedCents: demoEnvelope.totalCents - lineCents, envelopeCents: demoEnvelope.totalCents });

      // The server still serves: REST, the same report on demand, and other clients get the content as written.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(withoutTime(await getReport())).toEqual(withoutTime(report));
      await waitFor(() => sheetAt(watcher.doc, 'fiche-1-1')?.has('title') === false, 5000, 'the deletion to reach another client');
      const watcherBudget = sheetAt(watcher.doc, 'fiche-1-1')?.get('budget') as Y.Map<Y.Map<unknown>>;
      expect(watcherBudget.get(lineId)?.get('amountCents')).toBe('12 000 €');

      // Repairing the line clears the report.
      editor.doc.transact(() => line.set('amountCents', lineCents));
      await waitFor(() => heard.latestReport()?.invalidLines.length === 0, 5000, 'the repaired report');
      expect(heard.latestReport()?.totalCents).toBe(demoEnvelope.totalCents);
    } finally {
      disconnectAll(editor, watcher);
    }
  });

  it('survives shapes no client should write: a sheet that is a string, a budget that is a text', async () => {
    const editor = connectClient(server.wsUrl, documentName, coordinator.token);
    try {
      await whenSynced(editor);
      const heardBefore = heard.reports.length;
      editor.doc.transact(() => {
        sheetsMap(editor.doc).set('fiche-bidon', 'pas une fiche');
        sheetAt(editor.doc, 'fiche-3-4')?.set('budget', new Y.Text('1 000 000'));
      });
      await waitFor(() => heard.reports.length > heardBefore, 5000, 'a report after the damage');
      const report = heard.latestReport() as ProgrammeReport;
      expect(report.problems).toContainEqual(expect.objectContaining({ code: 'field-damaged', sheetId: 'fiche-3-4', field: 'budget' }));
      expect(report.sheetCount).toBe(12);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect((await getReport()).problems).toContainEqual(expect.objectContaining({ code: 'field-damaged', sheetId: 'fiche-3-4' }));
    } finally {
      disconnectAll(editor);
    }
  });

  it('two clients editing one sheet’s budget at once converge, and the server reports the same totals', async () => {
    const first = connectClient(server.wsUrl, documentName, coordinator.token);
    const second = connectClient(server.wsUrl, documentName, (await signInAs(server.url, 'member')).token);
    try {
      await Promise.all([whenSynced(first), whenSynced(second)]);
      const lines = analyse(first.doc).programme.sheets.get('fiche-2-1')?.budget ?? [];
      const [a, b] = lines;
      if (a === undefined || b === undefined) throw new Error('fiche-2-1 has fewer than two lines');
      // In the same tick, before either hears of the other: truly concurrent edits, one key in common.
      updateBudgetLine(first.doc, 'fiche-2-1', a.id, { amountCents: 1_111_100 });
      addBudgetLine(first.doc, 'fiche-2-1', { funder: 'Région Rhône-Alpes', year: 2012, amountCents: 500_000 });
      updateBudgetLine(second.doc, 'fiche-2-1', a.id, { amountCents: 2_222_200 });
      updateBudgetLine(second.doc, 'fiche-2-1', b.id, { amountCents: 3_333_300 });
      addBudgetLine(second.doc, 'fiche-2-1', { funder: 'État', year: 2013, amountCents: 700_000 });

      const totalOf = (doc: Y.Doc): number => analyse(doc).consolidation.bySheet.get('fiche-2-1') ?? -1;
      const lineCount = (doc: Y.Doc): number => analyse(doc).programme.sheets.get('fiche-2-1')?.budget.length ?? 0;
      await waitFor(() => lineCount(first.doc) === lines.length + 2 && lineCount(second.doc) === lines.length + 2, 5000, 'both clients to see both new lines');
      await waitFor(() => totalOf(first.doc) === totalOf(second.doc), 5000, 'the clients to agree');
      const expectedSheet = totalOf(first.doc);
      const expectedTotal = analyse(first.doc).consolidation.totalCents;
      // Whichever write won line a, the other edits all hold.
      const winner = analyse(first.doc).programme.sheets.get('fiche-2-1')?.budget.find((l) => l.id === a.id)?.amountCents;
      expect([1_111_100, 2_222_200]).toContain(winner);
      expect(analyse(second.doc).programme.sheets.get('fiche-2-1')?.budget.find((l) => l.id === b.id)?.amountCents).toBe(3_333_300);

      await waitFor(() => heard.latestReport()?.totalCents === expectedTotal, 5000, 'the server report to agree with the clients');
      const report = await getReport();
      expect(report.totalCents).toBe(expectedTotal);
      expect(analyse(server.trame.rooms.openRooms.get(documentName)?.doc ?? new Y.Doc()).consolidation.bySheet.get('fiche-2-1')).toBe(expectedSheet);
    } finally {
      disconnectAll(first, second);
    }
  });

  it('checks after a burst of updates once, shortly after, without holding the updates back', async () => {
    const editor = connectClient(server.wsUrl, documentName, coordinator.token);
    const watcher = connectClient(server.wsUrl, documentName, coordinator.token);
    try {
      await Promise.all([whenSynced(editor), whenSynced(watcher)]);
      const title = sheetAt(editor.doc, 'fiche-1-2')?.get('title') as Y.Text;
      const heardBefore = heard.reports.length;
      const started = Date.now();
      // A burst of "keystrokes", each its own update, emptying the title then typing it again.
      const original = title.toString();
      title.delete(0, title.length);
      for (const character of 'Nouveau titre') title.insert(title.length, character);
      await waitFor(() => (sheetAt(watcher.doc, 'fiche-1-2')?.get('title') as Y.Text | undefined)?.toString() === 'Nouveau titre', 5000, 'the keystrokes to reach another client');
      await new Promise((resolve) => setTimeout(resolve, 400));
      // The empty title lived for one update only: the coalesced check never saw it.
      const since = heard.reports.slice(heardBefore);
      expect(since.length).toBeLessThanOrEqual(1);
      expect(since.every((report) => !report.problems.some((p) => p.sheetId === 'fiche-1-2' && p.code === 'title-missing'))).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
      title.delete(0, title.length);
      title.insert(0, original);
    } finally {
      disconnectAll(editor, watcher);
    }
  });
});
