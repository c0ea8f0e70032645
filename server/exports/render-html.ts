/**
 * The standalone HTML export, also served as the public page of a published version: one file,
 * inline CSS, no script at all, `lang="fr"`, landmarks (banner, navigation, main, contentinfo),
 * one h1 then headings in order, tables with captions and header cells — so it reads well in any
 * browser, prints cleanly and passes axe-core.
 *
 * Every piece of text goes through `escapeHtml`: HTML or a `<script>` typed in the contract shows
 * as text and never runs; links are only http(s)/mailto (filtered when the rich text is read).
 */
import type { Block, Inline, TableBlock, TableCell } from './blocks';
import { inlineText } from './blocks';
import type { Steps } from './cooperative';
import type { ExportLayout, TocEntry } from './export-layout';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; font-size: 1rem; line-height: 1.55; color: #1d1d1f; background: #ffffff; }
header, nav, main, footer { max-width: 54rem; margin: 0 auto; padding: 0 1rem; }
header.title-page { padding-top: 3rem; padding-bottom: 2rem; border-bottom: 3px solid #2f5d50; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .85rem; color: #4a4a4f; margin: 0 0 .5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; color: #1f4036; }
.subtitle { font-size: 1.35rem; margin: 0 0 1.5rem; color: #2f5d50; }
h2 { font-size: 1.6rem; margin: 2.5rem 0 1rem; color: #1f4036; border-bottom: 1px solid #c9d6d1; padding-bottom: .25rem; }
h3 { font-size: 1.3rem; margin: 2rem 0 .75rem; color: #1f4036; }
h4 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
h5 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
h6 { font-size: .95rem; margin: 1rem 0 .3rem; font-style: italic; }
a { color: #1a4f9c; }
a:focus-visible { outline: 3px solid #1a4f9c; outline-offset: 2px; }
dl.fields { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
nav ol { padding-left: 1.25rem; }
nav li { margin: .15rem 0; }
.muted { color: #4a4a4f; font-style: italic; }
.warning { color: #8a2c0d; font-weight: 600; }
blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid #c9d6d1; color: #333338; }
.table-scroll { overflow-x: auto; margin: 1rem 0; }
.table-scroll:focus-visible { outline: 3px solid #1a4f9c; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .5rem; }
th, td { border: 1px solid #b8c4c0; padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #e8efec; }
tfoot th, tfoot td { background: #f3f6f5; font-weight: 700; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td p, th p { margin: 0; }
td p + p, th p + p { margin-top: .25rem; }
footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid #c9d6d1; color: #4a4a4f; font-size: .9rem; }
@media print { .table-scroll { overflow: visible; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
@media (max-width: 30rem) { dl.fields { grid-template-columns: 1fr; } h1 { font-size: 1.6rem; } }
`;

function inlineHtml(inline: Inline): string {
  if (inline.lineBreak === true) return '<br>';
  let html = escapeHtml(inline.text);
  if (inline.bold === true) html = `<strong>${html}</strong>`;
  if (inline.italic === true) html = `<em>${html}</em>`;
  if (inline.href !== undefined) html = `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer nofollow">${html}</a>`;
  return html;
}

const inlinesHtml = (inlines: readonly Inline[]): string => inlines.map(inlineHtml).join('');

class HtmlWriter {
  private tableCount = 0;

  blocks(blocks: readonly Block[]): string {
    return blocks.map((block) => this.block(block)).join('\n');
  }

  private block(block: Block): string {
    switch (block.kind) {
      case 'heading': {
        const level = Math.min(block.level + 1, 6);
        return `<h${level} id="${escapeHtml(block.id)}">${escapeHtml(block.text)}</h${level}>`;
      }
      case 'paragraph': {
        const tone = block.tone === undefined ? '' : ` class="${block.tone}"`;
        return `<p${tone}>${inlinesHtml(block.inlines)}</p>`;
      }
      case 'fields':
        return `<dl class="fields">${block.items.map((item) => `<dt>${escapeHtml(item.label)}</dt><dd>${escapeHtml(item.value)}</dd>`).join('')}</dl>`;
      case 'list': {
        const items = block.items.map((item) => `<li>${this.blocks(item)}</li>`).join('');
        return block.ordered ? `<ol${block.start === 1 ? '' : ` start="${block.start}"`}>${items}</ol>` : `<ul>${items}</ul>`;
      }
      case 'table':
        return this.table(block);
      case 'quote':
        return `<blockquote>${this.blocks(block.blocks)}</blockquote>`;
      case 'rule':
        return '<hr>';
      case 'rich':
        return this.blocks(block.blocks);
    }
  }

  private cell(tag: 'th' | 'td', cell: TableCell, numeric: boolean, scope?: 'col' | 'row'): string {
    const content = cell.paragraphs.map(inlineText).join('').trim();
    // An empty header cell is an ordinary cell (axe: header cells must say something).
    const name = tag === 'th' && content === '' ? 'td' : tag;
    const attributes = [
      name === 'th' && scope !== undefined ? ` scope="${scope}"` : '',
      cell.colspan === undefined ? '' : ` colspan="${cell.colspan}"`,
      numeric ? ' class="num"' : '',
    ].join('');
    const body = cell.paragraphs.length === 1 ? inlinesHtml(cell.paragraphs[0] ?? []) : cell.paragraphs.map((p) => `<p>${inlinesHtml(p)}</p>`).join('');
    return `<${name}${attributes}>${body}</${name}>`;
  }

  private row(cells: readonly TableCell[], table: TableBlock, firstTag: 'th' | 'td', restTag: 'th' | 'td', scope: 'col' | 'row'): string {
    let column = 0;
    const html = cells
      .map((cell, index) => {
        const numeric = table.numeric[column] === true;
        column += cell.colspan ?? 1;
        return this.cell(index === 0 ? firstTag : restTag, cell, numeric, index === 0 ? scope : 'col');
      })
      .join('');
    return `<tr>${html}</tr>`;
  }

  private table(table: TableBlock): string {
    this.tableCount += 1;
    const label = table.caption ?? `Tableau ${this.tableCount} du texte`;
    const caption = table.caption === null ? '' : `<caption>${escapeHtml(table.caption)}</caption>`;
    const head = table.head === null ? '' : `<thead>${this.row(table.head, table, 'th', 'th', 'col')}</thead>`;
    const bodyFirst = table.rowHeaders ? 'th' : 'td';
    const body = `<tbody>${table.body.map((row) => this.row(row, table, bodyFirst, 'td', 'row')).join('')}</tbody>`;
    const foot = table.foot.length === 0 ? '' : `<tfoot>${table.foot.map((row) => this.row(row, table, 'th', 'td', 'row')).join('')}</tfoot>`;
    // Wide tables scroll on small screens; the scrolling box is focusable so keyboards can scroll it.
    return `<div class="table-scroll" role="group" tabindex="0" aria-label="${escapeHtml(`${label} (tableau ${this.tableCount})`)}"><table>${caption}${head}${body}${foot}</table></div>`;
  }
}

/** The table of contents as nested ordered lists. */
function tocHtml(entries: readonly TocEntry[]): string {
  let html = '';
  const open: number[] = [];
  for (const entry of entries) {
    const level = entry.level;
    if (open.length === 0) {
      html += '<ol>';
      open.push(level);
    } else if (level > (open.at(-1) ?? level)) {
      html += '<ol>';
      open.push(level);
    } else {
      while (open.length > 1 && level < (open.at(-1) ?? level)) {
        html += '</li></ol>';
        open.pop();
      }
      html += '</li>';
    }
    html += `<li><a href="#${escapeHtml(entry.id)}">${escapeHtml(entry.text)}</a>`;
  }
  while (open.length > 0) {
    html += '</li></ol>';
    open.pop();
  }
  return html;
}

export interface HtmlOptions {
  /** The footer's words ("Exporté de Trame le …" or "Version publiée …"). */
  footer: string;
}

/** Renders the whole page, yielding between parts. */
export async function renderHtml(layout: ExportLayout, steps: Steps, options: HtmlOptions): Promise<Buffer> {
  const { titlePage } = layout;
  const writer = new HtmlWriter();
  const chunks: string[] = [
    '<!doctype html>',
    `<html lang="${layout.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Trame">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(layout.documentTitle)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    '<header class="title-page">',
    '<p class="kicker">Contrat co-construit</p>',
    `<h1>${escapeHtml(titlePage.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(titlePage.subtitle)}</p>`,
    `<dl class="fields">${titlePage.fields.map((field) => `<dt>${escapeHtml(field.label)}</dt><dd>${escapeHtml(field.value)}</dd>`).join('')}</dl>`,
    titlePage.comment.trim() === '' ? '' : `<p>${escapeHtml(titlePage.comment)}</p>`,
    titlePage.description.trim() === '' ? '' : `<p class="muted">${escapeHtml(titlePage.description)}</p>`,
    '</header>',
    `<nav aria-labelledby="sommaire"><h2 id="sommaire">${escapeHtml(layout.tocTitle)}</h2>${tocHtml(layout.toc)}</nav>`,
    '<main>',
  ];
  for (const [index, part] of layout.parts.entries()) {
    chunks.push(writer.blocks(part.blocks));
    await steps.step((index + 1) / layout.parts.length, part.step);
  }
  chunks.push('</main>', `<footer><p>${escapeHtml(options.footer)}</p></footer>`, '</body>', '</html>', '');
  return Buffer.from(chunks.join('\n'), 'utf8');
}
