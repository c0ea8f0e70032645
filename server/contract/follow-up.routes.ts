/**
 * Follow-up routes: the whole follow-up of a workspace, the reports on one action (status,
 * progress reports, indicator actuals, finances), the steering committee's evaluations, and
 * the CSV/XLSX exports. Bodies are checked with the shared schemas of shared/schemas/follow-up.ts.
 */
import { Router, type Request, type Response } from 'express';
import { evaluationInputSchema, financeInputSchema, indicatorActualInputSchema, periodSchema, progressReportInputSchema, statusInputSchema } from '../../shared/schemas/follow-up';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { sendProblem, sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import { structuresOf } from '../workspaces/workspaces.repository';
import type { MetadataStore } from '../store/metadata-store';
import { exportRows, followUpCsv, followUpXlsx } from './follow-up-export';
import type { FollowUpService } from './follow-up.service';
import { param, sendCreated, workspaceActorOf } from '../http/route-helpers';

/** A correction of an evaluation: the evaluation's fields; its period may be repeated, not changed. */
const evaluationAmendmentSchema = evaluationInputSchema.extend({ period: periodSchema.optional() });

export function followUpRoutes(db: MetadataStore, access: AccessControl, followUps: FollowUpService): Router {
  const router = Router();
  const base = '/workspaces/:workspaceId/follow-up';
  const actorOf = workspaceActorOf(access);
  const report = requirePermission(access, 'followup.report');
  const evaluate = requirePermission(access, 'followup.evaluate');
  const read = requirePermission(access, 'followup.read');

  router.get(base, read, (req, res) => sendResult(req, res, followUps.view(param(req, 'workspaceId'))));

  router.get(`${base}/export.csv`, read, async (req, res) => sendExport(req, res, 'csv'));
  router.get(`${base}/export.xlsx`, read, async (req, res) => sendExport(req, res, 'xlsx'));

  router.put(`${base}/:sheetId/status`, report, async (req, res) => {
    const input = parseBody(statusInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await followUps.setStatus(actor, param(req, 'workspaceId'), param(req, 'sheetId'), input.status));
  });

  router.post(`${base}/:sheetId/reports`, report, async (req, res) => {
    const input = parseBody(progressReportInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendCreated(req, res, await followUps.addReport(actor, param(req, 'workspaceId'), param(req, 'sheetId'), input));
  });

  router.post(`${base}/:sheetId/actuals`, report, async (req, res) => {
    const input = parseBody(indicatorActualInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendCreated(req, res, await followUps.recordActual(actor, param(req, 'workspaceId'), param(req, 'sheetId'), input));
  });

  router.put(`${base}/:sheetId/finances`, report, async (req, res) => {
    const input = parseBody(financeInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await followUps.setFinances(actor, param(req, 'workspaceId'), param(req, 'sheetId'), input));
  });

  router.post(`${base}/:sheetId/evaluations`, evaluate, async (req, res) => {
    const input = parseBody(evaluationInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendCreated(req, res, await followUps.addEvaluation(actor, param(req, 'workspaceId'), param(req, 'sheetId'), input));
  });

  router.patch(`${base}/:sheetId/evaluations/:evaluationId`, evaluate, async (req, res) => {
    const input = parseBody(evaluationAmendmentSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await followUps.amendEvaluation(actor, param(req, 'workspaceId'), param(req, 'sheetId'), param(req, 'evaluationId'), input));
  });

  async function sendExport(req: Request, res: Response, format: 'csv' | 'xlsx'): Promise<void> {
    const workspaceId = param(req, 'workspaceId');
    const data = await followUps.exportData(workspaceId);
    if (!data.ok) return sendProblem(req, res, data.error);
    const { workspace, live, view } = data.value;
    const today = new Date().toISOString().slice(0, 10);
    const rows = exportRows({
      ...live,
      envelope: workspace.envelope,
      followUps: view.followUps,
      evaluations: view.evaluations,
      structures: structuresOf(db, workspaceId),
      today,
    });
    const fileName = `${workspaceId}-suivi-${today}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').send(followUpCsv(rows));
    } else {
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await followUpXlsx(rows));
    }
  }

  return router;
}

