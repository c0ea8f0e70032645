/**
 * Reading who is calling, the same way on every channel: the session cookie (browsers), or an
 * access token (`Authorization: Bearer …`, or `?token=` on a WebSocket URL for clients that
 * cannot set headers). Cookie-authenticated requests must come from Trame's own origin
 * (CSRF and cross-site WebSocket hijacking); token-authenticated ones carry no ambient authority.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parseCookie } from 'cookie';

export const sessionCookieName = 'trame_session';

export interface Credentials {
  secret: string;
  via: 'cookie' | 'token';
}

export function readCredentials(headers: IncomingHttpHeaders, url?: string): Credentials | undefined {
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return { secret: authorization.slice(7).trim(), via: 'token' };
  if (url !== undefined) {
    const token = new URL(url, 'http://localhost').searchParams.get('token');
    if (token !== null && token !== '') return { secret: token, via: 'token' };
  }
  const cookieHeader = headers.cookie;
  if (cookieHeader === undefined) return undefined;
  const secret = parseCookie(cookieHeader)[sessionCookieName];
  return secret === undefined || secret === '' ? undefined : { secret, via: 'cookie' };
}

/**
 * True when the request's Origin is Trame's own (same host as the request) or explicitly allowed.
 * A request without Origin is accepted: browsers always send it on cross-site writes and
 * WebSocket upgrades, so its absence means a non-browser client.
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}
