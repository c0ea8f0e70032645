/** The member list of a workspace, role changes and structure representatives. */
import { can, roleLabels, type Role } from '../../shared/permissions';
import { fail, ok, type Result } from '../../shared/result';
import type { MemberFilters, MemberView } from '../../shared/schemas/members';
import type { AuditLog } from '../audit/audit-log';
import { findPerson, putRole, roleOf, rolesIn, structureIdsOf } from '../auth/people.repository';
import type { MetadataStore } from '../store/metadata-store';
import { findStructure, structuresOf } from '../workspaces/workspaces.repository';

const normalise = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export class MembersService {
  constructor(
    private readonly db: MetadataStore,
    private readonly audit: AuditLog,
  ) {}

  /** Members of a workspace, filtered; emails only for those who manage members. */
  list(workspaceId: string, viewerRole: Role, filters: MemberFilters): MemberView[] {
    const structures = new Map(structuresOf(this.db, workspaceId).map((s) => [s.id, s]));
    const showEmails = can(viewerRole, 'members.invite') || viewerRole === 'facilitator';
    const query = filters.q === undefined ? undefined : normalise(filters.q.trim());
    const members: MemberView[] = [];
    for (const { personId, role } of rolesIn(this.db, workspaceId)) {
      const person = findPerson(this.db, personId);
      if (person === undefined) continue;
      const own = structureIdsOf(this.db, personId).flatMap((id) => {
        const structure = structures.get(id);
        return structure === undefined ? [] : [{ id, name: structure.name, networkId: structure.networkId, isRepresentative: structure.representativeId === personId }];
      });
      if (filters.role !== undefined && role !== filters.role) continue;
      if (filters.structure !== undefined && !own.some((s) => s.id === filters.structure)) continue;
      if (filters.network !== undefined && !own.some((s) => s.networkId === filters.network)) continue;
      if (query !== undefined && query !== '' && !normalise(`${person.displayName} ${own.map((s) => s.name).join(' ')}`).includes(query)) continue;
      members.push({ personId, displayName: person.displayName, email: showEmails ? person.email : null, role, structures: own });
    }
    return members.sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  }

  async changeRole(actorId: string, workspaceId: string, personId: string, role: Role): Promise<Result<Role>> {
    const current = roleOf(this.db, personId, workspaceId);
    if (current === undefined) return fail({ kind: 'not_found', title: 'Cette personne ne fait pas partie de l’espace de travail.' });
    const coordinators = rolesIn(this.db, workspaceId).filter((r) => r.role === 'coordinator');
    if (current === 'coordinator' && role !== 'coordinator' && coordinators.length === 1) {
      return fail({ kind: 'conflict', title: 'Il doit rester au moins une personne à la coordination.', detail: 'Confiez d’abord la coordination à quelqu’un d’autre.' });
    }
    await this.db.update(() => putRole(this.db, { workspaceId, personId, role }));
    void this.audit.record({ action: 'members.roleChanged', actorId, workspaceId, target: personId, detail: { from: current, to: role, label: roleLabels[role] } });
    return ok(role);
  }

  /** Names the structure's representative (one structure, one voice), or none with `null`. */
  async setRepresentative(actorId: string, workspaceId: string, structureId: string, personId: string | null): Promise<Result<null>> {
    const structure = findStructure(this.db, workspaceId, structureId);
    if (structure === undefined) return fail({ kind: 'not_found', title: 'Structure introuvable.' });
    if (personId !== null && !structureIdsOf(this.db, personId).includes(structureId)) {
      return fail({ kind: 'invalid', title: 'Le représentant doit appartenir à la structure.', fields: { personId: 'Choisissez une personne de cette structure.' } });
    }
    await this.db.update(() => {
      structure.representativeId = personId;
    });
    void this.audit.record({ action: 'structures.representativeSet', actorId, workspaceId, target: structureId, detail: { personId } });
    return ok(null);
  }
}
