/**
 * The ProseMirror plugin that marks commented passages in a rich text: each open thread's anchor
 * is resolved against the editor's Yjs fragment (shared/comments/anchors.ts) into an inline
 * decoration. Remote changes (and undo) reach Yjs before ProseMirror, so their transactions are
 * resolved again from Yjs; local typing reaches Yjs just after, so its transactions map the
 * current ranges (typing at a passage's edge stays outside, as the anchors do) and a resolution
 * from Yjs follows a moment later. Clicking a highlight activates its thread.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { layoutOf, resolveAnchor } from '../../shared/comments/anchors';
import type { CommentThread } from '../../shared/schemas/comments';

export interface PassageRange {
  from: number;
  to: number;
}

export interface HighlightState {
  decorations: DecorationSet;
  /** Where each thread's passage is now (threads on deleted passages are absent). */
  ranges: ReadonlyMap<string, PassageRange>;
  /** Threads whose passage no longer exists. */
  deleted: ReadonlySet<string>;
  active: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('trame-comment-highlights');

interface Meta {
  refresh?: true;
  active?: string | null;
}

export interface CommentHighlightOptions {
  /** The rich text the editor shows. */
  fragment: () => Y.XmlFragment | undefined;
  /** The threads to mark (open, visible, of this rich text). */
  threads: () => readonly CommentThread[];
  onActivate: (threadId: string) => void;
}

/** Tells the plugin that the threads changed (or which one is active). */
export function refreshHighlights(tr: Transaction, active?: string | null): Transaction {
  return tr.setMeta(commentHighlightsKey, { refresh: true, ...(active === undefined ? {} : { active }) } satisfies Meta);
}

export function commentHighlights(options: CommentHighlightOptions): Plugin<HighlightState> {
  const resolve = (state: EditorState, active: string | null): HighlightState => {
    const fragment = options.fragment();
    const ranges = new Map<string, PassageRange>();
    const deleted = new Set<string>();
    if (fragment !== undefined) {
      const layout = layoutOf(fragment);
      const size = state.doc.content.size;
      for (const thread of options.threads()) {
        const resolved = resolveAnchor(layout, thread.anchor);
        if (resolved.kind !== 'range' || resolved.to > size) deleted.add(thread.id);
        else ranges.set(thread.id, { from: resolved.from, to: resolved.to });
      }
    }
    return { decorations: decorate(state, ranges, active), ranges, deleted, active };
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => resolve(state, null),
      apply(tr, previous, _oldState, state) {
        const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
        const active = meta?.active === undefined ? previous.active : meta.active;
        const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
        if (meta?.refresh === true || (tr.docChanged && fromYjs)) return resolve(state, active);
        if (tr.docChanged) {
          const ranges = new Map<string, PassageRange>();
          const deleted = new Set(previous.deleted);
          for (const [id, range] of previous.ranges) {
            const from = tr.mapping.map(range.from, 1);
            const to = tr.mapping.map(range.to, -1);
            if (from < to) ranges.set(id, { from, to });
            else deleted.add(id);
          }
          return { decorations: decorate(state, ranges, active), ranges, deleted, active };
        }
        if (active !== previous.active) return { ...previous, decorations: decorate(state, previous.ranges, active), active };
        return previous;
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick(_view, _pos, event) {
        const mark = event.target instanceof Element ? event.target.closest('[data-comment-thread]') : null;
        const id = mark?.getAttribute('data-comment-thread');
        if (id !== null && id !== undefined) options.onActivate(id);
        return false;
      },
    },
    view: () => ({
      update(view, previousState) {
        // A local edit: Yjs has it now; resolve from Yjs once typing pauses.
        const docChanged = !view.state.doc.eq(previousState.doc);
        if (!docChanged) return;
        clearTimeout(pending);
        pending = setTimeout(() => {
          if (!view.isDestroyed) view.dispatch(refreshHighlights(view.state.tr));
        }, 400);
      },
      destroy: () => clearTimeout(pending),
    }),
  });
}

function decorate(state: EditorState, ranges: ReadonlyMap<string, PassageRange>, active: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, { from, to }] of ranges) {
    decorations.push(
      Decoration.inline(from, to, { class: id === active ? 'comment-mark comment-mark--active' : 'comment-mark', 'data-comment-thread': id }, { inclusiveStart: false, inclusiveEnd: false }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}
