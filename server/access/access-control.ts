/**
 * The one permission module: "may this person do this here?", for REST, Socket.IO and
 * y-websocket alike. Reads the role table of shared/permissions.ts; refusals are audited.
 */
import { can, frozenActions, frozenTitle, refusalTitles, type Action, type Role } from '../../shared/permissions';
import { fail, ok, type Result } from '../../shared/result';
import { roleOf } from '../auth/people.repository';
import type { AuditLog } from '../audit/audit-log';
import type { MetadataStore } from '../store/metadata-store';
import { findWorkspace } from '../workspaces/workspaces.repository';

export type Channel = 'rest' | 'socket' | 'yjs';

export class AccessControl {
  constructor(
    private readonly db: MetadataStore,
    private readonly audit: AuditLog,
  ) {}

  /** The person's role in the workspace, if they may perform `action` there. */
  check(personId: string, workspaceId: string, action: Action, channel: Channel): Result<Role> {
    const workspace = findWorkspace(this.db, workspaceId);
    if (workspace === undefined) {
      return fail({ kind: 'not_found', title: 'Espace de travail introuvable.' });
    }
    const role = roleOf(this.db, personId, workspaceId);
    if (can(role, action) && workspace.freeze !== undefined && frozenActions.has(action)) {
      this.recordRefusal(personId, workspaceId, action, channel);
      return fail({ kind: 'conflict', title: frozenTitle });
    }
    if (can(role, action)) return ok(role as Role); // can() is false for an undefined role
    this.recordRefusal(personId, workspaceId, action, channel);
    // Someone outside the workspace is told that, not what a role of it could do.
    return fail({ kind: 'forbidden', title: role === undefined ? refusalTitles['workspace.read'] : refusalTitles[action] });
  }

  /** True when the person may perform `action` now; not audited, for checks repeated on every message. */
  may(personId: string, workspaceId: string, action: Action): boolean {
    if (frozenActions.has(action) && this.isFrozen(workspaceId)) return false;
    return can(roleOf(this.db, personId, workspaceId), action);
  }

  /** True while an adopted version freezes the workspace's contract (see `frozenActions`). */
  isFrozen(workspaceId: string): boolean {
    return findWorkspace(this.db, workspaceId)?.freeze !== undefined;
  }

  /** Records a refusal decided by a channel's own gate (the y-websocket read-only gate). */
  recordRefusal(personId: string, workspaceId: string, action: Action, channel: Channel): void {
    void this.audit.record({ action: 'permission.refused', actorId: personId, workspaceId, detail: { action, channel, role: roleOf(this.db, personId, workspaceId) ?? null } });
  }

  /** The person's role in a workspace (undefined when they are not part of it). */
  roleIn(personId: string, workspaceId: string): Role | undefined {
    return roleOf(this.db, personId, workspaceId);
  }
}
