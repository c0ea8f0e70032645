/**
 * The person's chosen identity, kept in this browser until accounts exist. The name is shared by
 * every workspace; the structure is remembered per workspace since structures belong to one.
 */

/** Who the person says they are in a workspace. */
export interface Identity {
  name: string;
  structureId: string;
}

const nameKey = 'trame:identity:name';
const structureKey = (workspaceId: string): string => `trame:identity:${workspaceId}:structure`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage disabled: the person is simply asked again on the next visit.
    return null;
  }
}

/** The last name this browser used, to prefill the identity form. */
export function loadRememberedName(): string {
  return read(nameKey) ?? '';
}

/**
 * The stored identity for a workspace, or null when incomplete or when the structure is no longer
 * one of the workspace's (it may have been removed since).
 */
export function loadIdentity(workspaceId: string, knownStructureIds: ReadonlySet<string>): Identity | null {
  const name = read(nameKey)?.trim() ?? '';
  const structureId = read(structureKey(workspaceId)) ?? '';
  if (name === '' || !knownStructureIds.has(structureId)) return null;
  return { name, structureId };
}

/** Remembers the identity chosen for a workspace. */
export function saveIdentity(workspaceId: string, identity: Identity): void {
  try {
    localStorage.setItem(nameKey, identity.name);
    localStorage.setItem(structureKey(workspaceId), identity.structureId);
  } catch {
    // Not remembering is acceptable: the identity still applies to this visit.
  }
}
