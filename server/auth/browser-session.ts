/** Opening a browser session and handing it to the browser as the httpOnly session cookie. */
import type { Request, Response } from 'express';
import { sessionCookieName } from './credentials';
import { sessionPolicy, type SessionsService } from './sessions.service';

/** Sets the session cookie (httpOnly, SameSite=Lax, Secure over https). */
export function setSessionCookie(req: Request, res: Response, secret: string): void {
  res.cookie(sessionCookieName, secret, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: sessionPolicy.browserMaxMs });
}

/** The label people see for a session in "Mon compte": the browser that opened it. */
export function sessionLabel(req: Request): string {
  return (req.headers['user-agent'] ?? 'navigateur').slice(0, 120);
}

/** Opens a browser session for a person and sets its cookie on the response. */
export async function signInBrowser(sessions: SessionsService, req: Request, res: Response, personId: string): Promise<void> {
  const { secret } = await sessions.open(personId, 'browser', sessionLabel(req));
  setSessionCookie(req, res, secret);
}
