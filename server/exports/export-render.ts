/**
 * One export, start to end: builds the content from a version's document, lays it out and renders
 * it in the asked format, reporting progress along the way (building takes the first fifth of the
 * bar, rendering the rest). Used by the export jobs, the public page and the bench.
 */
import type { ExportFormat } from '../../shared/schemas/versions';
import { Steps } from './cooperative';
import { downloadName, exportFileTypes } from './export-formats';
import { layoutExport } from './export-layout';
import { buildExportDocument, frenchDateTime, type ExportDocument, type ExportSource } from './export-model';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderOdt } from './render-odt';
import { renderPdf } from './render-pdf';

export interface RenderedExport {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

/** Renders an already built document. */
export async function renderDocument(document: ExportDocument, format: ExportFormat, steps: Steps = new Steps(), now = new Date()): Promise<RenderedExport> {
  const layout = layoutExport(document);
  let bytes: Buffer;
  switch (format) {
    case 'docx':
      bytes = await renderDocx(layout, steps);
      break;
    case 'odt':
      bytes = await renderOdt(layout, steps, now);
      break;
    case 'pdf':
      bytes = await renderPdf(layout, steps);
      break;
    case 'md':
      bytes = await renderMarkdown(layout, steps);
      break;
    case 'html':
      bytes = await renderHtml(layout, steps, { footer: `Exporté de Trame le ${frenchDateTime(now.toISOString())}.` });
      break;
  }
  return { bytes, fileName: downloadName(document.workspaceName, document.versionName, format), mimeType: exportFileTypes[format].mimeType };
}

/** Builds and renders. The source's document is only read (the caller destroys it). */
export async function renderExport(source: ExportSource, format: ExportFormat, steps: Steps = new Steps()): Promise<RenderedExport> {
  const document = await buildExportDocument(source, steps.within(0, 0.2));
  return renderDocument(document, format, steps.within(0.2, 1), source.now);
}
