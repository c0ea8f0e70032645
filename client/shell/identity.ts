/**
 * Who the signed-in person is in a workspace, as others see them: their name (from the account),
 * the structure they act for (or their role, for people outside any structure) and its colour.
 */
import { neutralColour } from '../../shared/colours';
import { roleLabels, type Role } from '../../shared/permissions';
import type { Me } from '../../shared/schemas/people';
import type { WorkspaceView } from '../../shared/schemas/workspace';
import type { AccountSummary } from '../account/account-menu';
import { chosenStructure, ownStructures } from '../account/structure-choice';
import type { AwarenessUser } from '../controllers/contract-session';
import { roleName } from '../i18n/role-names';

/** The person in one workspace. */
export interface Identity {
  role: Role | undefined;
  structureId: string | null;
  /** Under their name in the top bar, in the interface language. */
  detail: string;
  colour: string;
  /** What the others' editors show at this person's cursor (French, like the server's presence). */
  awareness: AwarenessUser;
}

/** Describes the person in the workspace. */
export function describeIdentity(me: Me, view: WorkspaceView): Identity {
  const role = me.workspaces.find((entry) => entry.workspaceId === view.id)?.role;
  const structure = chosenStructure(me, view.id);
  const colour = view.structures.find((candidate) => candidate.id === structure?.id)?.colour ?? structure?.colour ?? neutralColour;
  const roleText = role === undefined ? '' : roleName(role);
  return {
    role,
    structureId: structure?.id ?? null,
    detail: structure?.name ?? roleText,
    colour,
    awareness: {
      name: me.displayName,
      color: colour,
      structureId: structure?.id ?? null,
      structureName: structure?.name ?? (role === undefined ? '' : roleLabels[role]),
    },
  };
}

/** What the account menu shows: the person, and the structures they may act for here. */
export function describeAccount(
  me: Me,
  view: WorkspaceView | null,
  identity: Identity | null,
): { summary: AccountSummary; structures: readonly { id: string; name: string }[]; chosenStructureId: string } {
  return {
    summary: { name: me.displayName, email: me.email, detail: identity?.detail ?? '', colour: identity?.colour ?? neutralColour },
    structures: view === null ? [] : ownStructures(me, view.id),
    chosenStructureId: identity?.structureId ?? '',
  };
}
