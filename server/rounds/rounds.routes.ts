/**
 * Consent rounds over REST: list and read (everyone in the workspace), open / remind / close /
 * record the outcome (animation and coordination), give a position (the REST equivalent of the
 * `rounds:position` Socket.IO event, for integrators), and the workspace's quorum (coordination).
 * Bodies are checked with the shared schemas of shared/schemas/rounds.ts.
 */
import { Router } from 'express';
import { outcomeInputSchema, positionInputSchema, quorumInputSchema, roundOpenInputSchema } from '../../shared/schemas/rounds';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { param, sendCreated, workspaceActorOf } from '../http/route-helpers';
import { sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import type { RoundsService } from './rounds.service';

export function roundsRoutes(access: AccessControl, rounds: RoundsService): Router {
  const router = Router();
  const base = '/workspaces/:workspaceId/rounds';
  const actorOf = workspaceActorOf(access);
  const read = requirePermission(access, 'workspace.read');
  const facilitate = requirePermission(access, 'rounds.open');
  const vote = requirePermission(access, 'rounds.vote');
  // The quorum is a rule of the whole network: only the coordination sets it, as it adopts the
  // programme — hence the coordination-only `programme.adopt` permission (not frozen by adoption).
  const coordinate = requirePermission(access, 'programme.adopt');

  router.get(base, read, async (req, res) => sendResult(req, res, await rounds.list(param(req, 'workspaceId'))));

  router.post(base, facilitate, async (req, res) => {
    const input = parseBody(roundOpenInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendCreated(req, res, await rounds.open(actor, param(req, 'workspaceId'), input));
  });

  router.get(`${base}/:roundId`, read, async (req, res) => sendResult(req, res, await rounds.get(param(req, 'workspaceId'), param(req, 'roundId'))));

  router.put(`${base}/:roundId/position`, vote, async (req, res) => {
    const input = parseBody(positionInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await rounds.givePosition(actor, param(req, 'workspaceId'), param(req, 'roundId'), input));
  });

  router.post(`${base}/:roundId/reminders`, facilitate, async (req, res) => {
    const actor = actorOf(req, res);
    if (actor === undefined) return;
    sendCreated(req, res, await rounds.remind(actor, param(req, 'workspaceId'), param(req, 'roundId')));
  });

  router.post(`${base}/:roundId/close`, facilitate, async (req, res) => {
    const actor = actorOf(req, res);
    if (actor === undefined) return;
    sendResult(req, res, await rounds.close(actor, param(req, 'workspaceId'), param(req, 'roundId')));
  });

  router.put(`${base}/:roundId/outcome`, facilitate, async (req, res) => {
    const input = parseBody(outcomeInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await rounds.recordOutcome(actor, param(req, 'workspaceId'), param(req, 'roundId'), input));
  });

  router.put('/workspaces/:workspaceId/quorum', coordinate, async (req, res) => {
    const input = parseBody(quorumInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await rounds.setQuorum(actor, param(req, 'workspaceId'), input.quorumPercent));
  });

  return router;
}
