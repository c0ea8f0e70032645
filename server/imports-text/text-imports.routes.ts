/**
 * Text import routes, under `/api/workspaces/:workspaceId/text-imports` (permission
 * `contract.import`: coordination and facilitation, refused while the contract is frozen). The
 * upload is the raw file (`application/octet-stream`, any type accepted), read only after the
 * permission check, and refused with a French 413 beyond the limit without being kept in memory.
 */
import express, { Router, type RequestHandler } from 'express';
import { applyImportInputSchema } from '../../shared/rich-text/text-import';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { sendProblem, sendResult } from '../http/problem';
import { param, sendCreated, workspaceActorOf } from '../http/route-helpers';
import { parseBody } from '../http/validate';
import { importProblems, maxImportFileBytes } from './import-problems';
import type { TextImportsService } from './text-imports.service';

/** The raw body, with the import's own French answers for a file too large or cut short. */
function rawFile(): RequestHandler {
  const parse = express.raw({ type: () => true, limit: maxImportFileBytes });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const type = (error as { type?: unknown }).type;
      if (type === 'entity.too.large') return sendProblem(req, res, importProblems.tooLarge);
      sendProblem(req, res, { kind: 'invalid', title: 'Le fichier n’a pas pu être reçu en entier.', detail: 'La connexion a été interrompue : réessayez.' });
    });
  };
}

const queryText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function textImportsRoutes(access: AccessControl, imports: TextImportsService): Router {
  const router = Router();
  const base = '/workspaces/:workspaceId/text-imports';
  const importing = requirePermission(access, 'contract.import');
  const actorOf = workspaceActorOf(access);

  router.post(base, importing, rawFile(), async (req, res) => {
    const actor = actorOf(req, res);
    if (actor === undefined) return;
    const body: unknown = req.body;
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(0);
    sendCreated(req, res, await imports.preview(actor, param(req, 'workspaceId'), queryText(req.query['format']), queryText(req.query['name']), bytes));
  });

  router.post(`${base}/:previewId/apply`, importing, async (req, res) => {
    const input = parseBody(applyImportInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    const result = await imports.apply(actor, param(req, 'workspaceId'), param(req, 'previewId'), input);
    if (result.ok && result.value.kind === 'workspace') sendCreated(req, res, result);
    else sendResult(req, res, result);
  });

  return router;
}
