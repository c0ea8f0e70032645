/** Small HTTP helpers shared by the contract domain's routes. */
import type { Request, Response } from 'express';
import { toProblem, type DomainError, type Result } from '../../shared/result';
import type { Viewer } from '../auth/auth.middleware';

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
