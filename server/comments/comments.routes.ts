/**
 * Comment routes: list a workspace's threads, open a thread on a passage, reply, edit or delete
 * one's own comment, resolve or reopen, hide or unhide (moderation). Bodies are parsed with the
 * shared schemas of shared/schemas/comments.ts (the composer checks the same ones). Each stored
 * change is announced on Socket.IO (`comments:changed`) by the service.
 */
import { Router, type Request } from 'express';
import { createThreadInputSchema, editCommentInputSchema, hideInputSchema, replyInputSchema, threadStatusInputSchema } from '../../shared/schemas/comments';
import type { AccessControl } from '../access/access-control';
import { requirePermission } from '../auth/auth.middleware';
import { param, sendCreated, workspaceActorOf } from '../http/route-helpers';
import { sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import type { CommentsService } from './comments.service';

export function commentsRoutes(access: AccessControl, comments: CommentsService): Router {
  const router = Router();
  const base = '/workspaces/:workspaceId/comments';
  const read = requirePermission(access, 'workspace.read');
  const write = requirePermission(access, 'comments.write');
  const moderate = requirePermission(access, 'comments.moderate');
  const actorOf = workspaceActorOf(access);
  const ids = (req: Request) => [param(req, 'workspaceId'), param(req, 'threadId')] as const;

  router.get(base, read, (req, res) => {
    const actor = actorOf(req, res);
    if (actor !== undefined) sendResult(req, res, comments.list(actor, param(req, 'workspaceId')));
  });

  router.get(`${base}/:threadId`, read, (req, res) => {
    const actor = actorOf(req, res);
    if (actor !== undefined) sendResult(req, res, comments.get(actor, ...ids(req)));
  });

  router.post(base, write, async (req, res) => {
    const input = parseBody(createThreadInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendCreated(req, res, await comments.create(actor, param(req, 'workspaceId'), input));
  });

  router.post(`${base}/:threadId/replies`, write, async (req, res) => {
    const input = parseBody(replyInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendCreated(req, res, await comments.reply(actor, ...ids(req), input));
  });

  router.patch(`${base}/:threadId/comments/:commentId`, write, async (req, res) => {
    const input = parseBody(editCommentInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await comments.edit(actor, ...ids(req), param(req, 'commentId'), input));
  });

  router.delete(`${base}/:threadId/comments/:commentId`, write, async (req, res) => {
    const actor = actorOf(req, res);
    if (actor !== undefined) sendResult(req, res, await comments.remove(actor, ...ids(req), param(req, 'commentId')));
  });

  router.put(`${base}/:threadId/status`, write, async (req, res) => {
    const input = parseBody(threadStatusInputSchema, req, res);
    const actor = input === undefined ? undefined : actorOf(req, res);
    if (input === undefined || actor === undefined) return;
    sendResult(req, res, await comments.setStatus(actor, ...ids(req), input.status));
  });

  // Moderation: PUT hides with a reason, DELETE unhides; on a thread, or on one comment of it.
  for (const path of [`${base}/:threadId/hidden`, `${base}/:threadId/comments/:commentId/hidden`]) {
    const commentIdOf = (req: Request): string | undefined => (req.params['commentId'] === undefined ? undefined : param(req, 'commentId'));
    router.put(path, moderate, async (req, res) => {
      const input = parseBody(hideInputSchema, req, res);
      const actor = input === undefined ? undefined : actorOf(req, res);
      if (input === undefined || actor === undefined) return;
      sendResult(req, res, await comments.setHidden(actor, ...ids(req), commentIdOf(req), input.reason));
    });
    router.delete(path, moderate, async (req, res) => {
      const actor = actorOf(req, res);
      if (actor !== undefined) sendResult(req, res, await comments.setHidden(actor, ...ids(req), commentIdOf(req), null));
    });
  }

  return router;
}
