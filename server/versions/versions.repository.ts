/** Queries on the versions, public links and client authors tables of the metadata store. */
import type { ClientAuthor, Publication, Version } from '../../shared/schemas/versions';
import type { MetadataStore } from '../store/metadata-store';

/** A workspace's versions, newest first. */
export function versionsOf(db: MetadataStore, workspaceId: string): Version[] {
  return db.data.versions.filter((version) => version.workspaceId === workspaceId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function findVersion(db: MetadataStore, workspaceId: string, versionId: string): Version | undefined {
  return db.data.versions.find((version) => version.workspaceId === workspaceId && version.id === versionId);
}

/** The newest version of a workspace of any kind (checkpoints included). */
export function latestVersion(db: MetadataStore, workspaceId: string): Version | undefined {
  return versionsOf(db, workspaceId)[0];
}

/** The active (not revoked) public link of a version. */
export function activePublication(db: MetadataStore, workspaceId: string, versionId: string): Publication | undefined {
  return db.data.publications.find((publication) => publication.workspaceId === workspaceId && publication.versionId === versionId && publication.revokedAt === null);
}

export function publicationByToken(db: MetadataStore, token: string): Publication | undefined {
  return db.data.publications.find((publication) => publication.token === token && publication.revokedAt === null);
}

/** Who wrote with each client id of a document. */
export function clientAuthorsOf(db: MetadataStore, document: string): ClientAuthor[] {
  return db.data.clientAuthors.filter((author) => author.document === document);
}
