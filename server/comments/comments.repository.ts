/** lowdb reads for comment threads (writes go through `db.update` in the service). */
import type { CommentThread } from '../../shared/schemas/comments';
import type { MetadataStore } from '../store/metadata-store';

export function threadsOf(db: MetadataStore, workspaceId: string): CommentThread[] {
  return db.data.commentThreads.filter((thread) => thread.workspaceId === workspaceId);
}

export function findThread(db: MetadataStore, workspaceId: string, threadId: string): CommentThread | undefined {
  return db.data.commentThreads.find((thread) => thread.workspaceId === workspaceId && thread.id === threadId);
}

/** People affiliated with any of these structures. */
export function peopleOfStructures(db: MetadataStore, structureIds: ReadonlySet<string>): string[] {
  return db.data.affiliations.filter((affiliation) => structureIds.has(affiliation.structureId)).map((affiliation) => affiliation.personId);
}
