/**
 * The audit log in plain words: what each recorded action means, and what it was about (people
 * and structures by name rather than by id), in the interface language.
 */
import { msg, str } from '@lit/localize';
import { roles, type Role } from '../../shared/permissions';
import type { AuditEventView } from '../api/audit';
import { roleName } from '../i18n/role-names';

/** Names to show instead of ids. */
export interface AuditNames {
  people: ReadonlyMap<string, string>;
  structures: ReadonlyMap<string, string>;
}

const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** What happened, as a short sentence. */
export function auditActionWords(action: string): string {
  switch (action) {
    case 'auth.signedIn': return msg('Connexion', { id: 'audit.action.signedIn' });
    case 'auth.signInFailed': return msg('Échec de connexion', { id: 'audit.action.signInFailed' });
    case 'auth.signedOut': return msg('Déconnexion', { id: 'audit.action.signedOut' });
    case 'auth.setupCompleted': return msg('Installation : compte de coordination créé', { id: 'audit.action.setup' });
    case 'auth.passwordChanged': return msg('Mot de passe changé', { id: 'audit.action.passwordChanged' });
    case 'auth.tokenCreated': return msg('Jeton d’accès créé', { id: 'audit.action.tokenCreated' });
    case 'auth.sessionsRevoked': return msg('Sessions terminées', { id: 'audit.action.sessionsRevoked' });
    case 'members.invited': return msg('Invitation envoyée', { id: 'audit.action.invited' });
    case 'members.invitationAccepted': return msg('Invitation acceptée', { id: 'audit.action.accepted' });
    case 'members.invitationRevoked': return msg('Invitation annulée', { id: 'audit.action.revoked' });
    case 'members.roleChanged': return msg('Rôle changé', { id: 'audit.action.roleChanged' });
    case 'members.imported': return msg('Import de membres', { id: 'audit.action.imported' });
    case 'structures.representativeSet': return msg('Représentant·e désigné·e', { id: 'audit.action.representative' });
    case 'permission.refused': return msg('Action refusée', { id: 'audit.action.refused' });
    case 'programme.envelopeSet': return msg('Enveloppe du programme fixée', { id: 'audit.action.envelopeSet' });
    case 'programme.adopted': return msg('Programme adopté', { id: 'audit.action.adopted' });
    case 'versions.created': return msg('Version nommée', { id: 'audit.action.versionCreated' });
    case 'versions.adopted': return msg('Version adoptée : contrat figé', { id: 'audit.action.versionAdopted' });
    case 'versions.draftOpened': return msg('Nouveau brouillon ouvert à partir d’une version', { id: 'audit.action.draftOpened' });
    case 'versions.published': return msg('Version publiée (lien public)', { id: 'audit.action.versionPublished' });
    case 'versions.unpublished': return msg('Lien public d’une version retiré', { id: 'audit.action.versionUnpublished' });
    case 'contract.imported': return msg('Texte importé dans le contrat', { id: 'audit.action.contractImported' });
    case 'workspace.imported': return msg('Espace de travail créé par import', { id: 'audit.action.workspaceImported' });
    case 'followup.statusSet': return msg('État de réalisation changé', { id: 'audit.action.statusSet' });
    case 'followup.reportAdded': return msg('Compte rendu d’avancement ajouté', { id: 'audit.action.reportAdded' });
    case 'followup.actualRecorded': return msg('Valeur d’indicateur relevée', { id: 'audit.action.actualRecorded' });
    case 'followup.financesSet': return msg('Montants engagés et dépensés mis à jour', { id: 'audit.action.financesSet' });
    case 'followup.evaluationAdded': return msg('Évaluation enregistrée', { id: 'audit.action.evaluationAdded' });
    case 'followup.evaluationAmended': return msg('Évaluation modifiée', { id: 'audit.action.evaluationAmended' });
    case 'comments.threadCreated': return msg('Fil de commentaires ouvert', { id: 'audit.action.commentThreadCreated' });
    case 'comments.replied': return msg('Réponse à un fil de commentaires', { id: 'audit.action.commentReplied' });
    case 'comments.edited': return msg('Commentaire modifié', { id: 'audit.action.commentEdited' });
    case 'comments.deleted': return msg('Commentaire supprimé', { id: 'audit.action.commentDeleted' });
    case 'comments.statusSet': return msg('Fil de commentaires résolu ou rouvert', { id: 'audit.action.commentStatusSet' });
    case 'comments.hidden': return msg('Commentaire masqué par la modération', { id: 'audit.action.commentHidden' });
    case 'comments.unhidden': return msg('Commentaire de nouveau visible', { id: 'audit.action.commentUnhidden' });
    case 'amendments.proposed': return msg('Amendement proposé', { id: 'audit.action.amendmentProposed' });
    case 'amendments.edited': return msg('Amendement modifié (titre ou motifs)', { id: 'audit.action.amendmentEdited' });
    case 'amendments.cosigned': return msg('Amendement cosigné', { id: 'audit.action.amendmentCosigned' });
    case 'amendments.submitted': return msg('Amendement déposé', { id: 'audit.action.amendmentSubmitted' });
    case 'amendments.discussionOpened': return msg('Amendement mis en discussion', { id: 'audit.action.amendmentDiscussion' });
    case 'amendments.withdrawn': return msg('Amendement retiré', { id: 'audit.action.amendmentWithdrawn' });
    case 'amendments.rebased': return msg('Amendement repris sur le texte actuel', { id: 'audit.action.amendmentRebased' });
    case 'amendments.accepted': return msg('Amendement accepté et appliqué', { id: 'audit.action.amendmentAccepted' });
    case 'amendments.rejected': return msg('Amendement rejeté', { id: 'audit.action.amendmentRejected' });
    case 'amendments.reverted': return msg('Application d’un amendement annulée', { id: 'audit.action.amendmentReverted' });
    case 'rounds.opened': return msg('Tour de décision ouvert', { id: 'audit.action.roundOpened' });
    case 'rounds.positionGiven': return msg('Position donnée dans un tour de décision', { id: 'audit.action.roundPositionGiven' });
    case 'rounds.positionChanged': return msg('Position modifiée dans un tour de décision', { id: 'audit.action.roundPositionChanged' });
    case 'rounds.reminded': return msg('Rappel d’un tour de décision envoyé', { id: 'audit.action.roundReminded' });
    case 'rounds.closed': return msg('Tour de décision clos', { id: 'audit.action.roundClosed' });
    case 'rounds.outcomeRecorded': return msg('Issue d’un tour de décision enregistrée', { id: 'audit.action.roundOutcome' });
    case 'rounds.quorumSet': return msg('Quorum des tours de décision changé', { id: 'audit.action.quorumSet' });
    default: return action;
  }
}

/** What a refused person tried to do, in words. */
function attemptWords(action: unknown): string {
  switch (action) {
    case 'workspace.read': return msg('ouvrir l’espace de travail', { id: 'audit.attempt.workspaceRead' });
    case 'presence.join': return msg('apparaître parmi les présents', { id: 'audit.attempt.presenceJoin' });
    case 'contract.edit': return msg('modifier le contrat', { id: 'audit.attempt.contractEdit' });
    case 'members.read': return msg('voir la liste des membres', { id: 'audit.attempt.membersRead' });
    case 'members.invite': return msg('inviter une personne', { id: 'audit.attempt.membersInvite' });
    case 'members.import': return msg('importer des membres', { id: 'audit.attempt.membersImport' });
    case 'members.changeRole': return msg('changer un rôle', { id: 'audit.attempt.changeRole' });
    case 'structures.setRepresentative': return msg('désigner un·e représentant·e', { id: 'audit.attempt.representative' });
    case 'audit.read': return msg('lire le journal', { id: 'audit.attempt.auditRead' });
    case 'envelope.set': return msg('fixer l’enveloppe du programme', { id: 'audit.attempt.envelopeSet' });
    case 'programme.adopt': return msg('adopter le programme', { id: 'audit.attempt.programmeAdopt' });
    case 'followup.read': return msg('consulter le suivi des actions', { id: 'audit.attempt.followUpRead' });
    case 'followup.report': return msg('renseigner le suivi d’une action', { id: 'audit.attempt.followUpReport' });
    case 'followup.evaluate': return msg('évaluer une action', { id: 'audit.attempt.followUpEvaluate' });
    default: return text(action);
  }
}

function channelWords(channel: unknown): string {
  if (channel === 'yjs') return msg('édition en temps réel', { id: 'audit.channel.yjs' });
  if (channel === 'socket') return msg('présence', { id: 'audit.channel.socket' });
  return msg('interface', { id: 'audit.channel.rest' });
}

/** What the action was about, with its details. */
export function auditTargetWords(event: AuditEventView, names: AuditNames): string {
  const { detail, target } = event;
  const person = (id: unknown): string => (typeof id === 'string' ? (names.people.get(id) ?? msg('une personne', { id: 'audit.somePerson' })) : '');
  const structure = (id: unknown): string => (typeof id === 'string' ? (names.structures.get(id) ?? id) : '');
  switch (event.action) {
    case 'members.invited':
      return `${text(target)} — ${isRole(detail['role']) ? roleName(detail['role']) : ''}, ${structure(detail['structureId'])}`;
    case 'members.invitationAccepted':
      return `${text(target)}${isRole(detail['role']) ? ` — ${roleName(detail['role'])}` : ''}`;
    case 'members.roleChanged':
      return `${person(target)} — ${isRole(detail['from']) ? roleName(detail['from']) : '?'} → ${isRole(detail['to']) ? roleName(detail['to']) : '?'}`;
    case 'members.imported':
      return msg(str`structures créées : ${text(detail['structures'])}, invitations : ${text(detail['invitations'])}, lignes : ${text(detail['lines'])}`, { id: 'audit.imported' });
    case 'structures.representativeSet':
      return detail['personId'] === null
        ? msg(str`${structure(target)} : plus de représentant·e`, { id: 'audit.representative.none' })
        : `${structure(target)} — ${person(detail['personId'])}`;
    case 'auth.tokenCreated':
      return text(detail['label']);
    case 'permission.refused':
      return `${attemptWords(detail['action'])} (${channelWords(detail['channel'])})`;
    default:
      return text(target);
  }
}
