/**
 * Restoring a version as the new draft: the live document is made equal to the version's content
 * in ONE transaction (one update, logged and broadcast like any other), and the history stays:
 * nothing is rewound, the restore is a new change on top of everything.
 *
 * The change is the smallest one found cheaply, so that what did not change keeps its identity
 * (and the comments anchored in it): in rich text, blocks equal on both sides stay in place
 * (longest common subsequence of their JSON); in the programme, entries and fields equal on both
 * sides stay, the others are replaced by copies of the version's.
 */
import { diffArrays } from 'diff';
import * as Y from 'yjs';
import { contractFragmentName } from '../document-names';
import { axesName, sheetsName } from '../programme/layout';

/** Origin of the restore's transaction. */
export const restoreOrigin = Symbol('trame-restore');

type Node = Y.XmlElement | Y.XmlText;

function keyOf(node: unknown): string {
  if (node instanceof Y.XmlElement || node instanceof Y.XmlText) return node.toString();
  return JSON.stringify(node ?? null);
}

/** Makes `live`'s children equal to `wanted`'s, keeping the blocks both have. */
function restoreFragment(live: Y.XmlFragment, wanted: Y.XmlFragment): void {
  const liveNodes = live.toArray() as Node[];
  const wantedNodes = wanted.toArray() as Node[];
  const changes = diffArrays(liveNodes.map(keyOf), wantedNodes.map(keyOf));
  let position = 0;
  let wantedIndex = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      live.delete(position, count);
    } else if (change.added) {
      live.insert(position, wantedNodes.slice(wantedIndex, wantedIndex + count).map((node) => node.clone()));
      position += count;
      wantedIndex += count;
    } else {
      position += count;
      wantedIndex += count;
    }
  }
}

function cloneValue(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.clone() : value;
}

function jsonOf(value: unknown): string {
  return value instanceof Y.AbstractType ? JSON.stringify(value.toJSON()) : JSON.stringify(value ?? null);
}

/** Makes a map's entries equal to `wanted`'s; `restoreEntry` may restore inside an entry both have. */
function restoreMap(live: Y.Map<unknown>, wanted: Y.Map<unknown>, restoreEntry?: (live: unknown, wanted: unknown) => boolean): void {
  for (const key of [...live.keys()]) if (!wanted.has(key)) live.delete(key);
  for (const [key, value] of wanted.entries()) {
    const current = live.get(key);
    if (live.has(key) && jsonOf(current) === jsonOf(value)) continue;
    if (live.has(key) && restoreEntry?.(current, value) === true) continue;
    live.set(key, cloneValue(value));
  }
}

/** Restores a sheet field by field (rich text block by block); false when it must be replaced whole. */
function restoreSheet(live: unknown, wanted: unknown): boolean {
  if (!(live instanceof Y.Map) || !(wanted instanceof Y.Map)) return false;
  restoreMap(live as Y.Map<unknown>, wanted as Y.Map<unknown>, (liveField, wantedField) => {
    if (liveField instanceof Y.XmlFragment && wantedField instanceof Y.XmlFragment && !(liveField instanceof Y.XmlElement)) {
      restoreFragment(liveField, wantedField);
      return true;
    }
    return false;
  });
  return true;
}

/**
 * Makes the live contract's text and programme equal to the version's, in one transaction.
 * Returns false (and changes nothing) when they are already equal.
 */
export function restoreVersion(live: Y.Doc, version: Y.Doc): boolean {
  let changed = false;
  const noteChange = (): void => {
    changed = true;
  };
  live.on('update', noteChange);
  try {
    live.transact(() => {
      restoreFragment(live.getXmlFragment(contractFragmentName), version.getXmlFragment(contractFragmentName));
      restoreMap(live.getMap(axesName), version.getMap(axesName));
      restoreMap(live.getMap(sheetsName), version.getMap(sheetsName), restoreSheet);
    }, restoreOrigin);
  } finally {
    live.off('update', noteChange);
  }
  return changed;
}
