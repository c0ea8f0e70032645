/** `GET /api/workspaces` and `GET /api/workspaces/:workspaceId`. */
import { Router } from 'express';
import type { MetadataStore } from '../store/metadata-store';
import { sendResult } from '../http/problem';
import { getWorkspaceView, listWorkspaceSummaries } from './workspaces.service';

export function workspacesRoutes(db: MetadataStore): Router {
  const router = Router();
  router.get('/workspaces', (_req, res) => {
    res.json(listWorkspaceSummaries(db));
  });
  router.get('/workspaces/:workspaceId', (req, res) => {
    sendResult(req, res, getWorkspaceView(db, req.params.workspaceId));
  });
  return router;
}
