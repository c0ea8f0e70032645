/**
 * An amendment's draft document: its own small Y.Doc, co-edited by its signatories. It holds the
 * proposed rich text in a fragment named like the contract's (so the contract editor edits it
 * unchanged) and, for a new action sheet, the sheet's title as a Y.Text.
 */
import * as Y from 'yjs';
import { contractFragmentName } from '../document-names';
import { blocksOf, textsOf } from './blocks';

export const draftTitleName = 'title';

/** The document name of an amendment's draft. */
export const draftDocumentName = (workspaceId: string, amendmentId: string): string => `${workspaceId}.amendment.${amendmentId}`;

export const draftFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(contractFragmentName);
export const draftTitle = (doc: Y.Doc): Y.Text => doc.getText(draftTitleName);

/** The draft's blocks and their plain texts. */
export function readDraft(doc: Y.Doc): { blocks: Y.XmlElement[]; texts: string[]; title: string } {
  const blocks = blocksOf(draftFragment(doc));
  return { blocks, texts: textsOf(blocks), title: draftTitle(doc).toString() };
}

/** Replaces the draft's rich text with copies of `blocks` (from any document), in one transaction. */
export function replaceDraftBlocks(doc: Y.Doc, blocks: readonly Y.XmlElement[], origin: unknown = null): void {
  doc.transact(() => {
    const fragment = draftFragment(doc);
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    if (blocks.length > 0) fragment.insert(0, blocks.map((block) => block.clone()));
  }, origin);
}
