/** The comments API (`/api/workspaces/:id/comments…`), typed with the shared schemas. */
import type { CommentThread, CreateThreadInput, ReplyInput, ThreadStatus } from '../../shared/schemas/comments';
import { fetchJson, requestJson } from '../api/fetch-json';

const base = (workspaceId: string): string => `/api/workspaces/${encodeURIComponent(workspaceId)}/comments`;
const threadPath = (workspaceId: string, threadId: string): string => `${base(workspaceId)}/${encodeURIComponent(threadId)}`;

export function listThreads(workspaceId: string, signal?: AbortSignal): Promise<CommentThread[]> {
  return fetchJson(base(workspaceId), signal);
}

export function fetchThread(workspaceId: string, threadId: string, signal?: AbortSignal): Promise<CommentThread> {
  return fetchJson(threadPath(workspaceId, threadId), signal);
}

export function createThread(workspaceId: string, input: CreateThreadInput): Promise<CommentThread> {
  return requestJson(base(workspaceId), { method: 'POST', body: input });
}

export function replyTo(workspaceId: string, threadId: string, input: ReplyInput): Promise<CommentThread> {
  return requestJson(`${threadPath(workspaceId, threadId)}/replies`, { method: 'POST', body: input });
}

export function editComment(workspaceId: string, threadId: string, commentId: string, input: ReplyInput): Promise<CommentThread> {
  return requestJson(`${threadPath(workspaceId, threadId)}/comments/${encodeURIComponent(commentId)}`, { method: 'PATCH', body: input });
}

export function deleteComment(workspaceId: string, threadId: string, commentId: string): Promise<CommentThread> {
  return requestJson(`${threadPath(workspaceId, threadId)}/comments/${encodeURIComponent(commentId)}`, { method: 'DELETE' });
}

export function setThreadStatus(workspaceId: string, threadId: string, status: ThreadStatus): Promise<CommentThread> {
  return requestJson(`${threadPath(workspaceId, threadId)}/status`, { method: 'PUT', body: { status } });
}

/** Hides (reason given) or unhides (null) a thread, or one of its comments. */
export function setHidden(workspaceId: string, threadId: string, commentId: string | null, reason: string | null): Promise<CommentThread> {
  const path = `${threadPath(workspaceId, threadId)}${commentId === null ? '' : `/comments/${encodeURIComponent(commentId)}`}/hidden`;
  return requestJson(path, reason === null ? { method: 'DELETE' } : { method: 'PUT', body: { reason } });
}
