/**
 * RFC 9457 problem details on the wire: helpers to send a DomainError, the API's 404, and the one
 * error middleware. Unknown errors become a generic 500, logged with the request id; stacks never
 * leak to clients.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { toProblem, type DomainError, type Result } from '../../shared/result';

/** Sends a domain error as `application/problem+json`. */
export function sendProblem(req: Request, res: Response, error: DomainError): void {
  const problem = toProblem(error, req.originalUrl);
  res.status(problem.status).type('application/problem+json').json(problem);
}

/** Sends a Result: its value as JSON, or its error as problem details. */
export function sendResult<T>(req: Request, res: Response, result: Result<T>): void {
  if (result.ok) res.json(result.value);
  else sendProblem(req, res, result.error);
}

/** Gives each request an id (echoed in `X-Request-Id`) for the logs. */
export const assignRequestId: RequestHandler = (_req, res, next) => {
  const id = randomUUID();
  res.locals['requestId'] = id;
  res.setHeader('X-Request-Id', id);
  next();
};

/** Answers any /api path that no route took. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendProblem(req, res, { kind: 'not_found', title: 'Cette adresse de l’API n’existe pas.', detail: `${req.method} ${req.originalUrl}` });
};

interface HttpError {
  status?: number;
  type?: string;
  expose?: boolean;
}

/** Turns body-parser and routing errors into clear problems, anything else into a logged 500. */
export function errorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, type, expose } = (typeof error === 'object' && error !== null ? error : {}) as HttpError;
    if (type === 'entity.too.large') {
      return sendProblem(req, res, { kind: 'too_large', title: 'Le contenu envoyé est trop volumineux.', detail: `La limite est de ${Math.round(maxBodyBytes / 1024)} Kio.` });
    }
    if (type === 'entity.parse.failed') {
      return sendProblem(req, res, { kind: 'invalid', title: 'Le contenu envoyé n’est pas du JSON valide.', detail: 'Vérifiez la syntaxe du corps de la requête.' });
    }
    if (status !== undefined && status >= 400 && status < 500 && expose !== false) {
      return sendProblem(req, res, { kind: status === 413 ? 'too_large' : 'invalid', title: 'Requête invalide.', detail: `La requête n’a pas pu être lue (HTTP ${status}).` });
    }
    logger.error({ err: error, requestId: res.locals['requestId'], method: req.method, url: req.originalUrl }, 'unhandled error');
    sendProblem(req, res, { kind: 'internal', title: 'Erreur interne du serveur.', detail: 'L’incident est enregistré ; réessayez dans un instant.' });
  };
}
