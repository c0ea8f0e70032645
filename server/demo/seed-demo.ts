/**
 * Seeds the demo workspace on first start (empty data folder): the founding case's contract text,
 * its programme of actions (axes and action sheets with their financing plans), its envelope,
 * and its member structures grouped in networks.
 */
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { contractDocumentName, contractFragmentName } from '../../shared/document-names';
import { contractSchema } from '../../shared/contract-schema';
import { writeProgramme } from '../../shared/programme/edit';
import type { Workspace } from '../../shared/schemas/workspace';
import type { DocumentStore } from '../store/document-store';
import type { MetadataStore } from '../store/metadata-store';
import { buildDemoPeople } from './demo-accounts';
import { buildDemoContract, demoEnvelope } from './demo-contract';
import { buildDemoProgramme } from './demo-programme';
import { buildDemoMembers } from './demo-structures';

/** Id of the demo workspace. */
export const demoWorkspaceId = 'ess-rhone-alpes-2011-2013';

/** True when the store holds no workspace at all (a fresh data folder). */
export function isEmpty(db: MetadataStore): boolean {
  return db.data.workspaces.length === 0;
}

/** Writes the demo workspace: its contract document first, then the metadata that points to it, with one account per role. */
export async function seedDemo(db: MetadataStore, store: DocumentStore, scryptCost: number, now = new Date()): Promise<Workspace> {
  const contractDocument = contractDocumentName(demoWorkspaceId);
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(contractSchema, buildDemoContract(demoEnvelope), doc.getXmlFragment(contractFragmentName));
  writeProgramme(doc, buildDemoProgramme(demoEnvelope));
  await store.compact(contractDocument, Y.encodeStateAsUpdateV2(doc));
  await store.release(contractDocument);
  doc.destroy();

  const createdAt = now.toISOString();
  const workspace: Workspace = {
    id: demoWorkspaceId,
    name: 'Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013',
    description: 'Co-construction du second Contrat Sectoriel de l’économie sociale et solidaire avec plus d’une centaine de structures des réseaux rhônalpins, animée par la CRESS Rhône-Alpes.',
    contractDocument,
    envelope: demoEnvelope,
    createdAt,
  };
  const { networks, structures } = buildDemoMembers(demoWorkspaceId);
  const { people, roles, affiliations, representatives } = await buildDemoPeople(demoWorkspaceId, scryptCost, now);
  for (const structure of structures) structure.representativeId = representatives.get(structure.id) ?? null;
  await db.update((data) => {
    data.workspaces.push(workspace);
    data.networks.push(...networks);
    data.structures.push(...structures);
    data.people.push(...people);
    data.workspaceRoles.push(...roles);
    data.affiliations.push(...affiliations);
    data.documents.push({ name: contractDocument, workspaceId: demoWorkspaceId, kind: 'contract', title: 'Contrat', createdAt });
  });
  return workspace;
}
