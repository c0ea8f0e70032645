/**
 * Runs the export renderers in one worker thread (see render-worker.ts), started on first use and
 * kept for the next exports; renders are sent one at a time by the export jobs. A worker that
 * dies fails its render and is replaced at the next one.
 *
 * The worker runs the TypeScript sources through tsx, as the server itself does (`npm start`):
 * its entry (render-worker-boot.mjs) registers tsx's loader in the thread, then loads the worker.
 */
import { Worker } from 'node:worker_threads';
import type { ExportFormat } from '../../shared/schemas/versions';
import type { Steps } from './cooperative';
import type { ExportDocument } from './export-model';
import type { RenderedExport } from './export-render';
import type { RenderReply, RenderRequest } from './render-worker';

interface Pending {
  resolve: (rendered: RenderedExport) => void;
  reject: (error: Error) => void;
  steps: Steps;
}

export class RenderThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(new URL('./render-worker-boot.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (reply: RenderReply) => {
      const pending = this.pending.get(reply.id);
      if (pending === undefined) return;
      if (reply.kind === 'progress') {
        void pending.steps.step(reply.fraction, reply.step);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.kind === 'done') pending.resolve({ bytes: Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength), fileName: reply.fileName, mimeType: reply.mimeType });
      else pending.reject(new Error(reply.message));
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the export thread stopped (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Renders a built document in the thread, reporting its progress through `steps`. */
  render(document: ExportDocument, format: ExportFormat, steps: Steps, now = new Date()): Promise<RenderedExport> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, steps });
      const request: RenderRequest = { id, document, format, now: now.getTime() };
      worker.postMessage(request);
    });
  }

  /** Stops the thread (a render in progress fails). */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }
}
