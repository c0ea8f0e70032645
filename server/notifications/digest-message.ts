/**
 * The email digest's message, in French: plain text and a simple HTML alternative listing a
 * person's unread notifications, each with an absolute link to what it is about, and how to change
 * or stop the digest. Titles come from other people's actions: HTML-escaped, never trusted.
 */
import type { EmailDigest, Notification } from '../../shared/schemas/notifications';
import type { OutgoingMail } from '../mail/mailer';

/** Notifications listed in one email at most; the rest are counted ("et 12 autres"). */
export const digestListLimit = 50;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * The absolute address of an in-app path on `origin`; a link that is not a path of this origin
 * (a mistake elsewhere) falls back to the inbox rather than pointing anywhere else.
 */
export function absoluteLink(origin: string, path: string, fallbackPath: string): string {
  const base = new URL(origin);
  try {
    if (path.startsWith('/') && !path.startsWith('//')) {
      const url = new URL(path, base);
      if (url.origin === base.origin) return url.href;
    }
  } catch {
    // fall through to the inbox
  }
  return new URL(fallbackPath, base).href;
}

export interface DigestInput {
  to: string;
  personName: string;
  workspaceId: string;
  workspaceName: string;
  /** Unread notifications not yet emailed, newest first. */
  notifications: readonly Notification[];
  cadence: Exclude<EmailDigest, 'off'>;
  /** Scheme, host and port Trame is reached at (`https://trame.example.org`). */
  origin: string;
}

/** Builds the digest email. */
export function digestMail(input: DigestInput): OutgoingMail {
  const { notifications, origin } = input;
  const inboxPath = `/w/${input.workspaceId}/notifications`;
  const inbox = absoluteLink(origin, inboxPath, '/');
  const settings = `${inbox}#reglages`;
  const count = notifications.length;
  const listed = notifications.slice(0, digestListLimit);
  const others = count - listed.length;
  const countWords = count === 1 ? '1 notification non lue' : `${count} notifications non lues`;
  const cadenceWords = input.cadence === 'daily' ? 'une fois par jour' : 'une fois par heure au plus';
  const items = listed.map((n) => ({ title: n.title, when: dateFormat.format(new Date(n.createdAt)), href: absoluteLink(origin, n.link, inboxPath) }));
  const othersText = others === 0 ? '' : others === 1 ? 'Et 1 autre notification dans votre boîte de réception.' : `Et ${others} autres notifications dans votre boîte de réception.`;

  const text = [
    `Bonjour ${input.personName},`,
    '',
    `Vous avez ${countWords} dans l’espace de travail « ${input.workspaceName} » sur Trame :`,
    '',
    ...items.flatMap((item) => [`- ${item.title} (le ${item.when})`, `  ${item.href}`, '']),
    ...(othersText === '' ? [] : [othersText, '']),
    `Toutes vos notifications : ${inbox}`,
    '',
    `Vous recevez ce résumé ${cadenceWords}, seulement quand il y a du nouveau. Pour le changer ou l’arrêter : ${settings}`,
    '',
  ].join('\n');

  const html = [
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vos notifications Trame</title></head>',
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328;">',
    `<p>Bonjour ${escapeHtml(input.personName)},</p>`,
    `<p>Vous avez ${escapeHtml(countWords)} dans l’espace de travail « ${escapeHtml(input.workspaceName)} » sur Trame :</p>`,
    '<ul>',
    ...items.map((item) => `<li><a href="${escapeHtml(item.href)}">${escapeHtml(item.title)}</a> <small>(le ${escapeHtml(item.when)})</small></li>`),
    '</ul>',
    othersText === '' ? '' : `<p>${escapeHtml(othersText)}</p>`,
    `<p><a href="${escapeHtml(inbox)}">Voir toutes vos notifications</a></p>`,
    `<p><small>Vous recevez ce résumé ${cadenceWords}, seulement quand il y a du nouveau. <a href="${escapeHtml(settings)}">Changer ou arrêter ce résumé</a>.</small></p>`,
    '</body></html>',
  ].join('\n');

  return { to: input.to, subject: `Trame — ${countWords} · ${input.workspaceName}`, text, html };
}
