/**
 * Which of their own structures a person acts for in a workspace, when they belong to several.
 * Remembered in this browser; the server checks the choice (`presence:join`) against the account.
 */
import type { Me } from '../../shared/schemas/people';

const key = (workspaceId: string): string => `trame:structure:${workspaceId}`;

/** The person's structures in a workspace. */
export function ownStructures(me: Me, workspaceId: string): Me['structures'] {
  return me.structures.filter((structure) => structure.workspaceId === workspaceId);
}

/** The structure the person acts for: their remembered choice if still theirs, else their first. */
export function chosenStructure(me: Me, workspaceId: string): Me['structures'][number] | undefined {
  const own = ownStructures(me, workspaceId);
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(key(workspaceId));
  } catch {
    // Storage disabled: the first structure is a sound default.
  }
  return own.find((structure) => structure.id === remembered) ?? own[0];
}

/** Remembers the choice for this workspace. */
export function rememberStructure(workspaceId: string, structureId: string): void {
  try {
    localStorage.setItem(key(workspaceId), structureId);
  } catch {
    // Not remembering only means asking again next time.
  }
}

/** Deletes the self-declared identity kept by earlier versions (accounts replaced it). */
export function forgetLegacyIdentity(): void {
  try {
    for (const name of Object.keys(localStorage)) if (name.startsWith('trame:identity:')) localStorage.removeItem(name);
  } catch {
    // Nothing to clean when storage is disabled.
  }
}
