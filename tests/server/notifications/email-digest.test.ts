import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { createLogger } from '../../../server/logger';
import { createMailer } from '../../../server/mail/mailer';
import { EmailDigestSender } from '../../../server/notifications/email-digest';
import { startMailServer, type MailServer } from '../../helpers/mail-server';
import { demoEmail, fetchAs, signInAs } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { waitFor } from '../../helpers/yjs-clients';
import { notifyAs, personIdOf } from './fixtures';

const base = `/api/workspaces/${demoWorkspaceId}/notifications`;

describe('email digest through a real SMTP server', () => {
  let mail: MailServer;
  let server: TestServer;
  let clock: Date;
  let digest: EmailDigestSender;

  beforeAll(async () => {
    mail = await startMailServer();
  });
  beforeEach(async () => {
    mail.messages.length = 0;
    mail.refuse = false;
    // The app's own timer checks rarely here: these tests drive checks themselves, with their own clock.
    server = await startTestServer({ smtpUrl: mail.url, digestIntervalMs: 60 * 60 * 1000 });
    clock = new Date('2026-11-27T08:00:00Z');
    const mailer = createMailer(mail.url, 'Trame <trame@test>', createLogger('silent'));
    if (mailer === undefined) throw new Error('no mailer for an SMTP URL');
    digest = new EmailDigestSender({ db: server.trame.db, mailer, logger: createLogger('silent'), intervalMs: 60 * 60 * 1000, now: () => clock });
  });
  afterEach(async () => {
    await digest.stop();
    await server.destroy();
  });
  afterAll(async () => {
    await mail.close();
  });

  const choose = async (emailDigest: 'off' | 'daily' | 'hourly'): Promise<void> => {
    const member = await signInAs(server.url, 'member');
    const response = await fetchAs(member, server.url, `${base}/settings`, { method: 'PUT', body: JSON.stringify({ muted: [], emailDigest }) });
    expect(await response.json()).toMatchObject({ emailDigest, emailAvailable: true });
  };
  const later = (minutes: number): void => {
    clock = new Date(clock.getTime() + minutes * 60 * 1000);
  };

  it('sends one French email listing the unread notifications with absolute links, each notification once', async () => {
    await choose('hourly');
    await notifyAs(server, ['member'], { title: 'Karim Benali vous a mentionné·e dans un commentaire.', link: `/w/${demoWorkspaceId}/commentaires#fil-1` });
    await notifyAs(server, ['member'], { kind: 'round-opened', title: 'Un tour de décision est ouvert : « <script>alert(1)</script> ».', link: `/w/${demoWorkspaceId}/decisions/tour-1` });
    // Read ones are not emailed.
    const [read] = await notifyAs(server, ['member'], { title: 'Déjà lue.' });
    if (read === undefined) throw new Error('no notification');
    await server.trame.notifications.markRead(demoWorkspaceId, personIdOf(server, 'member'), { ids: [read.id] });

    expect(await digest.run()).toEqual({ sent: 1, failed: 0 });
    expect(mail.messages).toHaveLength(1);
    const [message] = mail.messages;
    expect(message?.to).toEqual([demoEmail('member')]);
    expect(message?.subject).toBe('Trame — 2 notifications non lues · Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013');
    expect(message?.text).toContain('Bonjour Sophie Lambert,');
    expect(message?.text).toMatch(/^- Karim Benali vous a mentionné·e dans un commentaire\. \(le \d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2}\)$/m);
    expect(message?.text).toContain(`  ${server.url}/w/${demoWorkspaceId}/commentaires#fil-1`);
    expect(message?.text).toContain(`  ${server.url}/w/${demoWorkspaceId}/decisions/tour-1`);
    expect(message?.text).toContain(`Pour le changer ou l’arrêter : ${server.url}/w/${demoWorkspaceId}/notifications#reglages`);
    expect(message?.text).not.toContain('Déjà lue');
    // The HTML alternative links the same absolute addresses and never lets a title's markup through.
    expect(message?.html).toContain(`<a href="${server.url}/w/${demoWorkspaceId}/commentaires#fil-1">Karim Benali vous a mentionné·e dans un commentaire.</a>`);
    expect(message?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message?.html).not.toContain('<script>');
    expect(message?.html).toContain('<html lang="fr">');

    // A new one ten minutes later waits for the hour; then an email with it alone.
    await notifyAs(server, ['member'], { kind: 'round-outcome', title: 'Le tour de décision est clos : adopté.' });
    later(10);
    expect(await digest.run()).toEqual({ sent: 0, failed: 0 });
    later(50);
    expect(await digest.run()).toEqual({ sent: 1, failed: 0 });
    expect(mail.messages[1]?.subject).toBe('Trame — 1 notification non lue · Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013');
    expect(mail.messages[1]?.text).toContain('Le tour de décision est clos : adopté.');
    expect(mail.messages[1]?.text).not.toContain('Karim Benali');
    // Nothing new: no email, however long it waits.
    later(5 * 60);
    expect(await digest.run()).toEqual({ sent: 0, failed: 0 });
    expect(mail.messages).toHaveLength(2);
    // They stay unread in Trame: the email is a reminder, not a reading.
    expect(server.trame.notifications.unreadCount(demoWorkspaceId, personIdOf(server, 'member'))).toBe(3);
  });

  it('keeps everything for the next check when SMTP fails, and never sends twice', async () => {
    await choose('hourly');
    await notifyAs(server, ['member'], { title: 'Première.' });
    mail.refuse = true;
    expect(await digest.run()).toEqual({ sent: 0, failed: 1 });
    expect(server.trame.db.data.notifications.every((n) => n.emailedAt === null)).toBe(true);
    mail.refuse = false;
    await notifyAs(server, ['member'], { title: 'Seconde.' });
    // Two checks at once (a slow SMTP server): one email.
    const [a, b] = await Promise.all([digest.run(), digest.run()]);
    expect(a).toEqual({ sent: 1, failed: 0 });
    expect(b).toBe(a);
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]?.text).toContain('Première.');
    expect(mail.messages[0]?.text).toContain('Seconde.');
    expect(server.trame.db.data.notifications.filter((n) => n.recipientId === personIdOf(server, 'member')).every((n) => n.emailedAt !== null)).toBe(true);
  });

  it('sends the daily digest at most once a day, and none to people who chose none', async () => {
    await choose('daily');
    await notifyAs(server, ['member', 'partner'], { title: 'Matin.' });
    expect(await digest.run()).toEqual({ sent: 1, failed: 0 });
    await notifyAs(server, ['member'], { title: 'Midi.' });
    later(6 * 60);
    expect(await digest.run()).toEqual({ sent: 0, failed: 0 });
    later(18 * 60);
    expect(await digest.run()).toEqual({ sent: 1, failed: 0 });
    expect(mail.messages.map((m) => m.to)).toEqual([[demoEmail('member')], [demoEmail('member')]]);
    expect(mail.messages[1]?.text).toContain('Vous recevez ce résumé une fois par jour');
    await choose('off');
    await notifyAs(server, ['member'], { title: 'Soir.' });
    later(48 * 60);
    expect(await digest.run()).toEqual({ sent: 0, failed: 0 });
  });

  it('runs on the app’s own timer when SMTP is configured, and stops with the app', async () => {
    await server.destroy();
    server = await startTestServer({ smtpUrl: mail.url, digestIntervalMs: 100 });
    await choose('hourly');
    await notifyAs(server, ['member'], { title: 'Par le minuteur.' });
    await waitFor(() => mail.messages.length === 1, 5000, 'digest email');
    expect(mail.messages[0]?.text).toContain('Par le minuteur.');
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.messages).toHaveLength(1);
  });
});
