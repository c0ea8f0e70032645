/**
 * Demo accounts, one per role, so that a new user can see Trame from every side. Their password
 * is public (README): the demo is for trying Trame, never for real data.
 */
import type { Role } from '../../shared/permissions';
import type { Affiliation, Person, WorkspaceRole } from '../../shared/schemas/people';
import { hashPassword } from '../auth/password';
import { newId } from '../auth/secrets';

/** The demo accounts' shared password (documented in the README). */
export const demoPassword = 'demo-trame-2011';

export const demoAccounts: readonly { email: string; displayName: string; role: Role; structureId: string | null; isRepresentative: boolean }[] = [
  { email: 'coordination@trame.example', displayName: 'Hélène Garnier', role: 'coordinator', structureId: 'cress-rhone-alpes', isRepresentative: true },
  { email: 'animation@trame.example', displayName: 'Karim Benali', role: 'facilitator', structureId: 'cress-rhone-alpes', isRepresentative: false },
  { email: 'membre@trame.example', displayName: 'Sophie Lambert', role: 'member', structureId: 'scop-menuiserie-de-la-bresse', isRepresentative: true },
  { email: 'partenaire@trame.example', displayName: 'Jean Morel', role: 'partner', structureId: null, isRepresentative: false },
  { email: 'observateur@trame.example', displayName: 'Lucie Fabre', role: 'observer', structureId: null, isRepresentative: false },
];

/** The demo people with their roles and structures, ready to store. */
export async function buildDemoPeople(workspaceId: string, scryptCost: number, now: Date): Promise<{ people: Person[]; roles: WorkspaceRole[]; affiliations: Affiliation[]; representatives: Map<string, string> }> {
  const passwordHash = await hashPassword(demoPassword, scryptCost);
  const people: Person[] = [];
  const roles: WorkspaceRole[] = [];
  const affiliations: Affiliation[] = [];
  const representatives = new Map<string, string>();
  for (const account of demoAccounts) {
    const person: Person = { id: newId(), email: account.email, displayName: account.displayName, passwordHash, createdAt: now.toISOString() };
    people.push(person);
    roles.push({ workspaceId, personId: person.id, role: account.role });
    if (account.structureId !== null) {
      affiliations.push({ personId: person.id, structureId: account.structureId });
      if (account.isRepresentative) representatives.set(account.structureId, person.id);
    }
  }
  return { people, roles, affiliations, representatives };
}
