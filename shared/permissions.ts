/**
 * Who may do what in a workspace: one table, read by the REST routes, the Socket.IO handlers and
 * the y-websocket gate alike (and by the client, to hide what a person cannot do). The server's
 * check is the authority; the client's only spares people a refusal.
 */
export const roles = ['coordinator', 'facilitator', 'member', 'partner', 'observer'] as const;
export type Role = (typeof roles)[number];

/** French names of roles, for the UI and messages. */
export const roleLabels: Record<Role, string> = {
  coordinator: 'Coordination',
  facilitator: 'Animation',
  member: 'Membre',
  partner: 'Partenaire (comité de pilotage)',
  observer: 'Observateur',
};

export const actions = [
  'workspace.read',
  'contract.edit',
  'presence.join',
  'members.read',
  'members.invite',
  'members.import',
  'members.changeRole',
  'structures.setRepresentative',
  'audit.read',
  'envelope.set',
  'programme.adopt',
  'followup.read',
  'followup.report',
  'followup.evaluate',
  'comments.write',
  'comments.moderate',
  'amendments.propose',
  'amendments.decide',
  'rounds.open',
  'rounds.vote',
  'notifications.read',
  'versions.read',
  'versions.create',
  'versions.restore',
  'versions.publish',
  'contract.export',
  'contract.import',
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Role[] = roles;
const writers: readonly Role[] = ['coordinator', 'facilitator', 'member'];
const coordination: readonly Role[] = ['coordinator'];

/** The permission table: which roles may perform each action. */
export const permissionTable: Record<Action, readonly Role[]> = {
  'workspace.read': everyone,
  'presence.join': everyone,
  // Partners read, comment and evaluate; observers read. Neither writes the text.
  'contract.edit': writers,
  'members.read': ['coordinator', 'facilitator', 'member', 'partner'],
  'members.invite': coordination,
  'members.import': coordination,
  'members.changeRole': coordination,
  'structures.setRepresentative': coordination,
  'audit.read': coordination,
  'envelope.set': coordination,
  'programme.adopt': coordination,
  // Observers read published versions only; everyone else follows the actions.
  'followup.read': ['coordinator', 'facilitator', 'member', 'partner'],
  // Members report on the actions their structure leads or partners (the service checks which).
  'followup.report': writers,
  // The steering committee (partners) evaluates; the coordination records evaluations for it too.
  'followup.evaluate': ['coordinator', 'partner'],
  // Partners read, comment and evaluate (PRODUCT.md); observers only read.
  'comments.write': ['coordinator', 'facilitator', 'member', 'partner'],
  'comments.moderate': ['coordinator', 'facilitator'],
  'amendments.propose': writers,
  'amendments.decide': ['coordinator', 'facilitator'],
  'rounds.open': ['coordinator', 'facilitator'],
  // One structure, one voice: only the representative of a member structure votes (the service checks which).
  'rounds.vote': writers,
  'notifications.read': everyone,
  // Versions and their exports: everyone who follows the work (observers read published versions only).
  'versions.read': ['coordinator', 'facilitator', 'member', 'partner'],
  // The coordination names, adopts and restores versions, and publishes the adopted one (PRODUCT.md).
  'versions.create': coordination,
  'versions.restore': coordination,
  'versions.publish': coordination,
  'contract.export': ['coordinator', 'facilitator', 'member', 'partner'],
  // Importing writes a whole text into the contract (or starts a workspace): the coordination and the facilitation.
  'contract.import': ['coordinator', 'facilitator'],
};

/**
 * What an adopted version freezes: while the workspace is frozen, these actions are refused to
 * every role, on every channel (REST, Socket.IO, y-websocket), until the coordination opens a
 * new draft. Reading, commenting and following the actions go on.
 */
export const frozenActions: ReadonlySet<Action> = new Set<Action>(['contract.edit', 'envelope.set', 'contract.import']);

/** French refusal while the contract is frozen by its adopted version. */
export const frozenTitle = 'Le contrat est adopté : il est figé. La coordination peut ouvrir un nouveau brouillon pour le modifier.';

/** Roles that may act for no member structure: the steering committee's partners and observers. */
export function mayActWithoutStructure(role: Role): boolean {
  return role === 'partner' || role === 'observer';
}

/** True when `role` may perform `action`. */
export function can(role: Role | undefined, action: Action): boolean {
  return role !== undefined && permissionTable[action].includes(role);
}

/** French sentence explaining a refusal, for 403 problems. */
export const refusalTitles: Record<Action, string> = {
  'workspace.read': 'Vous ne faites pas partie de cet espace de travail.',
  'presence.join': 'Vous ne faites pas partie de cet espace de travail.',
  'contract.edit': 'Votre rôle permet de lire le contrat, pas de le modifier.',
  'members.read': 'Votre rôle ne permet pas de voir la liste des membres.',
  'members.invite': 'Seule la coordination peut inviter des personnes.',
  'members.import': 'Seule la coordination peut importer des membres.',
  'members.changeRole': 'Seule la coordination peut changer les rôles.',
  'structures.setRepresentative': 'Seule la coordination peut désigner le représentant d’une structure.',
  'audit.read': 'Seule la coordination peut consulter le journal d’audit.',
  'envelope.set': 'Seule la coordination peut fixer l’enveloppe du programme.',
  'programme.adopt': 'Seule la coordination peut adopter le programme.',
  'followup.read': 'Votre rôle ne permet pas de consulter le suivi des actions.',
  'followup.report': 'Votre rôle ne permet pas de renseigner le suivi des actions.',
  'followup.evaluate': 'Seuls les membres du comité de pilotage et la coordination évaluent les actions.',
  'comments.write': 'Votre rôle permet de lire le contrat, pas de le commenter.',
  'comments.moderate': 'Seules l’animation et la coordination peuvent modérer les commentaires.',
  'amendments.propose': 'Votre rôle ne permet pas de proposer des amendements.',
  'amendments.decide': 'Seules l’animation et la coordination peuvent accepter ou rejeter un amendement.',
  'rounds.open': 'Seules l’animation et la coordination peuvent ouvrir un tour de décision.',
  'rounds.vote': 'Seul·e le ou la représentant·e d’une structure membre donne sa position.',
  'notifications.read': 'Vous ne faites pas partie de cet espace de travail.',
  'versions.read': 'Votre rôle ne permet de lire que les versions publiées.',
  'versions.create': 'Seule la coordination peut nommer, adopter ou rouvrir une version.',
  'versions.restore': 'Seule la coordination peut restaurer une version.',
  'versions.publish': 'Seule la coordination peut publier une version.',
  'contract.export': 'Votre rôle ne permet pas d’exporter le contrat.',
  'contract.import': 'Seules la coordination et l’animation peuvent importer un texte dans le contrat.',
};
