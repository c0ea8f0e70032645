/** lowdb reads and writes for people, their structures and their roles. */
import type { Role } from '../../shared/permissions';
import type { Person, WorkspaceRole } from '../../shared/schemas/people';
import type { MetadataStore } from '../store/metadata-store';

export function findPerson(db: MetadataStore, personId: string): Person | undefined {
  return db.data.people.find((person) => person.id === personId);
}

export function findPersonByEmail(db: MetadataStore, email: string): Person | undefined {
  return db.data.people.find((person) => person.email === email);
}

export function structureIdsOf(db: MetadataStore, personId: string): string[] {
  return db.data.affiliations.filter((a) => a.personId === personId).map((a) => a.structureId);
}

export function roleOf(db: MetadataStore, personId: string, workspaceId: string): Role | undefined {
  return db.data.workspaceRoles.find((r) => r.personId === personId && r.workspaceId === workspaceId)?.role;
}

export function rolesOf(db: MetadataStore, personId: string): WorkspaceRole[] {
  return db.data.workspaceRoles.filter((r) => r.personId === personId);
}

export function rolesIn(db: MetadataStore, workspaceId: string): WorkspaceRole[] {
  return db.data.workspaceRoles.filter((r) => r.workspaceId === workspaceId);
}

/** Sets (or replaces) a person's role in a workspace, in memory; the caller writes. */
export function putRole(db: MetadataStore, role: WorkspaceRole): void {
  const existing = db.data.workspaceRoles.find((r) => r.personId === role.personId && r.workspaceId === role.workspaceId);
  if (existing === undefined) db.data.workspaceRoles.push(role);
  else existing.role = role.role;
}

/** Links a person to a structure, in memory, unless already linked; the caller writes. */
export function putAffiliation(db: MetadataStore, personId: string, structureId: string): void {
  if (!db.data.affiliations.some((a) => a.personId === personId && a.structureId === structureId)) {
    db.data.affiliations.push({ personId, structureId });
  }
}
