/**
 * Markdown ⇄ the contract's rich text (shared/contract-schema.ts), for the Markdown export and the
 * Markdown import. prosemirror-markdown does the walking; markdown-it tokenises with `html: false`
 * so raw HTML (a `<script>` included) stays plain text and never becomes markup.
 *
 * Reading: markdown-it's token stream is adapted before prosemirror-markdown sees it, so every
 * token maps onto a node or mark the schema has: GFM tables become the schema's table nodes (each
 * cell's inline content wrapped in a paragraph, the first row as header cells); what the schema
 * lacks (code, images, strikethrough, headings below level 3, links other than http(s)/mailto)
 * degrades to plain text and adds a French warning, said once per kind.
 *
 * Writing: CommonMark plus GFM tables. A table cell can only hold one line in GFM, so a cell's
 * blocks are joined with spaces; cells merged with colspan/rowspan become empty cells beside
 * their content. `<` and entity-like `&…;` are escaped so a reader that does allow HTML still
 * shows text. Markdown → doc → Markdown → doc gives the same doc.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance, Token } from 'markdown-it';
import {
  MarkdownParser,
  MarkdownSerializer,
  defaultMarkdownSerializer,
  type MarkdownSerializerState,
} from 'prosemirror-markdown';
import { Node as PMNode } from 'prosemirror-model';
import { TableMap } from 'prosemirror-tables';
import { contractSchema, isSafeHref } from '../contract-schema.js';

/** ProseMirror JSON of a document (what `Node.toJSON()` gives). */
export type RichTextJson = { type: string; [key: string]: unknown };

export interface MarkdownImport {
  /** The parsed document, as ProseMirror JSON in the contract schema. */
  doc: RichTextJson;
  /** French sentences telling what could not be kept as is (empty when all was kept). */
  warnings: string[];
}

/** Deepest token nesting markdown-it follows; beyond it, it stops reading (we warn). */
const maxNesting = 100;
/** Lists and quotes nested deeper than this are flattened into their last kept container. */
const maxContainerDepth = 10;

const warningTexts = {
  code: 'Le code (blocs et extraits entre accents graves) est importé comme texte ordinaire.',
  image: 'Les images ne sont pas importées : leur texte de remplacement est gardé.',
  strike: 'Le texte barré est importé sans être barré.',
  deepHeading: 'Les titres de niveau 4 à 6 deviennent des titres de niveau 3.',
  link: 'Les liens qui ne commencent ni par http(s) ni par mailto sont retirés (leur texte est gardé).',
  html: 'Le HTML présent dans le texte est importé comme texte, sans être interprété.',
  flattened: `Les listes et citations imbriquées sur plus de ${maxContainerDepth} niveaux sont aplaties.`,
  nesting: 'Le texte est imbriqué trop profondément : une partie a pu être ignorée.',
} as const;
type WarningKind = keyof typeof warningTexts;

function createTokenizer(): MarkdownItInstance {
  return new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false, maxNesting });
}

function newToken(like: Token, type: string, tag: string, nesting: -1 | 0 | 1): Token {
  const TokenClass = like.constructor as new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;
  const token = new TokenClass(type, tag, nesting);
  token.block = like.block;
  token.level = like.level;
  return token;
}

function textToken(like: Token, content: string): Token {
  const token = newToken(like, 'text', '', 0);
  token.content = content;
  return token;
}

/** Inline tokens, adapted: unsupported marks dropped, code and images turned into text. */
function adaptInline(tokens: readonly Token[], warn: (kind: WarningKind) => void): Token[] {
  const out: Token[] = [];
  // Links whose href the schema refuses: their open/close tokens are dropped as a pair.
  const droppedLinks: boolean[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'code_inline':
        warn('code');
        out.push(textToken(token, token.content));
        break;
      case 'image': {
        warn('image');
        const alt = (token.children ?? []).map((child) => child.content).join('');
        if (alt) out.push(textToken(token, alt));
        break;
      }
      case 's_open':
      case 's_close':
        warn('strike');
        break;
      case 'html_inline':
        warn('html');
        out.push(textToken(token, token.content));
        break;
      case 'link_open': {
        const keep = isSafeHref(token.attrGet('href'));
        if (!keep) warn('link');
        droppedLinks.push(!keep);
        if (keep) out.push(token);
        break;
      }
      case 'link_close':
        if (!droppedLinks.pop()) out.push(token);
        break;
      default:
        out.push(token);
    }
  }
  return out;
}

/**
 * Block tokens, adapted to the contract schema. Table sections (thead/tbody) disappear, header
 * cells and body cells get a paragraph around their inline content; code blocks become
 * paragraphs with a hard break per line; headings deeper than 3 become level 3.
 */
function adaptBlocks(tokens: readonly Token[], warn: (kind: WarningKind) => void): Token[] {
  const out: Token[] = [];
  // One entry per open list, list item or quote: whether it is kept or flattened away.
  const open: { item: boolean; kept: boolean }[] = [];
  for (const token of tokens) {
    if (token.level >= maxNesting - 1) warn('nesting');
    const container = /^(bullet_list|ordered_list|list_item|blockquote)_(open|close)$/.exec(token.type);
    if (container?.[2] === 'open') {
      const item = container[1] === 'list_item';
      // An item follows its list; a list or quote is kept while few enough are kept around it.
      const kept = item
        ? open[open.length - 1]?.kept !== false
        : open.filter((entry) => entry.kept && !entry.item).length < maxContainerDepth;
      if (!kept && !item) warn('flattened');
      open.push({ item, kept });
      if (kept) out.push(token);
      continue;
    }
    if (container?.[2] === 'close') {
      if (open.pop()?.kept !== false) out.push(token);
      continue;
    }
    switch (token.type) {
      case 'thead_open':
      case 'thead_close':
      case 'tbody_open':
      case 'tbody_close':
        break;
      case 'th_open':
      case 'td_open':
        out.push(token, newToken(token, 'paragraph_open', 'p', 1));
        break;
      case 'th_close':
      case 'td_close':
        out.push(newToken(token, 'paragraph_close', 'p', -1), token);
        break;
      case 'heading_open':
      case 'heading_close': {
        const level = Number(token.tag.slice(1));
        if (level > 3) {
          if (token.nesting === 1) warn('deepHeading');
          token.tag = 'h3';
        }
        out.push(token);
        break;
      }
      case 'code_block':
      case 'fence':
      case 'html_block': {
        warn(token.type === 'html_block' ? 'html' : 'code');
        const lines = token.content.replace(/\n$/, '').split('\n');
        const inline = newToken(token, 'inline', '', 0);
        inline.children = lines.flatMap((line, index) => {
          const parts = index > 0 ? [newToken(token, 'hardbreak', 'br', 0)] : [];
          return line ? [...parts, textToken(token, line)] : parts;
        });
        out.push(newToken(token, 'paragraph_open', 'p', 1), inline, newToken(token, 'paragraph_close', 'p', -1));
        break;
      }
      case 'inline':
        token.children = adaptInline(token.children ?? [], warn);
        out.push(token);
        break;
      default:
        out.push(token);
    }
  }
  return out;
}

type ParserTokenizer = ConstructorParameters<typeof MarkdownParser>[1];

function createParser(warn: (kind: WarningKind) => void): MarkdownParser {
  const markdownIt = createTokenizer();
  const tokenizer = {
    parse: (text: string) => adaptBlocks(markdownIt.parse(text, {}), warn),
  } as unknown as ParserTokenizer;
  return new MarkdownParser(contractSchema, tokenizer, {
    blockquote: { block: 'blockquote' },
    paragraph: { block: 'paragraph' },
    list_item: { block: 'list_item' },
    bullet_list: { block: 'bullet_list' },
    ordered_list: {
      block: 'ordered_list',
      getAttrs: (token: Token) => ({ order: Number(token.attrGet('start')) || 1 }),
    },
    heading: { block: 'heading', getAttrs: (token: Token) => ({ level: Number(token.tag.slice(1)) }) },
    hr: { node: 'horizontal_rule' },
    hardbreak: { node: 'hard_break' },
    em: { mark: 'em' },
    strong: { mark: 'strong' },
    link: {
      mark: 'link',
      getAttrs: (token: Token) => ({ href: token.attrGet('href'), title: token.attrGet('title') || null }),
    },
    table: { block: 'table' },
    tr: { block: 'table_row' },
    th: { block: 'table_header' },
    td: { block: 'table_cell' },
  } as ConstructorParameters<typeof MarkdownParser>[2]);
}

/**
 * Parses Markdown (CommonMark + GFM tables) into the contract schema. Never throws on any text;
 * what the schema cannot hold is kept as text and reported in `warnings`.
 */
export function markdownToRichText(text: string): MarkdownImport {
  const kinds = new Set<WarningKind>();
  const parser = createParser((kind) => kinds.add(kind));
  const doc = parser.parse(text.replace(/^\uFEFF/, ''));
  return { doc: doc.toJSON() as RichTextJson, warnings: [...kinds].map((kind) => warningTexts[kind]) };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** `<` and entity-like `&name;` are escaped: a reader allowing HTML must still show text. */
const escapeExtraCharacters = /<|&(?=#?[a-zA-Z0-9]+;)/g;

/** One table cell's text on one line: its blocks' inline content joined with spaces. */
function cellMarkdown(cell: PMNode): string {
  const inline: PMNode[] = [];
  cell.descendants((node) => {
    if (!node.isTextblock) return true;
    if (inline.length > 0) inline.push(contractSchema.text(' '));
    node.forEach((child) => {
      inline.push(child.type.name === 'hard_break' ? contractSchema.text(' ', child.marks) : child);
    });
    return false;
  });
  if (inline.length === 0) return '';
  const paragraph = contractSchema.node('paragraph', null, inline);
  const markdown = cellSerializer.serialize(contractSchema.node('doc', null, [paragraph]));
  return markdown.replace(/\s*\n\s*/g, ' ').trim();
}

function writeTable(state: MarkdownSerializerState, node: PMNode): void {
  const map = TableMap.get(node);
  const rows: string[][] = [];
  for (let row = 0; row < map.height; row++) {
    const cells: string[] = [];
    for (let column = 0; column < map.width; column++) {
      const index = row * map.width + column;
      const offset = map.map[index];
      const isTopLeft =
        offset !== undefined &&
        (column === 0 || map.map[index - 1] !== offset) &&
        (row === 0 || map.map[index - map.width] !== offset);
      const cell = offset === undefined ? null : node.nodeAt(offset);
      cells.push(isTopLeft && cell ? cellMarkdown(cell) : '');
    }
    rows.push(cells);
  }
  rows.forEach((cells, index) => {
    state.write(`| ${cells.map((cell) => cell || ' ').join(' | ')} |`.replace(/ {2,}\|/g, '  |'));
    state.ensureNewLine();
    if (index === 0) {
      state.write(`|${' --- |'.repeat(map.width)}`);
      state.ensureNewLine();
    }
  });
  state.closeBlock(node);
}

/**
 * Text, escaped as prosemirror-markdown does, plus what it misses at the start of a line (a
 * paragraph's start or just after a hard break): ordered-list markers with ")" or without a space,
 * setext underlines "===", and every line-start marker after a hard break.
 */
function writeText(state: MarkdownSerializerState, node: PMNode, parent: PMNode, index: number): void {
  const internal = state as unknown as { atBlockStart: boolean; inAutolink: boolean | undefined };
  if (internal.inAutolink) {
    state.text(node.text ?? '', false);
    return;
  }
  if (index > 0 && parent.child(index - 1).type.name === 'hard_break') internal.atBlockStart = true;
  let text = node.text ?? '';
  if (internal.atBlockStart) {
    const marker = /^(\s*)(\d+)([.)])|^(\s*)(=)/.exec(text);
    if (marker) {
      const raw = marker[2] ? `${marker[1] ?? ''}${marker[2]}\\${marker[3] ?? ''}` : `${marker[4] ?? ''}\\=`;
      state.text(raw, false);
      internal.atBlockStart = false;
      text = text.slice(marker[0].length);
    }
  }
  state.text(text, true);
}

const baseNodes = defaultMarkdownSerializer.nodes;
const serializerNodes: MarkdownSerializer['nodes'] = {
  blockquote: baseNodes['blockquote']!,
  heading: baseNodes['heading']!,
  horizontal_rule: baseNodes['horizontal_rule']!,
  bullet_list: (state, node) => state.renderList(node, '  ', () => '- '),
  ordered_list: baseNodes['ordered_list']!,
  list_item: baseNodes['list_item']!,
  paragraph: baseNodes['paragraph']!,
  hard_break: baseNodes['hard_break']!,
  text: writeText,
  table: writeTable,
  // Rows and cells are written by `table`; these are never reached on a valid document.
  table_row: (state, node) => state.renderContent(node),
  table_cell: (state, node) => state.renderContent(node),
  table_header: (state, node) => state.renderContent(node),
};
const baseMarks = defaultMarkdownSerializer.marks;
const serializerMarks: MarkdownSerializer['marks'] = {
  em: baseMarks['em']!,
  strong: baseMarks['strong']!,
  link: baseMarks['link']!,
};

const serializer = new MarkdownSerializer(serializerNodes, serializerMarks, { escapeExtraCharacters, strict: false });
const cellSerializer = new MarkdownSerializer(serializerNodes, serializerMarks, {
  escapeExtraCharacters: /<|\||&(?=#?[a-zA-Z0-9]+;)/g,
  strict: false,
});

/** A document of the contract schema, as a node or its JSON. */
export function toRichTextNode(doc: PMNode | RichTextJson): PMNode {
  return doc instanceof PMNode ? doc : PMNode.fromJSON(contractSchema, doc);
}

/** Writes a contract rich-text document as Markdown (CommonMark + GFM tables), ending with "\n". */
export function richTextToMarkdown(doc: PMNode | RichTextJson): string {
  const node = toRichTextNode(doc);
  const markdown = serializer.serialize(node, { tightLists: true }).replace(/\s+$/, '');
  return markdown ? `${markdown}\n` : '';
}
