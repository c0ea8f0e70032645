/** Presence arrives per open tab; people want to see each person once. */
import type { PresencePerson } from '../../shared/schemas/presence';

/** Keeps the first entry of each person (account), in the server's order. */
export function dedupePeople(people: readonly PresencePerson[]): PresencePerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    if (seen.has(person.personId)) return false;
    seen.add(person.personId);
    return true;
  });
}
