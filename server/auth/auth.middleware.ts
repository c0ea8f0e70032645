/**
 * Express middleware for sessions: who is calling (`res.locals.viewer`), the Origin check on
 * cookie-authenticated writes, and the 401/403 answers, all as problem details in French.
 */
import type { RequestHandler } from 'express';
import type { Action } from '../../shared/permissions';
import type { Person, Session } from '../../shared/schemas/people';
import type { AccessControl } from '../access/access-control';
import { sendProblem } from '../http/problem';
import type { MetadataStore } from '../store/metadata-store';
import { isAllowedOrigin, readCredentials } from './credentials';
import { findPerson } from './people.repository';
import type { SessionsService } from './sessions.service';

/** The signed-in person making a request, and how they proved it. */
export interface Viewer {
  person: Person;
  session: Session;
  via: 'cookie' | 'token';
}

declare global {
  namespace Express {
    interface Locals {
      viewer?: Viewer;
    }
  }
}

/** Resolves the viewer from the cookie or token; a bad or expired one just means "nobody". */
export function resolveViewer(db: MetadataStore, sessions: SessionsService, credentials: ReturnType<typeof readCredentials>): Viewer | undefined {
  if (credentials === undefined) return undefined;
  const session = sessions.resolve(credentials.secret);
  const person = session === undefined ? undefined : findPerson(db, session.personId);
  return session === undefined || person === undefined ? undefined : { person, session, via: credentials.via };
}

export function authenticate(db: MetadataStore, sessions: SessionsService): RequestHandler {
  return (req, res, next) => {
    const viewer = resolveViewer(db, sessions, readCredentials(req.headers));
    if (viewer !== undefined) res.locals.viewer = viewer;
    next();
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses writes from another site (CSRF): those that carry the cookie, and also the anonymous ones
 * (sign-in, setup, invitation acceptance), which would sign the browser into someone else's account
 * (login CSRF). Token-authenticated writes pass: a page elsewhere cannot hold the token.
 */
export function checkOrigin(allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (unsafeMethods.has(req.method) && readCredentials(req.headers)?.via !== 'token' && !isAllowedOrigin(req.headers, allowedOrigins)) {
      return sendProblem(req, res, { kind: 'forbidden', title: 'Requête refusée : elle ne vient pas de Trame.', detail: 'Ouvrez Trame à son adresse habituelle et recommencez.' });
    }
    next();
  };
}

/** 401 unless someone is signed in. */
export const requireViewer: RequestHandler = (req, res, next) => {
  if (res.locals.viewer === undefined) {
    return sendProblem(req, res, { kind: 'unauthenticated', title: 'Connectez-vous pour continuer.', detail: 'Votre session a expiré ou vous n’êtes pas connecté.' });
  }
  next();
};

/** 401/403/404 unless the viewer may perform `action` in the route's `:workspaceId`. */
export function requirePermission(access: AccessControl, action: Action): RequestHandler {
  return (req, res, next) => {
    const viewer = res.locals.viewer;
    if (viewer === undefined) return requireViewer(req, res, next);
    const workspaceId = req.params['workspaceId'];
    if (typeof workspaceId !== 'string') return next(new Error(`requirePermission(${action}) on a route without :workspaceId`));
    const decision = access.check(viewer.person.id, workspaceId, action, 'rest');
    if (!decision.ok) return sendProblem(req, res, decision.error);
    next();
  };
}
