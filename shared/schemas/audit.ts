/** `GET /api/workspaces/:id/audit`: one audit event as sent, with the name of who did it. */
export interface AuditEventView {
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  workspaceId: string | null;
  target: string | null;
  detail: Record<string, unknown>;
}
