/**
 * Server-side writes on someone's behalf (an accepted amendment written by its first author, a
 * restore, an import) with their own Yjs client id, so that the text they bring is credited to
 * them (and their structure) and not to the server or to whoever clicked.
 *
 * Yjs stamps every item with `doc.clientID` as it is created, so setting it for the duration of
 * the (synchronous) write, then putting it back, is enough. It is safe: nothing else runs on the
 * document in between (JavaScript runs the write to its end), the fresh id is not used by any
 * client of this document (checked against its store and the recorded authors), and Yjs' only
 * check on `clientID` after a transaction concerns remote transactions, not these local ones.
 * Observers fired by the write's transactions run while the id is set: what they write (if
 * anything) is credited to the same author.
 */
import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import type { MetadataStore } from '../store/metadata-store';
import { authorshipRecorderFor } from './authorship-recorder';

/** The person (and the structure they act for in that workspace, or null) a write is credited to. */
export interface WriteAuthor {
  personId: string;
  structureId: string | null;
}

/** A client id no client of `doc` uses and nobody is credited with in `documentName`. */
function freshClientId(db: MetadataStore, doc: Y.Doc, documentName: string): number {
  const recorder = authorshipRecorderFor(db);
  for (;;) {
    const candidate = randomInt(1, 2 ** 32 - 1); // Yjs client ids are unsigned 32-bit integers
    if (candidate !== doc.clientID && !doc.store.clients.has(candidate) && !recorder.isCredited(documentName, candidate)) return candidate;
  }
}

/**
 * Runs `write` (synchronous: it must not await) on `doc` with a fresh client id credited to
 * `author` in `documentName` (the document's name in the store, e.g. `workspace.contractDocument`).
 * The write makes its own transactions (one, ideally, so others receive one update). Returns what
 * `write` returns. The credit is recorded only when the write added something under that id.
 */
export function writeAs<T>(db: MetadataStore, doc: Y.Doc, documentName: string, author: WriteAuthor, write: () => T): T {
  const previous = doc.clientID;
  const clientId = freshClientId(db, doc, documentName);
  doc.clientID = clientId;
  try {
    return write();
  } finally {
    doc.clientID = previous;
    if (doc.store.clients.has(clientId)) authorshipRecorderFor(db).credit(documentName, clientId, author.personId, author.structureId);
  }
}
