/**
 * The envelope (set by the coordination, checked by the shared schema the client's form uses)
 * and the adoption of the programme, refused with French reasons while the programme does not
 * add up to it, then stored, audited and announced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eurosText } from '../../../shared/budget/euros';
import { sheetAt } from '../../../shared/programme/layout';
import type { Adoption } from '../../../shared/schemas/follow-up';
import type { ProgrammeReport } from '../../../shared/schemas/programme-report';
import { envelopeInputSchema, type Envelope, type WorkspaceView } from '../../../shared/schemas/workspace';
import type { AuditEventView } from '../../../shared/schemas/audit';
import { fieldMessages } from '../../../server/http/validate';
import { demoEnvelope } from '../../../server/demo/demo-contract';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { addWorkspace, otherWorkspaceId } from '../../helpers/people';
import { expectProblem } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';
import { listenToWorkspace, plainSpaces, type Announcements } from './contract-helpers';

const api = `/api/workspaces/${demoWorkspaceId}`;
const documentName = `${demoWorkspaceId}.contract`;

const messagesFor = (input: unknown): Record<string, string> => {
  const parsed = envelopeInputSchema.safeParse(input);
  if (parsed.success) return {};
  const fields = fieldMessages(parsed.error);
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, plainSpaces(value)]));
};

describe('the envelope schema (shared by the form and the API)', () => {
  it('accepts the founding case', () => {
    expect(envelopeInputSchema.safeParse(demoEnvelope).success).toBe(true);
  });

  it('says at the total when the shares do not add up, in euros', () => {
    expect(messagesFor({ totalCents: 3_381_649_100, shares: [{ funder: 'Région Rhône-Alpes', amountCents: 760_250_000 }] })).toEqual({
      totalCents: 'La somme des parts (7 602 500 €) ne correspond pas au total (33 816 491 €).',
    });
    expect(messagesFor({ totalCents: 100_050, shares: [{ funder: 'État', amountCents: 100_000 }] })).toEqual({
      totalCents: 'La somme des parts (1 000 €) ne correspond pas au total (1 000,50 €).',
    });
  });

  it('refuses the same funder twice, however it is written', () => {
    expect(
      messagesFor({
        totalCents: 300,
        shares: [
          { funder: 'Région Rhône-Alpes', amountCents: 100 },
          { funder: 'État', amountCents: 100 },
          { funder: ' region rhone-alpes ', amountCents: 100 },
        ],
      }),
    ).toEqual({ 'shares.2.funder': 'Ce financeur figure déjà dans l’enveloppe.' });
  });

  it('keeps between 1 and 12 shares', () => {
    expect(messagesFor({ totalCents: 0, shares: [] })).toEqual({ shares: 'Indiquez la part d’au moins un financeur.' });
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ funder: `Financeur ${i + 1}`, amountCents: 100 }));
    expect(messagesFor({ totalCents: 1300, shares: thirteen })).toEqual({ shares: 'Au plus 12 financeurs.' });
  });

  it('refuses negative, fractional, non-numeric amounts and empty funders, field by field', () => {
    expect(
      messagesFor({
        totalCents: -5,
        shares: [
          { funder: '', amountCents: 10.5 },
          { funder: 'État', amountCents: '1000' },
        ],
      }),
    ).toEqual({
      totalCents: 'Le montant ne peut pas être négatif.',
      'shares.0.funder': 'Indiquez le financeur.',
      'shares.0.amountCents': 'Un montant se compte en centimes entiers.',
      'shares.1.amountCents': 'Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.',
    });
  });
});

describe('envelope and adoption over the API', () => {
  let server: TestServer;
  let coordinator: TestSession;
  let heard: Announcements;

  const putEnvelope = (envelope: unknown, as: TestSession = coordinator): Promise<Response> =>
    fetchAs(as, server.url, `${api}/envelope`, { method: 'PUT', body: JSON.stringify(envelope) });
  const adopt = (workspacePath = api): Promise<Response> => fetchAs(coordinator, server.url, `${workspacePath}/adoption`, { method: 'POST' });
  const workspaceView = async (): Promise<WorkspaceView> => (await (await fetchAs(coordinator, server.url, api)).json()) as WorkspaceView;
  const auditActions = async (): Promise<string[]> => ((await (await fetchAs(coordinator, server.url, `${api}/audit`)).json()) as AuditEventView[]).map((e) => e.action);

  beforeAll(async () => {
    server = await startTestServer();
    coordinator = await signInAs(server.url, 'coordinator');
    heard = await listenToWorkspace(server.url, coordinator.token, demoWorkspaceId);
  });
  afterAll(async () => {
    heard.socket.disconnect();
    await server.destroy();
  });

  it('refuses an invalid envelope with the field messages, and stores nothing', async () => {
    const response = await putEnvelope({ totalCents: 3_381_649_100, shares: [{ funder: 'Région Rhône-Alpes', amountCents: 760_250_000 }] });
    const problem = await expectProblem(response, 400, 'Certains champs sont à corriger.');
    expect(plainSpaces(problem.fields?.['totalCents'] ?? '')).toBe('La somme des parts (7 602 500 €) ne correspond pas au total (33 816 491 €).');
    expect((await workspaceView()).envelope).toEqual(demoEnvelope);
    await expectProblem(await putEnvelope(demoEnvelope, await signInAs(server.url, 'facilitator')), 403, 'Seule la coordination peut fixer l’enveloppe du programme.');
  });

  it('stores a valid envelope, audits it, announces it and re-checks the programme against it', async () => {
    const before = { workspace: heard.workspaceChanged, reports: heard.reports.length };
    const smaller: Envelope = {
      totalCents: 3_342_500_000,
      shares: [
        { funder: 'Région Rhône-Alpes', amountCents: 700_000_000 },
        { funder: 'Etat', amountCents: 342_500_000 },
        { funder: 'Acteurs locaux de l’ESS', amountCents: 2_300_000_000 },
      ],
    };
    const response = await putEnvelope(smaller);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual(smaller);
    expect((await workspaceView()).envelope).toEqual(smaller);
    await waitFor(() => heard.workspaceChanged > before.workspace, 5000, 'workspace:changed');
    await waitFor(() => heard.reports.length > before.reports, 5000, 'the re-checked report');
    const report = heard.latestReport() as ProgrammeReport;
    expect(report.warnings).toContainEqual({ kind: 'funder-over-share', funder: 'Région Rhône-Alpes', plannedCents: 760_250_000, shareCents: 700_000_000 });
    expect(report.warnings).toContainEqual({ kind: 'total-mismatch', plannedCents: demoEnvelope.totalCents, envelopeCents: 3_342_500_000 });
    const report2 = (await (await fetchAs(coordinator, server.url, `${api}/programme/report`)).json()) as ProgrammeReport;
    expect(report2.warnings).toEqual(report.warnings);
    expect(await auditActions()).toContain('programme.envelopeSet'); // the audit log is read after pending appends
  });

  it('refuses to adopt a programme that does not add up, with every reason', async () => {
    const editor = connectClient(server.wsUrl, documentName, coordinator.token);
    try {
      await whenSynced(editor);
      const budget = sheetAt(editor.doc, 'fiche-3-2')?.get('budget') as Y.Map<Y.Map<unknown>>;
      const line = [...budget.values()].find((l) => l.get('funder') === 'État');
      if (line === undefined) throw new Error('fiche-3-2 has no line of the État');
      const original = line.get('amountCents') as number;
      line.set('amountCents', -100);
      await waitFor(() => heard.latestReport()?.invalidLines.length === 1, 5000, 'the invalid line to be reported');

      const problem = await expectProblem(await adopt(), 409);
      const title = plainSpaces(problem.title);
      expect(title).toMatch(/^Le programme ne peut pas être adopté : .+\.$/);
      const reasons = (problem['reasons'] as string[]).map(plainSpaces);
      expect(reasons).toEqual([
        '1 ligne de financement n’est pas valide (fiche 3.2)',
        "la part de Région Rhône-Alpes est dépassée de 602 500 € (prévu 7 602 500 €, part 7 000 000 €)",
        `le total des fiches (${plainSpaces(eurosText(demoEnvelope.totalCents - original))}) ne correspond pas à l’enveloppe (33 425 000 €)`,
      ]);
      for (const reason of reasons) expect(title).toContain(reason);
      expect((await workspaceView()).adoption).toBeNull();

      // The line repaired, the envelope still too small: only the money reasons remain.
      line.set('amountCents', original);
      await waitFor(() => heard.latestReport()?.invalidLines.length === 0, 5000, 'the repaired report');
      const stillRefused = await expectProblem(await adopt(), 409);
      expect((stillRefused['reasons'] as string[]).length).toBe(2);
      expect((await workspaceView()).adoption).toBeNull();
    } finally {
      disconnectAll(editor);
    }
  });

  it('refuses to adopt a programme without any action sheet', async () => {
    await addWorkspace(server, coordinator.personId);
    const problem = await expectProblem(await adopt(`/api/workspaces/${otherWorkspaceId}`), 409, 'Le programme ne peut pas être adopté : il ne compte aucune fiche action.');
    expect(problem['reasons']).toEqual(['il ne compte aucune fiche action']);
  });

  it('adopts once the programme matches its envelope: stored, shown, audited, announced, then not again', async () => {
    expect((await putEnvelope(demoEnvelope)).status).toBe(200);
    const before = { workspace: heard.workspaceChanged, followUp: heard.followUpChanged };
    const response = await adopt();
    expect(response.status, await response.clone().text()).toBe(201);
    const adoption = (await response.json()) as Adoption;
    expect(adoption).toMatchObject({ adoptedBy: coordinator.personId, adoptedByName: expect.any(String) });
    expect(Date.now() - Date.parse(adoption.adoptedAt)).toBeLessThan(60_000);
    const { versionId, ...stored } = adoption as Adoption & { versionId: string };
    expect((await workspaceView()).adoption).toEqual(stored);
    expect(server.trame.db.data.workspaces.find((w) => w.id === demoWorkspaceId)?.adoption).toEqual(stored);
    expect((await workspaceView()).freeze).toMatchObject({ versionId, frozenBy: coordinator.personId });
    await waitFor(() => heard.workspaceChanged > before.workspace && heard.followUpChanged > before.followUp, 5000, 'workspace:changed and followup:changed');
    expect(await auditActions()).toContain('programme.adopted');

    const again = await expectProblem(await adopt(), 409, 'Le programme est déjà adopté : le contrat est figé.');
    expect(again.detail).toMatch(/^Il a été adopté le /);
    expect((await workspaceView()).adoption).toEqual(stored);
  });

  it('keeps the adoption across a restart (the stored schema reads it back)', async () => {
    const adoption = (await workspaceView()).adoption;
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    coordinator = await signInAs(server.url, 'coordinator');
    heard.socket.disconnect();
    heard = await listenToWorkspace(server.url, coordinator.token, demoWorkspaceId);
    expect((await workspaceView()).adoption).toEqual(adoption);
  });
});
