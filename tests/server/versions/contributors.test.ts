/**
 * The contributors appendix over a real metadata file: text credited through client authors,
 * comments, amendments, consent rounds, each counted once where the rules say so, with `until`
 * cutting the deliberation's records at a version's date.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Amendment } from '../../../shared/schemas/amendments';
import type { CommentThread } from '../../../shared/schemas/comments';
import type { Round } from '../../../shared/schemas/rounds';
import type { Workspace } from '../../../shared/schemas/workspace';
import { sheetsName } from '../../../shared/programme/layout';
import { computeContributors } from '../../../server/versions/contributors';
import { openMetadataStore, type MetadataStore } from '../../../server/store/metadata-store';

const workspace: Workspace = {
  id: 'ws',
  name: 'Contrat',
  description: '',
  contractDocument: 'ws.contract',
  envelope: { totalCents: 0, shares: [] },
  createdAt: '2011-01-01T00:00:00.000Z',
};

const comment = (id: string, structureId: string | null, createdAt: string, extra: Partial<CommentThread['comments'][number]> = {}): CommentThread['comments'][number] => ({
  id,
  authorId: `p-${id}`,
  authorName: 'Quelqu’un',
  structureId,
  structureName: null,
  body: 'Texte',
  mentions: { people: [], structures: [] },
  createdAt,
  editedAt: null,
  deletedAt: null,
  hidden: null,
  ...extra,
});

const thread = (id: string, workspaceId: string, comments: CommentThread['comments'], hidden: CommentThread['hidden'] = null): CommentThread => ({
  id,
  workspaceId,
  anchor: { target: { kind: 'contract' }, start: 'AA==', end: 'AA==', quote: '' },
  status: 'open',
  statusBy: null,
  hidden,
  comments,
  createdAt: comments[0]?.createdAt ?? '',
  updatedAt: comments[0]?.createdAt ?? '',
});

const author = (personId: string, structureId: string | null, role: 'author' | 'cosigner', at: string): Amendment['authors'][number] => ({ personId, name: personId, structureId, structureName: null, role, at });

const amendment = (id: string, authors: Amendment['authors'], history: Amendment['history']): Amendment => ({
  id,
  workspaceId: 'ws',
  number: 1,
  title: 'Amendement',
  motive: '',
  target: { kind: 'new-sheet', axisId: 'axe-1' },
  state: 'submitted',
  draftDocument: `ws.amendment.${id}`,
  base: [],
  authors,
  decision: null,
  history,
  createdAt: history[0]?.at ?? '',
  updatedAt: history[0]?.at ?? '',
});

const event = (at: string, from: Amendment['state'] | null, to: Amendment['state']): Amendment['history'][number] => ({ at, by: 'x', byName: 'x', event: to, from, to, note: '' });

const position = (structureId: string, at: string, history: { at: string }[] = []): Round['positions'][number] => ({
  personId: `rep-${structureId}`,
  personName: 'Représentante',
  position: 'agree',
  reason: null,
  at,
  structureId,
  history: history.map((previous) => ({ personId: `rep-${structureId}`, personName: 'Représentante', position: 'abstain', reason: null, at: previous.at })),
});

const round = (id: string, workspaceId: string, positions: Round['positions']): Round => ({
  id,
  workspaceId,
  subject: { kind: 'contract' },
  subjectTitle: '',
  question: 'D’accord ?',
  deadline: '2011-12-31T00:00:00.000Z',
  quorumPercent: 50,
  openedBy: 'coord',
  openedAt: '2011-02-01T00:00:00.000Z',
  status: 'open',
  closedAt: null,
  closedBy: null,
  positions,
  reminders: [],
  closingNoticeAt: null,
  outcome: null,
  revision: 0,
});

describe('computeContributors', () => {
  let dir: string;
  let db: MetadataStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trame-contributors-'));
    db = await openMetadataStore(dir);
    db.data.workspaces.push(workspace);
    db.data.networks.push({ id: 'n-scop', workspaceId: 'ws', name: 'URSCOP', kind: 'other' }, { id: 'n-asso', workspaceId: 'ws', name: 'Mouvement associatif', kind: 'other' });
    db.data.structures.push(
      { id: 's-scop', workspaceId: 'ws', networkId: 'n-scop', name: 'SCOP Menuiserie', city: '', departement: '01', representativeId: null },
      { id: 's-asso', workspaceId: 'ws', networkId: 'n-asso', name: 'Association Alpha', city: '', departement: '69', representativeId: null },
      { id: 's-idle', workspaceId: 'ws', networkId: 'n-asso', name: 'Association Oisive', city: '', departement: '69', representativeId: null },
    );
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts the characters of the text each structure wrote, through the client ids’ authors', () => {
    const doc = new Y.Doc();
    doc.clientID = 101;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    doc.getXmlFragment('contract').insert(0, [paragraph]);
    text.insert(0, 'Bonjour'); // 7 by 101 (SCOP)
    doc.clientID = 202;
    text.insert(7, ' le monde'); // 9 by 202 (association)
    text.delete(0, 3); // 3 of SCOP's characters deleted: they count for nobody
    doc.clientID = 303; // nobody recorded it: "other"
    const sheet = new Y.Map<unknown>();
    doc.getMap(sheetsName).set('fiche-1-1', sheet);
    const title = new Y.Text('Fiche');
    sheet.set('title', title);
    doc.clientID = 404; // a partner acting for no structure
    title.insert(5, ' !!');
    db.data.clientAuthors.push(
      { document: 'ws.contract', clientId: 101, personId: 'p1', structureId: 's-scop', firstSeenAt: '2011-01-02T00:00:00.000Z' },
      { document: 'ws.contract', clientId: 202, personId: 'p2', structureId: 's-asso', firstSeenAt: '2011-01-02T00:00:00.000Z' },
      { document: 'ws.contract', clientId: 404, personId: 'p4', structureId: null, firstSeenAt: '2011-01-02T00:00:00.000Z' },
      // The same client id in another document says nothing about this one.
      { document: 'other.contract', clientId: 303, personId: 'p1', structureId: 's-scop', firstSeenAt: '2011-01-02T00:00:00.000Z' },
    );
    const appendix = computeContributors(db, workspace, doc);
    expect(appendix.structures).toEqual([
      { structureId: 's-asso', structureName: 'Association Alpha', networkName: 'Mouvement associatif', writtenCharacters: 9, comments: 0, amendments: 0, decisions: 0 },
      { structureId: 's-scop', structureName: 'SCOP Menuiserie', networkName: 'URSCOP', writtenCharacters: 4, comments: 0, amendments: 0, decisions: 0 },
    ]);
    expect(appendix.otherWrittenCharacters).toBe(5 + 3);
  });

  it('counts comments, amendments and decisions, sorted by ways of taking part then counts then name, and cuts them at `until`', () => {
    db.data.commentThreads.push(
      thread('t1', 'ws', [comment('c1', 's-scop', '2011-03-01T10:00:00.000Z'), comment('c2', 's-asso', '2011-03-02T10:00:00.000Z'), comment('c3', 's-scop', '2011-05-01T10:00:00.000Z')]),
      thread('t2', 'ws', [
        comment('c4', 's-asso', '2011-03-03T10:00:00.000Z', { deletedAt: '2011-03-04T10:00:00.000Z', body: '' }),
        comment('c5', 's-asso', '2011-03-03T11:00:00.000Z', { hidden: { reason: 'hors sujet', byId: 'f', byName: 'f', at: '2011-03-04T10:00:00.000Z' } }),
        comment('c6', null, '2011-03-03T12:00:00.000Z'),
      ]),
      thread('t3', 'ws', [comment('c7', 's-scop', '2011-03-01T10:00:00.000Z')], { reason: 'doublon', byId: 'f', byName: 'f', at: '2011-03-02T00:00:00.000Z' }),
      thread('t4', 'other', [comment('c8', 's-scop', '2011-03-01T10:00:00.000Z')]),
    );
    db.data.amendments.push(
      // Proposed by two people of the SCOP (counts once) and co-signed later by the association.
      amendment('a1', [author('p1', 's-scop', 'author', '2011-03-01T00:00:00.000Z'), author('p1b', 's-scop', 'cosigner', '2011-03-01T01:00:00.000Z'), author('p2', 's-asso', 'cosigner', '2011-04-15T00:00:00.000Z')], [
        event('2011-03-01T00:00:00.000Z', null, 'draft'),
        event('2011-03-10T00:00:00.000Z', 'draft', 'submitted'),
      ]),
      // A draft never proposed, and one withdrawn as a draft: nobody's.
      amendment('a2', [author('p2', 's-asso', 'author', '2011-03-01T00:00:00.000Z')], [event('2011-03-01T00:00:00.000Z', null, 'draft')]),
      amendment('a3', [author('p2', 's-asso', 'author', '2011-03-01T00:00:00.000Z')], [event('2011-03-01T00:00:00.000Z', null, 'draft'), event('2011-03-02T00:00:00.000Z', 'draft', 'withdrawn')]),
    );
    db.data.rounds.push(
      round('r1', 'ws', [position('s-asso', '2011-04-20T00:00:00.000Z', [{ at: '2011-03-20T00:00:00.000Z' }]), position('s-scop', '2011-04-21T00:00:00.000Z')]),
      // An offset date: 2011-04-01T01:00+02:00 is 2011-03-31T23:00Z.
      round('r2', 'ws', [position('s-asso', '2011-04-01T01:00:00.000+02:00')]),
      round('r3', 'other', [position('s-scop', '2011-03-01T00:00:00.000Z')]),
    );
    const empty = new Y.Doc();

    const all = computeContributors(db, workspace, empty);
    expect(all.structures).toEqual([
      { structureId: 's-asso', structureName: 'Association Alpha', networkName: 'Mouvement associatif', writtenCharacters: 0, comments: 1, amendments: 1, decisions: 2 },
      { structureId: 's-scop', structureName: 'SCOP Menuiserie', networkName: 'URSCOP', writtenCharacters: 0, comments: 2, amendments: 1, decisions: 1 },
    ]);

    const before = computeContributors(db, workspace, empty, '2011-04-01T00:00:00.000Z');
    expect(before.structures).toEqual([
      // Association: its comment of March 2, its first position in r1 (March 20) and r2 (March 31, 23:00Z); not yet a cosigner.
      { structureId: 's-asso', structureName: 'Association Alpha', networkName: 'Mouvement associatif', writtenCharacters: 0, comments: 1, amendments: 0, decisions: 2 },
      // SCOP: one comment by then (the May one is later), its amendment proposed March 10, no position yet.
      { structureId: 's-scop', structureName: 'SCOP Menuiserie', networkName: 'URSCOP', writtenCharacters: 0, comments: 1, amendments: 1, decisions: 0 },
    ]);

    const early = computeContributors(db, workspace, empty, '2011-03-05T00:00:00.000Z');
    // The amendment was still a draft on March 5: only comments count.
    expect(early.structures.map((c) => [c.structureId, c.comments, c.amendments, c.decisions])).toEqual([
      ['s-asso', 1, 0, 0],
      ['s-scop', 1, 0, 0],
    ]);
    expect(computeContributors(db, workspace, empty, '2011-01-01T00:00:00.000Z').structures).toEqual([]);
  });

  it('sorts ties on ways and counts by name, the French way', () => {
    db.data.structures.push({ id: 's-eco', workspaceId: 'ws', networkId: 'n-asso', name: 'Écocentre', city: '', departement: '69', representativeId: null });
    db.data.commentThreads.push(
      thread('t1', 'ws', [comment('c1', 's-scop', '2011-03-01T10:00:00.000Z'), comment('c2', 's-eco', '2011-03-01T10:00:00.000Z'), comment('c3', 's-asso', '2011-03-01T10:00:00.000Z')]),
    );
    expect(computeContributors(db, workspace, new Y.Doc()).structures.map((c) => c.structureName)).toEqual(['Association Alpha', 'Écocentre', 'SCOP Menuiserie']);
  });
});
