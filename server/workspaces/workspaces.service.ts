/** Rules for reading workspaces; returns Results with French errors. */
import { structureColour } from '../../shared/colours';
import { fail, ok, type Result } from '../../shared/result';
import type { Structure, StructureView, WorkspaceSummary, WorkspaceView } from '../../shared/schemas/workspace';
import type { MetadataStore } from '../store/metadata-store';
import * as repository from './workspaces.repository';

const workspaceNotFound = { kind: 'not_found', title: 'Espace de travail introuvable.' } as const;

export function listWorkspaceSummaries(db: MetadataStore): WorkspaceSummary[] {
  return repository.listWorkspaces(db).map(({ id, name, description, contractDocument }) => ({ id, name, description, contractDocument }));
}

export function getWorkspaceView(db: MetadataStore, workspaceId: string): Result<WorkspaceView> {
  const workspace = repository.findWorkspace(db, workspaceId);
  if (workspace === undefined) return fail({ ...workspaceNotFound, detail: `Aucun espace de travail « ${workspaceId} ».` });
  const structures = repository
    .structuresOf(db, workspaceId)
    .map((structure): StructureView => ({ ...structure, colour: structureColour(structure.id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return ok({ ...workspace, adoption: workspace.adoption ?? null, freeze: workspace.freeze ?? null, networks: repository.networksOf(db, workspaceId), structures });
}

/** The structure a person says they belong to, checked against the workspace. */
export function getStructure(db: MetadataStore, workspaceId: string, structureId: string): Result<Structure> {
  if (repository.findWorkspace(db, workspaceId) === undefined) return fail(workspaceNotFound);
  const structure = repository.findStructure(db, workspaceId, structureId);
  if (structure === undefined) {
    return fail({ kind: 'invalid', title: 'Cette structure ne fait pas partie de l’espace de travail.', fields: { structureId: 'Choisissez une structure de la liste.' } });
  }
  return ok(structure);
}
