/**
 * `GET /api/workspaces/:workspaceId/versions/diff?de=<id|live>&a=<id|live>`: what changed between
 * two versions of the contract (or a version and the live contract), as `VersionDiff` JSON
 * (shared/versions/diff.ts): the text section by section, the sheets field by field, the budget.
 *
 * Both sides are fresh documents (`VersionsService.docOf`), destroyed after the comparison; the
 * live one is a copy taken inside its room, so nobody's editing waits for the comparison. Each
 * side is compared with its own envelope: the one the version was taken with (today's for now).
 * Mounted before the versions' router, whose `/versions/:versionId` would take "diff" as an id.
 */
import { Router } from 'express';
import type * as Y from 'yjs';
import { z } from 'zod';
import type { Result } from '../../shared/result';
import { liveVersionId } from '../../shared/schemas/versions';
import type { Envelope } from '../../shared/schemas/workspace';
import { diffVersions } from '../../shared/versions/diff';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { sendProblem } from '../http/problem';
import { param } from '../http/route-helpers';
import { parseBody } from '../http/validate';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace, structuresOf } from '../workspaces/workspaces.repository';
import { findVersion } from './versions.repository';
import type { VersionsService } from './versions.service';

const versionRef = (missing: string): z.ZodType<string> =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : 'Indiquez une seule version par paramètre.') })
    .trim()
    .min(1, missing)
    .regex(/^(live|[a-z0-9][a-z0-9-]{0,63})$/, 'Cet identifiant de version n’est pas valide.');

/** `de`: the older side; `a`: the newer one (the live contract by default). */
export const diffQuerySchema = z.object({
  de: versionRef('Indiquez la version de départ (paramètre « de »).'),
  a: versionRef('Indiquez la version d’arrivée (paramètre « a »).').default(liveVersionId),
});

const workspaceNotFound = { kind: 'not_found', title: 'Espace de travail introuvable.' } as const;

export interface DiffRoutesOptions {
  db: MetadataStore;
  access: AccessControl;
  versions: Pick<VersionsService, 'docOf'>;
}

export function versionDiffRoutes({ db, access, versions }: DiffRoutesOptions): Router {
  const router = Router();
  router.get('/workspaces/:workspaceId/versions/diff', requirePermission(access, 'versions.read'), async (req, res) => {
    const query = parseBody(diffQuerySchema, req, res, req.query);
    if (query === undefined) return;
    const workspaceId = param(req, 'workspaceId');
    const workspace = findWorkspace(db, workspaceId);
    if (workspace === undefined) return sendProblem(req, res, workspaceNotFound);
    for (const [id, side] of [[query.de, 'de départ'], [query.a, 'd’arrivée']] as const) {
      if (id !== liveVersionId && findVersion(db, workspaceId, id) === undefined) {
        return sendProblem(req, res, { kind: 'not_found', title: `La version ${side} n’existe pas.`, detail: 'Elle a peut-être été saisie à la main ; choisissez-la dans la liste des versions.' });
      }
    }
    const docs: Y.Doc[] = [];
    try {
      const open = async (id: string): Promise<Result<Y.Doc>> => {
        const doc = await versions.docOf(workspaceId, id);
        if (doc.ok) docs.push(doc.value);
        return doc;
      };
      const before = await open(query.de);
      if (!before.ok) return sendProblem(req, res, before.error);
      const after = await open(query.a);
      if (!after.ok) return sendProblem(req, res, after.error);
      const structureNames = new Map(structuresOf(db, workspaceId).map((structure) => [structure.id, structure.name]));
      const envelopeOf = (id: string): Envelope => (id === liveVersionId ? undefined : findVersion(db, workspaceId, id)?.envelope) ?? workspace.envelope;
      const diff = diffVersions(before.value, after.value, { envelopes: { before: envelopeOf(query.de), after: envelopeOf(query.a) }, structureNames });
      res.setHeader('Cache-Control', 'no-store');
      res.json(diff);
    } finally {
      for (const doc of docs) doc.destroy();
    }
  });
  return router;
}
