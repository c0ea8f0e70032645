/**
 * The few kinds of block every export format knows how to draw (headings, paragraphs of marked
 * text, label/value fields, lists, tables with header and total rows, quotes), and the
 * conversion of the contract's ProseMirror JSON into them. One vocabulary for five renderers:
 * each renders blocks, so a table or a link looks the same in Word, LibreOffice, a PDF or a page.
 */
import { isSafeHref } from '../../shared/contract-schema';
import type { RichJson } from './export-model';

/** A run of text with its marks; `lineBreak` is a hard line break inside a paragraph. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Only http(s) and mailto links are ever kept (`isSafeHref`). */
  href?: string;
  lineBreak?: boolean;
}

export interface TableCell {
  /** Each paragraph of the cell. */
  paragraphs: Inline[][];
  colspan?: number;
}

export interface TableBlock {
  kind: 'table';
  /** Says what the table holds (HTML caption, a caption paragraph elsewhere); null for the contract's own tables. */
  caption: string | null;
  head: TableCell[] | null;
  body: TableCell[][];
  /** Total rows. */
  foot: TableCell[][];
  /** Columns holding amounts or counts (right-aligned). */
  numeric: boolean[];
  /** The first cell of each body and foot row names the row (HTML `th scope="row"`). */
  rowHeaders: boolean;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 = a part of the document (the contract text's own level-1 headings too) … 6. */
  level: number;
  text: string;
  /** Unique in the document: anchors, bookmarks, PDF destinations. */
  id: string;
  /** Listed in the table of contents (levels 1 to 3 of the document's structure). */
  toc: boolean;
}

export type Block =
  | HeadingBlock
  | { kind: 'paragraph'; inlines: Inline[]; tone?: 'muted' | 'warning' }
  | { kind: 'fields'; items: { label: string; value: string }[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | TableBlock
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'rule' }
  /** Rich text of the contract: its JSON (Markdown serialises it itself) and the same as blocks. */
  | { kind: 'rich'; json: RichJson; blocks: Block[] };

export const text = (value: string, marks: Omit<Inline, 'text'> = {}): Inline => ({ text: value, ...marks });
export const paragraph = (value: string | Inline[], tone?: 'muted' | 'warning'): Block => ({ kind: 'paragraph', inlines: typeof value === 'string' ? [text(value)] : value, ...(tone === undefined ? {} : { tone }) });
export const cell = (value: string, colspan?: number): TableCell => ({ paragraphs: [[text(value)]], ...(colspan === undefined ? {} : { colspan }) });

/** Plain text of inlines (line breaks as spaces). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.lineBreak === true ? ' ' : inline.text)).join('');
}

/** How the rich text's headings map into the document: level and table-of-contents membership. */
export interface HeadingPlacement {
  level: (richLevel: number) => number;
  toc: (richLevel: number) => boolean;
  /** Gives each heading its unique id. */
  id: () => string;
}

function inlinesOf(nodes: readonly RichJson[] | undefined): Inline[] {
  const inlines: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hard_break') inlines.push({ text: '\n', lineBreak: true });
    else if (node.type === 'text' && typeof node.text === 'string' && node.text !== '') {
      const inline: Inline = { text: node.text };
      for (const mark of node.marks ?? []) {
        if (mark.type === 'strong') inline.bold = true;
        else if (mark.type === 'em') inline.italic = true;
        else if (mark.type === 'link' && isSafeHref(mark.attrs?.['href'])) inline.href = (mark.attrs?.['href'] as string).trim();
      }
      inlines.push(inline);
    }
  }
  return inlines;
}

/** A table cell's blocks as paragraphs (lists become "• " lines; nested structure is flattened). */
function cellParagraphs(blocks: readonly Block[], prefix = ''): Inline[][] {
  const paragraphs: Inline[][] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') paragraphs.push(prefix === '' ? block.inlines : [text(prefix), ...block.inlines]);
    else if (block.kind === 'heading') paragraphs.push([text(prefix + block.text, { bold: true })]);
    else if (block.kind === 'list') {
      block.items.forEach((item, index) => {
        const marker = block.ordered ? `${block.start + index}. ` : '• ';
        const [first, ...rest] = cellParagraphs(item);
        if (first !== undefined) paragraphs.push([text(prefix + marker), ...first]);
        for (const next of rest) paragraphs.push([text(prefix + '   '), ...next]);
      });
    } else if (block.kind === 'quote' || block.kind === 'rich') paragraphs.push(...cellParagraphs(block.blocks, prefix));
    else if (block.kind === 'table') for (const row of [...(block.head === null ? [] : [block.head]), ...block.body]) paragraphs.push([text(prefix + row.map((c) => c.paragraphs.map(inlineText).join(' ')).join(' | '))]);
    else if (block.kind === 'fields') for (const item of block.items) paragraphs.push([text(`${prefix}${item.label} : `, { bold: true }), text(item.value)]);
  }
  return paragraphs.length === 0 ? [[]] : paragraphs;
}

function tableOf(node: RichJson, placement: HeadingPlacement): TableBlock {
  const rows = (node.content ?? []).filter((row) => row.type === 'table_row');
  const cellsOf = (row: RichJson): TableCell[] =>
    (row.content ?? []).map((c) => {
      const colspan = typeof c.attrs?.['colspan'] === 'number' && c.attrs['colspan'] > 1 ? c.attrs['colspan'] : undefined;
      return { paragraphs: cellParagraphs(richBlocks(c.content ?? [], placement)), ...(colspan === undefined ? {} : { colspan }) };
    });
  const first = rows[0];
  const headerRow = first !== undefined && (first.content ?? []).length > 0 && (first.content ?? []).every((c) => c.type === 'table_header');
  const head = headerRow && first !== undefined ? cellsOf(first) : null;
  const body = rows.slice(headerRow ? 1 : 0).map(cellsOf);
  const width = Math.max(0, ...[head ?? [], ...body].map((row) => row.reduce((sum, c) => sum + (c.colspan ?? 1), 0)));
  const rowHeaders = body.length > 0 && rows.slice(headerRow ? 1 : 0).every((row) => row.content?.[0]?.type === 'table_header');
  return { kind: 'table', caption: null, head, body, foot: [], numeric: new Array<boolean>(width).fill(false), rowHeaders };
}

/** Converts rich-text nodes (a doc's content) into blocks. */
export function richBlocks(nodes: readonly RichJson[], placement: HeadingPlacement): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({ kind: 'paragraph', inlines: inlinesOf(node.content) });
        break;
      case 'heading': {
        const richLevel = typeof node.attrs?.['level'] === 'number' ? node.attrs['level'] : 1;
        const headingText = inlineText(inlinesOf(node.content)).trim();
        if (headingText === '') break;
        blocks.push({ kind: 'heading', level: placement.level(richLevel), text: headingText, id: placement.id(), toc: placement.toc(richLevel) });
        break;
      }
      case 'bullet_list':
      case 'ordered_list': {
        const order = node.attrs?.['order'];
        blocks.push({
          kind: 'list',
          ordered: node.type === 'ordered_list',
          start: typeof order === 'number' && Number.isInteger(order) && order >= 0 ? order : 1,
          items: (node.content ?? []).map((item) => richBlocks(item.content ?? [], placement)),
        });
        break;
      }
      case 'blockquote':
        blocks.push({ kind: 'quote', blocks: richBlocks(node.content ?? [], placement) });
        break;
      case 'horizontal_rule':
        blocks.push({ kind: 'rule' });
        break;
      case 'table':
        blocks.push(tableOf(node, placement));
        break;
      default:
        // Unknown nodes (a newer schema): keep their text rather than lose it.
        if (node.content !== undefined) blocks.push(...richBlocks(node.content, placement));
        else if (typeof node.text === 'string') blocks.push(paragraph(node.text));
    }
  }
  return blocks;
}

/** True when a rich-text document holds no visible text. */
export function isEmptyRich(json: RichJson): boolean {
  const visit = (node: RichJson): boolean => (typeof node.text === 'string' && node.text.trim() !== '') || node.type === 'table' || (node.content ?? []).some(visit);
  return !visit(json);
}
