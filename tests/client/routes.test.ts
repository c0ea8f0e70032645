import { describe, expect, it } from 'vitest';
import { parseRoute, workspacePath, type WorkspacePage } from '../../client/routing/routes';

describe('client routes', () => {
  const id = 'ess-rhone-alpes-2011-2013';
  const pages: [WorkspacePage, string | undefined, string][] = [
    ['contract', undefined, `/w/${id}`],
    ['sheets', undefined, `/w/${id}/fiches`],
    ['sheet', 'fiche-2-1', `/w/${id}/fiches/fiche-2-1`],
    ['budget', undefined, `/w/${id}/budget`],
    ['follow-up', undefined, `/w/${id}/suivi`],
    ['follow-up-sheet', 'fiche-1-3', `/w/${id}/suivi/fiche-1-3`],
    ['comments', undefined, `/w/${id}/commentaires`],
    ['amendments', undefined, `/w/${id}/amendements`],
    ['amendment', 'am-1', `/w/${id}/amendements/am-1`],
    ['decisions', undefined, `/w/${id}/decisions`],
    ['decision', 'tour-1', `/w/${id}/decisions/tour-1`],
    ['notifications', undefined, `/w/${id}/notifications`],
    ['members', undefined, `/w/${id}/membres`],
    ['invite', undefined, `/w/${id}/membres/inviter`],
    ['import', undefined, `/w/${id}/membres/importer`],
    ['audit', undefined, `/w/${id}/journal`],
  ];

  it.each(pages)('reads and writes the path of %s', (page, itemId, path) => {
    expect(workspacePath(id, page, itemId)).toBe(path);
    expect(parseRoute(path)).toEqual({ kind: 'workspace', workspaceId: id, page, ...(itemId === undefined ? {} : { itemId }) });
    expect(parseRoute(`${path}/`)).toEqual(parseRoute(path));
  });

  it('refuses items on pages that have none, and malformed ids', () => {
    expect(parseRoute(`/w/${id}/budget/fiche-1-1`)).toEqual({ kind: 'not-found' });
    expect(parseRoute(`/w/${id}/journal/x`)).toEqual({ kind: 'not-found' });
    expect(parseRoute(`/w/${id}/fiches/Fiche_1`)).toEqual({ kind: 'not-found' });
    expect(parseRoute(`/w/${id}/fiches/a/b`)).toEqual({ kind: 'not-found' });
  });
});
