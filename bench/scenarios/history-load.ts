/**
 * Child process of the "history" scenario: loads one document from a data folder as a Room does
 * (store read, then every record applied in one transaction) and prints its figures as JSON,
 * with this process's peak RSS, so that nothing else the bench holds is counted.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { contractFragmentName } from '../../shared/document-names';
import { createLogger } from '../../server/logger';
import { EmbeddedDocumentStore } from '../../server/store/embedded-document-store';
import { RecordKind } from '../../server/store/update-log-format';

const [dataDir, documentName] = process.argv.slice(2);
if (dataDir === undefined || documentName === undefined) throw new Error('usage: history-load.ts <dataDir> <document>');
const store = new EmbeddedDocumentStore({ dataDir, logger: createLogger('silent') });
const started = performance.now();
const stored = await store.load(documentName);
const read = performance.now();
const doc = new Y.Doc();
Y.transact(doc, () => {
  for (const record of stored.records) {
    if (record.kind === RecordKind.snapshot) Y.applyUpdateV2(doc, record.payload);
    else Y.applyUpdate(doc, record.payload);
  }
});
const applied = performance.now();
const characters = doc.getXmlFragment(contractFragmentName).toString().length;
await store.close();
const fileBytes = (await stat(join(dataDir, 'docs', `${documentName}.ylog`))).size;
process.stdout.write(
  JSON.stringify({ records: stored.records.length, fileBytes, readMs: read - started, applyMs: applied - read, peakRssBytes: process.resourceUsage().maxRSS * 1024, characters }),
);
