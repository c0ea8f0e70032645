/** The registry of Yjs documents (which exist, and which workspace each belongs to). */
import type { DocumentRecord, MetadataStore } from '../store/metadata-store';

export function findDocument(db: MetadataStore, name: string): DocumentRecord | undefined {
  return db.data.documents.find((document) => document.name === name);
}

export function listDocumentsOf(db: MetadataStore, workspaceId: string): DocumentRecord[] {
  return db.data.documents.filter((document) => document.workspaceId === workspaceId);
}
