/**
 * Every role against every action on every channel, built from the permission table of
 * shared/permissions.ts: a change to the table changes the expectations, and a new action does not
 * compile until `channelsOf` says which channels perform it and an exerciser performs it for real.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { WebsocketProvider } from 'y-websocket';
import { actions, permissionTable, refusalTitles, roles, type Action, type Role } from '../../../shared/permissions';
import { contractFragmentName } from '../../../shared/document-names';
import { SocketEvent, type Ack, type ClientToServerEvents, type ServerToClientEvents } from '../../../shared/protocol';
import { createAnchor } from '../../../shared/comments/anchors';
import type { Amendment } from '../../../shared/schemas/amendments';
import type { CommentThread } from '../../../shared/schemas/comments';
import type { Adoption, Evaluation, FollowUp, FollowUpView } from '../../../shared/schemas/follow-up';
import type { NotificationPage } from '../../../shared/schemas/notifications';
import type { Round } from '../../../shared/schemas/rounds';
import type { MemberView } from '../../../shared/schemas/members';
import type { VersionsView, VersionView } from '../../../shared/schemas/versions';
import type { PresencePerson } from '../../../shared/schemas/presence';
import { demoAccounts } from '../../../server/demo/demo-accounts';
import { demoEnvelope } from '../../../server/demo/demo-contract';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { acceptInvitation, createOutsider, invite } from '../../helpers/people';
import { expectProblem } from '../../helpers/problems';
import { upgradeStatus } from '../../helpers/raw-socket';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, countPermissionDenials, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Who calls: the five roles (demo accounts), nobody, and a signed-in person of another workspace. */
type Subject = Role | 'anonymous' | 'outsider';
const subjects: readonly Subject[] = [...roles, 'anonymous', 'outsider'];

type Channel = 'REST' | 'Socket.IO' | 'y-websocket';
type RestAction = Exclude<Action, 'contract.edit' | 'presence.join'>;

/** The channels that perform each action. */
const channelsOf: Record<Action, readonly Channel[]> = {
  'workspace.read': ['REST', 'y-websocket'],
  'contract.edit': ['y-websocket'],
  'presence.join': ['Socket.IO'],
  'members.read': ['REST'],
  'members.invite': ['REST'],
  'members.import': ['REST'],
  'members.changeRole': ['REST'],
  'structures.setRepresentative': ['REST'],
  'audit.read': ['REST'],
  'envelope.set': ['REST'],
  'programme.adopt': ['REST'],
  'followup.read': ['REST'],
  'followup.report': ['REST'],
  'followup.evaluate': ['REST'],
  'comments.write': ['REST'],
  'comments.moderate': ['REST'],
  'amendments.propose': ['REST'],
  'amendments.decide': ['REST'],
  'rounds.open': ['REST'],
  'rounds.vote': ['REST'],
  'notifications.read': ['REST'],
  'versions.read': ['REST'],
  'versions.create': ['REST'],
  'versions.restore': ['REST'],
  'versions.publish': ['REST'],
  'contract.export': ['REST'],
  'contract.import': ['REST'],
};

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden';
function expectedOutcome(subject: Subject, action: Action): Outcome {
  if (subject === 'anonymous') return 'unauthenticated';
  if (subject === 'outsider') return 'forbidden';
  return permissionTable[action].includes(subject) ? 'allowed' : 'forbidden';
}

/** How the outcome shows on each channel, for test names. */
function describeOutcome(channel: Channel, action: Action, subject: Subject, outcome: Outcome): string {
  const status = outcome === 'unauthenticated' ? 401 : 403;
  if (channel === 'REST') return outcome === 'allowed' ? 'allowed (2xx)' : `refused with a ${status} problem, nothing written`;
  if (channel === 'Socket.IO') return outcome === 'allowed' ? 'acknowledged ok' : outcome === 'unauthenticated' ? 'refused at the handshake' : 'acknowledged with a 403 problem';
  if (outcome === 'allowed') return action === 'contract.edit' ? 'edit reaches the server, its log and other clients' : 'upgrade accepted (101)';
  if (action === 'contract.edit' && subject !== 'anonymous' && subject !== 'outsider') return 'edit dropped before the document, the log and other clients; told permission denied';
  return `upgrade refused (${status})`;
}

const unauthenticatedTitle = 'Connectez-vous pour continuer.';
const notAMemberTitle = 'Vous ne faites pas partie de cet espace de travail.';
/** The title a refusal must carry: people outside the workspace are told so, members why their role cannot. */
const refusalTitle = (subject: Subject, action: Action): string =>
  subject === 'anonymous' ? unauthenticatedTitle : subject === 'outsider' ? notAMemberTitle : refusalTitles[action];

const documentName = `${demoWorkspaceId}.contract`;
const api = `/api/workspaces/${demoWorkspaceId}`;
const memberStructureId = 'scop-menuiserie-de-la-bresse';
/** The demo action sheet led by the member's structure (the member may report on it). */
const memberSheetId = 'fiche-2-1';
/** Each evaluator evaluates its own period: one evaluation per action and period. */
const evaluationPeriod = (subject: Subject): string => `20${10 + subjects.indexOf(subject)}`;

describe('permission matrix: every role × every action × every channel', () => {
  let server: TestServer;
  const sessions = new Map<Subject, TestSession | undefined>();
  const providers: WebsocketProvider[] = [];
  const sockets: ClientSocket[] = [];
  let watcher: WebsocketProvider;
  let marker: WebsocketProvider;

  const session = (subject: Subject): TestSession | undefined => sessions.get(subject);
  const connect = (token: string): WebsocketProvider => {
    const provider = connectClient(server.wsUrl, documentName, token);
    providers.push(provider);
    return provider;
  };
  const serverDoc = () => {
    const room = server.trame.rooms.openRooms.get(documentName);
    if (room === undefined) throw new Error('the contract room is not open');
    return room;
  };
  const logBytes = (): number => statSync(join(server.dataDir, 'docs', `${documentName}.ylog`)).size;

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of roles) sessions.set(role, await signInAs(server.url, role));
    sessions.set('anonymous', undefined);
    const coordinator = session('coordinator');
    if (coordinator === undefined) throw new Error('no coordinator');
    sessions.set('outsider', await createOutsider(server, coordinator));
    // A writer's client that watches what others see, and one that writes markers (see contract.edit).
    watcher = connect(coordinator.token);
    marker = connect(session('facilitator')?.token ?? '');
    await Promise.all([whenSynced(watcher), whenSynced(marker)]);
    await prepareDeliberation();
  });

  /**
   * One submitted amendment and one comment thread per subject (each decision or moderation acts
   * on its own), and an open round to vote in.
   */
  const amendmentFor = new Map<Subject, string>();
  /** The version adopted by programme.adopt (versions.publish publishes it). */
  let adoptedVersionId = '';
  const threadFor = new Map<Subject, string>();
  let votingRoundId = '';
  /** A comment anchored on the contract's opening words, as a browser would send it. */
  const commentOnContract = (body: string): string => {
    const anchor = createAnchor(serverDoc().doc.getXmlFragment(contractFragmentName), 1, 12);
    if (anchor === undefined) throw new Error('no anchor on the contract text');
    return JSON.stringify({ anchor: { target: { kind: 'contract' }, ...anchor }, body });
  };
  const prepareDeliberation = async (): Promise<void> => {
    for (const subject of subjects) {
      const created = await fetchAs(session('member'), server.url, `${api}/comments`, { method: 'POST', body: commentOnContract(`À modérer (${subject})`) });
      expect(created.status, await created.clone().text()).toBe(201);
      threadFor.set(subject, ((await created.json()) as CommentThread).id);
    }
    for (const subject of subjects) {
      const proposed = await fetchAs(session('member'), server.url, `${api}/amendments`, {
        method: 'POST',
        body: JSON.stringify({ title: `Amendement pour ${subject}`, motive: '', target: { kind: 'sheet-field', sheetId: memberSheetId, field: 'goals' } }),
      });
      expect(proposed.status, await proposed.clone().text()).toBe(201);
      const { id } = (await proposed.json()) as Amendment;
      const submitted = await fetchAs(session('member'), server.url, `${api}/amendments/${id}/submit`, { method: 'POST' });
      expect(submitted.status, await submitted.clone().text()).toBe(200);
      amendmentFor.set(subject, id);
    }
    const round = await fetchAs(session('coordinator'), server.url, `${api}/rounds`, {
      method: 'POST',
      body: JSON.stringify({ subject: { kind: 'contract' }, question: 'Adoptons-nous le contrat ?', deadline: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(round.status, await round.clone().text()).toBe(201);
    votingRoundId = ((await round.json()) as Round).id;
  };
  /** Each opener opens a round on its own sheet (one open round per subject). */
  const roundSheetFor = (subject: Subject): string => `fiche-3-${1 + (subjects.indexOf(subject) % 4)}`;
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    disconnectAll(...providers.splice(0));
    await server.destroy();
  });

  /** Performs each REST action as `subject` through its real route. */
  const restCalls: Record<RestAction, (subject: Subject) => Promise<Response>> = {
    'workspace.read': (subject) => fetchAs(session(subject), server.url, api),
    'members.read': (subject) => fetchAs(session(subject), server.url, `${api}/members`),
    'members.invite': (subject) =>
      fetchAs(session(subject), server.url, `${api}/invitations`, {
        method: 'POST',
        body: JSON.stringify({ email: `matrice-${subject}@exemple.org`, role: 'member', structureId: memberStructureId }),
      }),
    'members.import': (subject) =>
      fetchAs(session(subject), server.url, `${api}/imports/preview`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: `structure;reseau;email\r\nSCOP Matrice;Coopératives (SCOP, SCIC, CAE);import-${subject}@exemple.org\r\n`,
      }),
    // The member keeps their role and their structure its representative: the calls change nothing
    // that other tests rely on, yet go through the whole write path.
    'members.changeRole': (subject) =>
      fetchAs(session(subject), server.url, `${api}/members/${session('member')?.personId ?? ''}`, { method: 'PATCH', body: JSON.stringify({ role: 'member' }) }),
    'structures.setRepresentative': (subject) =>
      fetchAs(session(subject), server.url, `${api}/structures/${memberStructureId}/representative`, {
        method: 'PUT',
        body: JSON.stringify({ personId: session('member')?.personId ?? null }),
      }),
    'audit.read': (subject) => fetchAs(session(subject), server.url, `${api}/audit`),
    // The demo envelope again: the programme still adds up to it, so the adoption below succeeds.
    'envelope.set': (subject) => fetchAs(session(subject), server.url, `${api}/envelope`, { method: 'PUT', body: JSON.stringify(demoEnvelope) }),
    // Runs after envelope.set (actions run in table order) and before the follow-up, which needs it.
    'programme.adopt': (subject) => fetchAs(session(subject), server.url, `${api}/adoption`, { method: 'POST' }),
    'followup.read': (subject) => fetchAs(session(subject), server.url, `${api}/follow-up`),
    'followup.report': (subject) =>
      fetchAs(session(subject), server.url, `${api}/follow-up/${memberSheetId}/reports`, {
        method: 'POST',
        body: JSON.stringify({ date: '2011-06-30', text: `Compte rendu de ${subject}` }),
      }),
    'followup.evaluate': (subject) =>
      fetchAs(session(subject), server.url, `${api}/follow-up/${memberSheetId}/evaluations`, {
        method: 'POST',
        body: JSON.stringify({ period: evaluationPeriod(subject), assessment: 'satisfactory', comment: `Évaluation de ${subject}`, recommendation: '' }),
      }),
    'comments.write': (subject) => fetchAs(session(subject), server.url, `${api}/comments`, { method: 'POST', body: commentOnContract(`Remarque de ${subject}`) }),
    'comments.moderate': (subject) =>
      fetchAs(session(subject), server.url, `${api}/comments/${threadFor.get(subject) ?? ''}/hidden`, { method: 'PUT', body: JSON.stringify({ reason: `Masqué par ${subject}` }) }),
    'amendments.propose': (subject) =>
      fetchAs(session(subject), server.url, `${api}/amendments`, {
        method: 'POST',
        body: JSON.stringify({ title: `Proposé par ${subject}`, motive: 'Pour la matrice.', target: { kind: 'sheet-field', sheetId: memberSheetId, field: 'description' } }),
      }),
    'amendments.decide': (subject) =>
      fetchAs(session(subject), server.url, `${api}/amendments/${amendmentFor.get(subject) ?? ''}/reject`, { method: 'POST', body: JSON.stringify({ reason: `Rejeté par ${subject}` }) }),
    'rounds.open': (subject) =>
      fetchAs(session(subject), server.url, `${api}/rounds`, {
        method: 'POST',
        body: JSON.stringify({ subject: { kind: 'sheet', sheetId: roundSheetFor(subject) }, question: `Question de ${subject}`, deadline: new Date(Date.now() + 86_400_000).toISOString() }),
      }),
    'rounds.vote': (subject) =>
      fetchAs(session(subject), server.url, `${api}/rounds/${votingRoundId}/position`, { method: 'PUT', body: JSON.stringify({ position: 'agree' }) }),
    'notifications.read': (subject) => fetchAs(session(subject), server.url, `${api}/notifications`),
    'versions.read': (subject) => fetchAs(session(subject), server.url, `${api}/versions`),
    'versions.create': (subject) => fetchAs(session(subject), server.url, `${api}/versions`, { method: 'POST', body: JSON.stringify({ name: `Version de ${subject}` }) }),
    // Opening a new draft from the newest named version (named by versions.create, just before in
    // table order): its content is the current one, so nothing moves.
    'versions.restore': async (subject) => {
      const { versions } = (await (await fetchAs(session('coordinator'), server.url, `${api}/versions`)).json()) as VersionsView;
      const newest = versions.find((version) => version.kind === 'named');
      return fetchAs(session(subject), server.url, `${api}/versions/${newest?.id ?? ''}/draft`, { method: 'POST' });
    },
    // The version adopted by programme.adopt (earlier in table order).
    'versions.publish': (subject) => fetchAs(session(subject), server.url, `${api}/versions/${adoptedVersionId}/publication`, { method: 'POST' }),
    'contract.export': (subject) => fetchAs(session(subject), server.url, `${api}/exports`, { method: 'POST', body: JSON.stringify({ versionId: 'live', format: 'md' }) }),
    // A preview: nothing is written to the contract until it is applied.
    'contract.import': (subject) =>
      fetchAs(session(subject), server.url, `${api}/text-imports?format=md&name=matrice.md`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: `# Importé par ${subject}\n\nUn paragraphe **important**.\n`,
      }),
  };


  /** What an allowed REST call answers. */
  const restSuccess: Record<RestAction, (response: Response, subject: Subject) => Promise<void>> = {
    'workspace.read': async (response) => expect(await response.json()).toMatchObject({ id: demoWorkspaceId }),
    'members.read': async (response, subject) => {
      const members = (await response.json()) as MemberView[];
      expect(members.map((m) => m.displayName)).toEqual(expect.arrayContaining(demoAccounts.map((a) => a.displayName)));
      // Emails are for those who manage people; the others see names and structures.
      const seesEmails = subject === 'coordinator' || subject === 'facilitator';
      for (const member of members) expect(member.email === null, `${subject} sees ${member.displayName}'s email`).toBe(!seesEmails);
    },
    'members.invite': async (response, subject) => {
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ linkPath: expect.stringMatching(/^\/invitation#[\w-]{43}$/), invitation: { email: `matrice-${subject}@exemple.org`, status: 'pending' } });
    },
    'members.import': async (response) => expect(await response.json()).toMatchObject({ fileErrors: [], summary: { errors: 0, invitations: 1 } }),
    'members.changeRole': async (response) => expect(await response.json()).toBe('member'),
    'structures.setRepresentative': async (response) => expect(await response.json()).toBeNull(),
    'audit.read': async (response) => expect(Array.isArray(await response.json())).toBe(true),
    'envelope.set': async (response) => expect(await response.json()).toEqual(demoEnvelope),
    'programme.adopt': async (response, subject) => {
      expect(response.status).toBe(201);
      const adoption = (await response.json()) as Adoption & { versionId: string };
      expect(adoption).toMatchObject({ adoptedBy: session(subject)?.personId });
      adoptedVersionId = adoption.versionId;
      // The adoption froze the contract: a new draft lets the next actions write again.
      const reopened = await fetchAs(session('coordinator'), server.url, `${api}/versions/${adoption.versionId}/draft`, { method: 'POST' });
      expect(reopened.status, await reopened.clone().text()).toBe(200);
    },
    'followup.read': async (response) => {
      const view = (await response.json()) as FollowUpView;
      expect(Array.isArray(view.followUps) && Array.isArray(view.evaluations)).toBe(true);
    },
    'followup.report': async (response, subject) => {
      expect(response.status).toBe(201);
      const followUp = (await response.json()) as FollowUp;
      expect(followUp.sheetId).toBe(memberSheetId);
      expect(followUp.reports.map((report) => report.text)).toContain(`Compte rendu de ${subject}`);
    },
    'followup.evaluate': async (response, subject) => {
      expect(response.status).toBe(201);
      expect((await response.json()) as Evaluation).toMatchObject({ sheetId: memberSheetId, period: evaluationPeriod(subject), revisions: [{ comment: `Évaluation de ${subject}` }] });
    },
    'comments.write': async (response, subject) => {
      expect(response.status).toBe(201);
      const thread = (await response.json()) as CommentThread;
      expect(thread.comments.map((comment) => comment.body)).toEqual([`Remarque de ${subject}`]);
      expect(thread.anchor.target).toEqual({ kind: 'contract' });
    },
    'comments.moderate': async (response, subject) => {
      expect((await response.json()) as CommentThread).toMatchObject({ id: threadFor.get(subject), hidden: { reason: `Masqué par ${subject}` } });
    },
    'amendments.propose': async (response, subject) => {
      expect(response.status).toBe(201);
      expect((await response.json()) as Amendment).toMatchObject({ title: `Proposé par ${subject}`, state: 'draft' });
    },
    'amendments.decide': async (response, subject) => {
      expect((await response.json()) as Amendment).toMatchObject({ id: amendmentFor.get(subject), state: 'rejected' });
    },
    'rounds.open': async (response, subject) => {
      expect(response.status).toBe(201);
      expect((await response.json()) as Round).toMatchObject({ question: `Question de ${subject}`, status: 'open' });
    },
    'rounds.vote': async (response) => {
      const round = (await response.json()) as Round;
      expect(round.id).toBe(votingRoundId);
    },
    'notifications.read': async (response) => {
      const page = (await response.json()) as NotificationPage;
      expect(Array.isArray(page.items) && typeof page.unread === 'number').toBe(true);
    },
    'versions.read': async (response) => expect(Array.isArray(((await response.json()) as VersionsView).versions)).toBe(true),
    'versions.create': async (response, subject) => {
      expect(response.status).toBe(201);
      expect((await response.json()) as VersionView).toMatchObject({ kind: 'named', name: `Version de ${subject}` });
    },
    'versions.restore': async (response) => expect(((await response.json()) as VersionsView).freeze).toBeNull(),
    'versions.publish': async (response) => expect(((await response.json()) as VersionView).publication?.path).toMatch(/^\/p\/[\w-]{43}$/),
    'contract.export': async (response) => {
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({ jobId: expect.any(String) });
    },
    'contract.import': async (response) => expect(await response.json()).toMatchObject({ previewId: expect.any(String), stats: { headings: 1 } }),
  };


  /**
   * Roles the permission table lets through but a rule of the domain still refuses: the
   * facilitator of the demo belongs to the CRESS without representing it, and one structure has one voice.
   */
  const domainRefusals: Partial<Record<RestAction, Partial<Record<Subject, { status: number; title: RegExp }>>>> = {
    'rounds.vote': { facilitator: { status: 403, title: /une structure, une voix/ } },
  };

  const isRestAction = (action: Action): action is RestAction => action in restCalls;

  const tryPresence = async (subject: Subject): Promise<Ack<PresencePerson[]> | { connectError: string | undefined }> => {
    const token = session(subject)?.token;
    const socket: ClientSocket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: token === undefined ? {} : { token } });
    sockets.push(socket);
    const connected = await new Promise<Error & { data?: { title?: string } } | undefined>((resolve) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', resolve);
    });
    if (connected !== undefined) return { connectError: connected.data?.title };
    return socket.timeout(5000).emitWithAck(SocketEvent.presenceJoin, { workspaceId: demoWorkspaceId });
  };

  /**
   * Edits the contract as `subject` with a standard WebsocketProvider. Allowed: the edit reaches
   * the server's document, its log and another client. Refused: the client is told, and after a
   * later writer's marker has reached the watcher, the edit is still nowhere but in its own copy.
   */
  const tryEdit = async (subject: Subject, outcome: Outcome): Promise<void> => {
    const token = session(subject)?.token;
    const url = `${server.wsUrl}/${documentName}${token === undefined ? '' : `?token=${token}`}`;
    if (subject === 'anonymous' || subject === 'outsider') {
      // Refused at the upgrade: there is no connection to send an edit on.
      expect(await upgradeStatus(url)).toBe(outcome === 'unauthenticated' ? 401 : 403);
      return;
    }
    const editor = connect(token ?? '');
    const denials = countPermissionDenials(editor);
    await whenSynced(editor);
    await serverDoc().whenDurable();
    const before = logBytes();
    const contractBlocks = serverDoc().doc.getXmlFragment(contractFragmentName).length;
    editor.doc.getMap('matrix').set(subject, `écrit par ${subject}`);
    if (outcome === 'allowed') {
      await waitFor(() => serverDoc().doc.getMap('matrix').get(subject) !== undefined, 5000, 'the edit to reach the server');
      await waitFor(() => watcher.doc.getMap('matrix').get(subject) === `écrit par ${subject}`, 5000, 'the edit to reach another client');
      await serverDoc().whenDurable();
      expect(logBytes()).toBeGreaterThan(before);
      expect(denials.count).toBe(0);
      return;
    }
    await waitFor(() => denials.count > 0, 5000, 'the permission-denied message');
    // A deletion adds no content, only a delete set: it must be dropped too. The awareness change
    // sent after it comes back through the watcher once the server has handled both, in order.
    editor.doc.getXmlFragment(contractFragmentName).delete(0, 1);
    editor.awareness.setLocalStateField('after', 'deletion');
    await waitFor(() => watcher.awareness.getStates().get(editor.doc.clientID)?.['after'] === 'deletion', 5000, 'the editor’s awareness after its deletion');
    await serverDoc().whenDurable();
    expect(logBytes()).toBe(before);
    expect(serverDoc().doc.getMap('matrix').has(subject)).toBe(false);
    const barrier = `après ${subject}`;
    marker.doc.getMap('markers').set(subject, barrier);
    await waitFor(() => watcher.doc.getMap('markers').get(subject) === barrier, 5000, 'a later edit to reach the watcher');
    expect(watcher.doc.getMap('matrix').has(subject)).toBe(false);
    expect(serverDoc().doc.getXmlFragment(contractFragmentName).length).toBe(contractBlocks);
    expect(watcher.doc.getXmlFragment(contractFragmentName).length).toBe(contractBlocks);
    expect(logBytes()).toBeGreaterThan(before); // only the marker's edit was logged
    expect(denials.count).toBe(1); // told once per connection
  };

  describe('role and representative changes', () => {
    const changeRole = async (personId: string, role: Role): Promise<void> => {
      const response = await fetchAs(session('coordinator'), server.url, `${api}/members/${personId}`, { method: 'PATCH', body: JSON.stringify({ role }) });
      expect(response.status).toBe(200);
    };
    const newcomer = async (email: string, role: Role): Promise<TestSession> => {
      const coordinator = session('coordinator');
      if (coordinator === undefined) throw new Error('no coordinator');
      return acceptInvitation(server, await invite(server, coordinator, demoWorkspaceId, { email, role, structureId: memberStructureId }));
    };

    it('apply to open connections: a writer demoted to observer has their next edits dropped', async () => {
      const person = await newcomer('retrograde@exemple.org', 'member');
      const editor = connect(person.token);
      const denials = countPermissionDenials(editor);
      await whenSynced(editor);
      editor.doc.getMap('roles').set('avant', 'membre');
      await waitFor(() => serverDoc().doc.getMap('roles').get('avant') === 'membre', 5000, 'the edit made as a member');
      await changeRole(person.personId, 'observer');
      editor.doc.getMap('roles').set('après', 'observateur');
      await waitFor(() => denials.count > 0, 5000, 'the permission-denied message');
      expect(serverDoc().doc.getMap('roles').has('après')).toBe(false);
      marker.doc.getMap('markers').set('rétrogradé', 'oui');
      await waitFor(() => watcher.doc.getMap('markers').get('rétrogradé') === 'oui', 5000, 'a later edit to reach the watcher');
      expect(watcher.doc.getMap('roles').has('après')).toBe(false);
    });

    it('keeps at least one coordinator, and representatives inside their structure', async () => {
      const coordinatorId = session('coordinator')?.personId ?? '';
      const lastCoordinator = await fetchAs(session('coordinator'), server.url, `${api}/members/${coordinatorId}`, { method: 'PATCH', body: JSON.stringify({ role: 'observer' }) });
      await expectProblem(lastCoordinator, 409, 'Il doit rester au moins une personne à la coordination.');
      const unknown = await fetchAs(session('coordinator'), server.url, `${api}/members/inconnu`, { method: 'PATCH', body: JSON.stringify({ role: 'member' }) });
      await expectProblem(unknown, 404, 'Cette personne ne fait pas partie de l’espace de travail.');
      const outsideStructure = await fetchAs(session('coordinator'), server.url, `${api}/structures/${memberStructureId}/representative`, {
        method: 'PUT',
        body: JSON.stringify({ personId: session('partner')?.personId }),
      });
      expect((await expectProblem(outsideStructure, 400, 'Le représentant doit appartenir à la structure.')).fields).toEqual({ personId: 'Choisissez une personne de cette structure.' });
      expect(server.trame.db.data.structures.find((s) => s.id === memberStructureId)?.representativeId).toBe(session('member')?.personId);
    });

    it('apply to open connections: an observer promoted to member has their next edits applied', async () => {
      const person = await newcomer('promu@exemple.org', 'observer');
      const editor = connect(person.token);
      await whenSynced(editor);
      await changeRole(person.personId, 'member');
      editor.doc.getMap('roles').set('promu', 'membre');
      await waitFor(() => watcher.doc.getMap('roles').get('promu') === 'membre', 5000, 'the promoted person’s edit to reach others');
    });
  });

  for (const action of actions) {
    for (const channel of channelsOf[action]) {
      describe(`${action} over ${channel}`, () => {
        for (const subject of subjects) {
          const outcome = expectedOutcome(subject, action);
          it(`${subject}: ${describeOutcome(channel, action, subject, outcome)}`, async () => {
            if (channel === 'REST') {
              if (!isRestAction(action)) throw new Error(`no REST call for ${action}`);
              const before = JSON.stringify(server.trame.db.data);
              const response = await restCalls[action](subject);
              const domainRefusal = domainRefusals[action]?.[subject];
              if (outcome === 'allowed' && domainRefusal !== undefined) {
                expect(response.status).toBe(domainRefusal.status);
                expect(((await response.json()) as { title: string }).title).toMatch(domainRefusal.title);
                expect(JSON.stringify(server.trame.db.data)).toBe(before);
              } else if (outcome === 'allowed') {
                expect(response.status, await response.clone().text()).toBeLessThan(300);
                await restSuccess[action](response, subject);
              } else {
                await expectProblem(response, outcome === 'unauthenticated' ? 401 : 403, refusalTitle(subject, action));
                expect(JSON.stringify(server.trame.db.data)).toBe(before);
              }
            } else if (channel === 'Socket.IO') {
              const result = await tryPresence(subject);
              if (outcome === 'allowed') expect(result).toMatchObject({ ok: true, data: expect.arrayContaining([expect.objectContaining({ personId: session(subject)?.personId })]) });
              else if (outcome === 'unauthenticated') expect(result).toEqual({ connectError: unauthenticatedTitle });
              else expect(result).toMatchObject({ ok: false, problem: { status: 403, title: refusalTitle(subject, action) } });
            } else if (action === 'workspace.read') {
              const token = session(subject)?.token;
              const status = await upgradeStatus(`${server.wsUrl}/${documentName}${token === undefined ? '' : `?token=${token}`}`);
              expect(status).toBe(outcome === 'allowed' ? 101 : outcome === 'unauthenticated' ? 401 : 403);
            } else {
              await tryEdit(subject, outcome);
            }
          });
        }
      });
    }
  }
});
