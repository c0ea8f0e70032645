/**
 * Markdown-like shortcuts while typing: `# ` to `### ` for headings, `- ` or `* ` for a bulleted
 * list, `1. ` for a numbered one, `> ` for a quote. Backspace right after undoes the conversion.
 */
import { ellipsis, emDash, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { Plugin } from 'prosemirror-state';
import { nodes } from './schema';


/** The editor's input rules. French quotes are left alone: « » are typed as they are. */
export function buildInputRules(): Plugin {
  return inputRules({
    rules: [
      ellipsis,
      emDash,
      textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading, (match) => ({ level: match[1]?.length ?? 1 })),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote),
      wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        nodes.ordered_list,
        (match) => ({ order: Number(match[1]) }),
        (match, node) => node.childCount + Number(node.attrs['order']) === Number(match[1]),
      ),
    ],
  });
}
