import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractFragmentName } from '../../../shared/document-names';
import { contractHeadings } from '../../../shared/rounds/subjects';
import type { Role } from '../../../shared/permissions';
import type { RoundView } from '../../../shared/schemas/rounds';
import { AuditLog } from '../../../server/audit/audit-log';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { createLogger } from '../../../server/logger';
import { RoundsService } from '../../../server/rounds/rounds.service';
import { acceptInvitation, invite } from '../../helpers/people';
import { signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { waitFor } from '../../helpers/yjs-clients';
import { call, inHours, openRound, representativeOf, roundsPath } from './round-helpers';

const roles: Role[] = ['coordinator', 'facilitator', 'member', 'partner', 'observer'];

describe('consent rounds (REST)', () => {
  let server: TestServer;
  const as: Partial<Record<Role, TestSession>> = {};
  const session = (role: Role): TestSession => {
    const found = as[role];
    if (found === undefined) throw new Error(`no session for ${role}`);
    return found;
  };
  const auditActions = async (): Promise<{ action: string; actorId: string | null; target: string | null; detail: Record<string, unknown> }[]> => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = await readFile(join(server.dataDir, 'audit.jsonl'), 'utf8');
    return text.trim().split('\n').map((line) => JSON.parse(line) as { action: string; actorId: string | null; target: string | null; detail: Record<string, unknown> });
  };

  beforeEach(async () => {
    server = await startTestServer({ seedDemo: true });
    for (const role of roles) as[role] = await signInAs(server.url, role);
  });
  afterEach(async () => {
    await server.destroy();
  });

  it('opens a round for the animation and the coordination only, with the workspace quorum, and tells every representative', async () => {
    for (const role of ['member', 'partner', 'observer'] as const) {
      const refused = await call(server, session(role), 'POST', roundsPath, { subject: { kind: 'contract' }, question: 'Q ?', deadline: inHours(2) });
      expect(refused.status, role).toBe(403);
      expect(refused.body.title).toBe('Seules l’animation et la coordination peuvent ouvrir un tour de décision.');
    }
    const round = await openRound(server, session('facilitator'));
    expect(round).toMatchObject({ status: 'open', quorumPercent: 50, outcome: null, positions: [], openedByName: 'Karim Benali' });
    expect(round.tally).toMatchObject({ memberCount: 120, answeredCount: 0, quorumNeeded: 60, quorumReached: false });
    // The demo names two representatives; every other structure cannot answer until it has one.
    expect(round.tally.waiting).toHaveLength(2);
    expect(round.tally.voiceless).toHaveLength(118);
    const notified = server.trame.db.data.notifications.filter((n) => n.kind === 'round-opened');
    expect(notified.map((n) => n.recipientId).sort()).toEqual([session('coordinator').personId, session('member').personId].sort());
    expect(notified[0]?.link).toBe(`/w/${demoWorkspaceId}/decisions/${round.id}`);
    // Everyone in the workspace reads rounds, observers included.
    for (const role of roles) expect((await call(server, session(role), 'GET', `${roundsPath}/${round.id}`)).status, role).toBe(200);
  });

  it('checks the subject exists: amendment, section heading, action sheet', async () => {
    const facilitator = session('facilitator');
    const missingSheet = await call(server, facilitator, 'POST', roundsPath, { subject: { kind: 'sheet', sheetId: 'fiche-9-9' }, question: 'Q ?', deadline: inHours(2) });
    expect(missingSheet).toMatchObject({ status: 400, body: { title: 'Cette fiche action n’existe pas.' } });
    const sheet = await openRound(server, facilitator, { subject: { kind: 'sheet', sheetId: 'fiche-2-1' } });
    expect(sheet.subjectTitle).toMatch(/^Fiche 2\.1 · /);
    const missingSection = await call(server, facilitator, 'POST', roundsPath, { subject: { kind: 'section', title: 'Une section inventée' }, question: 'Q ?', deadline: inHours(2) });
    expect(missingSection).toMatchObject({ status: 400, body: { title: 'Cette section n’existe pas dans le contrat.', fields: { 'subject.title': expect.any(String) } } });
    const headings = await server.trame.rooms.withDocument(`${demoWorkspaceId}.contract`, (doc) => contractHeadings(doc.getXmlFragment(contractFragmentName)));
    expect(headings).toContain('Un diagnostic partagé');
    const section = await openRound(server, facilitator, { subject: { kind: 'section', title: 'Un diagnostic partagé' } });
    expect(section.subjectTitle).toBe('Section « Un diagnostic partagé »');
    const missingAmendment = await call(server, facilitator, 'POST', roundsPath, { subject: { kind: 'amendment', amendmentId: 'inconnu' }, question: 'Q ?', deadline: inHours(2) });
    expect(missingAmendment).toMatchObject({ status: 400, body: { title: 'Cet amendement n’existe pas.' } });
    // One open round per subject.
    const again = await call(server, facilitator, 'POST', roundsPath, { subject: { kind: 'sheet', sheetId: 'fiche-2-1' }, question: 'Encore ?', deadline: inHours(2) });
    expect(again).toMatchObject({ status: 409, body: { title: 'Un tour de décision est déjà ouvert sur ce sujet.' } });
    // Bad input: a past deadline, an empty question.
    const past = await call(server, facilitator, 'POST', roundsPath, { subject: { kind: 'contract' }, question: 'Q ?', deadline: inHours(-1) });
    expect(past).toMatchObject({ status: 400, body: { fields: { deadline: 'La date limite doit être dans le futur.' } } });
    const empty = await call(server, facilitator, 'POST', roundsPath, { subject: { kind: 'contract' }, question: '', deadline: inHours(1) });
    expect(empty).toMatchObject({ status: 400, body: { fields: { question: 'Posez la question soumise aux structures.' } } });
  });

  it('gives one voice per structure, to its representative only; a change before the deadline replaces the position, is kept in its history and audited', async () => {
    const round = await openRound(server, session('facilitator'));
    const position = `${roundsPath}/${round.id}/position`;
    // Partners and observers have no vote at all.
    for (const role of ['partner', 'observer'] as const) {
      expect((await call(server, session(role), 'PUT', position, { position: 'agree' })).status, role).toBe(403);
    }
    // The facilitator belongs to the CRESS, whose representative is the coordinator: refused.
    const facilitatorVote = await call(server, session('facilitator'), 'PUT', position, { position: 'agree' });
    expect(facilitatorVote.status).toBe(403);
    expect(facilitatorVote.body.title).toBe('Seul·e le ou la représentant·e de « CRESS Rhône-Alpes » donne la position de votre structure : une structure, une voix.');

    const first = await call(server, session('member'), 'PUT', position, { position: 'disagree', reason: 'Le calendrier est trop court.' });
    expect(first.status).toBe(200);
    expect(first.body.tally?.byPosition).toMatchObject({ disagree: 1 });
    // A second vote from the same structure replaces the first: still one voice.
    const second = await call(server, session('member'), 'PUT', position, { position: 'agree' });
    const view = second.body as RoundView;
    expect(view.tally.answeredCount).toBe(1);
    expect(view.tally.byPosition).toEqual({ agree: 1, abstain: 0, disagree: 0, object: 0 });
    expect(view.positions).toHaveLength(1);
    expect(view.positions[0]).toMatchObject({ structureId: 'scop-menuiserie-de-la-bresse', personName: 'Sophie Lambert', position: 'agree', reason: null });
    expect(view.positions[0]?.history).toMatchObject([{ position: 'disagree', reason: 'Le calendrier est trop court.', personName: 'Sophie Lambert' }]);
    const audit = await auditActions();
    expect(audit.filter((event) => event.target === round.id).map((event) => event.action)).toEqual(['rounds.opened', 'rounds.positionGiven', 'rounds.positionChanged']);
    expect(audit.find((event) => event.action === 'rounds.positionChanged')?.detail).toMatchObject({ structureId: 'scop-menuiserie-de-la-bresse', position: 'agree', previous: 'disagree' });

    // A person who joins a structure that has a representative does not get a second voice.
    const secret = await invite(server, session('coordinator'), demoWorkspaceId, { email: 'collegue@bresse.example', role: 'member', structureId: 'scop-menuiserie-de-la-bresse' });
    const colleague = await acceptInvitation(server, secret, 'Collègue de Sophie');
    const colleagueVote = await call(server, colleague, 'PUT', position, { position: 'object', reason: 'Je ne suis pas d’accord.' });
    expect(colleagueVote.status).toBe(403);
    expect((await call(server, session('member'), 'GET', `${roundsPath}/${round.id}`)).body.tally?.answeredCount).toBe(1);
  });

  it('requires a reason for an objection, with a French message at the field', async () => {
    const round = await openRound(server, session('facilitator'));
    const refused = await call(server, session('member'), 'PUT', `${roundsPath}/${round.id}/position`, { position: 'object' });
    expect(refused).toMatchObject({ status: 400, body: { fields: { reason: 'Une objection doit être motivée : expliquez ce qui vous empêche de consentir.' } } });
    const unknown = await call(server, session('member'), 'PUT', `${roundsPath}/${round.id}/position`, { position: 'oui' });
    expect(unknown.status).toBe(400);
    const accepted = await call(server, session('member'), 'PUT', `${roundsPath}/${round.id}/position`, { position: 'object', reason: 'La part de l’État dépasse son enveloppe.' });
    expect(accepted.body.tally).toMatchObject({ byPosition: { object: 1 }, suggestedOutcome: 'rework' });
  });

  it('refuses every position after closing, and after the deadline (the round closes itself)', async () => {
    const round = await openRound(server, session('facilitator'));
    expect((await call(server, session('member'), 'POST', `${roundsPath}/${round.id}/close`)).status).toBe(403);
    const closed = await call(server, session('facilitator'), 'POST', `${roundsPath}/${round.id}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: session('facilitator').personId });
    const late = await call(server, session('member'), 'PUT', `${roundsPath}/${round.id}/position`, { position: 'agree' });
    expect(late).toMatchObject({ status: 409, body: { title: 'Ce tour de décision est clos : les positions ne peuvent plus changer.' } });
    expect((await call(server, session('facilitator'), 'POST', `${roundsPath}/${round.id}/close`)).status).toBe(409);

    const short = await openRound(server, session('facilitator'), { subject: { kind: 'sheet', sheetId: 'fiche-1-1' }, deadline: new Date(Date.now() + 1500).toISOString() });
    expect((await call(server, session('member'), 'PUT', `${roundsPath}/${short.id}/position`, { position: 'agree' })).status).toBe(200);
    // The timer closes it at the deadline, with nobody reading it.
    await waitFor(() => server.trame.db.data.rounds.find((r) => r.id === short.id)?.status === 'closed', 4000, 'the round to close at its deadline');
    const after = await call(server, session('member'), 'PUT', `${roundsPath}/${short.id}/position`, { position: 'disagree' });
    expect(after.status).toBe(409);
    const kept = (await call(server, session('member'), 'GET', `${roundsPath}/${short.id}`)).body as RoundView;
    expect(kept).toMatchObject({ status: 'closed', closedBy: null, closedAt: short.deadline });
    expect(kept.positions.map((p) => p.position)).toEqual(['agree']);
  });

  it('computes the quorum over member structures, with the quorum set by the coordination only', async () => {
    const coordinator = session('coordinator');
    for (const role of ['facilitator', 'member'] as const) expect((await call(server, session(role), 'PUT', `/api/workspaces/${demoWorkspaceId}/quorum`, { quorumPercent: 2 })).status, role).toBe(403);
    expect((await call(server, coordinator, 'PUT', `/api/workspaces/${demoWorkspaceId}/quorum`, { quorumPercent: 0 })).body.fields).toEqual({ quorumPercent: 'Le quorum est d’au moins 1 %.' });
    expect((await call(server, coordinator, 'PUT', `/api/workspaces/${demoWorkspaceId}/quorum`, { quorumPercent: 2 })).status).toBe(200);
    expect((await call(server, coordinator, 'GET', `/api/workspaces/${demoWorkspaceId}`)).body['quorumPercent']).toBe(2);
    // 2 % of 120 structures: 3 answers reach the quorum.
    const round = await openRound(server, session('facilitator'));
    expect(round.tally).toMatchObject({ quorumPercent: 2, quorumNeeded: 3 });
    const free = server.trame.db.data.structures.filter((s) => s.workspaceId === demoWorkspaceId && s.representativeId === null);
    const third = await representativeOf(server, coordinator, free[0]?.id ?? '', 'rep3@trame.example', 'Troisième Représentante');
    await call(server, coordinator, 'PUT', `${roundsPath}/${round.id}/position`, { position: 'agree' });
    const two = await call(server, session('member'), 'PUT', `${roundsPath}/${round.id}/position`, { position: 'abstain' });
    expect(two.body.tally).toMatchObject({ answeredCount: 2, quorumReached: false, suggestedOutcome: null });
    const three = await call(server, third, 'PUT', `${roundsPath}/${round.id}/position`, { position: 'agree' });
    expect(three.body.tally).toMatchObject({ answeredCount: 3, quorumReached: true, suggestedOutcome: 'adopted' });
    // Changing the setting later does not move an open round's quorum.
    await call(server, coordinator, 'PUT', `/api/workspaces/${demoWorkspaceId}/quorum`, { quorumPercent: 90 });
    expect((await call(server, coordinator, 'GET', `${roundsPath}/${round.id}`)).body.quorumPercent).toBe(2);
  });

  it('reminds those who have not answered, not twice within ten minutes', async () => {
    const round = await openRound(server, session('facilitator'));
    await call(server, session('coordinator'), 'PUT', `${roundsPath}/${round.id}/position`, { position: 'agree' });
    expect((await call(server, session('member'), 'POST', `${roundsPath}/${round.id}/reminders`)).status).toBe(403);
    const reminded = await call(server, session('facilitator'), 'POST', `${roundsPath}/${round.id}/reminders`);
    expect(reminded.status).toBe(201);
    expect(reminded.body.reminders).toMatchObject([{ by: session('facilitator').personId, count: 1 }]);
    const reminders = server.trame.db.data.notifications.filter((n) => n.kind === 'round-reminder');
    expect(reminders.map((n) => n.recipientId)).toEqual([session('member').personId]);
    const again = await call(server, session('facilitator'), 'POST', `${roundsPath}/${round.id}/reminders`);
    expect(again).toMatchObject({ status: 429, body: { title: 'Un rappel a déjà été envoyé il y a moins de 10 minutes.' } });
  });

  it('records the outcome only once the round is closed, once, and tells everyone who answered', async () => {
    const round = await openRound(server, session('facilitator'));
    await call(server, session('member'), 'PUT', `${roundsPath}/${round.id}/position`, { position: 'agree' });
    const early = await call(server, session('facilitator'), 'PUT', `${roundsPath}/${round.id}/outcome`, { decision: 'adopted', note: '' });
    expect(early).toMatchObject({ status: 409, body: { title: 'L’issue se note une fois le tour clos.' } });
    await call(server, session('facilitator'), 'POST', `${roundsPath}/${round.id}/close`);
    expect((await call(server, session('member'), 'PUT', `${roundsPath}/${round.id}/outcome`, { decision: 'adopted' })).status).toBe(403);
    expect((await call(server, session('facilitator'), 'PUT', `${roundsPath}/${round.id}/outcome`, { decision: 'maybe' })).status).toBe(400);
    const recorded = await call(server, session('facilitator'), 'PUT', `${roundsPath}/${round.id}/outcome`, { decision: 'rework', note: 'Quorum non atteint : on reprend la section 2.' });
    expect(recorded.body).toMatchObject({ outcome: { decision: 'rework', note: 'Quorum non atteint : on reprend la section 2.', by: session('facilitator').personId }, outcomeByName: 'Karim Benali' });
    expect((await call(server, session('facilitator'), 'PUT', `${roundsPath}/${round.id}/outcome`, { decision: 'adopted' })).status).toBe(409);
    const outcome = server.trame.db.data.notifications.filter((n) => n.kind === 'round-outcome');
    expect(outcome.map((n) => n.recipientId)).toEqual([session('member').personId]);
    expect(outcome[0]?.title).toContain('à retravailler');
  });

  it('lists open rounds first, soonest deadline first', async () => {
    const later = await openRound(server, session('facilitator'), { deadline: inHours(72) });
    const sooner = await openRound(server, session('coordinator'), { subject: { kind: 'sheet', sheetId: 'fiche-1-2' }, deadline: inHours(5) });
    const closed = await openRound(server, session('facilitator'), { subject: { kind: 'sheet', sheetId: 'fiche-1-3' } });
    await call(server, session('facilitator'), 'POST', `${roundsPath}/${closed.id}/close`);
    const list = (await call(server, session('observer'), 'GET', roundsPath)).body as unknown as RoundView[];
    expect(list.map((r) => r.id)).toEqual([sooner.id, later.id, closed.id]);
  });
});

describe('consent rounds across a restart', () => {
  it('keeps rounds and positions, closes the overdue ones at their deadline, and keeps planning the others', async () => {
    const first = await startTestServer({ seedDemo: true });
    const facilitator = await signInAs(first.url, 'facilitator');
    const member = await signInAs(first.url, 'member');
    const overdue = await openRound(first, facilitator, { deadline: new Date(Date.now() + 1200).toISOString() });
    const lasting = await openRound(first, facilitator, { subject: { kind: 'sheet', sheetId: 'fiche-2-1' }, deadline: new Date(Date.now() + 4000).toISOString() });
    await call(first, member, 'PUT', `${roundsPath}/${overdue.id}/position`, { position: 'object', reason: 'Pas prêt.' });
    await first.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      // Closed at start-up, at its deadline, with its position kept.
      const closed = second.trame.db.data.rounds.find((r) => r.id === overdue.id);
      expect(closed).toMatchObject({ status: 'closed', closedAt: overdue.deadline, closedBy: null });
      expect(closed?.positions.map((p) => p.position)).toEqual(['object']);
      expect(second.trame.db.data.rounds.find((r) => r.id === lasting.id)?.status).toBe('open');
      await waitFor(() => second.trame.db.data.rounds.find((r) => r.id === lasting.id)?.status === 'closed', 5000, 'the other round to close at its deadline after the restart');
    } finally {
      await second.destroy();
    }
  });
});

describe('the “closing soon” notice', () => {
  it('is sent once to the representatives, the notice’s time before the deadline (not when the round opens that close to it)', async () => {
    const server = await startTestServer({ seedDemo: true });
    const logger = createLogger('silent');
    const audit = new AuditLog(server.dataDir, logger);
    let rounds: RoundsService | undefined;
    try {
      rounds = new RoundsService({
        db: server.trame.db,
        audit,
        notifications: server.trame.notifications,
        rooms: server.trame.rooms,
        events: { roundsChanged: () => undefined, workspaceChanged: () => undefined },
        logger,
        closingNoticeMs: 1500,
      });
      const facilitator = server.trame.db.data.people.find((p) => p.email === 'animation@trame.example');
      if (facilitator === undefined) throw new Error('demo facilitator missing');
      const actor = { person: facilitator, role: 'facilitator' as const };
      const soon = await rounds.open(actor, demoWorkspaceId, { subject: { kind: 'contract' }, question: 'Bientôt ?', deadline: new Date(Date.now() + 1000).toISOString() });
      const later = await rounds.open(actor, demoWorkspaceId, { subject: { kind: 'sheet', sheetId: 'fiche-1-1' }, question: 'Plus tard ?', deadline: new Date(Date.now() + 2500).toISOString() });
      if (!soon.ok || !later.ok) throw new Error('rounds not opened');
      await waitFor(() => server.trame.db.data.notifications.some((n) => n.kind === 'round-closing'), 3000, 'the closing notice');
      const closing = server.trame.db.data.notifications.filter((n) => n.kind === 'round-closing');
      expect(closing).toHaveLength(2); // the two representatives, for the later round only
      expect(closing.every((n) => n.link.endsWith(later.value.id) && n.title.includes('Plus tard ?'))).toBe(true);
      await waitFor(() => server.trame.db.data.rounds.find((r) => r.id === later.value.id)?.status === 'closed', 3000, 'the later round to close');
      expect(server.trame.db.data.notifications.filter((n) => n.kind === 'round-closing')).toHaveLength(2);
    } finally {
      // Everything this service started is stored before the data folder goes.
      await rounds?.stop();
      await audit.flush();
      await server.destroy();
    }
  });
});
