/**
 * Export jobs: a small in-process queue, so that exporting a 120-sheet contract never holds up
 * anyone's editing. One job renders at a time (renders are CPU work in the server's only thread,
 * and yield to the event loop between sheets and sections); each person may have a few jobs
 * waiting or running. Progress (0..1 and French words) goes to the requester's sockets as
 * `exports:progress` and can be polled; finished files stay in memory for 15 minutes, then go.
 * The content is read here; the renderers run in a worker thread (render-thread.ts).
 */
import type { Logger } from 'pino';
import { newId } from '../../shared/programme/ids';
import type { ExportProgress } from '../../shared/protocol';
import { fail, ok, type DomainError, type Result } from '../../shared/result';
import type { Person } from '../../shared/schemas/people';
import { liveVersionId, type ExportFormat, type Version } from '../../shared/schemas/versions';
import type { Workspace } from '../../shared/schemas/workspace';
import type * as Y from 'yjs';
import type { MetadataStore } from '../store/metadata-store';
import { findVersion } from '../versions/versions.repository';
import { findWorkspace } from '../workspaces/workspaces.repository';
import { Steps } from './cooperative';
import { downloadName } from './export-formats';
import { buildExportDocument } from './export-model';
import type { RenderedExport } from './export-render';
import { RenderThread } from './render-thread';

/** What the jobs need of the versions: a version's (or live) document. */
export interface VersionDocuments {
  docOf(workspaceId: string, versionId: string): Promise<Result<Y.Doc>>;
}

export interface ExportJobsOptions {
  db: MetadataStore;
  versions: VersionDocuments;
  /** Sends a job's progress to its requester's sockets. */
  emit: (personId: string, progress: ExportProgress) => void;
  logger: Logger;
  /** How long a finished file is kept (default 15 minutes). */
  keepMs?: number;
  /** Jobs one person may have waiting or running (default 3). */
  perPerson?: number;
  /** Least time between two progress events of a job (default 150 ms). */
  emitIntervalMs?: number;
  /** Where renderers run: a worker thread (default), or this thread (cooperatively). */
  renderIn?: 'thread' | 'main';
}

interface Job {
  id: string;
  workspaceId: string;
  personId: string;
  personName: string;
  versionId: string;
  format: ExportFormat;
  state: ExportProgress['state'];
  progress: number;
  step: string;
  fileName: string;
  problem: string | null;
  file: RenderedExport | null;
  lastEmitAt: number;
  expiry: NodeJS.Timeout | null;
}

const jobNotFound: DomainError = { kind: 'not_found', title: 'Cet export n’existe pas ou n’est plus disponible.', detail: 'Les fichiers exportés sont gardés 15 minutes : relancez l’export.' };

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly thread = new RenderThread();

  constructor(private readonly options: ExportJobsOptions) {}

  /** Queues an export of a version (or `live`) of a workspace's contract for a person. */
  start(actor: Person, workspaceId: string, input: { versionId: string; format: ExportFormat }): Result<ExportProgress> {
    const { db } = this.options;
    const workspace = findWorkspace(db, workspaceId);
    if (workspace === undefined) return fail({ kind: 'not_found', title: 'Espace de travail introuvable.' });
    const version = input.versionId === liveVersionId ? null : findVersion(db, workspaceId, input.versionId);
    if (version === undefined) return fail({ kind: 'not_found', title: 'Cette version n’existe pas.', detail: 'Choisissez une version dans l’historique, ou l’état actuel du contrat.' });
    const waiting = [...this.jobs.values()].filter((job) => job.personId === actor.id && (job.state === 'queued' || job.state === 'running')).length;
    if (waiting >= (this.options.perPerson ?? 3)) {
      return fail({ kind: 'too_many_requests', title: 'Vous avez déjà plusieurs exports en cours.', detail: 'Attendez qu’ils se terminent avant d’en lancer un autre.' });
    }
    const job: Job = {
      id: newId(),
      workspaceId,
      personId: actor.id,
      personName: actor.displayName,
      versionId: input.versionId,
      format: input.format,
      state: 'queued',
      progress: 0,
      step: this.running === null ? 'Préparation' : 'En attente d’un autre export',
      fileName: downloadName(workspace.name, version?.name ?? 'État actuel du contrat', input.format),
      problem: null,
      file: null,
      lastEmitAt: 0,
      expiry: null,
    };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.pump();
    return ok(this.progressOf(job));
  }

  /** A job's progress, for its requester only. */
  get(personId: string, workspaceId: string, jobId: string): Result<ExportProgress> {
    const job = this.jobs.get(jobId);
    if (job === undefined || job.personId !== personId || job.workspaceId !== workspaceId) return fail(jobNotFound);
    return ok(this.progressOf(job));
  }

  /** A finished job's file, for its requester only. */
  file(personId: string, workspaceId: string, jobId: string): Result<RenderedExport> {
    const job = this.jobs.get(jobId);
    if (job === undefined || job.personId !== personId || job.workspaceId !== workspaceId) return fail(jobNotFound);
    if (job.state === 'failed') return fail({ kind: 'conflict', title: 'Cet export a échoué.', detail: job.problem ?? undefined });
    if (job.file === null) return fail({ kind: 'conflict', title: 'Cet export n’est pas encore terminé.', detail: `${Math.round(job.progress * 100)} % : ${job.step}.` });
    return ok(job.file);
  }

  /** Waits for the running job, then drops every job and file. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await this.running;
    await this.thread.stop();
    for (const job of this.jobs.values()) if (job.expiry !== null) clearTimeout(job.expiry);
    this.jobs.clear();
  }

  private progressOf(job: Job): ExportProgress {
    return {
      workspaceId: job.workspaceId,
      jobId: job.id,
      state: job.state,
      progress: job.progress,
      step: job.step,
      fileName: job.state === 'done' ? job.fileName : null,
      problem: job.problem,
    };
  }

  private emit(job: Job, force = false): void {
    const now = Date.now();
    if (!force && now - job.lastEmitAt < (this.options.emitIntervalMs ?? 150)) return;
    job.lastEmitAt = now;
    this.options.emit(job.personId, this.progressOf(job));
  }

  private pump(): void {
    if (this.running !== null || this.stopped) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    this.running = this.run(job).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  private async run(job: Job): Promise<void> {
    const { db, versions, logger } = this.options;
    job.state = 'running';
    job.step = 'Lecture de la version';
    this.emit(job, true);
    let doc: Y.Doc | undefined;
    try {
      const workspace: Workspace | undefined = findWorkspace(db, job.workspaceId);
      const version: Version | null | undefined = job.versionId === liveVersionId ? null : findVersion(db, job.workspaceId, job.versionId);
      if (workspace === undefined || version === undefined) throw new ExportFailure('Cette version n’existe plus.');
      const read = await versions.docOf(job.workspaceId, job.versionId);
      if (!read.ok) throw new ExportFailure(read.error.title);
      doc = read.value;
      const steps = new Steps((fraction, step) => {
        job.progress = Math.min(0.99, fraction);
        job.step = step;
        this.emit(job);
      });
      // The content is built here, cooperatively; the rendering runs in the export thread, so that
      // no long synchronous step of a renderer (docx's serialisation) ever holds up editing.
      const document = await buildExportDocument({ db, workspace, version, doc, requesterName: job.personName }, steps.within(0, 0.2));
      doc.destroy();
      doc = undefined;
      // The renderers (docx, pdfkit…) are loaded where they run: in the thread, or here only when asked.
      const rendered =
        this.options.renderIn === 'main'
          ? await (await import('./export-render')).renderDocument(document, job.format, steps.within(0.2, 1))
          : await this.thread.render(document, job.format, steps.within(0.2, 1));
      job.file = { ...rendered, fileName: job.fileName };
      job.state = 'done';
      job.progress = 1;
      job.step = 'Fichier prêt';
    } catch (error) {
      job.state = 'failed';
      job.problem = error instanceof ExportFailure ? error.message : 'L’export n’a pas pu être produit. Réessayez ; si cela recommence, prévenez la coordination.';
      job.step = 'Échec de l’export';
      if (!(error instanceof ExportFailure)) logger.error({ err: error, workspaceId: job.workspaceId, versionId: job.versionId, format: job.format }, 'an export failed');
    } finally {
      doc?.destroy();
    }
    this.emit(job, true);
    job.expiry = setTimeout(() => this.jobs.delete(job.id), this.options.keepMs ?? 15 * 60_000);
    job.expiry.unref();
  }
}

class ExportFailure extends Error {}
