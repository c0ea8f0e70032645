/**
 * The Word export (`docx` package, pure Node). Real heading styles (Heading 1 to 3 for the
 * document's structure, so Word's navigation pane and its table of contents work; 4 to 6 below),
 * a TOC field pre-filled with the headings (Word offers to update its page numbers on opening),
 * tables with header rows repeated on each page, bold/italic/links kept, page numbers in the
 * footer. The object tree is built part by part, yielding between parts; `Packer` zips it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell as DocxTableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Inline, TableBlock, TableCell } from './blocks';
import type { Steps } from './cooperative';
import type { ExportLayout } from './export-layout';

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const accent = '2F5D50';
const border = { style: BorderStyle.SINGLE, size: 4, color: 'B8C4C0' };
const cellBorders = { top: border, bottom: border, left: border, right: border };

function runs(inlines: readonly Inline[], base: { bold?: boolean; italics?: boolean; color?: string } = {}): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.lineBreak === true) return new TextRun({ break: 1 });
    const run = new TextRun({ text: inline.text, bold: inline.bold === true || base.bold === true, italics: inline.italic === true || base.italics === true, ...(base.color === undefined ? {} : { color: base.color }) });
    return inline.href === undefined ? run : new ExternalHyperlink({ link: inline.href, children: [new TextRun({ text: inline.text, style: 'Hyperlink', bold: inline.bold === true, italics: inline.italic === true })] });
  });
}

class DocxWriter {
  /** Each list gets its own numbering instance, so ordered lists start again at their start. */
  private listInstance = 0;

  blocks(blocks: readonly Block[], depth = 0, quoted = false): (Paragraph | Table)[] {
    return blocks.flatMap((block) => this.block(block, depth, quoted));
  }

  private block(block: Block, depth: number, quoted: boolean): (Paragraph | Table)[] {
    const quote = quoted ? { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C9D6D1', space: 8 } } } : {};
    switch (block.kind) {
      case 'heading':
        return [new Paragraph({ heading: headingLevels[Math.min(block.level, 6) - 1], children: [new TextRun(block.text)], keepNext: true })];
      case 'paragraph':
        return [
          new Paragraph({
            children: runs(block.inlines, block.tone === 'warning' ? { bold: true, color: '8A2C0D' } : block.tone === 'muted' ? { italics: true, color: '4A4A4F' } : {}),
            spacing: { after: 120 },
            ...quote,
          }),
        ];
      case 'fields':
        return block.items.map((item) => new Paragraph({ children: [new TextRun({ text: `${item.label} : `, bold: true }), new TextRun(item.value)], spacing: { after: 60 } }));
      case 'list': {
        const instance = ++this.listInstance;
        return block.items.flatMap((item) => {
          const [first, ...rest] = item;
          const head: Paragraph[] =
            first?.kind === 'paragraph'
              ? [new Paragraph({ children: runs(first.inlines), ...(block.ordered ? { numbering: { reference: 'ordered', level: Math.min(depth, 8), instance } } : { bullet: { level: Math.min(depth, 8) } }) })]
              : [new Paragraph({ children: [], ...(block.ordered ? { numbering: { reference: 'ordered', level: Math.min(depth, 8), instance } } : { bullet: { level: Math.min(depth, 8) } }) })];
          return [...head, ...this.blocks(first?.kind === 'paragraph' ? rest : item, depth + 1, quoted)];
        });
      }
      case 'table':
        return this.table(block);
      case 'quote':
        return this.blocks(block.blocks, depth, true);
      case 'rule':
        return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'B8C4C0', space: 1 } } })];
      case 'rich':
        return this.blocks(block.blocks, depth, quoted);
    }
  }

  private cell(cell: TableCell, numeric: boolean, header: boolean, total: boolean): DocxTableCell {
    return new DocxTableCell({
      children: cell.paragraphs.map((inlines) => new Paragraph({ children: runs(inlines, header || total ? { bold: true } : {}), alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT })),
      ...(cell.colspan === undefined ? {} : { columnSpan: cell.colspan }),
      borders: cellBorders,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8EFEC', color: 'auto' } } : total ? { shading: { type: ShadingType.CLEAR, fill: 'F3F6F5', color: 'auto' } } : {}),
    });
  }

  private row(cells: readonly TableCell[], table: TableBlock, kind: 'head' | 'body' | 'foot'): TableRow {
    let column = 0;
    return new TableRow({
      tableHeader: kind === 'head',
      cantSplit: true,
      children: cells.map((cell) => {
        const numeric = table.numeric[column] === true;
        column += cell.colspan ?? 1;
        return this.cell(cell, numeric, kind === 'head', kind === 'foot');
      }),
    });
  }

  private table(table: TableBlock): (Paragraph | Table)[] {
    const rows = [...(table.head === null ? [] : [this.row(table.head, table, 'head')]), ...table.body.map((row) => this.row(row, table, 'body')), ...table.foot.map((row) => this.row(row, table, 'foot'))];
    if (rows.length === 0) return [];
    return [
      ...(table.caption === null ? [] : [new Paragraph({ style: 'Caption', children: [new TextRun(table.caption)], keepNext: true })]),
      new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
      new Paragraph({ children: [], spacing: { after: 120 } }),
    ];
  }
}

export async function renderDocx(layout: ExportLayout, steps: Steps): Promise<Buffer> {
  const { titlePage } = layout;
  const writer = new DocxWriter();
  const children: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ children: [new TextRun({ text: 'Contrat co-construit', allCaps: true, color: '4A4A4F' })], spacing: { before: 2400, after: 240 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(titlePage.title)] }),
    new Paragraph({ children: [new TextRun({ text: titlePage.subtitle, size: 32, color: accent })], spacing: { after: 480 } }),
    ...titlePage.fields.map((field) => new Paragraph({ children: [new TextRun({ text: `${field.label} : `, bold: true }), new TextRun(field.value)], spacing: { after: 80 } })),
    ...(titlePage.comment.trim() === '' ? [] : [new Paragraph({ children: [new TextRun(titlePage.comment)], spacing: { before: 240 } })]),
    ...(titlePage.description.trim() === '' ? [] : [new Paragraph({ children: [new TextRun({ text: titlePage.description, italics: true, color: '4A4A4F' })], spacing: { before: 240 } })]),
    new Paragraph({ children: [new PageBreak()] }),
    // Not a heading: the table of contents must not list itself.
    new Paragraph({ children: [new TextRun({ text: layout.tocTitle, bold: true, size: 32, color: accent })], spacing: { after: 240 } }),
    new TableOfContents(layout.tocTitle, { hyperlink: true, headingStyleRange: '1-3' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  for (const [index, part] of layout.parts.entries()) {
    children.push(...writer.blocks(part.blocks));
    await steps.step(((index + 1) / layout.parts.length) * 0.8, part.step);
  }

  const document = new Document({
    title: layout.documentTitle,
    creator: 'Trame',
    description: titlePage.subtitle,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: 'fr-FR' } } },
        title: { run: { font: 'Calibri', size: 52, bold: true, color: '1F4036' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: 'Calibri', size: 36, bold: true, color: '1F4036' }, paragraph: { spacing: { before: 480, after: 200 } } },
        heading2: { run: { font: 'Calibri', size: 30, bold: true, color: '1F4036' }, paragraph: { spacing: { before: 360, after: 160 } } },
        heading3: { run: { font: 'Calibri', size: 26, bold: true, color: '1F4036' }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading4: { run: { font: 'Calibri', size: 23, bold: true, color: '2F5D50' }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading5: { run: { font: 'Calibri', size: 22, bold: true, italics: true }, paragraph: { spacing: { before: 200, after: 60 } } },
        heading6: { run: { font: 'Calibri', size: 22, italics: true }, paragraph: { spacing: { before: 160, after: 60 } } },
        caption: { run: { bold: true, italics: false, size: 20, color: '1D1D1F' }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${layout.documentTitle} — page `, PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], size: 18, color: '4A4A4F' })] })],
          }),
        },
        children,
      },
    ],
  });
  await steps.step(0.85, 'Assemblage du fichier Word');
  const buffer = await Packer.toBuffer(document);
  await steps.step(1, 'Fichier Word prêt');
  return buffer;
}
