/** lowdb reads and writes for workspaces, networks and structures. */
import type { Network, Structure, Workspace } from '../../shared/schemas/workspace';
import type { MetadataStore } from '../store/metadata-store';

export function listWorkspaces(db: MetadataStore): Workspace[] {
  return db.data.workspaces;
}

export function findWorkspace(db: MetadataStore, id: string): Workspace | undefined {
  return db.data.workspaces.find((workspace) => workspace.id === id);
}

export function networksOf(db: MetadataStore, workspaceId: string): Network[] {
  return db.data.networks.filter((network) => network.workspaceId === workspaceId);
}

export function structuresOf(db: MetadataStore, workspaceId: string): Structure[] {
  return db.data.structures.filter((structure) => structure.workspaceId === workspaceId);
}

export function findStructure(db: MetadataStore, workspaceId: string, structureId: string): Structure | undefined {
  return db.data.structures.find((s) => s.workspaceId === workspaceId && s.id === structureId);
}
