/**
 * A stored version as something to read: its state (a V2 Yjs update) is applied to a local
 * `Y.Doc` that is never connected to anything, and its rich texts (the contract's `contract`
 * fragment, a sheet's goals, description, expected results) are turned into plain, non-editable
 * HTML with the contract's ProseMirror schema. Headings are shifted down so that the page keeps
 * one outline for screen readers: the page's h1, then its sections, then the text's own titles.
 */
import { msg } from '@lit/localize';
import { DOMSerializer, type Node as ProseMirrorNode } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { contractSchema } from '../../shared/contract-schema';
import { contractFragmentName } from '../../shared/document-names';

/** A fresh document holding a version's state (the caller destroys it). */
export function versionDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, state);
  return doc;
}

/** The contract's rich text of a document. */
export function contractFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(contractFragmentName);
}

const baseSerializer = DOMSerializer.fromSchema(contractSchema);

function serializerFor(headingOffset: number): DOMSerializer {
  return new DOMSerializer(
    {
      ...baseSerializer.nodes,
      heading: (node: ProseMirrorNode) => [`h${Math.min(6, Number(node.attrs['level']) + headingOffset)}`, 0],
    },
    baseSerializer.marks,
  );
}

/** A wide table scrolls sideways inside its own focusable region (keyboard users scroll it too). */
function wrapTable(table: HTMLTableElement): void {
  const region = document.createElement('div');
  region.className = 'table-scroll version-table-scroll';
  region.tabIndex = 0;
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', msg('Tableau du texte', { id: 'versions.text.table' }));
  table.replaceWith(region);
  region.append(table);
}

/** True when a rich text holds no words (an empty paragraph counts as empty). */
export function isEmptyText(fragment: Y.XmlFragment | undefined): boolean {
  if (fragment === undefined || fragment.length === 0) return true;
  return yXmlFragmentToProseMirrorRootNode(fragment, contractSchema).textContent.trim() === '';
}

/**
 * A rich text as a read-only element (class `className`); its headings start at level
 * `1 + headingOffset`. An unreadable fragment (damaged by a client) gives an empty element.
 */
export function renderRichText(fragment: Y.XmlFragment | undefined, className: string, headingOffset: number): HTMLElement {
  const container = document.createElement('div');
  container.className = className;
  if (fragment === undefined) return container;
  try {
    const node = yXmlFragmentToProseMirrorRootNode(fragment, contractSchema);
    container.append(serializerFor(headingOffset).serializeFragment(node.content, { document }));
    for (const table of container.querySelectorAll('table')) wrapTable(table);
  } catch {
    // Reading never fails the page: the caller says the text is empty.
  }
  return container;
}
