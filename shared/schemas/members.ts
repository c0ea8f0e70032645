/** Wire shapes of the members API: the member list, invitations, role and representative changes. */
import { z } from 'zod';
import type { Role } from '../permissions';
import { roleSchema } from './people';

/** One person of a workspace, as the member list shows them. */
export interface MemberView {
  personId: string;
  displayName: string;
  /** Shown to the coordination and facilitators only. */
  email: string | null;
  role: Role;
  structures: { id: string; name: string; networkId: string; isRepresentative: boolean }[];
}

/** A pending or past invitation, for the coordination. */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  structureId: string | null;
  /** Null for a partner or observer invited for no structure. */
  structureName: string | null;
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

/** What an invitation link shows before it is accepted (no account needed). */
export interface InvitationDetails {
  workspaceId: string;
  workspaceName: string;
  email: string;
  role: Role;
  /** Null for a partner or observer invited for no structure. */
  structureName: string | null;
  invitedByName: string;
  expiresAt: string;
  /** True when an account already exists for the email: the invitee signs in instead of signing up. */
  hasAccount: boolean;
}

const filterText = (max: number) => z.string({ error: 'Filtre invalide.' }).max(max, `Filtre trop long (${max} caractères au plus).`);

export const memberFiltersSchema = z.object({
  network: filterText(64).optional(),
  structure: filterText(64).optional(),
  role: roleSchema.optional(),
  q: filterText(100).optional(),
});
export type MemberFilters = z.infer<typeof memberFiltersSchema>;

const wireObject = { error: 'Le contenu envoyé doit être un objet JSON.' } as const;

export const roleChangeSchema = z.object({ role: roleSchema }, wireObject);
export const representativeChangeSchema = z.object(
  { personId: z.string({ error: 'Choisissez une personne, ou null pour aucune.' }).min(1, 'Choisissez une personne.').max(64, 'Identifiant trop long (64 caractères au plus).').nullable() },
  wireObject,
);
