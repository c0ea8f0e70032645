/**
 * `/api/session` (sign in/out), `/api/me` (profile, password, sessions, access tokens) and
 * `/api/setup` (the first coordinator's one-time link). Sign-in is rate limited per address and
 * email, with a French message that says when to try again.
 */
import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import {
  accessTokenRequestSchema,
  changePasswordSchema,
  completeSetupSchema,
  displayNameSchema,
  emailSchema,
  signInSchema,
} from '../../shared/schemas/people';
import { sendProblem, sendResult } from '../http/problem';
import { parseBody } from '../http/validate';
import { requireViewer, type Viewer } from './auth.middleware';
import type { AuthService, SignedIn } from './auth.service';
import { sessionLabel, setSessionCookie } from './browser-session';
import { sessionCookieName } from './credentials';
import type { SessionsService } from './sessions.service';

export interface AuthRoutesOptions {
  auth: AuthService;
  sessions: SessionsService;
  /** Sign-in attempts allowed per address and email in `signInWindowMs`. */
  signInAttempts: number;
  signInWindowMs: number;
}

function viewerOf(res: Response): Viewer {
  const viewer = res.locals.viewer;
  if (viewer === undefined) throw new Error('route used without requireViewer');
  return viewer;
}

export function authRoutes({ auth, sessions, signInAttempts, signInWindowMs }: AuthRoutesOptions): Router {
  const router = Router();
  const signedIn = (req: Request, res: Response, result: SignedIn): void => {
    setSessionCookie(req, res, result.secret);
    sendResult(req, res, auth.me(result.person.id));
  };

  const signInLimiter = rateLimit({
    windowMs: signInWindowMs,
    limit: signInAttempts,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => {
      const email = emailSchema.safeParse((req.body as { email?: unknown } | undefined)?.email);
      return `${ipKeyGenerator(req.ip ?? '')}|${email.success ? email.data : ''}`;
    },
    handler: (req, res) => {
      const minutes = Math.ceil(signInWindowMs / 60_000);
      sendProblem(req, res, {
        kind: 'too_many_requests',
        title: 'Trop de tentatives de connexion.',
        detail: `Par sécurité, attendez ${minutes} minute${minutes > 1 ? 's' : ''} avant de réessayer, ou demandez à la coordination de vous envoyer un nouveau lien.`,
      });
    },
  });

  router.post('/session', signInLimiter, async (req, res) => {
    const input = parseBody(signInSchema, req, res);
    if (input === undefined) return;
    const result = await auth.signIn(input.email, input.password, sessionLabel(req));
    if (!result.ok) return sendProblem(req, res, result.error);
    signedIn(req, res, result.value);
  });

  router.delete('/session', async (_req, res) => {
    const viewer = res.locals.viewer;
    if (viewer !== undefined) await auth.signOut(viewer.session);
    res.clearCookie(sessionCookieName, { path: '/' });
    res.status(204).end();
  });

  router.post('/setup', async (req, res) => {
    const secret = z.string({ error: 'Le lien d’installation est incomplet.' }).min(1, 'Le lien d’installation est incomplet.').max(100, 'Ce lien d’installation n’est pas valable.');
    const input = parseBody(completeSetupSchema.extend({ secret, email: emailSchema }), req, res);
    if (input === undefined) return;
    const result = await auth.completeSetup(input.secret, input);
    if (!result.ok) return sendProblem(req, res, result.error);
    signedIn(req, res, result.value);
  });

  router.get('/me', requireViewer, (req, res) => {
    sendResult(req, res, auth.me(viewerOf(res).person.id));
  });

  router.patch('/me', requireViewer, async (req, res) => {
    const input = parseBody(z.object({ displayName: displayNameSchema }), req, res);
    if (input === undefined) return;
    sendResult(req, res, await auth.updateProfile(viewerOf(res).person.id, input.displayName));
  });

  router.put('/me/password', requireViewer, async (req, res) => {
    const input = parseBody(changePasswordSchema, req, res);
    if (input === undefined) return;
    const viewer = viewerOf(res);
    const result = await auth.changePassword(viewer.person.id, input.currentPassword, input.newPassword, viewer.session.id);
    if (!result.ok) return sendProblem(req, res, result.error);
    res.status(204).end();
  });

  router.get('/me/sessions', requireViewer, (_req, res) => {
    const viewer = viewerOf(res);
    res.json(
      sessions.listOf(viewer.person.id).map(({ id, kind, label: name, createdAt, lastSeenAt, expiresAt }) => ({
        id,
        kind,
        label: name,
        createdAt,
        lastSeenAt,
        expiresAt,
        isCurrent: id === viewer.session.id,
      })),
    );
  });

  router.delete('/me/sessions/:sessionId', requireViewer, async (req, res) => {
    const viewer = viewerOf(res);
    const revoked = await sessions.revoke(viewer.person.id, [String(req.params['sessionId'])]);
    if (revoked.length === 0) return sendProblem(req, res, { kind: 'not_found', title: 'Cette session n’existe pas ou est déjà terminée.' });
    res.status(204).end();
  });

  router.post('/me/tokens', requireViewer, async (req, res) => {
    const input = parseBody(accessTokenRequestSchema, req, res);
    if (input === undefined) return;
    const { session, token } = await auth.createAccessToken(viewerOf(res).person.id, input.label);
    res.status(201).json({ id: session.id, label: session.label, expiresAt: session.expiresAt, token });
  });

  return router;
}
