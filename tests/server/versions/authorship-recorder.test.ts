/**
 * The authorship recorder on its own, over a real metadata file: the keystroke path (one struct
 * group, already credited), updates carrying several client ids, pure deletions, the first
 * claimer keeping a client id, batched writes, garbage that must not throw; and `writeAs`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { ClientAuthor } from '../../../shared/schemas/versions';
import { AuthorshipRecorder, authorshipRecorderFor } from '../../../server/versions/authorship-recorder';
import { writeAs } from '../../../server/versions/write-as';
import { openMetadataStore, type MetadataStore } from '../../../server/store/metadata-store';

const document = 'ws.contract';

/** The update a client with `clientId` makes by typing `text` into the `contract` text. */
function typing(clientId: number, text: string, base?: Y.Doc): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  if (base !== undefined) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  doc.clientID = clientId;
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('t').insert(doc.getText('t').length, text);
  return { doc, update };
}

describe('AuthorshipRecorder', () => {
  let dir: string;
  let db: MetadataStore;
  let recorder: AuthorshipRecorder;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trame-recorder-'));
    db = await openMetadataStore(dir);
    db.data.workspaces.push({ id: 'ws', name: 'C', description: '', contractDocument: document, envelope: { totalCents: 0, shares: [] }, createdAt: '2011-01-01T00:00:00.000Z' });
    db.data.networks.push({ id: 'n', workspaceId: 'ws', name: 'Réseau', kind: 'other' });
    db.data.structures.push(
      { id: 'other-ws-structure', workspaceId: 'elsewhere', networkId: 'n', name: 'Ailleurs', city: '', departement: '', representativeId: null },
      { id: 's1', workspaceId: 'ws', networkId: 'n', name: 'Un', city: '', departement: '', representativeId: null },
    );
    db.data.affiliations.push({ personId: 'p1', structureId: 'other-ws-structure' }, { personId: 'p1', structureId: 's1' });
    recorder = new AuthorshipRecorder(db);
  });
  afterEach(async () => {
    await recorder.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const stored = async (): Promise<ClientAuthor[]> => (JSON.parse(await readFile(join(dir, 'trame.json'), 'utf8')) as { clientAuthors: ClientAuthor[] }).clientAuthors;

  it('credits a new client id once, to the person’s structure in that workspace, and writes in one batch', async () => {
    const write = vi.spyOn(db, 'write');
    const first = typing(11, 'Bonjour');
    recorder.accepted(document, first.update, { personId: 'p1', workspaceId: 'ws' });
    for (let i = 0; i < 20; i++) {
      let update: Uint8Array = new Uint8Array();
      first.doc.once('update', (u: Uint8Array) => (update = u));
      first.doc.getText('t').insert(0, 'x');
      recorder.accepted(document, update, { personId: 'p1', workspaceId: 'ws' });
    }
    recorder.accepted(document, typing(22, 'Salut').update, { personId: 'p2', workspaceId: 'ws' });
    expect(db.data.clientAuthors.map((a) => [a.clientId, a.personId, a.structureId])).toEqual([
      [11, 'p1', 's1'],
      [22, 'p2', null],
    ]);
    expect(write).not.toHaveBeenCalled();
    await recorder.flush();
    expect(write).toHaveBeenCalledTimes(1);
    expect((await stored()).map((a) => a.clientId)).toEqual([11, 22]);
    // A new recorder over the same store knows what was credited.
    expect(new AuthorshipRecorder(db).isCredited(document, 22)).toBe(true);
  });

  it('keeps a client id with its first claimer; reads updates with several client ids; ignores pure deletions and garbage', () => {
    const alice = typing(11, 'Alice écrit. ');
    recorder.accepted(document, alice.update, { personId: 'p1', workspaceId: 'ws' });
    // Bob's client forwards Alice's update and his own in one update (two struct groups).
    const bob = typing(33, 'Bob écrit.', alice.doc);
    const both = Y.encodeStateAsUpdate(bob.doc);
    recorder.accepted(document, both, { personId: 'p2', workspaceId: 'ws' });
    expect(db.data.clientAuthors.map((a) => [a.clientId, a.personId])).toEqual([
      [11, 'p1'],
      [33, 'p2'],
    ]);
    // A deletion holds no struct group: nothing to credit (client 44 never inserted anything).
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, both);
    deleter.clientID = 44;
    let deletion: Uint8Array = new Uint8Array();
    deleter.once('update', (u: Uint8Array) => (deletion = u));
    deleter.getText('t').delete(0, 3);
    recorder.accepted(document, deletion, { personId: 'p3', workspaceId: 'ws' });
    recorder.accepted(document, new Uint8Array([200, 200, 200]), { personId: 'p3', workspaceId: 'ws' });
    recorder.accepted(document, new Uint8Array([]), { personId: 'p3', workspaceId: 'ws' });
    expect(db.data.clientAuthors.map((a) => a.personId)).toEqual(['p1', 'p2']);
    // The same client id in another document is another matter.
    recorder.accepted('other.contract', alice.update, { personId: 'p3', workspaceId: 'ws' });
    expect(db.data.clientAuthors.filter((a) => a.document === 'other.contract').map((a) => a.personId)).toEqual(['p3']);
  });
});

describe('writeAs', () => {
  let dir: string;
  let db: MetadataStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trame-write-as-'));
    db = await openMetadataStore(dir);
  });
  afterEach(async () => {
    await authorshipRecorderFor(db).stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes with a fresh client id credited to the author, puts the document’s own back, and credits nothing when nothing was written', () => {
    const doc = new Y.Doc();
    const own = doc.clientID;
    doc.getText('t').insert(0, 'Serveur. ');
    const returned = writeAs(db, doc, document, { personId: 'p1', structureId: 's1' }, () => {
      doc.transact(() => doc.getText('t').insert(9, 'Texte de l’amendement.'));
      return 'fait';
    });
    expect(returned).toBe('fait');
    expect(doc.clientID).toBe(own);
    const [credit] = db.data.clientAuthors;
    expect(credit).toMatchObject({ document, personId: 'p1', structureId: 's1' });
    expect(credit!.clientId).not.toBe(own);
    expect(doc.getText('t').toString()).toBe('Serveur. Texte de l’amendement.');
    const items: [number, number][] = [];
    for (let item = doc.getText('t')._start; item !== null; item = item.right) items.push([item.id.client, item.length]);
    expect(items).toEqual([
      [own, 9],
      [credit!.clientId, 'Texte de l’amendement.'.length],
    ]);
    // The document's own id keeps working after the write.
    doc.getText('t').insert(0, '!');
    expect(doc.getText('t')._start?.id.client).toBe(own);

    writeAs(db, doc, document, { personId: 'p2', structureId: null }, () => undefined);
    expect(db.data.clientAuthors).toHaveLength(1);
    expect(() =>
      writeAs(db, doc, document, { personId: 'p3', structureId: null }, () => {
        doc.getText('t').insert(0, 'avant l’erreur');
        throw new Error('échec');
      }),
    ).toThrow('échec');
    expect(doc.clientID).toBe(own);
    expect(db.data.clientAuthors.map((a) => a.personId)).toEqual(['p1', 'p3']);
  });
});
