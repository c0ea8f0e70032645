/**
 * How other people's cursors and selections look: a caret and a label in their structure's
 * colour (white text on it meets AA, see shared/colours.ts) with their name and structure.
 * Awareness states come from other browsers, so every field is checked before use, and the label
 * is drawn from a data attribute by CSS so it never becomes part of the text or of `innerText`.
 */
import type { DecorationAttrs } from 'prosemirror-view';

const colourPattern = /^#[0-9a-f]{6}$/i;
const fallbackColour = '#37474f';
const maxLabelLength = 120;

interface RemoteUser {
  name: string;
  colour: string;
  structureName: string;
}

function readUser(user: unknown): RemoteUser {
  const fields = typeof user === 'object' && user !== null ? (user as Record<string, unknown>) : {};
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim().slice(0, maxLabelLength) : '');
  const colour = typeof fields['color'] === 'string' && colourPattern.test(fields['color']) ? fields['color'] : fallbackColour;
  return { name: text(fields['name']) || '?', colour, structureName: text(fields['structureName']) };
}

/** The label shown above a remote cursor: "Name · Structure". */
export function remoteCursorLabel(user: unknown): string {
  const { name, structureName } = readUser(user);
  return structureName === '' ? name : `${name} · ${structureName}`;
}

/** y-prosemirror `cursorBuilder`: the caret and its label. */
export function buildRemoteCursor(user: unknown): HTMLElement {
  const { colour } = readUser(user);
  const cursor = document.createElement('span');
  cursor.className = 'trame-remote-cursor';
  cursor.setAttribute('aria-hidden', 'true');
  cursor.style.setProperty('--cursor-colour', colour);
  // No text children: the caret is a border and the label a ::after, so that the document's
  // text (and what tests and screen readers read from it) never includes other people's names.
  cursor.dataset['label'] = remoteCursorLabel(user);
  return cursor;
}

/** y-prosemirror `selectionBuilder`: a light tint of the person's colour behind the text. */
export function buildRemoteSelection(user: unknown): DecorationAttrs {
  const { colour } = readUser(user);
  return { class: 'trame-remote-selection', style: `background-color: ${colour}2e` };
}
