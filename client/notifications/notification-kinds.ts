/** The words for each kind of notification: a short tag in the inbox, and a choice in the settings. */
import { msg } from '@lit/localize';
import type { NotificationKind } from '../../shared/schemas/notifications';

/** Short tag shown beside a notification ("Mention", "Résultat"). */
export function kindTag(kind: NotificationKind): string {
  switch (kind) {
    case 'mention':
      return msg('Mention', { id: 'notifications.kind.mention' });
    case 'reply':
      return msg('Réponse', { id: 'notifications.kind.reply' });
    case 'comment-hidden':
      return msg('Commentaire masqué', { id: 'notifications.kind.commentHidden' });
    case 'amendment-proposed':
      return msg('Amendement proposé', { id: 'notifications.kind.amendmentProposed' });
    case 'amendment-decided':
      return msg('Amendement décidé', { id: 'notifications.kind.amendmentDecided' });
    case 'round-opened':
      return msg('Tour de décision ouvert', { id: 'notifications.kind.roundOpened' });
    case 'round-reminder':
      return msg('Rappel', { id: 'notifications.kind.roundReminder' });
    case 'round-closing':
      return msg('Clôture proche', { id: 'notifications.kind.roundClosing' });
    case 'round-outcome':
      return msg('Résultat', { id: 'notifications.kind.roundOutcome' });
  }
}

/** The settings' checkbox label for a kind: what the person chooses to be told about. */
export function kindChoice(kind: NotificationKind): string {
  switch (kind) {
    case 'mention':
      return msg('Quand on me mentionne, moi ou ma structure', { id: 'notifications.choice.mention' });
    case 'reply':
      return msg('Les réponses à mes commentaires', { id: 'notifications.choice.reply' });
    case 'comment-hidden':
      return msg('Quand l’animation masque un de mes commentaires', { id: 'notifications.choice.commentHidden' });
    case 'amendment-proposed':
      return msg('Les amendements proposés sur les parties que j’ai écrites', { id: 'notifications.choice.amendmentProposed' });
    case 'amendment-decided':
      return msg('Les décisions sur mes amendements', { id: 'notifications.choice.amendmentDecided' });
    case 'round-opened':
      return msg('L’ouverture d’un tour de décision', { id: 'notifications.choice.roundOpened' });
    case 'round-reminder':
      return msg('Les rappels d’un tour de décision où ma structure n’a pas répondu', { id: 'notifications.choice.roundReminder' });
    case 'round-closing':
      return msg('Un tour de décision bientôt clos', { id: 'notifications.choice.roundClosing' });
    case 'round-outcome':
      return msg('Le résultat d’un tour de décision', { id: 'notifications.choice.roundOutcome' });
  }
}
