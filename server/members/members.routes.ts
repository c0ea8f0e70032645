/**
 * Members of a workspace: list (filters), invitations (create, list, revoke; public details and
 * acceptance by link), CSV import (template, preview, apply), roles and representatives.
 */
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { importLimits } from '../../shared/schemas/imports';
import { memberFiltersSchema, representativeChangeSchema, roleChangeSchema } from '../../shared/schemas/members';
import { acceptInvitationSchema, invitationRequestSchema } from '../../shared/schemas/people';
import type { AccessControl } from '../access/access-control';
import { requirePermission, type Viewer } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { signInBrowser } from '../auth/browser-session';
import type { SessionsService } from '../auth/sessions.service';
import { sendProblem, sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import type { MetadataStore } from '../store/metadata-store';
import { networksOf } from '../workspaces/workspaces.repository';
import type { InvitationsService } from './invitations.service';
import { importTemplate, type MemberImportService } from './member-import.service';
import type { MembersService } from './members.service';

export interface MembersRoutesOptions {
  db: MetadataStore;
  access: AccessControl;
  auth: AuthService;
  sessions: SessionsService;
  members: MembersService;
  invitations: InvitationsService;
  imports: MemberImportService;
}

const viewerOf = (res: Response): Viewer => {
  const viewer = res.locals.viewer;
  if (viewer === undefined) throw new Error('route used without a permission check');
  return viewer;
};
const param = (req: Request, name: string): string => String(req.params[name]);
const originOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

export function membersRoutes(options: MembersRoutesOptions): Router {
  const { db, access, auth, sessions, members, invitations, imports } = options;
  const router = Router();
  const readRawBody = express.raw({ type: () => true, limit: importLimits.maxBytes });
  // The file's own limit, not the JSON one the generic error handler would name.
  const csvBody: RequestHandler = (req, res, next) =>
    readRawBody(req, res, (error?: unknown) => {
      if ((error as { type?: unknown } | undefined)?.type !== 'entity.too.large') return next(error);
      sendProblem(req, res, { kind: 'too_large', title: 'Le fichier est trop volumineux.', detail: `La limite est de ${importLimits.maxBytes / 1024 / 1024} Mio : découpez-le en plusieurs fichiers.` });
    });

  router.get('/workspaces/:workspaceId/members', requirePermission(access, 'members.read'), (req, res) => {
    const filters = memberFiltersSchema.safeParse(req.query);
    if (!filters.success) return sendProblem(req, res, { kind: 'invalid', title: 'Filtres invalides.' });
    const viewer = viewerOf(res);
    const role = access.roleIn(viewer.person.id, param(req, 'workspaceId'));
    if (role === undefined) return sendProblem(req, res, { kind: 'forbidden', title: 'Vous ne faites pas partie de cet espace de travail.' });
    res.json(members.list(param(req, 'workspaceId'), role, filters.data));
  });

  router.patch('/workspaces/:workspaceId/members/:personId', requirePermission(access, 'members.changeRole'), async (req, res) => {
    const input = parseBody(roleChangeSchema, req, res);
    if (input === undefined) return;
    const result = await members.changeRole(viewerOf(res).person.id, param(req, 'workspaceId'), param(req, 'personId'), input.role);
    sendResult(req, res, result);
  });

  router.put('/workspaces/:workspaceId/structures/:structureId/representative', requirePermission(access, 'structures.setRepresentative'), async (req, res) => {
    const input = parseBody(representativeChangeSchema, req, res);
    if (input === undefined) return;
    sendResult(req, res, await members.setRepresentative(viewerOf(res).person.id, param(req, 'workspaceId'), param(req, 'structureId'), input.personId));
  });

  router.get('/workspaces/:workspaceId/invitations', requirePermission(access, 'members.invite'), (req, res) => {
    res.json(invitations.list(param(req, 'workspaceId')));
  });

  router.post('/workspaces/:workspaceId/invitations', requirePermission(access, 'members.invite'), async (req, res) => {
    const input = parseBody(invitationRequestSchema, req, res);
    if (input === undefined) return;
    const result = await invitations.invite(viewerOf(res).person.id, param(req, 'workspaceId'), input, originOf(req));
    if (!result.ok) return sendProblem(req, res, result.error);
    res.status(201).json(result.value);
  });

  router.delete('/workspaces/:workspaceId/invitations/:invitationId', requirePermission(access, 'members.invite'), async (req, res) => {
    sendResult(req, res, await invitations.revoke(viewerOf(res).person.id, param(req, 'workspaceId'), param(req, 'invitationId')));
  });

  router.get('/workspaces/:workspaceId/imports/template.csv', requirePermission(access, 'members.import'), (req, res) => {
    res.type('text/csv; charset=utf-8').attachment('modele-import-membres.csv').send(`\ufeff${importTemplate(networksOf(db, param(req, 'workspaceId')))}\r\n`);
  });

  router.post('/workspaces/:workspaceId/imports/preview', requirePermission(access, 'members.import'), csvBody, (req, res) => {
    res.json(imports.preview(param(req, 'workspaceId'), viewerOf(res).person.id, bodyBytes(req)));
  });

  router.post('/workspaces/:workspaceId/imports', requirePermission(access, 'members.import'), csvBody, async (req, res) => {
    const workspaceId = param(req, 'workspaceId');
    const result = await imports.apply(workspaceId, viewerOf(res).person.id, bodyBytes(req));
    if (!result.ok) {
      // The report travels with the refusal so that the screen can show each line's problem.
      return res.status(400).type('application/problem+json').json({
        type: 'https://trame.example/problems/invalid',
        title: result.error.title,
        status: 400,
        detail: result.error.detail,
        instance: req.originalUrl,
        report: imports.preview(workspaceId, viewerOf(res).person.id, bodyBytes(req)),
      });
    }
    res.status(201).json(result.value);
  });

  // Public: what an invitation link offers (the secret is the proof), and accepting it.
  router.get('/invitations/:secret', (req, res) => {
    sendResult(req, res, invitations.details(param(req, 'secret')));
  });

  router.post('/invitations/:secret/accept', async (req, res) => {
    const viewer = res.locals.viewer;
    const body = (req.body ?? {}) as Record<string, unknown>;
    let signUp: z.infer<typeof acceptInvitationSchema> | undefined;
    if (viewer === undefined || 'password' in body) {
      signUp = parseBody(acceptInvitationSchema, req, res);
      if (signUp === undefined) return;
    }
    const result = await invitations.accept(param(req, 'secret'), viewer?.person.id, signUp);
    if (!result.ok) return sendProblem(req, res, result.error);
    // A new account (even one created while someone else was signed in here) is the one signed in now.
    if (viewer === undefined || viewer.person.id !== result.value.id) {
      await signInBrowser(sessions, req, res, result.value.id);
    }
    sendResult(req, res, auth.me(result.value.id));
  });

  return router;
}

function bodyBytes(req: Request): Uint8Array {
  return Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
}
