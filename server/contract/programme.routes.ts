/**
 * The programme as a whole: the server's live report on the structured contract
 * (`GET …/programme/report`), the envelope (`PUT …/envelope`) and the adoption
 * (`POST …/adoption`, refused with its reasons while the programme does not add up).
 */
import { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { maxVersionCommentLength, maxVersionNameLength } from '../../shared/schemas/versions';
import { envelopeInputSchema } from '../../shared/schemas/workspace';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { sendProblem, sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace } from '../workspaces/workspaces.repository';
import { param, sendProblemWith, viewerOf } from '../http/route-helpers';
import type { ProgrammeMonitor } from './programme-monitor';
import { contractUnavailable, workspaceNotFound, type ProgrammeService } from './programme.service';
import type { VersionsService } from '../versions/versions.service';

/** `POST …/adoption` may name the adopted version; by default it is named after the day. */
const adoptionInputSchema = z.object({
  name: z.string().trim().min(1).max(maxVersionNameLength).optional(),
  comment: z.string().trim().max(maxVersionCommentLength).default(''),
});

export interface ProgrammeRoutesOptions {
  db: MetadataStore;
  access: AccessControl;
  monitor: ProgrammeMonitor;
  programme: ProgrammeService;
  versions: VersionsService;
  logger: Logger;
}

export function programmeRoutes({ db, access, monitor, programme, versions, logger }: ProgrammeRoutesOptions): Router {
  const router = Router();

  router.get('/workspaces/:workspaceId/programme/report', requirePermission(access, 'workspace.read'), async (req, res) => {
    const workspace = findWorkspace(db, param(req, 'workspaceId'));
    if (workspace === undefined) return sendProblem(req, res, workspaceNotFound);
    try {
      res.json(await monitor.current(workspace));
    } catch (error) {
      logger.warn({ err: error, workspace: workspace.id }, 'the programme report could not be built');
      sendProblem(req, res, contractUnavailable);
    }
  });

  router.put('/workspaces/:workspaceId/envelope', requirePermission(access, 'envelope.set'), async (req, res) => {
    const input = parseBody(envelopeInputSchema, req, res);
    if (input === undefined) return;
    sendResult(req, res, await programme.setEnvelope(viewerOf(res).person, param(req, 'workspaceId'), input));
  });

  router.post('/workspaces/:workspaceId/adoption', requirePermission(access, 'programme.adopt'), async (req, res) => {
    const input = parseBody(adoptionInputSchema, req, res, req.body ?? {});
    if (input === undefined) return;
    const name = input.name ?? `Programme adopté le ${new Date().toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })}`;
    const result = await versions.adopt(viewerOf(res).person, param(req, 'workspaceId'), { name, comment: input.comment });
    if (!result.ok && 'reasons' in result) return sendProblemWith(req, res, result.error, { reasons: result.reasons });
    if (!result.ok) return sendProblem(req, res, result.error);
    // The adoption as the workspace holds it, with the adopted version it froze.
    res.status(201).json({ ...findWorkspace(db, param(req, 'workspaceId'))?.adoption, versionId: result.value.id });
  });

  return router;
}
