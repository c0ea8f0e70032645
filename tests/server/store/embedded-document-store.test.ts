import { appendFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EmbeddedDocumentStore } from '../../../server/store/embedded-document-store';
import { RecordKind, logMagic } from '../../../server/store/update-log-format';
import { makeDataDir } from '../../helpers/test-server';

const logger = pino({ level: 'silent' });

function textUpdates(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String(i % 10));
  return { doc, updates };
}

function replay(records: { kind: number; payload: Uint8Array }[]): string {
  const doc = new Y.Doc();
  for (const r of records) (r.kind === RecordKind.snapshot ? Y.applyUpdateV2 : Y.applyUpdate)(doc, r.payload);
  return doc.getText('t').toString();
}

describe('embedded document store', () => {
  let dataDir: string;
  let store: EmbeddedDocumentStore;
  beforeEach(async () => {
    dataDir = await makeDataDir();
    store = new EmbeddedDocumentStore({ dataDir, logger, fsyncIntervalMs: 5 });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads nothing for a new document and creates its log', async () => {
    const stored = await store.load('fresh');
    expect(stored.records).toEqual([]);
    expect(await readFile(join(dataDir, 'docs', 'fresh.ylog'))).toEqual(Buffer.from(logMagic));
  });

  it('has written appended updates to the file when append resolves, before any fsync', async () => {
    const { doc, updates } = textUpdates(20);
    await store.load('d');
    for (const update of updates) await store.append('d', [update]);
    const other = new EmbeddedDocumentStore({ dataDir, logger });
    expect(replay((await other.load('d')).records)).toBe(doc.getText('t').toString());
  });

  it('writes a batch of updates as consecutive records in one append', async () => {
    const { doc, updates } = textUpdates(50);
    await store.append('batch', updates);
    expect(store.stats('batch')?.updatesSinceSnapshot).toBe(50);
    await store.release('batch');
    const stored = await store.load('batch');
    expect(stored.records).toHaveLength(50);
    expect(replay(stored.records)).toBe(doc.getText('t').toString());
  });

  it('compacts the log into one snapshot atomically, then keeps appending after it', async () => {
    const { doc, updates } = textUpdates(200);
    await store.append('c', updates);
    const sizeBefore = store.stats('c')?.storedBytes ?? 0;
    await store.compact('c', Y.encodeStateAsUpdateV2(doc));
    expect(store.stats('c')).toMatchObject({ updatesSinceSnapshot: 0 });
    expect(store.stats('c')?.storedBytes).toBeLessThan(sizeBefore);
    doc.on('update', (update: Uint8Array) => void store.append('c', [update]));
    doc.getText('t').insert(0, 'après ');
    await store.release('c');
    const stored = await store.load('c');
    expect(stored.records.map((r) => r.kind)).toEqual([RecordKind.snapshot, RecordKind.update]);
    expect(replay(stored.records)).toBe(doc.getText('t').toString());
    expect((await readdir(join(dataDir, 'docs'))).filter((f) => f.includes('compacting'))).toEqual([]);
  });

  it('cuts a torn last record, keeps everything before it, sets the damaged bytes aside and appends after', async () => {
    const { doc, updates } = textUpdates(10);
    await store.append('torn', updates);
    await store.release('torn');
    const path = join(dataDir, 'docs', 'torn.ylog');
    await appendFile(path, Buffer.from([40, 0, 0, 0, 1, 2, 3])); // a crash in the middle of a record header
    const recovered = await store.load('torn');
    expect(replay(recovered.records)).toBe(doc.getText('t').toString());
    const aside = (await readdir(join(dataDir, 'docs'))).filter((f) => f.startsWith('torn.ylog.corrupt-'));
    expect(aside).toHaveLength(1);
    expect([...(await readFile(join(dataDir, 'docs', aside[0] ?? '')))]).toEqual([40, 0, 0, 0, 1, 2, 3]);
    doc.getText('t').insert(0, 'x');
    await store.append('torn', [Y.encodeStateAsUpdate(doc)]);
    await store.release('torn');
    expect(replay((await store.load('torn')).records)).toBe(doc.getText('t').toString());
  });

  it('sets aside a file that is not a log and starts the document empty instead of failing', async () => {
    const { dirname } = await import('node:path');
    const path = join(dataDir, 'docs', 'junk.ylog');
    await store.load('junk');
    await store.release('junk');
    await writeFile(path, 'not a log at all');
    expect((await store.load('junk')).records).toEqual([]);
    const aside = (await readdir(dirname(path))).filter((f) => f.startsWith('junk.ylog.corrupt-'));
    expect(await readFile(join(dirname(path), aside[0] ?? ''), 'utf8')).toBe('not a log at all');
  });
});
