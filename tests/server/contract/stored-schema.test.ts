/**
 * Data files written before the contract domain existed still open: no follow-up or evaluation
 * tables, workspaces without adoption. The new tables and field default to empty.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openMetadataStore } from '../../../server/store/metadata-store';

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

it('opens a metadata file from before follow-up and adoption', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'trame-old-file-'));
  const workspace = {
    id: 'ancien',
    name: 'Ancien espace',
    description: '',
    contractDocument: 'ancien.contract',
    envelope: { totalCents: 100, shares: [{ funder: 'État', amountCents: 100 }] },
    createdAt: '2011-01-01T00:00:00.000Z',
  };
  await writeFile(join(dataDir, 'trame.json'), JSON.stringify({ schemaVersion: 1, workspaces: [workspace], networks: [], structures: [], documents: [] }));
  const db = await openMetadataStore(dataDir);
  expect(db.data.followUps).toEqual([]);
  expect(db.data.evaluations).toEqual([]);
  expect(db.data.workspaces[0]).toEqual(workspace);
  expect(db.data.workspaces[0]?.adoption).toBeUndefined();
});
