/**
 * The PDF export (pdfkit, pure Node). Fonts: the PDF standard Helvetica family, written with
 * WinAnsi encoding, which covers French entirely (é, è, à, ç, œ, «, », ’, …, € and the no-break
 * space); no font file ships in node_modules (only an icon font of playwright), so nothing is
 * embedded. The few characters WinAnsi lacks are mapped before drawing (`pdfText`): the narrow
 * no-break space of fr-FR amounts becomes a no-break space, the minus sign an en dash, accented
 * letters outside Latin-1 lose their accent, anything else becomes "?".
 *
 * Layout: a title page, a table of contents with page numbers and links (its pages are reserved
 * after measuring its entries, and filled once the content has told each heading's page), the
 * parts, then "page n sur N" in every footer. PDF bookmarks mirror the headings. Tables are drawn
 * cell by cell, split across pages between rows, their header row repeated on each page.
 */
import PDFDocument from 'pdfkit';
import type { Block, Inline, TableBlock, TableCell } from './blocks';
import { inlineText } from './blocks';
import type { Steps } from './cooperative';
import type { ExportLayout, TocEntry } from './export-layout';

type Pdf = PDFKit.PDFDocument;

const winAnsiExtras = new Set([0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122]);
const replacements: Record<string, string> = { '\u202f': '\u00a0', '\u2007': '\u00a0', '\u2009': ' ', '\u200a': ' ', '\u2002': ' ', '\u2003': ' ', '\u2212': '\u2013', '\u2010': '-', '\u2011': '-', '\u2012': '\u2013', '\u2015': '\u2014', '\u25e6': '\u2022', '\u2032': '\u2019', '\u2033': '"', '\u00ad': '' };

/** Text the standard fonts can draw (WinAnsi), French kept whole. */
export function pdfText(value: string): string {
  let out = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0x3f;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(code) || character === '\n') out += character;
    else if (character in replacements) out += replacements[character];
    else if (code === 0x09) out += ' ';
    else if (code < 0x20) continue;
    else {
      const stripped = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += [...stripped].every((c) => (c.codePointAt(0) ?? 0) < 0x100) && stripped !== '' ? stripped : '?';
    }
  }
  return out;
}

const page = { margin: 56, footer: 30 };
const colours = { text: '#1d1d1f', heading: '#1f4036', accent: '#2f5d50', muted: '#4a4a4f', warning: '#8a2c0d', link: '#1a4f9c', border: '#b8c4c0', headFill: '#e8efec', footFill: '#f3f6f5' };
const headingSizes = [18, 15, 13, 11.5, 10.5, 10];
const bodySize = 10;
const cellSize = 8.5;
const cellPadding = 4;

function fontOf(bold: boolean, italic: boolean): string {
  return bold ? (italic ? 'Helvetica-BoldOblique' : 'Helvetica-Bold') : italic ? 'Helvetica-Oblique' : 'Helvetica';
}

class PdfWriter {
  readonly headingPages: { id: string; page: number }[] = [];
  private readonly outlines: PDFKit.PDFOutline[] = [];

  constructor(private readonly doc: Pdf) {}

  get left(): number {
    return page.margin;
  }

  get width(): number {
    return this.doc.page.width - 2 * page.margin;
  }

  private get bottom(): number {
    return this.doc.page.height - page.margin;
  }

  private currentPage(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = page.margin;
    }
  }

  /** Draws inline runs as one flowing paragraph at x, with the given width. */
  runs(inlines: readonly Inline[], x: number, width: number, size: number, base: { bold?: boolean; italic?: boolean; colour?: string; align?: 'left' | 'right' } = {}): void {
    const doc = this.doc;
    const parts = inlines.filter((inline) => inline.lineBreak === true || inline.text !== '');
    if (parts.length === 0) {
      doc.font(fontOf(base.bold === true, base.italic === true)).fontSize(size).text(' ', x, doc.y, { width, align: base.align ?? 'left' });
      return;
    }
    parts.forEach((inline, index) => {
      const last = index === parts.length - 1;
      const bold = inline.bold === true || base.bold === true;
      const italic = inline.italic === true || base.italic === true;
      doc
        .font(fontOf(bold, italic))
        .fontSize(size)
        .fillColor(inline.href !== undefined ? colours.link : (base.colour ?? colours.text));
      const options: PDFKit.Mixins.TextOptions = { width, continued: !last, align: base.align ?? 'left', lineGap: 1.5, underline: inline.href !== undefined, ...(inline.href === undefined ? {} : { link: inline.href }) };
      if (index === 0) doc.text(inline.lineBreak === true ? '\n' : pdfText(inline.text), x, doc.y, options);
      else doc.text(inline.lineBreak === true ? '\n' : pdfText(inline.text), options);
    });
    doc.fillColor(colours.text);
  }

  blocks(blocks: readonly Block[], x: number, width: number, quoted = false): void {
    for (const block of blocks) this.block(block, x, width, quoted);
  }

  private block(block: Block, x: number, width: number, quoted: boolean): void {
    const doc = this.doc;
    switch (block.kind) {
      case 'heading': {
        const size = headingSizes[Math.min(block.level, 6) - 1] ?? bodySize;
        doc.font('Helvetica-Bold').fontSize(size);
        const height = doc.heightOfString(pdfText(block.text), { width });
        // A heading never ends a page alone.
        this.ensureRoom(height + size * 1.2 + 60);
        doc.y += block.level <= 2 ? size * 0.9 : size * 0.6;
        doc.addNamedDestination(block.id, 'XYZ', x, doc.y, null);
        this.headingPages.push({ id: block.id, page: this.currentPage() });
        if (block.level <= 3) this.outline(block.level, block.text);
        doc.fillColor(block.level <= 3 ? colours.heading : colours.accent).text(pdfText(block.text), x, doc.y, { width, lineGap: 1 });
        doc.fillColor(colours.text);
        doc.y += size * 0.35;
        return;
      }
      case 'paragraph':
        this.runs(block.inlines, x + (quoted ? 12 : 0), width - (quoted ? 12 : 0), bodySize, block.tone === 'warning' ? { bold: true, colour: colours.warning } : block.tone === 'muted' ? { italic: true, colour: colours.muted } : quoted ? { colour: '#333338' } : {});
        doc.y += 4;
        return;
      case 'fields':
        for (const item of block.items) {
          this.runs([{ text: `${item.label} : `, bold: true }, { text: item.value }], x, width, bodySize);
          doc.y += 1.5;
        }
        doc.y += 4;
        return;
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}.` : '•';
          doc.font('Helvetica').fontSize(bodySize);
          this.ensureRoom(bodySize * 1.5);
          const top = doc.y;
          doc.fillColor(colours.text).text(marker, x, top, { width: 16, lineBreak: false });
          doc.y = top;
          this.blocks(item, x + 18, width - 18, quoted);
        });
        doc.y += 2;
        return;
      case 'table':
        this.table(block, x, width);
        return;
      case 'quote': {
        const top = doc.y;
        const pageBefore = this.currentPage();
        this.blocks(block.blocks, x, width, true);
        if (this.currentPage() === pageBefore) doc.save().moveTo(x + 3, top).lineTo(x + 3, doc.y - 4).lineWidth(2).strokeColor('#c9d6d1').stroke().restore();
        return;
      }
      case 'rule':
        this.ensureRoom(12);
        doc.save().moveTo(x, doc.y + 4).lineTo(x + width, doc.y + 4).lineWidth(0.5).strokeColor(colours.border).stroke().restore();
        doc.y += 10;
        return;
      case 'rich':
        this.blocks(block.blocks, x, width, quoted);
        return;
    }
  }

  private outline(level: number, title: string): void {
    const parent = level === 1 ? this.doc.outline : (this.outlines[level - 2] ?? this.doc.outline);
    const item = parent.addItem(title);
    this.outlines[level - 1] = item;
    this.outlines.length = level;
  }

  // ---- tables ----

  private cellHeight(cell: TableCell, width: number, bold: boolean): number {
    const doc = this.doc;
    let height = 0;
    for (const paragraph of cell.paragraphs) {
      const anyBold = bold || paragraph.some((inline) => inline.bold === true);
      doc.font(anyBold ? 'Helvetica-Bold' : 'Helvetica').fontSize(cellSize);
      height += doc.heightOfString(pdfText(inlineText(paragraph)) || ' ', { width, lineGap: 1.5 }) + 1;
    }
    return height;
  }

  private columnWidths(table: TableBlock, width: number, columns: number): number[] {
    const doc = this.doc;
    const natural = new Array<number>(columns).fill(24);
    const longestWord = new Array<number>(columns).fill(24);
    for (const [rowIndex, row] of [table.head ?? [], ...table.body, ...table.foot].entries()) {
      let column = 0;
      for (const cell of row) {
        if ((cell.colspan ?? 1) === 1 && column < columns) {
          doc.font(rowIndex === 0 && table.head !== null ? 'Helvetica-Bold' : 'Helvetica').fontSize(cellSize);
          for (const paragraph of cell.paragraphs) {
            const value = pdfText(inlineText(paragraph));
            natural[column] = Math.max(natural[column] ?? 0, doc.widthOfString(value) + 2 * cellPadding + 2);
            for (const word of value.split(/[ \n]+/)) longestWord[column] = Math.max(longestWord[column] ?? 0, doc.widthOfString(word) + 2 * cellPadding + 2);
          }
        }
        column += cell.colspan ?? 1;
      }
    }
    const total = natural.reduce((sum, value) => sum + value, 0);
    if (total <= width) return natural.map((value) => (value / total) * width);
    // Amounts keep their natural width (never wrapped); text columns share the rest.
    const fixed = natural.map((value, index) => (table.numeric[index] === true ? Math.min(value, width / columns + 40) : 0));
    const fixedTotal = fixed.reduce((sum, value) => sum + value, 0);
    const flexibleNatural = natural.reduce((sum, value, index) => sum + (fixed[index] === 0 ? value : 0), 0);
    const rest = Math.max(width - fixedTotal, 0);
    const widths = natural.map((value, index) => (fixed[index] !== 0 ? (fixed[index] ?? 0) : Math.max((value / Math.max(flexibleNatural, 1)) * rest, Math.min(longestWord[index] ?? 40, 90))));
    const sum = widths.reduce((a, b) => a + b, 0);
    return widths.map((value) => (value / sum) * width);
  }

  private drawRow(row: readonly TableCell[], table: TableBlock, widths: number[], x: number, kind: 'head' | 'body' | 'foot'): void {
    const doc = this.doc;
    const bold = kind !== 'body';
    const spans: { cell: TableCell; x: number; width: number; numeric: boolean }[] = [];
    let column = 0;
    let cursor = x;
    for (const cell of row) {
      const span = Math.max(1, cell.colspan ?? 1);
      const cellWidth = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
      spans.push({ cell, x: cursor, width: cellWidth, numeric: table.numeric[column] === true });
      cursor += cellWidth;
      column += span;
    }
    if (column < widths.length) spans.push({ cell: { paragraphs: [[]] }, x: cursor, width: widths.slice(column).reduce((a, b) => a + b, 0), numeric: false });
    const maxHeight = this.bottom - page.margin - 40;
    const height = Math.min(Math.max(...spans.map((span) => this.cellHeight(span.cell, span.width - 2 * cellPadding, bold))) + 2 * cellPadding, maxHeight);
    const top = doc.y;
    for (const span of spans) {
      if (kind !== 'body') doc.save().rect(span.x, top, span.width, height).fill(kind === 'head' ? colours.headFill : colours.footFill).restore();
      doc.save().rect(span.x, top, span.width, height).lineWidth(0.5).strokeColor(colours.border).stroke().restore();
      doc.y = top + cellPadding;
      for (const paragraph of span.cell.paragraphs) {
        if (doc.y >= top + height - cellPadding) break;
        this.runs(paragraph, span.x + cellPadding, span.width - 2 * cellPadding, cellSize, { bold, align: span.numeric ? 'right' : 'left' });
        doc.y += 1;
      }
    }
    doc.y = top + height;
  }

  private table(table: TableBlock, x: number, width: number): void {
    const doc = this.doc;
    const columns = Math.max(0, ...[table.head ?? [], ...table.body, ...table.foot].map((row) => row.reduce((sum, cell) => sum + (cell.colspan ?? 1), 0)));
    if (columns === 0) return;
    const widths = this.columnWidths(table, width, columns);
    const headHeight = table.head === null ? 0 : Math.max(...table.head.map((cell, index) => this.cellHeight(cell, (widths[index] ?? 40) - 2 * cellPadding, true))) + 2 * cellPadding;
    doc.font('Helvetica-Bold').fontSize(cellSize + 0.5);
    const captionHeight = table.caption === null ? 0 : doc.heightOfString(pdfText(table.caption), { width }) + 4;
    // The caption, the header and a first row stay together.
    this.ensureRoom(captionHeight + headHeight + 30);
    doc.y += 4;
    if (table.caption !== null) {
      doc.font('Helvetica-Bold').fontSize(cellSize + 0.5).fillColor(colours.text).text(pdfText(table.caption), x, doc.y, { width });
      doc.y += 3;
    }
    if (table.head !== null) this.drawRow(table.head, table, widths, x, 'head');
    const rows: { row: TableCell[]; kind: 'body' | 'foot' }[] = [...table.body.map((row) => ({ row, kind: 'body' as const })), ...table.foot.map((row) => ({ row, kind: 'foot' as const }))];
    for (const { row, kind } of rows) {
      const height = Math.max(...row.map((cell, index) => this.cellHeight(cell, (widths[index] ?? 40) - 2 * cellPadding, kind === 'foot'))) + 2 * cellPadding;
      if (doc.y + Math.min(height, this.bottom - page.margin - 40) > this.bottom) {
        doc.addPage();
        doc.y = page.margin;
        // The header row again at the top of each page the table runs onto.
        if (table.head !== null) this.drawRow(table.head, table, widths, x, 'head');
      }
      this.drawRow(row, table, widths, x, kind);
    }
    doc.y += 8;
    doc.x = x;
  }
}

/** How many pages the table of contents takes, measured before anything is drawn. */
function tocPageCount(doc: Pdf, entries: readonly TocEntry[], width: number, firstTop: number, pageBottom: number): number {
  let pages = 1;
  let y = firstTop;
  for (const entry of entries) {
    doc.font(entry.level === 1 ? 'Helvetica-Bold' : 'Helvetica').fontSize(bodySize);
    const height = doc.heightOfString(pdfText(entry.text), { width: width - (entry.level - 1) * 14 - 40 }) + 3;
    if (y + height > pageBottom) {
      pages += 1;
      y = page.margin;
    }
    y += height;
  }
  return pages;
}

export async function renderPdf(layout: ExportLayout, steps: Steps): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: layout.documentTitle, Author: 'Trame', Creator: 'Trame', Producer: 'Trame (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const writer = new PdfWriter(doc);
  const { left, width } = writer;
  const { titlePage } = layout;

  // Title page.
  doc.y = 200;
  doc.font('Helvetica').fontSize(9).fillColor(colours.muted).text(pdfText('CONTRAT CO-CONSTRUIT'), left, doc.y, { width, characterSpacing: 1 });
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(24).fillColor(colours.heading).text(pdfText(titlePage.title), left, doc.y, { width });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(15).fillColor(colours.accent).text(pdfText(titlePage.subtitle), left, doc.y, { width });
  doc.moveDown(1.5);
  for (const field of titlePage.fields) {
    writer.runs([{ text: `${field.label} : `, bold: true }, { text: field.value }], left, width, 11);
    doc.y += 3;
  }
  if (titlePage.comment.trim() !== '') {
    doc.moveDown(1);
    writer.runs([{ text: titlePage.comment }], left, width, 10.5);
  }
  if (titlePage.description.trim() !== '') {
    doc.moveDown(1);
    writer.runs([{ text: titlePage.description }], left, width, 9.5, { italic: true, colour: colours.muted });
  }

  // Pages reserved for the table of contents, filled at the end.
  const tocTitleHeight = 40;
  const tocPages = tocPageCount(doc, layout.toc, width, page.margin + tocTitleHeight, doc.page.height - page.margin);
  const tocStart = 1;
  for (let index = 0; index < tocPages; index++) doc.addPage();
  doc.addPage();
  doc.y = page.margin;
  await steps.step(0.02, 'Page de titre');

  for (const [index, part] of layout.parts.entries()) {
    writer.blocks(part.blocks, left, width);
    await steps.step(((index + 1) / layout.parts.length) * 0.9, part.step);
  }

  // The table of contents, now that every heading's page is known.
  const pageOf = new Map(writer.headingPages.map((heading) => [heading.id, heading.page]));
  doc.switchToPage(tocStart);
  doc.y = page.margin;
  doc.font('Helvetica-Bold').fontSize(16).fillColor(colours.heading).text(pdfText(layout.tocTitle), left, doc.y, { width });
  doc.y = page.margin + tocTitleHeight;
  let tocPage = tocStart;
  for (const entry of layout.toc) {
    const indent = (entry.level - 1) * 14;
    doc.font(entry.level === 1 ? 'Helvetica-Bold' : 'Helvetica').fontSize(bodySize);
    const label = pdfText(entry.text);
    const height = doc.heightOfString(label, { width: width - indent - 40 }) + 3;
    if (doc.y + height > doc.page.height - page.margin && tocPage < tocStart + tocPages - 1) {
      tocPage += 1;
      doc.switchToPage(tocPage);
      doc.y = page.margin;
    }
    const top = doc.y;
    const number = String((pageOf.get(entry.id) ?? 0) + 1);
    doc.fillColor(colours.text).text(label, left + indent, top, { width: width - indent - 40, goTo: entry.id, lineGap: 1 });
    const bottom = doc.y;
    doc.text(number, left + width - 36, top, { width: 36, align: 'right', goTo: entry.id, lineBreak: false });
    doc.y = bottom + 3;
  }

  // Page numbers, below the bottom margin (lifted for the time of writing them).
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    if (index === 0) continue;
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(colours.muted)
      .text(pdfText(`${layout.documentTitle} — page ${index + 1} sur ${range.count}`), left, doc.page.height - page.footer - 8, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  await steps.step(0.95, 'Assemblage du fichier PDF');
  doc.end();
  await finished;
  await steps.step(1, 'Fichier PDF prêt');
  return Buffer.concat(chunks);
}
