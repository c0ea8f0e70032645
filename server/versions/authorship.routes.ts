/**
 * `GET /api/workspaces/:workspaceId/versions/:versionId/authorship` (`:versionId` may be `live`):
 * who wrote the characters of a version, per client id, person and structure, and its
 * contributors appendix (deliberation records up to the version's date; all of them for `live`).
 * Mounted before the versions' router (its `/versions/:versionId` routes).
 */
import { Router } from 'express';
import { z } from 'zod';
import { liveVersionId } from '../../shared/schemas/versions';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { sendProblem } from '../http/problem';
import { param } from '../http/route-helpers';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace } from '../workspaces/workspaces.repository';
import { authorshipView } from './authorship-view';
import { findVersion } from './versions.repository';
import type { VersionsService } from './versions.service';

const versionIdSchema = z.string().regex(/^(live|[a-z0-9][a-z0-9-]{0,63})$/);
const versionNotFound = { kind: 'not_found', title: 'Cette version n’existe pas.' } as const;
const workspaceNotFound = { kind: 'not_found', title: 'Espace de travail introuvable.' } as const;

export interface AuthorshipRoutesOptions {
  db: MetadataStore;
  access: AccessControl;
  versions: Pick<VersionsService, 'docOf'>;
}

export function authorshipRoutes({ db, access, versions }: AuthorshipRoutesOptions): Router {
  const router = Router();
  router.get('/workspaces/:workspaceId/versions/:versionId/authorship', requirePermission(access, 'versions.read'), async (req, res) => {
    const workspaceId = param(req, 'workspaceId');
    const parsed = versionIdSchema.safeParse(param(req, 'versionId'));
    if (!parsed.success) return sendProblem(req, res, versionNotFound);
    const versionId = parsed.data;
    const workspace = findWorkspace(db, workspaceId);
    if (workspace === undefined) return sendProblem(req, res, workspaceNotFound);
    let until: string | undefined;
    if (versionId !== liveVersionId) {
      const version = findVersion(db, workspaceId, versionId);
      if (version === undefined) return sendProblem(req, res, versionNotFound);
      until = version.createdAt;
    }
    const doc = await versions.docOf(workspaceId, versionId);
    if (!doc.ok) return sendProblem(req, res, doc.error);
    try {
      res.setHeader('Cache-Control', 'no-store');
      res.json(authorshipView(db, workspace, versionId, doc.value, until));
    } finally {
      doc.value.destroy();
    }
  });
  return router;
}
