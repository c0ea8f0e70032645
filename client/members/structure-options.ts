/** Structures grouped by network and filtered by a search, for the structure pickers. */
import type { Network, StructureView } from '../../shared/schemas/workspace';

/** One `<optgroup>`: a network and its structures, alphabetical. */
export interface StructureGroup {
  network: Network;
  structures: StructureView[];
}

/** Lower-case, accent-free text, so "reseau" finds "Réseau" and "ecole" finds "École". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr-FR');
}

const collator = new Intl.Collator('fr-FR', { sensitivity: 'base' });

/**
 * Groups structures by network, keeping those whose name, city, département or network match
 * every word of `query`; `alwaysKeepId` stays listed so a current choice never disappears.
 */
export function groupStructures(
  networks: readonly Network[],
  structures: readonly StructureView[],
  query: string,
  alwaysKeepId: string,
): StructureGroup[] {
  const words = foldForSearch(query).split(/\s+/u).filter((word) => word.length > 0);
  const networkById = new Map(networks.map((network) => [network.id, network]));
  const matches = (structure: StructureView): boolean => {
    if (structure.id === alwaysKeepId || words.length === 0) return true;
    const haystack = foldForSearch(
      [structure.name, structure.city, structure.departement, networkById.get(structure.networkId)?.name ?? ''].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  };
  return [...networks]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((network) => ({
      network,
      structures: structures
        .filter((structure) => structure.networkId === network.id && matches(structure))
        .sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .filter((group) => group.structures.length > 0);
}
