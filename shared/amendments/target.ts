/**
 * Where an amendment's target is in the live contract document. A section is the blocks between
 * its heading and the next heading of the same or a higher level; the heading is found by its Yjs
 * relative position (so it is found renamed or moved), then by its text if that anchor was lost.
 * A sheet field is the whole rich text of that field. Shared: the server applies there, the
 * client diffs against it live.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { contractFragmentName } from '../document-names';
import { axisAt, sheetAt, sheetRichText } from '../programme/layout';
import type { AmendmentTarget } from '../schemas/amendments';
import { blockText, blocksOf } from './blocks';

export type TargetProblem = 'section-missing' | 'sheet-missing' | 'field-missing' | 'axis-missing';

/** The located target: the fragment and the range of its children that the amendment replaces. */
export interface LocatedTarget {
  fragment: Y.XmlFragment;
  from: number;
  to: number;
  blocks: Y.XmlElement[];
  /** The section's heading text now (sections only). */
  heading: string | null;
}

export type Location = { ok: true; target: LocatedTarget } | { ok: false; problem: TargetProblem };

/** French messages for targets that cannot be found any more. */
export const targetProblemTitles: Record<TargetProblem, string> = {
  'section-missing': 'La section visée a été supprimée du contrat : cet amendement ne peut plus s’appliquer.',
  'sheet-missing': 'La fiche visée a été supprimée : cet amendement ne peut plus s’appliquer.',
  'field-missing': 'Ce champ de la fiche est endommagé dans le document : cet amendement ne peut pas s’y appliquer.',
  'axis-missing': 'L’axe visé a été supprimé : cette nouvelle fiche ne peut plus être créée.',
};

const isHeading = (node: unknown): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'heading';
export const headingLevel = (node: Y.XmlElement): number => {
  const level = Number(node.getAttribute('level'));
  return Number.isFinite(level) && level > 0 ? level : 1;
};

export const contractFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(contractFragmentName);

/** The headings of the contract, for choosing a section: index in the fragment, level, text. */
export function contractHeadings(doc: Y.Doc): { index: number; level: number; text: string }[] {
  const headings: { index: number; level: number; text: string }[] = [];
  contractFragment(doc).toArray().forEach((node, index) => {
    if (isHeading(node)) headings.push({ index, level: headingLevel(node), text: blockText(node) });
  });
  return headings;
}

/** The anchor of the heading at `index` (base64 relative position), or undefined when it is not a heading. */
export function anchorOfHeading(doc: Y.Doc, index: number): { anchor: string; heading: string } | undefined {
  const fragment = contractFragment(doc);
  const node = fragment.get(index);
  if (!isHeading(node)) return undefined;
  const position = Y.createRelativePositionFromTypeIndex(fragment, index);
  return { anchor: toBase64(Y.encodeRelativePosition(position)), heading: blockText(node) };
}

function findHeading(doc: Y.Doc, anchor: string, headingText: string): number | undefined {
  const fragment = contractFragment(doc);
  try {
    const relative = Y.decodeRelativePosition(fromBase64(anchor));
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
    const node = absolute === null || absolute.type !== fragment ? undefined : fragment.get(absolute.index);
    // The position names the heading's own item: it is that heading only if that item is alive.
    if (isHeading(node) && relative.item !== null && node._item !== null && Y.compareIDs(node._item.id, relative.item) && !node._item.deleted) {
      return absolute?.index;
    }
  } catch {
    // A damaged anchor: fall back to the heading's text.
  }
  const index = fragment.toArray().findIndex((node) => isHeading(node) && blockText(node) === headingText);
  return index === -1 ? undefined : index;
}

/** Finds the target in the contract document. */
export function locateTarget(doc: Y.Doc, target: AmendmentTarget): Location {
  if (target.kind === 'new-sheet') return axisAt(doc, target.axisId) === undefined ? { ok: false, problem: 'axis-missing' } : { ok: true, target: { fragment: contractFragment(doc), from: 0, to: 0, blocks: [], heading: null } };
  if (target.kind === 'sheet-field') {
    if (sheetAt(doc, target.sheetId) === undefined) return { ok: false, problem: 'sheet-missing' };
    const fragment = sheetRichText(doc, target.sheetId, target.field);
    if (fragment === undefined) return { ok: false, problem: 'field-missing' };
    return { ok: true, target: { fragment, from: 0, to: fragment.length, blocks: blocksOf(fragment), heading: null } };
  }
  const fragment = contractFragment(doc);
  const index = findHeading(doc, target.anchor, target.heading);
  if (index === undefined) return { ok: false, problem: 'section-missing' };
  const heading = fragment.get(index) as Y.XmlElement;
  const level = headingLevel(heading);
  const nodes = fragment.toArray();
  let to = index + 1;
  while (to < nodes.length && !(isHeading(nodes[to]) && headingLevel(nodes[to] as Y.XmlElement) <= level)) to++;
  return { ok: true, target: { fragment, from: index + 1, to, blocks: blocksOf(fragment, index + 1, to), heading: blockText(heading) } };
}
