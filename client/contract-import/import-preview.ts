/**
 * An imported text as the contract would show it, read-only: the preview's ProseMirror JSON is
 * serialised to plain HTML with the contract's schema (so what is shown is exactly what the
 * schema kept: never a script, never an unknown tag). Headings are shifted below the page's own
 * (h1 page, h2 sections) to keep one outline; wide tables scroll in a focusable region.
 */
import { msg } from '@lit/localize';
import { DOMSerializer, Node as ProseMirrorNode } from 'prosemirror-model';
import { contractSchema } from '../../shared/contract-schema';
import type { RichTextJson } from '../../shared/rich-text/markdown';

const baseSerializer = DOMSerializer.fromSchema(contractSchema);
const serializer = new DOMSerializer(
  { ...baseSerializer.nodes, heading: (node: ProseMirrorNode) => [`h${Math.min(6, Number(node.attrs['level']) + 2)}`, 0] },
  baseSerializer.marks,
);

/** The preview's text as an element, or null when the JSON does not fit the schema. */
export function renderImportPreview(json: RichTextJson): HTMLElement | null {
  let doc: ProseMirrorNode;
  try {
    doc = ProseMirrorNode.fromJSON(contractSchema, json);
  } catch {
    return null;
  }
  const container = document.createElement('div');
  container.className = 'contract-import__text';
  container.append(serializer.serializeFragment(doc.content, { document }));
  for (const table of [...container.querySelectorAll('table')]) {
    const region = document.createElement('div');
    region.className = 'table-scroll';
    region.tabIndex = 0;
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', msg('Tableau du texte importé', { id: 'contractImport.preview.table' }));
    table.replaceWith(region);
    region.append(table);
  }
  return container;
}
