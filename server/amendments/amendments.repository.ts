/** lowdb reads of amendments (writes go through `db.update` in the service). */
import type { Amendment } from '../../shared/schemas/amendments';
import type { MetadataStore } from '../store/metadata-store';

export function amendmentsOf(db: MetadataStore, workspaceId: string): Amendment[] {
  return db.data.amendments.filter((amendment) => amendment.workspaceId === workspaceId);
}

export function findAmendment(db: MetadataStore, workspaceId: string, id: string): Amendment | undefined {
  return db.data.amendments.find((amendment) => amendment.workspaceId === workspaceId && amendment.id === id);
}

export function findAmendmentByDraft(db: MetadataStore, documentName: string): Amendment | undefined {
  return db.data.amendments.find((amendment) => amendment.draftDocument === documentName);
}

/** The next number in a workspace (1, 2, …; never reused). */
export function nextAmendmentNumber(db: MetadataStore, workspaceId: string): number {
  return amendmentsOf(db, workspaceId).reduce((max, amendment) => Math.max(max, amendment.number), 0) + 1;
}
