/** Presence arrives per open tab; people want to see each person once. */
import type { PresencePerson } from '../../shared/schemas/presence';

/** Keeps the first entry of each (name, structure) pair, in the server's order. */
export function dedupePeople(people: readonly PresencePerson[]): PresencePerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    const key = `${person.structureId}\u0000${person.name.trim().toLocaleLowerCase('fr-FR')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
