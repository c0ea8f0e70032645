/**
 * Previews waiting for their "Importer": kept in memory (never on disk) for 15 minutes, a few per
 * person and a bounded number in all, so uploads cannot fill the server's memory. A preview
 * belongs to the person who uploaded it, in one workspace: nobody else can apply it.
 */
import { randomUUID } from 'node:crypto';
import type { RichTextJson } from '../../shared/rich-text/markdown';
import type { ImportFormat, ImportStats } from '../../shared/rich-text/text-import';

export interface Preview {
  id: string;
  personId: string;
  workspaceId: string;
  fileName: string;
  format: ImportFormat;
  doc: RichTextJson;
  stats: ImportStats;
  warnings: string[];
  expiresAt: number;
}

export interface PreviewStoreOptions {
  ttlMs?: number;
  perPerson?: number;
  total?: number;
  now?: () => number;
}

export class PreviewStore {
  private readonly previews = new Map<string, Preview>();
  private readonly ttlMs: number;
  private readonly perPerson: number;
  private readonly total: number;
  private readonly now: () => number;

  constructor(options: PreviewStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 15 * 60 * 1000;
    this.perPerson = options.perPerson ?? 3;
    this.total = options.total ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** Keeps a preview; the person's oldest ones (and the oldest of all) make room. */
  add(preview: Omit<Preview, 'id' | 'expiresAt'>): Preview {
    this.prune();
    const mine = [...this.previews.values()].filter((kept) => kept.personId === preview.personId);
    for (const old of mine.slice(0, Math.max(0, mine.length - this.perPerson + 1))) this.previews.delete(old.id);
    while (this.previews.size >= this.total) {
      const oldest = this.previews.keys().next().value;
      if (oldest === undefined) break;
      this.previews.delete(oldest);
    }
    const kept: Preview = { ...preview, id: randomUUID(), expiresAt: this.now() + this.ttlMs };
    this.previews.set(kept.id, kept);
    return kept;
  }

  /** The person's preview in that workspace, if it is still there. */
  get(id: string, personId: string, workspaceId: string): Preview | undefined {
    this.prune();
    const preview = this.previews.get(id);
    return preview !== undefined && preview.personId === personId && preview.workspaceId === workspaceId ? preview : undefined;
  }

  delete(id: string): void {
    this.previews.delete(id);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, preview] of this.previews) if (preview.expiresAt <= now) this.previews.delete(id);
  }
}
