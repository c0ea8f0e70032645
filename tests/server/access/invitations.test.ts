import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationDetails, InvitationView } from '../../../shared/schemas/members';
import type { Me } from '../../../shared/schemas/people';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { startMailServer, type MailServer } from '../../helpers/mail-server';
import { addWorkspace, createOutsider, inviteePassword, otherStructureId, otherWorkspaceId, secretOf } from '../../helpers/people';
import { expectProblem } from '../../helpers/problems';
import { demoEmail, fetchAs, signIn, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { waitFor } from '../../helpers/yjs-clients';

const api = `/api/workspaces/${demoWorkspaceId}`;
const structureId = 'scop-menuiserie-de-la-bresse';

describe('invitations', () => {
  let mail: MailServer;
  let server: TestServer;
  let coordinator: TestSession;

  beforeAll(async () => {
    mail = await startMailServer();
    server = await startTestServer({ smtpUrl: mail.url });
    coordinator = await signInAs(server.url, 'coordinator');
  });
  afterAll(async () => {
    await server.destroy();
    await mail.close();
  });

  const sendInvitation = (body: unknown, as: TestSession = coordinator): Promise<Response> =>
    fetchAs(as, server.url, `${api}/invitations`, { method: 'POST', body: JSON.stringify(body) });
  const invite = async (email: string, role = 'member'): Promise<{ secret: string; invitation: InvitationView; emailed: boolean }> => {
    const response = await sendInvitation({ email, role, structureId });
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as { linkPath: string; invitation: InvitationView; emailed: boolean };
    return { secret: secretOf(created.linkPath), invitation: created.invitation, emailed: created.emailed };
  };
  const details = (secret: string): Promise<Response> => fetch(`${server.url}/api/invitations/${secret}`);
  const accept = (secret: string, body: unknown = { displayName: 'Nouvelle Personne', password: inviteePassword }): Promise<Response> =>
    fetch(`${server.url}/api/invitations/${secret}/accept`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });

  it('invites partners and observers for no structure, but no other role', async () => {
    await expectProblem(await sendInvitation({ email: 'sans.structure@exemple.org', role: 'member' }), 400);
    const refused = (await (await sendInvitation({ email: 'sans.structure@exemple.org', role: 'facilitator', structureId: null })).json()) as { fields?: Record<string, string> };
    expect(refused.fields?.['structureId']).toMatch(/partenaires et les observateurs/);

    const response = await sendInvitation({ email: 'comite@region.example', role: 'partner' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { linkPath: string; invitation: InvitationView };
    expect(created.invitation).toMatchObject({ structureId: null, structureName: null, role: 'partner' });
    const secret = secretOf(created.linkPath);
    expect(((await (await details(secret)).json()) as InvitationDetails).structureName).toBeNull();
    const accepted = await accept(secret);
    expect(accepted.status).toBe(200);
    const me = (await accepted.json()) as Me;
    expect(me.structures).toEqual([]);
    expect(me.workspaces).toEqual([{ workspaceId: demoWorkspaceId, role: 'partner' }]);
  });

  it('lets the coordination invite, the invitee read the invitation without an account, sign up through it and sign in later', async () => {
    const response = await sendInvitation({ email: '  Claire.Martin@Exemple.org ', role: 'facilitator', structureId });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { linkPath: string; invitation: InvitationView; emailed: boolean };
    expect(created).toMatchObject({
      linkPath: expect.stringMatching(/^\/invitation#[\w-]{43}$/),
      emailed: true,
      invitation: { email: 'claire.martin@exemple.org', role: 'facilitator', structureName: 'SCOP Menuiserie de la Bresse', invitedByName: 'Hélène Garnier', status: 'pending' },
    });
    const secret = secretOf(created.linkPath);

    const shown = await details(secret);
    expect(shown.status).toBe(200);
    expect((await shown.json()) as InvitationDetails).toMatchObject({
      workspaceId: demoWorkspaceId,
      workspaceName: 'Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013',
      email: 'claire.martin@exemple.org',
      role: 'facilitator',
      structureName: 'SCOP Menuiserie de la Bresse',
      invitedByName: 'Hélène Garnier',
      hasAccount: false,
    });

    const accepted = await accept(secret, { displayName: 'Claire Martin', password: inviteePassword });
    expect(accepted.status).toBe(200);
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^trame_session=[\w-]{43}$/);
    const me = (await accepted.json()) as Me;
    expect(me).toMatchObject({
      email: 'claire.martin@exemple.org',
      displayName: 'Claire Martin',
      workspaces: [{ workspaceId: demoWorkspaceId, role: 'facilitator' }],
      structures: [{ id: structureId, name: 'SCOP Menuiserie de la Bresse', isRepresentative: false }],
    });
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(200);
    expect((await signIn(server.url, 'claire.martin@exemple.org', inviteePassword)).personId).toBe(me.id);

    const list = (await (await fetchAs(coordinator, server.url, `${api}/invitations`)).json()) as InvitationView[];
    expect(list.find((i) => i.email === 'claire.martin@exemple.org')?.status).toBe('accepted');
  });

  it('sends the invitation by email, with its link, when SMTP is configured', async () => {
    const { secret } = await invite('courriel@exemple.org', 'partner');
    await waitFor(() => mail.messages.some((m) => m.to.includes('courriel@exemple.org')), 5000, 'the invitation email');
    const message = mail.messages.find((m) => m.to.includes('courriel@exemple.org'));
    expect(message?.subject).toBe('Invitation à co-écrire « Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013 »');
    expect(message?.text).toContain(`${server.url}/invitation#${secret}`);
    expect(message?.text).toContain('Hélène Garnier vous invite');
    expect(message?.text).toContain('« Partenaire (comité de pilotage) »');
  });

  it('refuses a link that was already used with a 409 "déjà utilisée"', async () => {
    const { secret } = await invite('deux-fois@exemple.org');
    expect((await accept(secret)).status).toBe(200);
    const again = await expectProblem(await accept(secret), 409, 'Cette invitation a déjà été utilisée.');
    expect(again.detail).toMatch(/Connectez-vous/);
    await expectProblem(await details(secret), 409, 'Cette invitation a déjà été utilisée.');
  });

  it('lets only one of two simultaneous acceptances of a link win', async () => {
    const { secret } = await invite('simultane@exemple.org');
    const statuses = (await Promise.all([accept(secret), accept(secret)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(server.trame.db.data.people.filter((p) => p.email === 'simultane@exemple.org')).toHaveLength(1);
  });

  it('creates one account when two invitations for the same email are accepted at the same time', async () => {
    if (!server.trame.db.data.workspaces.some((w) => w.id === otherWorkspaceId)) await addWorkspace(server, coordinator.personId);
    const here = await invite('deux-espaces@exemple.org');
    const elsewhere = await fetchAs(coordinator, server.url, `/api/workspaces/${otherWorkspaceId}/invitations`, {
      method: 'POST',
      body: JSON.stringify({ email: 'deux-espaces@exemple.org', role: 'observer', structureId: otherStructureId }),
    });
    const elsewhereSecret = secretOf(((await elsewhere.json()) as { linkPath: string }).linkPath);
    const responses = await Promise.all([accept(here.secret), accept(elsewhereSecret)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(server.trame.db.data.people.filter((p) => p.email === 'deux-espaces@exemple.org')).toHaveLength(1);
  });

  it('refuses an expired link with a French message that gives the date', async () => {
    const { secret, invitation } = await invite('en-retard@exemple.org');
    await server.trame.db.update((data) => {
      const stored = data.invitations.find((i) => i.id === invitation.id);
      if (stored !== undefined) stored.expiresAt = '2026-03-03T10:00:00.000Z';
    });
    const expired = await expectProblem(await details(secret), 409, 'Cette invitation a expiré le 3 mars 2026.');
    expect(expired.detail).toBe('Demandez-en une nouvelle à la coordination.');
    await expectProblem(await accept(secret), 409, 'Cette invitation a expiré le 3 mars 2026.');
    expect(server.trame.db.data.people.some((p) => p.email === 'en-retard@exemple.org')).toBe(false);
  });

  it('refuses a revoked link, and a link replaced by a newer invitation, with a message', async () => {
    const { secret, invitation } = await invite('annulee@exemple.org');
    expect((await fetchAs(coordinator, server.url, `${api}/invitations/${invitation.id}`, { method: 'DELETE' })).status).toBe(200);
    await expectProblem(await details(secret), 409, 'Cette invitation a été annulée.');
    await expectProblem(await accept(secret), 409, 'Cette invitation a été annulée.');

    const first = await invite('relancee@exemple.org');
    const second = await invite('relancee@exemple.org');
    await expectProblem(await accept(first.secret), 409, 'Cette invitation a été annulée.');
    expect((await accept(second.secret)).status).toBe(200);
  });

  it('refuses an unknown link with a 404 that says what to check', async () => {
    const unknown = await expectProblem(await details('C'.repeat(43)), 404, 'Ce lien d’invitation n’est pas valable.');
    expect(unknown.detail).toMatch(/copié le lien en entier/);
  });

  it('refuses to invite someone who is already a member, with 409 and their role', async () => {
    const problem = await expectProblem(await sendInvitation({ email: demoEmail('member'), role: 'observer', structureId }), 409, 'Cette personne fait déjà partie de l’espace de travail.');
    expect(problem.detail).toBe('Son rôle actuel : Membre. Changez-le dans la liste des membres.');
    expect(problem.fields).toEqual({ email: 'Cette personne est déjà membre.' });
  });

  it('refuses an invalid email, role or structure with 400 and a French message per field', async () => {
    const invalid = await expectProblem(await sendInvitation({ email: 'pas-une-adresse', role: 'chef', structureId: '' }), 400, 'Certains champs sont à corriger.');
    expect(invalid.fields).toEqual({ email: 'Cette adresse e-mail n’est pas valide.', role: 'Rôle inconnu.', structureId: 'Choisissez une structure.' });
    const unknownStructure = await expectProblem(await sendInvitation({ email: 'x@exemple.org', role: 'member', structureId: 'structure-inconnue' }), 400);
    expect(unknownStructure.fields).toEqual({ structureId: 'Choisissez une structure de cet espace de travail.' });
    // Whether a structure is needed depends on the role: without a valid role, only email and role are reported.
    const wrongTypes = await expectProblem(await sendInvitation({ email: 42, role: null }), 400);
    expect(wrongTypes.fields).toEqual({ email: 'Indiquez une adresse e-mail.', role: 'Rôle inconnu.' });
    const notAnObject = await expectProblem(await fetchAs(coordinator, server.url, `${api}/invitations`, { method: 'POST', body: '["pas un objet"]' }), 400);
    expect(notAnObject.fields).toEqual({ _: 'Le contenu envoyé doit être un objet JSON.' });
    expect(server.trame.db.data.invitations.some((i) => i.email === 'x@exemple.org')).toBe(false);
  });

  it('refuses overlong fields with 400, on the invitation and on its acceptance', async () => {
    const long = await expectProblem(await sendInvitation({ email: `${'a'.repeat(250)}@exemple.org`, role: 'member', structureId: 's'.repeat(65) }), 400);
    expect(long.fields).toEqual({ email: 'Cette adresse e-mail est trop longue.', structureId: 'Identifiant trop long (64 caractères au plus).' });
    const { secret } = await invite('champs-longs@exemple.org');
    const longAcceptance = await expectProblem(await accept(secret, { displayName: 'N'.repeat(81), password: 'p'.repeat(201) }), 400);
    expect(longAcceptance.fields).toEqual({ displayName: 'Ce nom est trop long (80 caractères au plus).', password: 'Le mot de passe est trop long (200 caractères au plus).' });
    const missing = await expectProblem(await accept(secret, {}), 400);
    expect(missing.fields).toEqual({ displayName: 'Indiquez votre nom.', password: 'Choisissez un mot de passe.' });
    // Nothing was used up: the link still works.
    expect((await accept(secret)).status).toBe(200);
  });

  it('asks a person who already has an account to sign in, then adds the workspace role to that account', async () => {
    const outsider = await createOutsider(server, coordinator); // has an account through another workspace
    const { secret } = await invite(outsider.email, 'member');
    expect(await (await details(secret)).json()).toMatchObject({ hasAccount: true });
    await expectProblem(await accept(secret), 401, 'Un compte existe déjà pour cette adresse.');
    expect(server.trame.db.data.people.filter((p) => p.email === outsider.email)).toHaveLength(1);
    const signedIn = await fetchAs(outsider, server.url, `/api/invitations/${secret}/accept`, { method: 'POST', body: '{}' });
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as Me).workspaces).toEqual(
      expect.arrayContaining([
        { workspaceId: otherWorkspaceId, role: 'member' },
        { workspaceId: demoWorkspaceId, role: 'member' },
      ]),
    );
  });

  it('still creates the invitation and gives its link to copy when the mail server cannot be reached', async () => {
    const unreachable = await startTestServer({ smtpUrl: 'smtp://127.0.0.1:9' });
    try {
      const boss = await signInAs(unreachable.url, 'coordinator');
      const response = await fetchAs(boss, unreachable.url, `${api}/invitations`, { method: 'POST', body: JSON.stringify({ email: 'sans-courriel@exemple.org', role: 'member', structureId }) });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ emailed: false, linkPath: expect.stringMatching(/^\/invitation#/), invitation: { status: 'pending' } });
    } finally {
      await unreachable.destroy();
    }
  });
});
