/**
 * Follow-up after adoption, over the real API: nothing before adoption, members only on the
 * actions of their structure, actions that exist in the live contract, indicators of the sheet,
 * evaluations one per period with their history kept; and the CSV/XLSX exports read back.
 */
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidate } from '../../../shared/budget/consolidate';
import { readProgramme, sheetsInOrder, type ProgrammeView } from '../../../shared/programme/read';
import type { Evaluation, FollowUp, FollowUpView } from '../../../shared/schemas/follow-up';
import type { AuditEventView } from '../../../shared/schemas/audit';
import { demoAccounts } from '../../../server/demo/demo-accounts';
import { demoEnvelope } from '../../../server/demo/demo-contract';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { expectProblem } from '../../helpers/problems';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { waitFor } from '../../helpers/yjs-clients';
import { listenToWorkspace, type Announcements } from './contract-helpers';

const api = `/api/workspaces/${demoWorkspaceId}`;
const memberStructureId = 'scop-menuiserie-de-la-bresse';
const memberSheetId = 'fiche-2-1';

describe('follow-up of the actions', () => {
  let server: TestServer;
  let coordinator: TestSession;
  let member: TestSession;
  let partner: TestSession;
  let heard: Announcements;
  let programme: ProgrammeView;

  const send = (as: TestSession, method: string, path: string, body?: unknown): Promise<Response> =>
    fetchAs(as, server.url, `${api}/follow-up${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const view = async (): Promise<FollowUpView> => (await (await send(coordinator, 'GET', '')).json()) as FollowUpView;
  const indicatorOf = (sheetId: string): string => programme.sheets.get(sheetId)?.indicators[0]?.id ?? '';
  const report = { date: '2011-09-30', text: 'Trois cédants repérés avec la CCI de l’Ain.' };
  const evaluation = { period: '2012', assessment: 'to-watch', comment: 'Démarrage lent dans le Rhône.', recommendation: 'Associer les chambres de métiers.' };

  beforeAll(async () => {
    server = await startTestServer();
    [coordinator, member, partner] = await Promise.all([signInAs(server.url, 'coordinator'), signInAs(server.url, 'member'), signInAs(server.url, 'partner')]);
    heard = await listenToWorkspace(server.url, coordinator.token, demoWorkspaceId);
    programme = await server.trame.rooms.withDocument(`${demoWorkspaceId}.contract`, (doc) => readProgramme(doc));
  });
  afterAll(async () => {
    heard.socket.disconnect();
    await server.destroy();
  });

  it('starts at adoption: every report and evaluation is refused before', async () => {
    const refusals = [
      send(coordinator, 'PUT', `/${memberSheetId}/status`, { status: 'in-progress' }),
      send(member, 'POST', `/${memberSheetId}/reports`, report),
      send(coordinator, 'POST', `/${memberSheetId}/actuals`, { indicatorId: indicatorOf(memberSheetId), date: '2011-12-31', value: 3 }),
      send(coordinator, 'PUT', `/${memberSheetId}/finances`, { funder: 'État', committedCents: 100, spentCents: 0 }),
      send(partner, 'POST', `/${memberSheetId}/evaluations`, evaluation),
    ];
    for (const response of await Promise.all(refusals)) await expectProblem(response, 409, 'Le suivi commence à l’adoption du programme.');
    expect(await view()).toEqual({ adoption: null, followUps: [], evaluations: [] });
    expect(server.trame.db.data.followUps).toEqual([]);
  });

  it('after adoption, a member reports on the action their structure leads, not on others', async () => {
    expect((await fetchAs(coordinator, server.url, `${api}/adoption`, { method: 'POST' })).status).toBe(201);
    const before = heard.followUpChanged;

    const own = await send(member, 'POST', `/${memberSheetId}/reports`, report);
    expect(own.status, await own.clone().text()).toBe(201);
    const followUp = (await own.json()) as FollowUp;
    expect(followUp).toMatchObject({ workspaceId: demoWorkspaceId, sheetId: memberSheetId, status: 'not-started', reports: [{ ...report, authorId: member.personId, structureName: 'SCOP Menuiserie de la Bresse' }] });
    await waitFor(() => heard.followUpChanged > before, 5000, 'followup:changed');

    const other = sheetsInOrder(programme).find((sheet) => sheet.lead !== memberStructureId && !sheet.partners.includes(memberStructureId));
    if (other === undefined) throw new Error('no sheet without the member’s structure');
    const stored = JSON.stringify(server.trame.db.data.followUps);
    for (const response of await Promise.all([
      send(member, 'POST', `/${other.id}/reports`, report),
      send(member, 'PUT', `/${other.id}/status`, { status: 'done' }),
      send(member, 'PUT', `/${other.id}/finances`, { funder: 'État', committedCents: 100, spentCents: 0 }),
    ])) {
      await expectProblem(response, 403, 'Vous ne pouvez renseigner que le suivi des actions que votre structure porte ou accompagne.');
    }
    expect(JSON.stringify(server.trame.db.data.followUps)).toBe(stored);
    // The coordination and the facilitation report on any action.
    expect((await send(coordinator, 'PUT', `/${other.id}/status`, { status: 'in-progress' })).status).toBe(200);
    expect((await send(await signInAs(server.url, 'facilitator'), 'POST', `/${other.id}/reports`, report)).status).toBe(201);
    // Partners evaluate but do not report.
    await expectProblem(await send(partner, 'POST', `/${memberSheetId}/reports`, report), 403, 'Votre rôle ne permet pas de renseigner le suivi des actions.');
  });

  it('refuses actions that are not in the contract, indicators not on the sheet, and bad input', async () => {
    await expectProblem(await send(coordinator, 'PUT', '/fiche-inconnue/status', { status: 'done' }), 404, 'Cette fiche action n’existe pas.');
    await expectProblem(await send(coordinator, 'POST', '/fiche-inconnue/evaluations', evaluation), 404, 'Cette fiche action n’existe pas.');
    const foreignIndicator = indicatorOf('fiche-1-1');
    const wrong = await expectProblem(await send(member, 'POST', `/${memberSheetId}/actuals`, { indicatorId: foreignIndicator, date: '2011-12-31', value: 2 }), 400);
    expect(wrong.fields).toEqual({ indicatorId: 'Cet indicateur n’existe pas sur cette fiche.' });
    const invalid = await expectProblem(await send(member, 'POST', `/${memberSheetId}/reports`, { date: '2011-02-30', text: '' }), 400, 'Certains champs sont à corriger.');
    expect(invalid.fields).toEqual({ date: 'Cette date n’existe pas.', text: 'Décrivez l’avancement.' });
    const negative = await expectProblem(await send(member, 'PUT', `/${memberSheetId}/finances`, { funder: 'État', committedCents: -1, spentCents: 'beaucoup' }), 400);
    expect(negative.fields).toEqual({ committedCents: 'Le montant ne peut pas être négatif.', spentCents: 'Saisissez un montant en euros, par exemple 12 500 ou 12 500,50.' });
    await expectProblem(await send(member, 'PUT', `/${memberSheetId}/status`, { status: 'presque' }), 400);
  });

  it('records status, indicator actuals and each funder’s figures (replaced, not added)', async () => {
    const indicatorId = indicatorOf(memberSheetId);
    expect((await send(member, 'PUT', `/${memberSheetId}/status`, { status: 'in-progress' })).status).toBe(200);
    expect((await send(member, 'POST', `/${memberSheetId}/actuals`, { indicatorId, date: '2011-12-31', value: 4 })).status).toBe(201);
    expect((await send(member, 'POST', `/${memberSheetId}/actuals`, { indicatorId, date: '2012-06-30', value: 9 })).status).toBe(201);
    expect((await send(member, 'PUT', `/${memberSheetId}/finances`, { funder: 'Région Rhône-Alpes', committedCents: 50_000_000, spentCents: 10_000_000 })).status).toBe(200);
    expect((await send(member, 'PUT', `/${memberSheetId}/finances`, { funder: 'État', committedCents: 20_000_000, spentCents: 5_000_050 })).status).toBe(200);
    const replaced = await send(member, 'PUT', `/${memberSheetId}/finances`, { funder: 'region rhone-alpes', committedCents: 60_000_000, spentCents: 25_000_000 });
    const followUp = (await replaced.json()) as FollowUp;
    expect(followUp.status).toBe('in-progress');
    expect(followUp.statusChangedAt).not.toBeNull();
    expect(followUp.statusChangedByName).toBe(demoAccounts.find((a) => a.role === 'member')?.displayName);
    expect(followUp.actuals.map((a) => a.value)).toEqual([4, 9]);
    expect(followUp.finances.map(({ funder, committedCents, spentCents }) => ({ funder, committedCents, spentCents }))).toEqual([
      { funder: 'region rhone-alpes', committedCents: 60_000_000, spentCents: 25_000_000 },
      { funder: 'État', committedCents: 20_000_000, spentCents: 5_000_050 },
    ]);
    const audit = (await (await fetchAs(coordinator, server.url, `${api}/audit`)).json()) as AuditEventView[];
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['followup.statusSet', 'followup.reportAdded', 'followup.actualRecorded', 'followup.financesSet']));
    expect(audit.find((event) => event.action === 'followup.financesSet')).toMatchObject({ target: memberSheetId, actorId: member.personId });
  });

  it('keeps one evaluation per action and period, and every revision of it', async () => {
    const created = await send(partner, 'POST', `/${memberSheetId}/evaluations`, evaluation);
    expect(created.status, await created.clone().text()).toBe(201);
    const first = (await created.json()) as Evaluation;
    expect(first).toMatchObject({ sheetId: memberSheetId, period: '2012', revisions: [{ ...evaluation, authorId: partner.personId }] });

    await expectProblem(
      await send(coordinator, 'POST', `/${memberSheetId}/evaluations`, { ...evaluation, assessment: 'satisfactory' }),
      409,
      'Une évaluation existe déjà pour la période 2012 : modifiez-la plutôt que d’en créer une autre.',
    );
    await expectProblem(await send(member, 'POST', `/${memberSheetId}/evaluations`, evaluation), 403, 'Seuls les membres du comité de pilotage et la coordination évaluent les actions.');

    const amended = await send(coordinator, 'PATCH', `/${memberSheetId}/evaluations/${first.id}`, { ...evaluation, assessment: 'satisfactory', comment: 'Rattrapage au second semestre.' });
    expect(amended.status, await amended.clone().text()).toBe(200);
    const history = (await amended.json()) as Evaluation;
    expect(history.revisions).toHaveLength(2);
    expect(history.revisions[0]).toEqual(first.revisions[0]);
    expect(history.revisions[1]).toMatchObject({ period: '2012', assessment: 'satisfactory', comment: 'Rattrapage au second semestre.', authorId: coordinator.personId });

    const moved = await expectProblem(await send(coordinator, 'PATCH', `/${memberSheetId}/evaluations/${first.id}`, { ...evaluation, period: '2013' }), 400);
    expect(moved.fields?.['period']).toMatch(/ne change pas/);
    await expectProblem(await send(coordinator, 'PATCH', `/fiche-1-1/evaluations/${first.id}`, evaluation), 404, 'Cette évaluation n’existe pas.');
    // Another period is another evaluation.
    expect((await send(partner, 'POST', `/${memberSheetId}/evaluations`, { ...evaluation, period: '2013-S1' })).status).toBe(201);

    const stored = (await view()).evaluations.filter((e) => e.sheetId === memberSheetId);
    expect(stored.map((e) => [e.period, e.revisions.length])).toEqual([
      ['2012', 2],
      ['2013-S1', 1],
    ]);
  });

  it('exports one CSV row per action, for a French spreadsheet', async () => {
    const response = await send(coordinator, 'GET', '/export.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${demoWorkspaceId}-suivi-${today}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const records = parse(new TextDecoder().decode(bytes), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const sheets = sheetsInOrder(programme);
    const planned = consolidate(programme.lines, demoEnvelope).bySheet;
    expect(records.map((r) => r['Numéro'])).toEqual(sheets.map((s) => s.number));
    expect(records.map((r) => r['Intitulé'])).toEqual(sheets.map((s) => s.title));
    const euros = (cents: number): string => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    expect(records.map((r) => r['Prévu (€)'])).toEqual(sheets.map((s) => euros(planned.get(s.id) ?? 0)));
    const plannedSum = records.reduce((sum, r) => sum + Math.round(Number((r['Prévu (€)'] ?? '').replace(',', '.')) * 100), 0);
    expect(plannedSum).toBe(demoEnvelope.totalCents);

    const row = records.find((r) => r['Numéro'] === programme.sheets.get(memberSheetId)?.number);
    expect(row).toMatchObject({
      'Structure porteuse': 'SCOP Menuiserie de la Bresse',
      Territoires: 'Toute la région',
      Début: '01/01/2011',
      Fin: '31/12/2013',
      État: 'En cours',
      'Engagé (€)': '800000,00',
      'Dépensé (€)': '300000,50',
      'Comptes rendus': '1',
      'Dernier compte rendu': '30/09/2011',
      'Période évaluée': '2013-S1',
      Appréciation: 'À surveiller',
      Recommandation: 'Associer les chambres de métiers.',
    });
    expect(row?.['Indicateurs (dernier réalisé / cible)']).toContain('Entreprises reprises en SCOP : 9 / 25 entreprises (au 30/06/2012)');
    expect(row?.['Indicateurs (dernier réalisé / cible)']).toContain('Emplois maintenus : — / 400 emplois (pas encore mesuré)');
  });

  it('exports the same rows as XLSX with amounts as numbers in euros', async () => {
    const response = await send(coordinator, 'GET', '/export.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${demoWorkspaceId}-suivi-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`));
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const sheetPath = Object.keys(files).find((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path));
    if (sheetPath === undefined) throw new Error(`no worksheet in ${Object.keys(files).join(', ')}`);
    const sheetXml = strFromU8(files[sheetPath] as Uint8Array);
    const strings = files['xl/sharedStrings.xml'] === undefined ? '' : strFromU8(files['xl/sharedStrings.xml']);
    const text = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const planned = consolidate(programme.lines, demoEnvelope).bySheet;
    for (const sheet of sheetsInOrder(programme)) {
      expect(strings + sheetXml, sheet.title).toContain(text(sheet.title));
      expect(sheetXml, `${sheet.number} planned`).toContain(`<v>${(planned.get(sheet.id) ?? 0) / 100}</v>`);
    }
    expect(sheetXml).toContain('<v>800000</v>'); // committed on the member's action, in euros
    expect(sheetXml).toContain('<v>300000.5</v>'); // spent, to the cent
    expect(strings + sheetXml).toContain('Prévu (€)');
  });

  it('lets those who follow read the follow-up and its exports, not observers', async () => {
    const observer = await signInAs(server.url, 'observer');
    for (const path of ['', '/export.csv', '/export.xlsx']) {
      await expectProblem(await send(observer, 'GET', path), 403, 'Votre rôle ne permet pas de consulter le suivi des actions.');
      expect((await send(member, 'GET', path)).status).toBe(200);
    }
  });
});
