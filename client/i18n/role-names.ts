/**
 * Role names in the interface language. `roleLabels` (shared/permissions.ts) stays the French
 * reference used by the server and by what is broadcast to others (presence, cursor labels).
 */
import { msg } from '@lit/localize';
import type { Role } from '../../shared/permissions';

/** The name of a role, in the current language. */
export function roleName(role: Role): string {
  switch (role) {
    case 'coordinator':
      return msg('Coordination', { id: 'role.coordinator' });
    case 'facilitator':
      return msg('Animation', { id: 'role.facilitator' });
    case 'member':
      return msg('Membre', { id: 'role.member' });
    case 'partner':
      return msg('Partenaire (comité de pilotage)', { id: 'role.partner' });
    case 'observer':
      return msg('Observateur', { id: 'role.observer' });
  }
}

/** One sentence on what a role may do, for the invitation form and page. */
export function roleDescription(role: Role): string {
  switch (role) {
    case 'coordinator':
      return msg('invite et importe les membres, nomme les représentants, consulte le journal.', { id: 'role.coordinator.description' });
    case 'facilitator':
      return msg('anime les ateliers, modère les commentaires, écrit dans le contrat.', { id: 'role.facilitator.description' });
    case 'member':
      return msg('co-écrit le contrat au nom de sa structure.', { id: 'role.member.description' });
    case 'partner':
      return msg('lit le contrat, le commente et évalue les actions.', { id: 'role.partner.description' });
    case 'observer':
      return msg('lit le contrat.', { id: 'role.observer.description' });
  }
}
