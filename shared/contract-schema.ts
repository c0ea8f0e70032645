/**
 * The ProseMirror schema of the contract's rich text, shared by the editor (client), the demo seed
 * and future exports (server). Headings, paragraphs, bold/italic, links, lists and tables: a
 * contract needs tables for its financing plans. No images or code: nothing to upload or run.
 */
import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { marks as basicMarks, nodes as basicNodes } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';
import { tableNodes } from 'prosemirror-tables';

const headingLevels = [1, 2, 3] as const;

const baseNodes = {
  doc: basicNodes.doc,
  paragraph: basicNodes.paragraph,
  blockquote: basicNodes.blockquote,
  horizontal_rule: basicNodes.horizontal_rule,
  heading: {
    ...basicNodes.heading,
    parseDOM: headingLevels.map((level) => ({ tag: `h${level}`, attrs: { level } })),
  },
  text: basicNodes.text,
  hard_break: basicNodes.hard_break,
} satisfies Record<string, NodeSpec>;

/** Only http(s) and mailto links are kept; anything else (javascript:, data:) is dropped. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && /^(https?:\/\/|mailto:)/i.test(href.trim());
}

const link: MarkSpec = {
  attrs: { href: { validate: 'string' }, title: { default: null } },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs: (dom) => {
        const href = dom.getAttribute('href');
        return isSafeHref(href) ? { href, title: dom.getAttribute('title') } : false;
      },
    },
  ],
  toDOM: (mark) => {
    const href: unknown = mark.attrs['href'];
    return ['a', { href: isSafeHref(href) ? href : '#', title: mark.attrs['title'], rel: 'noopener noreferrer nofollow' }, 0];
  },
};

const marks = { link, em: basicMarks.em, strong: basicMarks.strong } satisfies Record<string, MarkSpec>;

const withLists = addListNodes(new Schema({ nodes: baseNodes, marks }).spec.nodes, 'paragraph block*', 'block');
const nodes = withLists.append(
  tableNodes({ tableGroup: 'block', cellContent: 'block+', cellAttributes: {} }),
);

/** The contract schema. Node names are part of the stored Yjs format: never rename one. */
export const contractSchema = new Schema({ nodes, marks });
