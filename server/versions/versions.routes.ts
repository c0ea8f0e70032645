/**
 * Versions of the contract over REST: the list (named, adopted, checkpoints) and the freeze,
 * naming or adopting a version, one version's record and stored state (for the read-only
 * viewer), opening a new draft from a version, and the public link of an adopted version.
 * Routes with a fixed segment after `/versions/` (diff, authorship) are mounted before this router.
 */
import { Router } from 'express';
import { z } from 'zod';
import { versionInputSchema } from '../../shared/schemas/versions';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { sendProblem, sendResult } from '../http/problem';
import { param, sendCreated, sendProblemWith, viewerOf } from '../http/route-helpers';
import { parseBody } from '../http/validate';
import type { Publications } from './publications';
import type { AdoptResult, VersionsService } from './versions.service';

const versionIdSchema = z.string().regex(/^(live|[a-z0-9][a-z0-9-]{0,63})$/);

export function versionsRoutes(access: AccessControl, versions: VersionsService, publications: Publications): Router {
  const router = Router();
  const base = '/workspaces/:workspaceId/versions';
  const read = requirePermission(access, 'versions.read');

  const versionIdOf = (req: Parameters<Parameters<typeof router.get>[1]>[0]): string | undefined => {
    const parsed = versionIdSchema.safeParse(param(req, 'versionId'));
    return parsed.success ? parsed.data : undefined;
  };
  const notFound = { kind: 'not_found', title: 'Cette version n’existe pas.' } as const;

  const sendAdoption = (req: Parameters<typeof sendCreated>[0], res: Parameters<typeof sendCreated>[1], result: AdoptResult): void => {
    if (!result.ok && 'reasons' in result) return sendProblemWith(req, res, result.error, { reasons: result.reasons });
    sendCreated(req, res, result);
  };

  router.get(base, read, (req, res) => sendResult(req, res, versions.list(param(req, 'workspaceId'))));

  router.post(base, requirePermission(access, 'versions.create'), async (req, res) => {
    const input = parseBody(versionInputSchema, req, res);
    if (input === undefined) return;
    sendAdoption(req, res, await versions.create(viewerOf(res).person, param(req, 'workspaceId'), input));
  });

  router.get(`${base}/:versionId`, read, (req, res) => {
    const versionId = versionIdOf(req);
    if (versionId === undefined) return sendProblem(req, res, notFound);
    sendResult(req, res, versions.get(param(req, 'workspaceId'), versionId));
  });

  router.get(`${base}/:versionId/state`, read, async (req, res) => {
    const versionId = versionIdOf(req);
    if (versionId === undefined) return sendProblem(req, res, notFound);
    const state = await versions.stateOf(param(req, 'workspaceId'), versionId);
    if (!state.ok) return sendProblem(req, res, state.error);
    // A stored version never changes: cacheable by the person's browser; the live state is not.
    res.setHeader('Cache-Control', versionId === 'live' ? 'no-store' : 'private, max-age=31536000, immutable');
    res.type('application/octet-stream').send(Buffer.from(state.value.buffer, state.value.byteOffset, state.value.byteLength));
  });

  router.post(`${base}/:versionId/draft`, requirePermission(access, 'versions.restore'), async (req, res) => {
    const versionId = versionIdOf(req);
    if (versionId === undefined || versionId === 'live') return sendProblem(req, res, notFound);
    sendResult(req, res, await versions.openDraft(viewerOf(res).person, param(req, 'workspaceId'), versionId));
  });

  router.post(`${base}/:versionId/publication`, requirePermission(access, 'versions.publish'), async (req, res) => {
    const versionId = versionIdOf(req);
    if (versionId === undefined) return sendProblem(req, res, notFound);
    sendResult(req, res, await publications.publish(viewerOf(res).person, param(req, 'workspaceId'), versionId));
  });

  router.delete(`${base}/:versionId/publication`, requirePermission(access, 'versions.publish'), async (req, res) => {
    const versionId = versionIdOf(req);
    if (versionId === undefined) return sendProblem(req, res, notFound);
    sendResult(req, res, await publications.unpublish(viewerOf(res).person, param(req, 'workspaceId'), versionId));
  });

  return router;
}
