/**
 * The authorship of a version (or of the contract now): who wrote its characters, per client id
 * (for the editor's colours), per person and per structure (for the legend), with the
 * contributors appendix. Client ids are mapped to people through `clientAuthors`; a structure
 * credited there that is not (or no longer) in the workspace is shown as « Sans structure ».
 */
import type * as Y from 'yjs';
import { neutralColour, structureColour } from '../../shared/colours';
import { distinctStructureColours } from '../../shared/versions/authorship-colours';
import type { Workspace } from '../../shared/schemas/workspace';
import {
  charactersByClient,
  noStructureName,
  type AuthorshipView,
  type ClientAuthorView,
  type PersonAuthorship,
  type StructureAuthorship,
} from '../../shared/versions/authorship';
import { findPerson } from '../auth/people.repository';
import type { MetadataStore } from '../store/metadata-store';
import { structuresOf } from '../workspaces/workspaces.repository';
import { computeContributors } from './contributors';
import { clientAuthorsOf } from './versions.repository';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Builds the view for `doc`; `until`: the version's date (deliberation records up to it). */
export function authorshipView(db: MetadataStore, workspace: Workspace, versionId: string, doc: Y.Doc, until?: string): AuthorshipView {
  const structures = new Map(structuresOf(db, workspace.id).map((structure) => [structure.id, structure.name]));
  const recorded = new Map(clientAuthorsOf(db, workspace.contractDocument).map((author) => [author.clientId, author]));
  const characters = charactersByClient(doc);
  const authors: ClientAuthorView[] = [];
  let unknownCharacters = 0;
  let totalCharacters = 0;
  for (const [clientId, count] of characters) {
    totalCharacters += count;
    const author = recorded.get(clientId);
    if (author === undefined) {
      unknownCharacters += count;
      continue;
    }
    const structureName = author.structureId === null ? undefined : structures.get(author.structureId);
    const structureId = structureName === undefined ? null : author.structureId;
    authors.push({
      clientId,
      personId: author.personId,
      personName: findPerson(db, author.personId)?.displayName ?? 'Personne supprimée',
      structureId,
      structureName: structureName ?? noStructureName,
      colour: structureId === null ? neutralColour : structureColour(structureId),
      characters: count,
    });
  }
  const people = new Map<string, PersonAuthorship>();
  const byStructure = new Map<string | null, StructureAuthorship>();
  for (const author of authors) {
    const personKey = `${author.personId}\u0000${author.structureId ?? ''}`;
    const person = people.get(personKey) ?? { personId: author.personId, personName: author.personName, structureId: author.structureId, structureName: author.structureName, colour: author.colour, characters: 0 };
    person.characters += author.characters;
    people.set(personKey, person);
    const structure = byStructure.get(author.structureId) ?? { structureId: author.structureId, structureName: author.structureName, colour: author.colour, characters: 0 };
    structure.characters += author.characters;
    byStructure.set(author.structureId, structure);
  }
  const mostFirst = <T extends { characters: number }>(name: (item: T) => string) => (a: T, b: T): number => b.characters - a.characters || collator.compare(name(a), name(b));
  const rankedStructures = [...byStructure.values()].sort(mostFirst((structure) => structure.structureName));
  // Structures told apart by colour in this view (their own colour when free).
  const colours = distinctStructureColours(rankedStructures.map((structure) => structure.structureId));
  const recolour = <T extends { structureId: string | null; colour: string }>(item: T): T => ({ ...item, colour: colours.get(item.structureId) ?? item.colour });
  return {
    versionId,
    authors: authors.sort((a, b) => a.clientId - b.clientId).map(recolour),
    people: [...people.values()].sort(mostFirst((person) => person.personName)).map(recolour),
    structures: rankedStructures.map(recolour),
    unknownCharacters,
    totalCharacters,
    contributors: computeContributors(db, workspace, doc, until),
  };
}
