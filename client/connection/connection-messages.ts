/** The words for each connection state and each close code, in the current language. */
import { msg } from '@lit/localize';
import { CloseCode } from '../../shared/protocol';
import type { ConnectionSnapshot } from './connection-state';

/** The short label of the top-bar indicator. */
export function connectionLabel(connection: ConnectionSnapshot): string {
  switch (connection.state) {
    case 'connected':
      return connection.synced ? msg('Connecté', { id: 'connection.connected' }) : msg('Synchronisation…', { id: 'connection.syncing' });
    case 'connecting':
      return msg('Synchronisation…', { id: 'connection.syncing' });
    case 'offline':
      return msg('Hors ligne', { id: 'connection.offline' });
    case 'error':
      return msg('Connexion interrompue', { id: 'connection.error' });
  }
}

/** What follows the label for screen readers and in the tooltip (empty when nothing to add). */
export function connectionDetail(connection: ConnectionSnapshot): string {
  if (connection.state !== 'offline') return '';
  return msg(' — vos modifications seront enregistrées et envoyées au retour de la connexion', { id: 'connection.offline.detail' });
}

/** Why the server closed the connection and what to do, for the error notice. */
export function closeCodeExplanation(code: number | null): string {
  switch (code) {
    case CloseCode.messageTooBig:
      return msg(
        'Votre dernière modification est trop volumineuse pour être envoyée (plus de 1 Mo en une fois) : elle reste sur cet appareil mais n’est pas partagée. Annulez-la (Ctrl+Z), puis cliquez sur « Se reconnecter ».',
        { id: 'connection.close.tooBig' },
      );
    case CloseCode.malformedMessage:
      return msg(
        'Le serveur n’a pas pu lire une modification envoyée par ce navigateur ; rien n’en a été enregistré. Rechargez la page, puis cliquez sur « Se reconnecter ». Si cela se reproduit, prévenez la personne qui héberge Trame.',
        { id: 'connection.close.malformed' },
      );
    case CloseCode.rateLimited:
      return msg(
        'Trop de modifications ont été envoyées en peu de temps : le serveur fait une courte pause. Reconnexion automatique dans quelques secondes ; vos modifications sont conservées.',
        { id: 'connection.close.rateLimited' },
      );
    case CloseCode.documentUnavailable:
      return msg(
        'Le serveur n’arrive pas à ouvrir le contrat pour le moment ; ses données ne sont pas touchées. Nouvel essai automatique ; vos modifications restent sur cet appareil.',
        { id: 'connection.close.unavailable' },
      );
    default:
      return msg('La connexion au serveur a été interrompue. Nouvel essai automatique ; vos modifications restent sur cet appareil.', {
        id: 'connection.close.other',
      });
  }
}

/** The reassurance shown above the text while offline. */
export function offlineReassurance(): string {
  return msg('Vous pouvez continuer à écrire : tout est gardé sur cet appareil et sera partagé dès le retour de la connexion.', {
    id: 'connection.offline.notice',
  });
}
