/**
 * About 120 fictional member structures of the demo workspace, across the real families of the
 * regional ESS networks, spread over the eight départements of Rhône-Alpes. Deterministic, so
 * that every fresh demo is the same.
 */
import type { Network, NetworkKind, Structure } from '../../shared/schemas/workspace';

interface NetworkPlan {
  id: string;
  name: string;
  kind: NetworkKind;
  prefixes: readonly string[];
  themes: readonly string[];
  count: number;
}

const networkPlans: readonly NetworkPlan[] = [
  { id: 'cooperatives', name: 'Coopératives (SCOP, SCIC, CAE)', kind: 'cooperative', prefixes: ['SCOP', 'SCIC', 'Coopérative'], themes: ['Menuiserie', 'Imprimerie', 'Énergies citoyennes', 'Bâtisseurs', 'Mobilités douces', 'Numérique', 'Paysanne', 'Traiteur', 'Librairie', 'Conseil et formation'], count: 30 },
  { id: 'associations', name: 'Associations employeuses', kind: 'association', prefixes: ['Association', 'Collectif', 'Maison'], themes: ['Culture et territoires', 'Éducation populaire', 'Sport pour tous', 'Aide à domicile', 'Jeunesse', 'Solidarités', 'Environnement', 'Petite enfance', 'Tourisme social', 'Patrimoine', 'Accès au droit', 'Habitat partagé'], count: 36 },
  { id: 'mutuelles', name: 'Mutuelles', kind: 'mutual', prefixes: ['Mutuelle', 'Mutuelle santé'], themes: ['des Travailleurs', 'Familiale', 'Solidaire', 'des Enseignants', 'Prévoyance'], count: 12 },
  { id: 'fondations', name: 'Fondations', kind: 'foundation', prefixes: ['Fondation'], themes: ['pour l’Emploi', 'Entreprendre Ensemble', 'Enfance et Avenir', 'Terres Vivantes', 'Culture Partagée'], count: 10 },
  { id: 'insertion', name: 'Insertion par l’activité économique', kind: 'integration', prefixes: ['Chantier d’insertion', 'Entreprise d’insertion', 'Régie de quartier', 'Atelier'], themes: ['Recyclerie', 'Jardins solidaires', 'Rénovation', 'Espaces verts', 'Blanchisserie', 'Réemploi'], count: 23 },
  { id: 'finance-solidaire', name: 'Finance solidaire et têtes de réseau', kind: 'other', prefixes: ['Fonds', 'Club d’investisseurs', 'Coopérative de finance'], themes: ['Solidaire', 'Cigales', 'Initiative'], count: 9 },
];

const territories: readonly { area: string; city: string; departement: string }[] = [
  { area: 'de la Bresse', city: 'Bourg-en-Bresse', departement: '01' },
  { area: 'du Bugey', city: 'Ambérieu-en-Bugey', departement: '01' },
  { area: 'des Boutières', city: 'Privas', departement: '07' },
  { area: 'du Vivarais', city: 'Annonay', departement: '07' },
  { area: 'du Diois', city: 'Die', departement: '26' },
  { area: 'de la Drôme', city: 'Valence', departement: '26' },
  { area: 'du Vercors', city: 'Grenoble', departement: '38' },
  { area: 'de Belledonne', city: 'Voiron', departement: '38' },
  { area: 'du Nord-Isère', city: 'Bourgoin-Jallieu', departement: '38' },
  { area: 'du Pilat', city: 'Saint-Étienne', departement: '42' },
  { area: 'du Roannais', city: 'Roanne', departement: '42' },
  { area: 'du Forez', city: 'Montbrison', departement: '42' },
  { area: 'des Pentes', city: 'Lyon', departement: '69' },
  { area: 'de Villeurbanne', city: 'Villeurbanne', departement: '69' },
  { area: 'du Beaujolais', city: 'Villefranche-sur-Saône', departement: '69' },
  { area: 'des Bauges', city: 'Chambéry', departement: '73' },
  { area: 'de la Tarentaise', city: 'Albertville', departement: '73' },
  { area: 'du Genevois', city: 'Annemasse', departement: '74' },
  { area: 'du Chablais', city: 'Thonon-les-Bains', departement: '74' },
  { area: 'des Aravis', city: 'Annecy', departement: '74' },
];

/** Lower-case ASCII slug of a name, for ids. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

/** The demo's networks and structures (the CRESS first: it coordinates the workspace). */
export function buildDemoMembers(workspaceId: string): { networks: Network[]; structures: Structure[] } {
  const networks: Network[] = networkPlans.map(({ id, name, kind }) => ({ id, workspaceId, name, kind }));
  const structures: Structure[] = [
    { id: 'cress-rhone-alpes', workspaceId, networkId: 'finance-solidaire', name: 'CRESS Rhône-Alpes', city: 'Lyon', departement: '69', representativeId: null },
  ];
  const taken = new Set(structures.map((s) => s.id));
  let territoryIndex = 0;
  for (const plan of networkPlans) {
    const count = plan.id === 'finance-solidaire' ? plan.count - 1 : plan.count;
    for (let i = 0; i < count; i++) {
      const territory = territories[territoryIndex++ % territories.length] ?? territories[0];
      if (territory === undefined) throw new Error('no territory');
      const prefix = plan.prefixes[i % plan.prefixes.length] ?? '';
      const theme = plan.themes[Math.floor(i / plan.prefixes.length) % plan.themes.length] ?? '';
      const name = `${prefix} ${theme} ${territory.area}`;
      let id = slugify(name);
      for (let n = 2; taken.has(id); n++) id = `${slugify(name).slice(0, 56)}-${n}`;
      taken.add(id);
      structures.push({ id, workspaceId, networkId: plan.id, name, city: territory.city, departement: territory.departement, representativeId: null });
    }
  }
  return { networks, structures };
}
