/**
 * The export renderers' thread (worker_threads). Serialising a large Word document is one long
 * synchronous step inside the `docx` package (seconds for 120 action sheets), which no amount of
 * yielding can cut: run in the server's main thread it would freeze everyone's editing. Here it
 * runs beside the main thread, which only builds the plain `ExportDocument` (cooperatively) and
 * sends it over; progress comes back as messages, then the file's bytes (transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import type { ExportFormat } from '../../shared/schemas/versions';
import { Steps } from './cooperative';
import type { ExportDocument } from './export-model';
import { renderDocument } from './export-render';

export type RenderRequest = { id: number; document: ExportDocument; format: ExportFormat; now: number };
export type RenderReply =
  | { id: number; kind: 'progress'; fraction: number; step: string }
  | { id: number; kind: 'done'; bytes: Uint8Array; fileName: string; mimeType: string }
  | { id: number; kind: 'failed'; message: string };

const port = parentPort;
if (port !== null) {
  port.on('message', (request: RenderRequest) => {
    const reply = (message: RenderReply, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
    let lastFraction = -1;
    const steps = new Steps((fraction, step) => {
      // Every 1 %: enough for a progress bar, few messages.
      if (fraction - lastFraction < 0.01 && fraction < 1) return;
      lastFraction = fraction;
      reply({ id: request.id, kind: 'progress', fraction, step });
    });
    renderDocument(request.document, request.format, steps, new Date(request.now)).then(
      (rendered) => {
        const bytes = new Uint8Array(rendered.bytes.buffer.slice(rendered.bytes.byteOffset, rendered.bytes.byteOffset + rendered.bytes.byteLength));
        reply({ id: request.id, kind: 'done', bytes, fileName: rendered.fileName, mimeType: rendered.mimeType }, [bytes.buffer as ArrayBuffer]);
      },
      (error: unknown) => reply({ id: request.id, kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
