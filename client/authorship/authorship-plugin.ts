/**
 * The ProseMirror plugin that shows who wrote the text: each run of characters written with one
 * Yjs client id (shared/versions/authorship.ts `fragmentRuns`) becomes an inline decoration
 * tinted with its author's structure colour, underlined with a dotted line in that colour, and
 * named in a `title` and data attributes (colour is never the only cue).
 *
 * Fed with the authors of client ids (`authors()`, null: hidden) and the Y.XmlFragment the editor
 * shows (by default the one y-prosemirror binds). Between two readings of the fragment the
 * decorations follow the edits (mapping); a new reading happens a moment after the last change
 * (debounced), once Yjs and ProseMirror agree again (local typing reaches Yjs just after
 * ProseMirror). Usable on a read-only view of a stored version too (`fragment` given).
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { authorshipTint } from '../../shared/versions/authorship-colours';
import { fragmentRuns } from '../../shared/versions/authorship';

/** Who wrote with a client id, as the decorations show it. */
export interface AuthorOfClient {
  personId: string;
  personName: string;
  structureId: string | null;
  structureName: string;
  /** `#rrggbb`: the structure's colour (or the neutral one). */
  colour: string;
}

export type AuthorsByClient = ReadonlyMap<number, AuthorOfClient>;

export interface AuthorshipPluginOptions {
  /** The authors of client ids; null hides the authorship. Call `refreshAuthorship` when it changes. */
  authors: () => AuthorsByClient | null;
  /** The rich text shown (default: the fragment y-prosemirror binds to the editor). */
  fragment?: () => Y.XmlFragment | undefined;
  /** The tooltip of a passage (localized by the caller). */
  titleOf: (author: AuthorOfClient) => string;
  /** Told when characters were written with client ids of unknown authors (to ask the server again). */
  onUnknownClients?: (clientIds: number[]) => void;
  /** Delay after the last change before the text is read again (ms). */
  debounceMs?: number;
}

export interface AuthorshipState {
  decorations: DecorationSet;
  /** True when the decorations were mapped through edits and the fragment should be read again. */
  stale: boolean;
  /** Client ids with characters but no known author, at the last reading. */
  unknown: readonly number[];
}

export const authorshipKey = new PluginKey<AuthorshipState>('trame-authorship');

const colourPattern = /^#[0-9a-f]{6}$/i;

/** Tells the plugin to read the text again (the authors changed, or it was shown or hidden). */
export function refreshAuthorship(tr: Transaction): Transaction {
  return tr.setMeta(authorshipKey, { refresh: true });
}

/**
 * The decorations of a ProseMirror document built from `fragment`; undefined when the two do not
 * agree yet (sizes differ). Exported for read-only renderings of a version.
 */
export function authorshipDecorations(
  doc: ProseMirrorNode,
  fragment: Y.XmlFragment,
  authors: AuthorsByClient,
  titleOf: (author: AuthorOfClient) => string,
): { decorations: DecorationSet; unknown: number[] } | undefined {
  const { runs, size } = fragmentRuns(fragment);
  if (size !== doc.content.size) return undefined;
  const unknown = new Set<number>();
  const decorations: Decoration[] = [];
  let current: { from: number; to: number; author: AuthorOfClient } | undefined;
  const close = (): void => {
    if (current === undefined) return;
    const { author } = current;
    const colour = colourPattern.test(author.colour) ? author.colour : '#4d535c';
    decorations.push(
      Decoration.inline(current.from, current.to, {
        class: 'authorship-passage',
        style: `--authorship-colour: ${colour}; --authorship-tint: ${authorshipTint(colour)}`,
        title: titleOf(author),
        'data-structure': author.structureName,
        'data-author': author.personName,
      }),
    );
    current = undefined;
  };
  for (const run of runs) {
    const author = authors.get(run.clientId);
    if (author === undefined) {
      unknown.add(run.clientId);
      close();
      continue;
    }
    // One decoration per stretch by the same person for the same structure, whatever their client ids.
    if (current !== undefined && current.to === run.from && current.author.personId === author.personId && current.author.structureId === author.structureId) {
      current.to = run.to;
    } else {
      close();
      current = { from: run.from, to: run.to, author };
    }
  }
  close();
  return { decorations: DecorationSet.create(doc, decorations), unknown: [...unknown] };
}

export function authorshipPlugin(options: AuthorshipPluginOptions): Plugin<AuthorshipState> {
  const fragmentOf = (state: EditorState): Y.XmlFragment | undefined =>
    options.fragment?.() ?? (ySyncPluginKey.getState(state) as { type?: Y.XmlFragment } | undefined)?.type;

  const read = (state: EditorState, previous: AuthorshipState | undefined): AuthorshipState => {
    const authors = options.authors();
    const fragment = fragmentOf(state);
    if (authors === null || fragment === undefined) return { decorations: DecorationSet.empty, stale: false, unknown: [] };
    const found = authorshipDecorations(state.doc, fragment, authors, options.titleOf);
    // Not in step (y-prosemirror left out a node it could not show): keep the mapped ones until the next change.
    if (found === undefined) return { decorations: previous?.decorations ?? DecorationSet.empty, stale: false, unknown: previous?.unknown ?? [] };
    return { decorations: found.decorations, stale: false, unknown: found.unknown };
  };

  return new Plugin<AuthorshipState>({
    key: authorshipKey,
    state: {
      init: (_config, state) => read(state, undefined),
      apply(tr, previous, _oldState, state) {
        const meta = tr.getMeta(authorshipKey) as { refresh?: boolean } | undefined;
        if (meta?.refresh === true) return read(state, previous);
        if (!tr.docChanged || options.authors() === null) return previous;
        return { decorations: previous.decorations.map(tr.mapping, tr.doc), stale: true, unknown: previous.unknown };
      },
    },
    props: {
      decorations: (state) => authorshipKey.getState(state)?.decorations,
    },
    view: () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let reported = '';
      return {
        update(view: EditorView) {
          const state = authorshipKey.getState(view.state);
          if (state === undefined) return;
          const unknown = state.unknown.join(',');
          if (unknown !== reported) {
            reported = unknown;
            if (state.unknown.length > 0) options.onUnknownClients?.([...state.unknown]);
          }
          // Read again at most every `debounceMs` while the text changes.
          if (!state.stale || timer !== undefined) return;
          timer = setTimeout(() => {
            timer = undefined;
            if (!view.isDestroyed) view.dispatch(refreshAuthorship(view.state.tr));
          }, options.debounceMs ?? 400);
        },
        destroy() {
          clearTimeout(timer);
        },
      };
    },
  });
}
