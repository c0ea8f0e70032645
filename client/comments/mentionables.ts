/**
 * Who can be mentioned in a comment: the workspace's people (from the members API) and its
 * structures (from the workspace view), fetched once per workspace and page load.
 */
import type { StructureView } from '../../shared/schemas/workspace';
import { listMembers } from '../api/members';

export interface Mentionable {
  kind: 'person' | 'structure';
  id: string;
  name: string;
}

const cache = new Map<string, Promise<Mentionable[]>>();

/** People then structures, by name; people fail soft (a reader without the member list still mentions structures). */
export function mentionablesOf(workspaceId: string, structures: readonly StructureView[]): Promise<Mentionable[]> {
  let found = cache.get(workspaceId);
  if (found === undefined) {
    found = listMembers(workspaceId, {})
      .catch(() => [])
      .then((members) => [
        ...members.map((m): Mentionable => ({ kind: 'person', id: m.personId, name: m.displayName })).sort(byName),
        ...structures.map((s): Mentionable => ({ kind: 'structure', id: s.id, name: s.name })).sort(byName),
      ]);
    cache.set(workspaceId, found);
  }
  return found;
}

const byName = (a: Mentionable, b: Mentionable): number => a.name.localeCompare(b.name, 'fr');
