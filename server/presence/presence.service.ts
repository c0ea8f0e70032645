/**
 * Who has each workspace open right now (one entry per connection), kept in memory: presence is
 * live state, rebuilt by clients re-joining after a restart.
 */
import type { PresencePerson } from '../../shared/schemas/presence';

export class PresenceRegistry {
  private readonly byWorkspace = new Map<string, Map<string, PresencePerson>>();

  /** Records a connection as present; returns the workspace's list. */
  join(workspaceId: string, person: PresencePerson): PresencePerson[] {
    let present = this.byWorkspace.get(workspaceId);
    if (present === undefined) this.byWorkspace.set(workspaceId, (present = new Map()));
    present.set(person.connectionId, person);
    return this.list(workspaceId);
  }

  /** Removes a connection from a workspace; true when it was there. */
  leave(workspaceId: string, connectionId: string): boolean {
    const present = this.byWorkspace.get(workspaceId);
    if (present === undefined || !present.delete(connectionId)) return false;
    if (present.size === 0) this.byWorkspace.delete(workspaceId);
    return true;
  }

  /** Everyone present in a workspace, sorted by name. */
  list(workspaceId: string): PresencePerson[] {
    return [...(this.byWorkspace.get(workspaceId)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
}
