/** The real editing trace (automerge-paper): loading it, and applying one patch to a Y.Text. */
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type * as Y from 'yjs';

/** The team's shared data folder lies beside the checkout (`../shared/`), wherever that is. */
export const defaultTracePath = fileURLToPath(new URL('../../../shared/data/editing-traces/automerge-paper.json.gz', import.meta.url));

/** [position, characters to delete, text to insert]. */
export type Patch = readonly [number, number, string];

export interface EditingTrace {
  startContent: string;
  endContent: string;
  patches: Patch[];
}

interface TraceFile {
  startContent: string;
  endContent: string;
  txns: { patches: [number, number, string][] }[];
}

export async function loadTrace(path = defaultTracePath): Promise<EditingTrace> {
  const file = JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as TraceFile;
  return { startContent: file.startContent, endContent: file.endContent, patches: file.txns.flatMap((txn) => txn.patches) };
}

/** Applies one patch to `text` as one transaction (so one Yjs update). */
export function applyPatch(text: Y.Text, [position, deleteCount, insert]: Patch): void {
  const doc = text.doc;
  if (doc === null) throw new Error('the text is not in a document');
  doc.transact(() => {
    if (deleteCount > 0) text.delete(position, deleteCount);
    if (insert.length > 0) text.insert(position, insert);
  });
}
