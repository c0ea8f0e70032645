/**
 * The client's two routes, parsed from `location.pathname`. Navigation uses the History API and
 * announces itself with a `popstate` event, so one listener handles links, Back and Forward.
 */

/** A parsed location. */
export type Route =
  | { kind: 'home' }
  | { kind: 'workspace'; workspaceId: string }
  | { kind: 'not-found' };

const workspacePattern = /^\/w\/([a-z0-9][a-z0-9-]{0,63})\/?$/;

/** Parses a pathname into a route. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'home' };
  const match = workspacePattern.exec(pathname);
  if (match?.[1] !== undefined) return { kind: 'workspace', workspaceId: match[1] };
  return { kind: 'not-found' };
}

/** The path of a workspace's contract. */
export function workspacePath(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}`;
}

/**
 * Goes to `path` without reloading. `replace` is for redirects (`/` → first workspace) so that
 * Back does not bounce people to the redirect again.
 */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
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
  navigate(url.pathname);
  return true;
}
