/**
 * The public page of a published version: `GET /p/<token>`, no account needed. It serves the
 * same standalone HTML as the HTML export (same content as every export), under a strict CSP
 * (no script, no external resource), while the publication is active: a revoked or unknown link
 * answers a French 404 page at once (the publication is checked on every request; only the
 * rendered page is cached, for a few minutes, as the version itself never changes).
 */
import { Router, type Response } from 'express';
import type { Logger } from 'pino';
import type { Publication } from '../../shared/schemas/versions';
import type { MetadataStore } from '../store/metadata-store';
import { findVersion, publicationByToken } from '../versions/versions.repository';
import { findWorkspace } from '../workspaces/workspaces.repository';
import { Steps } from './cooperative';
import { layoutExport } from './export-layout';
import { buildExportDocument, frenchDate } from './export-model';
import type { VersionDocuments } from './export-jobs';
import { escapeHtml, renderHtml } from './render-html';

export const publicPageCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const cacheMs = 5 * 60_000;
const maxCached = 20;
const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

function sendPage(res: Response, status: number, html: string | Buffer, cache: string): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', publicPageCsp);
  res.setHeader('Cache-Control', cache);
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.send(html);
}

function notFoundPage(): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lien indisponible — Trame</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1d1d1f;background:#fff;margin:0;line-height:1.55}main{max-width:40rem;margin:4rem auto;padding:0 1rem}h1{color:#1f4036;font-size:1.6rem}</style></head>
<body><main><h1>Ce lien public n’est pas ou plus valide</h1>
<p>La version du contrat que ce lien partageait n’est plus publiée, ou l’adresse est incomplète.</p>
<p>Demandez un nouveau lien à la coordination du contrat.</p></main></body>
</html>
`;
}

export interface PublicPageOptions {
  db: MetadataStore;
  versions: VersionDocuments;
  logger: Logger;
}

export function publicPageRoutes({ db, versions, logger }: PublicPageOptions): Router {
  const router = Router();
  const cache = new Map<string, { html: Buffer; at: number }>();
  const rendering = new Map<string, Promise<Buffer | null>>();

  const render = async (publication: Publication): Promise<Buffer | null> => {
    const workspace = findWorkspace(db, publication.workspaceId);
    const version = findVersion(db, publication.workspaceId, publication.versionId);
    if (workspace === undefined || version === undefined) return null;
    const read = await versions.docOf(workspace.id, version.id);
    if (!read.ok) throw new Error(read.error.title);
    try {
      const document = await buildExportDocument({ db, workspace, version, doc: read.value, requesterName: '' });
      return await renderHtml(layoutExport(document), new Steps(), { footer: `Version publiée le ${frenchDate(publication.createdAt)} avec Trame. Ce lien peut être retiré à tout moment par la coordination du contrat.` });
    } finally {
      read.value.destroy();
    }
  };

  router.get('/p/:token', async (req, res) => {
    const token = String(req.params['token']);
    const publication = tokenPattern.test(token) ? publicationByToken(db, token) : undefined;
    if (publication === undefined) return sendPage(res, 404, notFoundPage(), 'no-store');
    const key = `${publication.id}:${publication.versionId}`;
    const cached = cache.get(key);
    if (cached !== undefined && Date.now() - cached.at < cacheMs) return sendPage(res, 200, cached.html, 'private, max-age=300');
    try {
      let pending = rendering.get(key);
      if (pending === undefined) {
        pending = render(publication).finally(() => rendering.delete(key));
        rendering.set(key, pending);
      }
      const html = await pending;
      // Revoked while it rendered: the link no longer works.
      if (html === null || publicationByToken(db, token) === undefined) return sendPage(res, 404, notFoundPage(), 'no-store');
      cache.set(key, { html, at: Date.now() });
      for (const oldest of cache.keys()) {
        if (cache.size <= maxCached) break;
        cache.delete(oldest);
      }
      sendPage(res, 200, html, 'private, max-age=300');
    } catch (error) {
      logger.error({ err: error, publication: publication.id }, 'a public page could not be rendered');
      sendPage(res, 500, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur — Trame</title></head><body><main><h1>${escapeHtml('La page n’a pas pu être affichée')}</h1><p>Réessayez dans un instant.</p></main></body></html>`, 'no-store');
    }
  });

  return router;
}
