/**
 * The OpenDocument Text export (ODF 1.3), written by hand and zipped with fflate: public bodies
 * often require ODF. The package follows the spec's packaging rules: the `mimetype` entry first,
 * STORED (uncompressed) and without extra field, then `META-INF/manifest.xml` listing every part,
 * `content.xml`, `styles.xml` and `meta.xml`.
 *
 * Headings are `text:h` with outline levels and heading styles (LibreOffice's navigator and its
 * table of contents use them), lists are `text:list` with list styles, tables are `table:table`
 * with repeated header rows, and the table of contents is a real `text:table-of-content` whose
 * body is pre-filled with linked entries (LibreOffice adds page numbers when it updates it).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Block, Inline, TableBlock, TableCell } from './blocks';
import type { Steps } from './cooperative';
import type { ExportLayout } from './export-layout';

export const odtMimeType = 'application/vnd.oasis.opendocument.text';

const namespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ');

/** Escapes XML text and drops the characters XML 1.0 cannot hold. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Text content of a paragraph: ODF collapses white space, so runs of spaces, tabs and newlines are elements. */
function odfText(value: string): string {
  return escapeXml(value)
    .replace(/\t/g, '<text:tab/>')
    .replace(/\r?\n/g, '<text:line-break/>')
    .replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`)
    .replace(/^ /, '<text:s/>');
}

function inlineXml(inline: Inline): string {
  if (inline.lineBreak === true) return '<text:line-break/>';
  let xml = odfText(inline.text);
  const style = inline.bold === true && inline.italic === true ? 'TBoldItalic' : inline.bold === true ? 'TBold' : inline.italic === true ? 'TItalic' : null;
  if (style !== null) xml = `<text:span text:style-name="${style}">${xml}</text:span>`;
  if (inline.href !== undefined) xml = `<text:a xlink:type="simple" xlink:href="${escapeXml(inline.href)}" text:style-name="Internet_20_link" text:visited-style-name="Visited_20_Internet_20_Link">${xml}</text:a>`;
  return xml;
}

const inlinesXml = (inlines: readonly Inline[]): string => inlines.map(inlineXml).join('');

const paragraphXml = (style: string, content: string): string => `<text:p text:style-name="${style}">${content}</text:p>`;

function flattenTable(block: Block): Block {
  if (block.kind !== 'table') return block;
  const rows = [...(block.head === null ? [] : [block.head]), ...block.body, ...block.foot];
  return { kind: 'quote', blocks: rows.map((row) => ({ kind: 'paragraph', inlines: row.flatMap((cell, index) => [...(index === 0 ? [] : [{ text: ' | ' }]), ...cell.paragraphs.flatMap((p, i) => (i === 0 ? p : [{ text: ' ' }, ...p]))]) })) };
}

class OdtWriter {
  private tableCount = 0;

  blocks(blocks: readonly Block[], quoted = false): string {
    return blocks.map((block) => this.block(block, quoted)).join('');
  }

  private block(block: Block, quoted: boolean): string {
    switch (block.kind) {
      case 'heading': {
        const level = Math.min(Math.max(block.level, 1), 6);
        return `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}"><text:bookmark text:name="${escapeXml(block.id)}"/>${odfText(block.text)}</text:h>`;
      }
      case 'paragraph':
        return paragraphXml(block.tone === 'warning' ? 'PWarning' : block.tone === 'muted' ? 'PMuted' : quoted ? 'Quotations' : 'Text_20_body', inlinesXml(block.inlines));
      case 'fields':
        return block.items.map((item) => paragraphXml('PField', `<text:span text:style-name="TBold">${odfText(`${item.label} :`)}</text:span> ${odfText(item.value)}`)).join('');
      case 'list': {
        const items = block.items
          .map((item, index) => {
            const start = index === 0 && block.ordered && block.start !== 1 ? ` text:start-value="${block.start}"` : '';
            // ODF list items hold paragraphs, headings and lists only: a table in a list becomes lines.
            const content = this.blocks(item.map(flattenTable), quoted);
            // A list item needs at least one paragraph.
            return `<text:list-item${start}>${content === '' ? paragraphXml('PListItem', '') : content.replace(/text:style-name="Text_20_body"/g, 'text:style-name="PListItem"')}</text:list-item>`;
          })
          .join('');
        return `<text:list text:style-name="${block.ordered ? 'LNumbers' : 'LBullets'}">${items}</text:list>`;
      }
      case 'table':
        return this.table(block);
      case 'quote':
        return this.blocks(block.blocks, true);
      case 'rule':
        return paragraphXml('PRule', '');
      case 'rich':
        return this.blocks(block.blocks, quoted);
    }
  }

  private cell(cell: TableCell, numeric: boolean, kind: 'head' | 'body' | 'foot'): string {
    const cellStyle = kind === 'head' ? 'CellHead' : kind === 'foot' ? 'CellFoot' : 'Cell';
    const paragraphStyle = (kind === 'head' ? 'PHead' : kind === 'foot' ? 'PFoot' : 'PCell') + (numeric ? 'Num' : '');
    const span = cell.colspan !== undefined && cell.colspan > 1 ? ` table:number-columns-spanned="${cell.colspan}"` : '';
    const paragraphs = cell.paragraphs.map((inlines) => paragraphXml(paragraphStyle, inlinesXml(inlines))).join('');
    const covered = span === '' ? '' : '<table:covered-table-cell/>'.repeat((cell.colspan ?? 1) - 1);
    return `<table:table-cell table:style-name="${cellStyle}" office:value-type="string"${span}>${paragraphs}</table:table-cell>${covered}`;
  }

  private row(cells: readonly TableCell[], table: TableBlock, width: number, kind: 'head' | 'body' | 'foot'): string {
    let column = 0;
    let xml = '';
    for (const cell of cells) {
      xml += this.cell(cell, table.numeric[column] === true, kind);
      column += cell.colspan ?? 1;
    }
    // Every row spans the table's columns.
    for (; column < width; column++) xml += this.cell({ paragraphs: [[]] }, false, kind);
    return `<table:table-row>${xml}</table:table-row>`;
  }

  private table(table: TableBlock): string {
    const rows = [table.head ?? [], ...table.body, ...table.foot];
    const width = Math.max(0, ...rows.map((row) => row.reduce((sum, cell) => sum + (cell.colspan ?? 1), 0)));
    if (width === 0) return '';
    this.tableCount += 1;
    const caption = table.caption === null ? '' : paragraphXml('Table', odfText(table.caption));
    const head = table.head === null ? '' : `<table:table-header-rows>${this.row(table.head, table, width, 'head')}</table:table-header-rows>`;
    const body = table.body.map((row) => this.row(row, table, width, 'body')).join('');
    const foot = table.foot.map((row) => this.row(row, table, width, 'foot')).join('');
    return `${caption}<table:table table:name="Tableau${this.tableCount}" table:style-name="Tbl"><table:table-column table:number-columns-repeated="${width}"/>${head}${body}${foot}</table:table>${paragraphXml('PAfterTable', '')}`;
  }
}

const contentStyles = `<office:automatic-styles>
<style:style style:name="TBold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="TItalic" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"/></style:style>
<style:style style:name="TBoldItalic" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="PTocTitle" style:family="paragraph" style:parent-style-name="Contents_20_Heading"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="PKicker" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="5cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:text-transform="uppercase" fo:letter-spacing="0.05cm" fo:color="#4a4a4f"/></style:style>
<style:style style:name="PField" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="PMuted" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-style="italic" fo:color="#4a4a4f"/></style:style>
<style:style style:name="PWarning" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-weight="bold" fo:color="#8a2c0d"/></style:style>
<style:style style:name="PListItem" style:family="paragraph" style:parent-style-name="List"/>
<style:style style:name="PRule" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:border-bottom="0.5pt solid #b8c4c0" fo:padding="0cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="PAfterTable" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="PCell" style:family="paragraph" style:parent-style-name="Table_20_Contents"/>
<style:style style:name="PCellNum" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="PHead" style:family="paragraph" style:parent-style-name="Table_20_Heading"><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="PHeadNum" style:family="paragraph" style:parent-style-name="Table_20_Heading"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="PFoot" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="PFootNum" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #b8c4c0"/></style:style>
<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #b8c4c0" fo:background-color="#e8efec"/></style:style>
<style:style style:name="CellFoot" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #b8c4c0" fo:background-color="#f3f6f5"/></style:style>
</office:automatic-styles>`;

function headingStyles(): string {
  const sizes = ['18pt', '15pt', '13pt', '11.5pt', '11pt', '11pt'];
  return sizes
    .map(
      (size, index) =>
        `<style:style style:name="Heading_20_${index + 1}" style:display-name="Heading ${index + 1}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${index + 1}" style:class="text"><style:paragraph-properties fo:margin-top="${index < 2 ? '0.6cm' : '0.4cm'}" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="${size}" fo:font-weight="bold"${index >= 4 ? ' fo:font-style="italic"' : ''} fo:color="${index < 3 ? '#1f4036' : '#2f5d50'}"/></style:style>`,
    )
    .join('\n');
}

function listLevels(kind: 'bullet' | 'number'): string {
  return Array.from({ length: 10 }, (_, index) => {
    const level = index + 1;
    const position = `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${(0.635 * level).toFixed(3)}cm" fo:text-indent="-0.635cm" fo:margin-left="${(0.635 * level).toFixed(3)}cm"/></style:list-level-properties>`;
    return kind === 'bullet'
      ? `<text:list-level-style-bullet text:level="${level}" text:bullet-char="${level % 2 === 1 ? '•' : '◦'}">${position}</text:list-level-style-bullet>`
      : `<text:list-level-style-number text:level="${level}" style:num-suffix="." style:num-format="1">${position}</text:list-level-style-number>`;
  }).join('');
}

function stylesXml(documentTitle: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${namespaces} office:version="1.3">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="page"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:language="fr" fo:country="FR" fo:hyphenate="false"/></style:default-style>
<style:default-style style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="125%"/></style:style>
<style:style style:name="List" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"><style:paragraph-properties fo:margin-bottom="0.08cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:keep-with-next="always"/></style:style>
${headingStyles()}
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="24pt" fo:font-weight="bold" fo:color="#1f4036"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:paragraph-properties fo:margin-bottom="0.8cm"/><style:text-properties fo:font-size="16pt" fo:color="#2f5d50"/></style:style>
<style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html"><style:paragraph-properties fo:margin-left="1cm" fo:padding-left="0.2cm" fo:border-left="1.5pt solid #c9d6d1"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="9.5pt"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="9.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Table" style:family="paragraph" style:parent-style-name="Caption" style:class="extra"/>
<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:color="#1f4036"/></style:style>
${[1, 2, 3].map((level) => `<style:style style:name="Contents_20_${level}" style:display-name="Contents ${level}" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-left="${(level - 1) * 0.5}cm" fo:margin-bottom="0.08cm"><style:tab-stops><style:tab-stop style:position="${(17 - (level - 1) * 0.5).toFixed(1)}cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>${level === 1 ? '<style:text-properties fo:font-weight="bold"/>' : ''}</style:style>`).join('\n')}
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8.5pt" fo:color="#4a4a4f"/></style:style>
<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#1a4f9c" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<style:style style:name="Visited_20_Internet_20_Link" style:display-name="Visited Internet Link" style:family="text"><style:text-properties fo:color="#5a2a82" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<text:outline-style style:name="Outline">${Array.from({ length: 10 }, (_, index) => `<text:outline-level-style text:level="${index + 1}" style:num-format=""><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties></text:outline-level-style>`).join('')}</text:outline-style>
<text:list-style style:name="LBullets">${listLevels('bullet')}</text:list-style>
<text:list-style style:name="LNumbers">${listLevels('number')}</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer><text:p text:style-name="Footer">${odfText(documentTitle)} — page <text:page-number text:select-page="current">1</text:page-number> sur <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>
</office:master-styles>
</office:document-styles>
`;
}

function metaXml(layout: ExportLayout, now: Date): string {
  const date = now.toISOString().replace(/\.\d+Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${namespaces} office:version="1.3">
<office:meta><meta:generator>Trame</meta:generator><dc:title>${escapeXml(layout.documentTitle)}</dc:title><dc:language>fr-FR</dc:language><meta:creation-date>${date}</meta:creation-date><dc:date>${date}</dc:date></office:meta>
</office:document-meta>
`;
}

const manifestXml = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${odtMimeType}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;

function tocXml(layout: ExportLayout): string {
  const templates = [1, 2, 3]
    .map(
      (level) =>
        `<text:table-of-content-entry-template text:outline-level="${level}" text:style-name="Contents_20_${level}"><text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>`,
    )
    .join('');
  const entries = layout.toc
    .map((entry) => paragraphXml(`Contents_20_${Math.min(Math.max(entry.level, 1), 3)}`, `<text:a xlink:type="simple" xlink:href="#${escapeXml(entry.id)}">${odfText(entry.text)}</text:a>`))
    .join('');
  return `<text:table-of-content text:name="Sommaire" text:protected="true"><text:table-of-content-source text:outline-level="3" text:use-index-marks="false"><text:index-title-template text:style-name="Contents_20_Heading">${odfText(layout.tocTitle)}</text:index-title-template>${templates}</text:table-of-content-source><text:index-body><text:index-title text:name="Sommaire_Titre">${paragraphXml('PTocTitle', odfText(layout.tocTitle))}</text:index-title>${entries}</text:index-body></text:table-of-content>`;
}

export async function renderOdt(layout: ExportLayout, steps: Steps, now = new Date()): Promise<Buffer> {
  const { titlePage } = layout;
  const writer = new OdtWriter();
  const chunks: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${namespaces} office:version="1.3">`,
    contentStyles,
    '<office:body><office:text>',
    paragraphXml('PKicker', 'Contrat co-construit'),
    paragraphXml('Title', odfText(titlePage.title)),
    paragraphXml('Subtitle', odfText(titlePage.subtitle)),
    ...titlePage.fields.map((field) => paragraphXml('PField', `<text:span text:style-name="TBold">${odfText(`${field.label} :`)}</text:span> ${odfText(field.value)}`)),
    titlePage.comment.trim() === '' ? '' : paragraphXml('Text_20_body', odfText(titlePage.comment)),
    titlePage.description.trim() === '' ? '' : paragraphXml('PMuted', odfText(titlePage.description)),
    tocXml(layout),
    paragraphXml('PBreak', ''),
  ];
  for (const [index, part] of layout.parts.entries()) {
    chunks.push(writer.blocks(part.blocks));
    await steps.step(((index + 1) / layout.parts.length) * 0.85, part.step);
  }
  chunks.push('</office:text></office:body></office:document-content>\n');

  await steps.step(0.9, 'Assemblage du fichier OpenDocument');
  const files: Zippable = {
    // First and stored: the spec's way of telling the package's type to tools reading raw bytes.
    mimetype: [strToU8(odtMimeType), { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifestXml),
    'content.xml': strToU8(chunks.join('')),
    'styles.xml': strToU8(stylesXml(layout.documentTitle)),
    'meta.xml': strToU8(metaXml(layout, now)),
  };
  const zipped = zipSync(files, { level: 6, mtime: now });
  await steps.step(1, 'Fichier OpenDocument prêt');
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
