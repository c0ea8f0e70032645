/** `GET /api/workspaces/:workspaceId/audit`: the coordination reads who did what, newest first. */
import { Router } from 'express';
import { z } from 'zod';
import type { AuditEventView } from '../../shared/schemas/audit';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { findPerson, rolesIn } from '../auth/people.repository';
import { sendProblem } from '../http/problem';
import type { MetadataStore } from '../store/metadata-store';
import type { AuditLog } from './audit-log';

const querySchema = z.object({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export function auditRoutes(db: MetadataStore, access: AccessControl, audit: AuditLog): Router {
  const router = Router();
  router.get('/workspaces/:workspaceId/audit', requirePermission(access, 'audit.read'), async (req, res) => {
    const query = querySchema.safeParse(req.query);
    if (!query.success) return sendProblem(req, res, { kind: 'invalid', title: 'Paramètres de recherche invalides.' });
    const workspaceId = String(req.params['workspaceId']);
    const peopleIds = new Set(rolesIn(db, workspaceId).map((r) => r.personId));
    const events = await audit.list({ workspaceId, peopleIds, limit: query.data.limit, ...(query.data.before === undefined ? {} : { before: query.data.before }) });
    const views: AuditEventView[] = events.map((event) => ({ ...event, actorName: event.actorId === null ? null : (findPerson(db, event.actorId)?.displayName ?? null) }));
    res.json(views);
  });
  return router;
}
