/**
 * Amendment routes, under `/api/workspaces/:workspaceId/amendments`. Reading is open to the
 * workspace; proposing, signing and the draft's life need amendments.propose; deciding needs
 * amendments.decide. Bodies are checked with the shared schemas of shared/schemas/amendments.ts.
 */
import { Router, type Request, type Response } from 'express';
import { acceptInputSchema, editInputSchema, proposeInputSchema, rejectInputSchema } from '../../shared/schemas/amendments';
import type { Result } from '../../shared/result';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { param, sendCreated, workspaceActorOf } from '../http/route-helpers';
import { sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import type { AmendmentActor, AmendmentsService } from './amendments.service';

export function amendmentsRoutes(access: AccessControl, amendments: AmendmentsService): Router {
  const router = Router();
  const base = '/workspaces/:workspaceId/amendments';
  const read = requirePermission(access, 'workspace.read');
  const propose = requirePermission(access, 'amendments.propose');
  const decide = requirePermission(access, 'amendments.decide');
  const actorOf = workspaceActorOf(access);
  /** A route acting on one amendment without a body. */
  const action = (run: (actor: AmendmentActor, workspaceId: string, id: string) => Promise<Result<unknown>>) => async (req: Request, res: Response) => {
    const actor = actorOf(req, res);
    if (actor !== undefined) sendResult(req, res, await run(actor, param(req, 'workspaceId'), param(req, 'amendmentId')));
  };

  router.get(base, read, (req, res) => sendResult(req, res, amendments.list(param(req, 'workspaceId'))));
  router.get(`${base}/:amendmentId`, read, async (req, res) => sendResult(req, res, await amendments.get(param(req, 'workspaceId'), param(req, 'amendmentId'))));

  router.post(base, propose, async (req, res) => {
    const input = parseBody(proposeInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendCreated(req, res, await amendments.propose(actor, param(req, 'workspaceId'), input));
  });

  router.patch(`${base}/:amendmentId`, propose, async (req, res) => {
    const input = parseBody(editInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await amendments.edit(actor, param(req, 'workspaceId'), param(req, 'amendmentId'), input));
  });

  router.post(`${base}/:amendmentId/cosign`, propose, action((actor, w, id) => amendments.cosign(actor, w, id)));
  router.post(`${base}/:amendmentId/submit`, propose, action((actor, w, id) => amendments.submit(actor, w, id)));
  router.post(`${base}/:amendmentId/withdraw`, propose, action((actor, w, id) => amendments.withdraw(actor, w, id)));
  router.post(`${base}/:amendmentId/rebase`, propose, action((actor, w, id) => amendments.rebaseDraft(actor, w, id)));
  router.post(`${base}/:amendmentId/discuss`, decide, action((actor, w, id) => amendments.discuss(actor, w, id)));
  router.post(`${base}/:amendmentId/revert`, decide, action((actor, w, id) => amendments.revert(actor, w, id)));

  router.post(`${base}/:amendmentId/accept`, decide, async (req, res) => {
    const input = parseBody(acceptInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await amendments.accept(actor, param(req, 'workspaceId'), param(req, 'amendmentId'), input.reason));
  });

  router.post(`${base}/:amendmentId/reject`, decide, async (req, res) => {
    const input = parseBody(rejectInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await amendments.reject(actor, param(req, 'workspaceId'), param(req, 'amendmentId'), input.reason));
  });

  return router;
}
