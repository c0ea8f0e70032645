/**
 * Exports over REST: start an export of a version (or of the live contract, `live`) in a format,
 * follow it, download its file. Everyone in the workspace but observers may export
 * (`contract.export`); a job and its file are visible to the person who asked for it only.
 */
import { Router } from 'express';
import { z } from 'zod';
import { exportFormats } from '../../shared/schemas/versions';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { param, viewerOf } from '../http/route-helpers';
import { sendProblem, sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import { attachmentDisposition } from './export-formats';
import type { ExportJobs } from './export-jobs';

export const exportInputSchema = z.object(
  {
    versionId: z.string({ error: 'Choisissez la version à exporter.' }).trim().min(1, 'Choisissez la version à exporter.').max(64, 'Cette version n’existe pas.'),
    format: z.enum(exportFormats, { error: 'Choisissez un format : DOCX, ODT, PDF, Markdown ou HTML.' }),
  },
  { error: 'Le contenu envoyé doit être un objet JSON.' },
);

export function exportsRoutes(access: AccessControl, jobs: ExportJobs): Router {
  const router = Router();
  const base = '/workspaces/:workspaceId/exports';
  const exporting = requirePermission(access, 'contract.export');

  router.post(base, exporting, (req, res) => {
    const input = parseBody(exportInputSchema, req, res);
    if (input === undefined) return;
    const started = jobs.start(viewerOf(res).person, param(req, 'workspaceId'), input);
    if (started.ok) res.status(202).json(started.value);
    else sendResult(req, res, started);
  });

  router.get(`${base}/:jobId`, exporting, (req, res) => {
    sendResult(req, res, jobs.get(viewerOf(res).person.id, param(req, 'workspaceId'), param(req, 'jobId')));
  });

  router.get(`${base}/:jobId/file`, exporting, (req, res) => {
    const file = jobs.file(viewerOf(res).person.id, param(req, 'workspaceId'), param(req, 'jobId'));
    if (!file.ok) return sendProblem(req, res, file.error);
    res.setHeader('Content-Type', file.value.mimeType);
    res.setHeader('Content-Disposition', attachmentDisposition(file.value.fileName));
    res.setHeader('Content-Length', String(file.value.bytes.byteLength));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(file.value.bytes);
  });

  return router;
}
