/** Shows a hint in an empty contract, so that an empty page says what belongs there. */
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** Adds `data-placeholder` to the only, empty paragraph of an empty document. */
export function placeholder(text: () => string): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const { doc } = state;
        const first = doc.firstChild;
        if (doc.childCount !== 1 || first === null || !first.isTextblock || first.content.size > 0) return null;
        return DecorationSet.create(doc, [
          Decoration.node(0, first.nodeSize, { class: 'is-empty', 'data-placeholder': text() }),
        ]);
      },
    },
  });
}
