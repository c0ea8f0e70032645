/**
 * Who wrote which characters of a contract, read from the Yjs document itself: every character
 * of a Yjs text is an item stamped with the client id that inserted it (`item.id.client`), and
 * the server records which person wrote with which client id (`clientAuthors`). So authorship
 * needs no extra bookkeeping in the document: counting live (not deleted) characters per client
 * id, here, and mapping client ids to people and structures, on the server, is enough.
 *
 * Two readings:
 * - `charactersByClient(doc)`: live characters per client id over the contract's texts (the
 *   `contract` fragment, the axes' and the action sheets' texts and rich-text fields), for the
 *   counts of the legend and the contributors appendix;
 * - `fragmentRuns(fragment, isLeaf)`: for one Y.XmlFragment, the runs of characters written by
 *   one client id, with their ProseMirror positions (the fragment bound by y-prosemirror is the
 *   ProseMirror document's content), so the editor can colour them.
 *
 * Pure (no DOM, no Node). Reads Yjs' item lists directly (`_start`, `_map`), which is cheap and
 * the only way to see who inserted what; formatting items (marks) are not characters.
 */
import * as Y from 'yjs';
import { contractSchema } from '../contract-schema';
import { contractFragmentName } from '../document-names';
import { axesName, sheetsName } from '../programme/layout';
import type { ContributorsAppendix } from './contributors';

/** Live characters per client id. */
export type ClientCharacters = Map<number, number>;

function add(counts: ClientCharacters, client: number, length: number): void {
  counts.set(client, (counts.get(client) ?? 0) + length);
}

/** What is read of a shared type of any kind: its sequence of items and its map entries. */
interface ItemLists {
  _start: Y.Item | null;
  _map: Map<string, Y.Item>;
}

/** Adds the live characters of a shared type and of everything nested in it. */
function countType(type: ItemLists, counts: ClientCharacters): void {
  for (let item = type._start; item !== null; item = item.right) countItem(item, counts);
  // Map entries: the current value of a key is the last item; overwritten ones are deleted.
  for (const item of type._map.values()) countItem(item, counts);
}

function countItem(item: Y.Item, counts: ClientCharacters): void {
  if (item.deleted) return;
  const content = item.content;
  if (content instanceof Y.ContentString) add(counts, item.id.client, content.str.length);
  else if (content instanceof Y.ContentType) countType(content.type, counts);
}

/**
 * Live characters per client id in the contract's texts: the sections' rich text, the axes'
 * titles and aims, the action sheets' titles, rich-text fields and indicators' names.
 */
export function charactersByClient(doc: Y.Doc): ClientCharacters {
  const counts: ClientCharacters = new Map();
  countType(doc.getXmlFragment(contractFragmentName), counts);
  countType(doc.getMap(axesName), counts);
  countType(doc.getMap(sheetsName), counts);
  return counts;
}

/** Live characters per client id in one shared type (a fragment, a Y.Text, a map). */
export function charactersByClientIn(type: ItemLists): ClientCharacters {
  const counts: ClientCharacters = new Map();
  countType(type, counts);
  return counts;
}

const contractLeaves: ReadonlySet<string> = new Set(
  Object.values(contractSchema.nodes)
    .filter((type) => type.isLeaf && !type.isText)
    .map((type) => type.name),
);

/** Leaves of the contract's schema (hard breaks, horizontal rules). */
export const isContractLeaf = (nodeName: string): boolean => contractLeaves.has(nodeName);

/** Characters written by one client id, at ProseMirror positions [from, to). */
export interface AuthorshipRun {
  from: number;
  to: number;
  clientId: number;
}

/**
 * The runs of characters of a Y.XmlFragment bound to a ProseMirror document by y-prosemirror,
 * with their positions in that document (the fragment's children are the document's content).
 * `isLeaf` says which node names are leaves (one position, no content: hard breaks, rules): an
 * empty paragraph and a hard break look alike in Yjs (default: the contract schema's leaves). Adjacent runs of one client are merged.
 * Also answers the fragment's content size, so the caller can check it matches the document.
 */
export function fragmentRuns(fragment: Y.XmlFragment, isLeaf: (nodeName: string) => boolean = isContractLeaf): { runs: AuthorshipRun[]; size: number } {
  const runs: AuthorshipRun[] = [];
  let position = 0;
  const push = (from: number, length: number, clientId: number): void => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.to === from && last.clientId === clientId) last.to += length;
    else runs.push({ from, to: from + length, clientId });
  };
  const walkChildren = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (let item = parent._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (child instanceof Y.XmlText) walkText(child);
      else if (child instanceof Y.XmlElement) {
        if (isLeaf(child.nodeName)) {
          position += 1;
        } else {
          position += 1;
          walkChildren(child);
          position += 1;
        }
      }
    }
  };
  const walkText = (text: Y.XmlText): void => {
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      if (item.content instanceof Y.ContentString) push(position, item.length, item.id.client);
      position += item.length;
    }
  };
  walkChildren(fragment);
  return { runs, size: position };
}

/** One client id's author, as `GET /api/workspaces/:id/versions/:versionId/authorship` sends it. */
export interface ClientAuthorView {
  clientId: number;
  personId: string;
  personName: string;
  /** Null for people acting for no structure. */
  structureId: string | null;
  /** The structure's name, or « Sans structure ». */
  structureName: string;
  /** The structure's colour (`structureColour`), or the neutral colour; AA with white text. */
  colour: string;
  /** Live characters of that version written with this client id. */
  characters: number;
}

/** Characters a person wrote in the version (all their client ids together). */
export interface PersonAuthorship {
  personId: string;
  personName: string;
  structureId: string | null;
  structureName: string;
  colour: string;
  characters: number;
}

/** Characters a structure's people wrote in the version; `structureId` null: people of no structure. */
export interface StructureAuthorship {
  structureId: string | null;
  structureName: string;
  colour: string;
  characters: number;
}

/** The French name shown for people acting for no structure. */
export const noStructureName = 'Sans structure';

/** `GET /api/workspaces/:id/versions/:versionId/authorship` (`live`: the contract now). */
export interface AuthorshipView {
  versionId: string;
  /** Every client id with characters in that version whose author is known. */
  authors: ClientAuthorView[];
  /** By person and by structure, most characters first. */
  people: PersonAuthorship[];
  structures: StructureAuthorship[];
  /** Characters whose author is unknown (written before authorship was recorded, or by Trame itself). */
  unknownCharacters: number;
  totalCharacters: number;
  contributors: ContributorsAppendix;
}
