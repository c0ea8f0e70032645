/** Helpers for the amendment tests: propose through the API, read and edit the live documents. */
import { expect } from 'vitest';
import * as Y from 'yjs';
import { blockText } from '../../../shared/amendments/blocks';
import { contractFragment, contractHeadings, locateTarget } from '../../../shared/amendments/target';
import type { Amendment, AmendmentTarget } from '../../../shared/schemas/amendments';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { fetchAs, type TestSession } from '../../helpers/sessions';
import type { TestServer } from '../../helpers/test-server';

export const api = `/api/workspaces/${demoWorkspaceId}/amendments`;
export const contractName = `${demoWorkspaceId}.contract`;
export const sectionHeading = 'La mise en œuvre du Contrat Sectoriel';

export async function post(server: TestServer, as: TestSession, path: string, body: unknown = {}): Promise<Response> {
  return fetchAs(as, server.url, `${api}${path}`, { method: 'POST', body: JSON.stringify(body) });
}

/** Proposes an amendment on the demo contract's section `heading`. */
export async function proposeOnSection(server: TestServer, as: TestSession, heading = sectionHeading, title = 'Préciser la mise en œuvre'): Promise<Amendment> {
  const index = await server.trame.rooms.withDocument(contractName, (doc) => contractHeadings(doc).find((h) => h.text === heading)?.index);
  expect(index).toBeDefined();
  const response = await post(server, as, '', { title, motive: 'Parce que.', target: { kind: 'section', blockIndex: index, heading } });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Amendment;
}

/** The target's blocks' texts in the live contract (undefined when it cannot be found). */
export function targetTexts(server: TestServer, target: AmendmentTarget): Promise<string[] | undefined> {
  return server.trame.rooms.withDocument(contractName, (doc) => {
    const located = locateTarget(doc, target);
    return located.ok ? located.target.blocks.map((block) => blockText(block)) : undefined;
  });
}

/** Replaces the text of the paragraph at `index` of a fragment (the first text node of that block). */
export function rewriteBlock(fragment: Y.XmlFragment, index: number, text: string): void {
  const block = fragment.get(index) as Y.XmlElement;
  if (block.nodeName !== 'paragraph') throw new Error(`not a paragraph: ${block.nodeName}`);
  const node = block.get(0);
  if (node instanceof Y.XmlText) {
    node.delete(0, node.length);
    node.insert(0, text);
  } else {
    block.insert(0, [new Y.XmlText(text)]);
  }
}

/** Edits the section of the live contract as another writer would (server-side: logged and broadcast the same). */
export function editContractSection(server: TestServer, target: AmendmentTarget, blockOffset: number, text: string): Promise<void> {
  return server.trame.rooms.withDocument(contractName, (doc) => {
    const located = locateTarget(doc, target);
    if (!located.ok) throw new Error('target missing');
    doc.transact(() => rewriteBlock(contractFragment(doc), located.target.from + blockOffset, text));
  });
}

export async function getAmendment(server: TestServer, as: TestSession, id: string): Promise<Amendment & { revertible: { ok: boolean; reason: string | null } | null }> {
  const response = await fetchAs(as, server.url, `${api}/${id}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Amendment & { revertible: { ok: boolean; reason: string | null } | null };
}
