/**
 * One live list of a workspace's comment threads, shared by everything that shows comments on
 * the page (the contract's margin, each rich-text field of a sheet, the comments page): fetched
 * once, fetched again on every `comments:changed` (and after one's own change), and told to
 * every subscriber. Kept while someone subscribes; dropped with the last one.
 */
import type { CommentThread } from '../../shared/schemas/comments';
import { SocketEvent } from '../../shared/protocol';
import { describeError } from '../api/fetch-json';
import type { ListenToWorkspace } from '../programme/page-props';
import { ProblemError } from '../api/fetch-json';
import { fetchThread, listThreads } from './comments-api';

export interface CommentsSnapshot {
  threads: readonly CommentThread[];
  loaded: boolean;
  problem: string | null;
  /** Increases with every new list (cheap change detection for plugins). */
  revision: number;
}

type Subscriber = (snapshot: CommentsSnapshot) => void;

export class CommentsStore {
  snapshot: CommentsSnapshot = { threads: [], loaded: false, problem: null, revision: 0 };
  private readonly subscribers = new Set<Subscriber>();
  private stopListening: (() => void) | null = null;
  private inFlight: AbortController | null = null;
  private again = false;

  constructor(readonly workspaceId: string) {}

  subscribe(listen: ListenToWorkspace, subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    if (this.stopListening === null) {
      this.stopListening = listen(SocketEvent.commentsChanged, ({ workspaceId, threadId }) => {
        if (workspaceId !== this.workspaceId) return;
        if (threadId === undefined || !this.snapshot.loaded) void this.refresh();
        else void this.refreshThread(threadId);
      });
      void this.refresh();
    } else {
      subscriber(this.snapshot);
    }
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) {
        this.stopListening?.();
        this.stopListening = null;
        this.inFlight?.abort();
        stores.delete(this.workspaceId);
      }
    };
  }

  /** Fetches the list again (coalescing calls made while a fetch is running). */
  async refresh(): Promise<void> {
    if (this.inFlight !== null) {
      this.again = true;
      return;
    }
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const threads = await listThreads(this.workspaceId, controller.signal);
      this.publish({ threads, loaded: true, problem: null, revision: this.snapshot.revision + 1 });
    } catch (error) {
      if (!controller.signal.aborted) this.publish({ ...this.snapshot, loaded: true, problem: describeError(error) });
    } finally {
      this.inFlight = null;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }

  /** Fetches one changed thread (the whole list would be megabytes with thousands of threads). */
  private async refreshThread(threadId: string): Promise<void> {
    try {
      this.put(await fetchThread(this.workspaceId, threadId));
    } catch (error) {
      // Gone or no longer readable: re-read everything rather than keep a stale copy.
      if (error instanceof ProblemError) void this.refresh();
    }
  }

  /** Puts a thread the server just returned in place, before the refresh brings everything. */
  put(thread: CommentThread): void {
    const threads = this.snapshot.threads.some((t) => t.id === thread.id)
      ? this.snapshot.threads.map((t) => (t.id === thread.id ? thread : t))
      : [...this.snapshot.threads, thread];
    this.publish({ ...this.snapshot, threads, revision: this.snapshot.revision + 1 });
  }

  private publish(snapshot: CommentsSnapshot): void {
    this.snapshot = snapshot;
    for (const subscriber of this.subscribers) subscriber(snapshot);
  }
}

const stores = new Map<string, CommentsStore>();

/** The shared store of a workspace. */
export function commentsStore(workspaceId: string): CommentsStore {
  let store = stores.get(workspaceId);
  if (store === undefined) {
    store = new CommentsStore(workspaceId);
    stores.set(workspaceId, store);
  }
  return store;
}
