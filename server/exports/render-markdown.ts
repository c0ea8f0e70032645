/**
 * The Markdown export: CommonMark with GFM tables (financing, budget, decisions, contributors).
 * The contract's rich text is written by `richTextToMarkdown` (shared with the Markdown import, so
 * an export reads back into the same document); everything else is escaped here so that a title
 * holding `*`, `|` or `<script>` stays text in any Markdown reader.
 */
import { richTextToMarkdown } from '../../shared/rich-text/markdown';
import type { Block, Inline, TableBlock, TableCell } from './blocks';
import type { Steps } from './cooperative';
import type { RichJson } from './export-model';
import type { ExportLayout, TocEntry } from './export-layout';

/** Escapes Markdown's special characters (and `<`, `&` so that no reader turns text into HTML). */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/!(?=\\\[)/g, '\\!')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-=+#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function inlineMarkdown(inline: Inline): string {
  if (inline.lineBreak === true) return '\\\n';
  if (inline.text.trim() === '') return inline.text;
  // Marks wrap the trimmed text: "** gras**" is not bold in CommonMark.
  const [, before = '', core = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(inline.text) ?? [];
  let markdown = escapeMarkdown(core);
  if (inline.bold === true) markdown = `**${markdown}**`;
  if (inline.italic === true) markdown = `*${markdown}*`;
  if (inline.href !== undefined) markdown = `[${markdown}](<${inline.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return `${before}${markdown}${after}`;
}

const inlinesMarkdown = (inlines: readonly Inline[]): string => inlines.map(inlineMarkdown).join('');

/** GFM's heading anchors: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(value: string): string {
    const base = value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-');
    const count = this.seen.get(base) ?? 0;
    this.seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

function cellMarkdown(cell: TableCell): string {
  return cell.paragraphs
    .map((paragraph) => inlinesMarkdown(paragraph.filter((inline) => inline.lineBreak !== true)))
    .join(' ')
    .replace(/\n/g, ' ')
    .trim();
}

function tableMarkdown(table: TableBlock): string {
  const width = Math.max(1, ...[table.head ?? [], ...table.body, ...table.foot].map((row) => row.reduce((sum, cell) => sum + (cell.colspan ?? 1), 0)));
  const line = (cells: readonly TableCell[], bold = false): string => {
    const values: string[] = [];
    for (const cell of cells) {
      const value = cellMarkdown(cell);
      values.push(bold && value !== '' ? `**${value}**` : value);
      for (let extra = 1; extra < (cell.colspan ?? 1); extra++) values.push('');
    }
    while (values.length < width) values.push('');
    return `| ${values.join(' | ')} |`;
  };
  const head = table.head ?? new Array<TableCell>(width).fill({ paragraphs: [[]] });
  const separator = `| ${Array.from({ length: width }, (_, index) => (table.numeric[index] === true ? '---:' : '---')).join(' | ')} |`;
  const rows = [line(head), separator, ...table.body.map((row) => line(row)), ...table.foot.map((row) => line(row, true))];
  return [...(table.caption === null ? [] : [`*${escapeMarkdown(table.caption)}*`, '']), ...rows].join('\n');
}

/** Rich text with every heading one level down (the document's title is the only `#`). */
function shiftHeadings(json: RichJson): RichJson {
  const level = typeof json.attrs?.['level'] === 'number' ? json.attrs['level'] : 1;
  return {
    ...json,
    ...(json.type === 'heading' ? { attrs: { ...json.attrs, level: Math.min(level + 1, 6) } } : {}),
    ...(json.content === undefined ? {} : { content: json.content.map(shiftHeadings) }),
  };
}

function blocksMarkdown(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(Math.min(block.level + 1, 6))} ${escapeMarkdown(block.text)}`);
        break;
      case 'paragraph': {
        const body = inlinesMarkdown(block.inlines);
        out.push(block.tone === 'warning' ? `**${body}**` : block.tone === 'muted' ? `*${body}*` : body);
        break;
      }
      case 'fields':
        out.push(block.items.map((item) => `- **${escapeMarkdown(item.label)}** : ${escapeMarkdown(item.value)}`).join('\n'));
        break;
      case 'list':
        out.push(
          block.items
            .map((item, index) => {
              const marker = block.ordered ? `${block.start + index}. ` : '- ';
              const body = blocksMarkdown(item).join('\n\n').split('\n');
              return [`${marker}${body[0] ?? ''}`, ...body.slice(1).map((l) => (l === '' ? '' : `${' '.repeat(marker.length)}${l}`))].join('\n');
            })
            .join('\n'),
        );
        break;
      case 'table':
        out.push(tableMarkdown(block));
        break;
      case 'quote':
        out.push(
          blocksMarkdown(block.blocks)
            .join('\n\n')
            .split('\n')
            .map((l) => `> ${l}`.trimEnd())
            .join('\n'),
        );
        break;
      case 'rule':
        out.push('---');
        break;
      case 'rich':
        out.push(richTextToMarkdown(shiftHeadings(block.json)).trimEnd());
        break;
    }
  }
  return out.filter((chunk) => chunk !== '');
}

function tocMarkdown(entries: readonly TocEntry[]): string {
  const slugger = new Slugger();
  const levels = [...new Set(entries.map((entry) => entry.level))].sort((a, b) => a - b);
  return entries.map((entry) => `${'  '.repeat(levels.indexOf(entry.level))}- [${escapeMarkdown(entry.text)}](#${slugger.slug(entry.text)})`).join('\n');
}

export async function renderMarkdown(layout: ExportLayout, steps: Steps): Promise<Buffer> {
  const { titlePage } = layout;
  const chunks: string[] = [
    `# ${escapeMarkdown(titlePage.title)}`,
    `**${escapeMarkdown(titlePage.subtitle)}**`,
    titlePage.fields.map((field) => `- **${escapeMarkdown(field.label)}** : ${escapeMarkdown(field.value)}`).join('\n'),
    ...(titlePage.comment.trim() === '' ? [] : [escapeMarkdown(titlePage.comment)]),
    ...(titlePage.description.trim() === '' ? [] : [`*${escapeMarkdown(titlePage.description)}*`]),
    `**${escapeMarkdown(layout.tocTitle)}**`,
    tocMarkdown(layout.toc),
  ];
  for (const [index, part] of layout.parts.entries()) {
    chunks.push(...blocksMarkdown(part.blocks));
    await steps.step((index + 1) / layout.parts.length, part.step);
  }
  return Buffer.from(`${chunks.join('\n\n')}\n`, 'utf8');
}
