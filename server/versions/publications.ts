/**
 * Public links of adopted versions: publishing one creates a read-only page `/p/<token>` that needs
 * no account (served by server/exports/public-page.routes.ts); revoking it stops the link at once.
 * One active link per version; the records stay after revocation, for the audit.
 */
import { randomBytes } from 'node:crypto';
import { newId } from '../../shared/programme/ids';
import { fail, type Result } from '../../shared/result';
import type { Person } from '../../shared/schemas/people';
import type { Publication, VersionView } from '../../shared/schemas/versions';
import type { AuditLog } from '../audit/audit-log';
import type { WorkspaceEvents } from '../contract/workspace-events';
import type { MetadataStore } from '../store/metadata-store';
import { activePublication, findVersion } from './versions.repository';
import type { VersionsService } from './versions.service';

export interface PublicationsOptions {
  db: MetadataStore;
  audit: AuditLog;
  events: WorkspaceEvents;
  versions: VersionsService;
}

export class Publications {
  constructor(private readonly options: PublicationsOptions) {}

  /** Publishes an adopted version (publishing again answers the same link). */
  async publish(actor: Person, workspaceId: string, versionId: string): Promise<Result<VersionView>> {
    const { db, audit, events, versions } = this.options;
    const current = versions.get(workspaceId, versionId);
    if (!current.ok) return current;
    if (current.value.kind !== 'adopted') {
      return fail({ kind: 'conflict', title: 'Seule une version adoptée peut être publiée.', detail: 'Adoptez d’abord le programme : la version adoptée pourra alors être partagée par un lien public.' });
    }
    if (activePublication(db, workspaceId, versionId) === undefined) {
      const publication: Publication = { id: newId(), workspaceId, versionId, token: randomBytes(32).toString('base64url'), createdAt: new Date().toISOString(), createdBy: actor.id, revokedAt: null, revokedBy: null };
      await db.update(() => {
        db.data.publications.push(publication);
      });
      void audit.record({ action: 'versions.published', actorId: actor.id, workspaceId, target: versionId, detail: { name: current.value.name } });
      events.versionsChanged(workspaceId);
    }
    return versions.get(workspaceId, versionId);
  }

  /** Revokes a version's public link: the link stops working at once. */
  async unpublish(actor: Person, workspaceId: string, versionId: string): Promise<Result<VersionView>> {
    const { db, audit, events, versions } = this.options;
    const current = versions.get(workspaceId, versionId);
    if (!current.ok) return current;
    const publication = activePublication(db, workspaceId, versionId);
    if (publication !== undefined) {
      await db.update(() => {
        publication.revokedAt = new Date().toISOString();
        publication.revokedBy = actor.id;
      });
      void audit.record({ action: 'versions.unpublished', actorId: actor.id, workspaceId, target: versionId, detail: { name: findVersion(db, workspaceId, versionId)?.name ?? '' } });
      events.versionsChanged(workspaceId);
    }
    return versions.get(workspaceId, versionId);
  }
}

