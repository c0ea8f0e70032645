/**
 * The client's routes, parsed from `location.pathname`. Navigation uses the History API and
 * announces itself with a `popstate` event, so one listener handles links, Back and Forward.
 * Paths are French, as people read them in their address bar and in invitation emails.
 */

/** Pages inside a workspace. */
export type WorkspacePage =
  | 'contract'
  | 'sheets'
  | 'sheet'
  | 'budget'
  | 'comments'
  | 'amendments'
  | 'amendment'
  | 'decisions'
  | 'decision'
  | 'notifications'
  | 'follow-up'
  | 'follow-up-sheet'
  | 'members'
  | 'invite'
  | 'import'
  | 'audit'
  | 'versions'
  | 'version'
  | 'version-diff'
  | 'contract-import';

/** Pages that show one item (an action sheet, an amendment, a round), named by the last segment of their path. */
const itemPages: Partial<Record<WorkspacePage, string>> = { sheet: '/fiches', 'follow-up-sheet': '/suivi', amendment: '/amendements', decision: '/decisions', version: '/versions' };

/** A parsed location. */
export type Route =
  | { kind: 'home' }
  | { kind: 'sign-in' }
  | { kind: 'setup' }
  | { kind: 'invitation' }
  | { kind: 'account' }
  | { kind: 'workspace'; workspaceId: string; page: WorkspacePage; itemId?: string }
  | { kind: 'not-found' };

/** Routes that work without an account (everything else sends people to sign in). */
export function isPublicRoute(route: Route): boolean {
  return route.kind === 'sign-in' || route.kind === 'setup' || route.kind === 'invitation';
}

// Longer paths first: "/membres/inviter" must not read as "/membres" with an item "inviter".
const workspacePattern = /^\/w\/([a-z0-9][a-z0-9-]{0,63})(\/fiches|\/budget|\/suivi|\/commentaires|\/amendements|\/decisions|\/notifications|\/membres\/inviter|\/membres\/importer|\/membres|\/journal|\/versions\/comparer|\/versions|\/importer)?(?:\/([a-z0-9][a-z0-9-]{0,63}))?\/?$/;
const pageBySuffix: Record<string, WorkspacePage> = {
  '': 'contract',
  '/fiches': 'sheets',
  '/budget': 'budget',
  '/suivi': 'follow-up',
  '/commentaires': 'comments',
  '/amendements': 'amendments',
  '/decisions': 'decisions',
  '/notifications': 'notifications',
  '/membres': 'members',
  '/membres/inviter': 'invite',
  '/membres/importer': 'import',
  '/journal': 'audit',
  '/versions': 'versions',
  // Which two versions: `?de=<id>&a=<id|live>` (see client/versions/).
  '/versions/comparer': 'version-diff',
  '/importer': 'contract-import',
};
const fixedRoutes: Record<string, Route> = {
  '/': { kind: 'home' },
  '': { kind: 'home' },
  '/connexion': { kind: 'sign-in' },
  '/installation': { kind: 'setup' },
  '/invitation': { kind: 'invitation' },
  '/compte': { kind: 'account' },
};

/** Parses a pathname into a route. */
export function parseRoute(pathname: string): Route {
  const fixed = fixedRoutes[pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname];
  if (fixed !== undefined) return fixed;
  const match = workspacePattern.exec(pathname);
  if (match?.[1] === undefined) return { kind: 'not-found' };
  const suffix = match[2] ?? '';
  const itemId = match[3];
  if (itemId === undefined) return { kind: 'workspace', workspaceId: match[1], page: pageBySuffix[suffix] ?? 'contract' };
  const itemPage = (Object.entries(itemPages) as [WorkspacePage, string][]).find(([, path]) => path === suffix)?.[0];
  return itemPage === undefined ? { kind: 'not-found' } : { kind: 'workspace', workspaceId: match[1], page: itemPage, itemId };
}

/** The path of a page of a workspace (its contract by default); item pages need `itemId`. */
export function workspacePath(workspaceId: string, page: WorkspacePage = 'contract', itemId?: string): string {
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  const itemPath = itemPages[page];
  if (itemPath !== undefined) return `${base}${itemPath}/${encodeURIComponent(itemId ?? '')}`;
  const suffix = Object.entries(pageBySuffix).find(([, candidate]) => candidate === page)?.[0] ?? '';
  return `${base}${suffix}`;
}

/** The current location as one in-app path (path, query and fragment). */
export function currentPath(): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

/**
 * The sign-in page, remembering where the person was going. `reason` explains why they are asked
 * (their session ended); it travels in the query so that a reload keeps the explanation. A
 * fragment of the way back (an invitation's secret) stays a fragment, so it never reaches the
 * server: `/connexion?retour=/invitation#secret`.
 */
export function signInPath(returnTo: string | null, reason: 'ended' | 'signed-out' | null = null): string {
  const query = new URLSearchParams();
  const [path = '', fragment = ''] = (returnTo ?? '').split('#', 2);
  if (path !== '' && (path !== '/' || fragment !== '') && isSafeReturnPath(path)) query.set('retour', path);
  if (reason === 'ended') query.set('motif', 'session');
  if (reason === 'signed-out') query.set('motif', 'deconnexion');
  const search = query.toString();
  return `/connexion${search === '' ? '' : `?${search}`}${query.has('retour') && fragment !== '' ? `#${fragment}` : ''}`;
}

/** Where to go after signing in, from the sign-in page's own address (null: home). */
export function returnPathFromSignIn(): string | null {
  const path = new URLSearchParams(location.search).get('retour');
  return path !== null && isSafeReturnPath(path) ? `${path}${location.hash}` : null;
}

/** True for an in-app path (never another site: "//evil.example" and "/\\evil" are refused). */
export function isSafeReturnPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && !path.startsWith('/api/');
}

/**
 * Goes to `path` without reloading. `replace` is for redirects (`/` → first workspace) so that
 * Back does not bounce people to the redirect again.
 */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * Turns a click on an in-app link into a History navigation. Returns true when it did, so the
 * caller can keep modified clicks (new tab, download) for the browser.
 */
export function handleLinkClick(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const anchor = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
  if (anchor === undefined || anchor.target !== '' || anchor.hasAttribute('download')) return false;
  // In-page anchors (the skip link) keep their native behaviour: scroll and move focus.
  if (anchor.getAttribute('href')?.startsWith('#') === true) return false;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return false;
  event.preventDefault();
  navigate(`${url.pathname}${url.search}${url.hash}`);
  return true;
}
