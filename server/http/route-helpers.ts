/** Small HTTP helpers shared by the workspace domains' routes (contract, comments, amendments, rounds). */
import type { Request, Response } from 'express';
import type { Role } from '../../shared/permissions';
import { toProblem, type DomainError, type Result } from '../../shared/result';
import type { Person } from '../../shared/schemas/people';
import type { AccessControl } from '../access/access-control';
import type { Viewer } from '../auth/auth.middleware';
import { sendProblem } from './problem';

export const param = (req: Request, name: string): string => String(req.params[name]);

export const viewerOf = (res: Response): Viewer => {
  const viewer = res.locals.viewer;
  if (viewer === undefined) throw new Error('route used without a permission check');
  return viewer;
};

/** Sends a problem with extra members (RFC 9457 extensions), such as the reasons of a refusal. */
export function sendProblemWith(req: Request, res: Response, error: DomainError, extensions: Record<string, unknown>): void {
  const problem = toProblem(error, req.originalUrl);
  res.status(problem.status).type('application/problem+json').json({ ...problem, ...extensions });
}

/** Sends a Result, with `201 Created` on success. */
export function sendCreated<T>(req: Request, res: Response, result: Result<T>): void {
  if (result.ok) res.status(201).json(result.value);
  else sendProblemWith(req, res, result.error, {});
}

/** Who acts in a workspace: the signed-in person and their role there. */
export interface WorkspaceActor {
  person: Person;
  role: Role;
}

/**
 * Reads who acts on a `/workspaces/:workspaceId/…` route, after its permission check. Answers 403
 * and returns undefined when the person is not (or no longer) in the workspace.
 */
export function workspaceActorOf(access: AccessControl): (req: Request, res: Response) => WorkspaceActor | undefined {
  return (req, res) => {
    const person = viewerOf(res).person;
    const role = access.roleIn(person.id, param(req, 'workspaceId'));
    if (role === undefined) {
      sendProblem(req, res, { kind: 'forbidden', title: 'Vous ne faites pas partie de cet espace de travail.' });
      return undefined;
    }
    return { person, role };
  };
}
