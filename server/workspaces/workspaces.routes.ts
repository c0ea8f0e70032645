/** `GET /api/workspaces` (those the viewer belongs to) and `GET /api/workspaces/:workspaceId`. */
import { Router } from 'express';
import type { AccessControl } from '../access/access-control';
import { requirePermission, requireViewer } from '../auth/auth.middleware';
import { rolesOf } from '../auth/people.repository';
import { sendResult } from '../http/problem';
import type { MetadataStore } from '../store/metadata-store';
import { getWorkspaceView, listWorkspaceSummaries } from './workspaces.service';

export function workspacesRoutes(db: MetadataStore, access: AccessControl): Router {
  const router = Router();
  router.get('/workspaces', requireViewer, (_req, res) => {
    const mine = new Set(rolesOf(db, res.locals.viewer?.person.id ?? '').map((r) => r.workspaceId));
    res.json(listWorkspaceSummaries(db).filter((workspace) => mine.has(workspace.id)));
  });
  router.get('/workspaces/:workspaceId', requirePermission(access, 'workspace.read'), (req, res) => {
    sendResult(req, res, getWorkspaceView(db, String(req.params['workspaceId'])));
  });
  return router;
}
