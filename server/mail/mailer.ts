/**
 * Outgoing email through SMTP (nodemailer), only when `SMTP_URL` is configured. Without it, Trame
 * sends nothing and the coordination copies links from the interface instead.
 */
import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text` (the notifications' digest); plain text only when absent. */
  html?: string;
}

export interface Mailer {
  /**
   * True once the SMTP server accepted the message; false (logged) when it could not be sent, so
   * that the caller still answers, and people copy the link instead.
   */
  send(mail: OutgoingMail): Promise<boolean>;
}

/** How long an unreachable or silent SMTP server may hold a request that sends mail. */
const smtpTimeoutMs = 10_000;

/** A mailer for `smtp://user:pass@host:port` (or `smtps://…`), or undefined when none is set. */
export function createMailer(smtpUrl: string | undefined, from: string, logger: Logger): Mailer | undefined {
  if (smtpUrl === undefined || smtpUrl === '') return undefined;
  const transport = createTransport({ url: smtpUrl, connectionTimeout: smtpTimeoutMs, greetingTimeout: smtpTimeoutMs, socketTimeout: smtpTimeoutMs });
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
      } catch (error) {
        logger.error({ err: error, to: mail.to, subject: mail.subject }, 'email could not be sent');
        return false;
      }
      logger.info({ to: mail.to, subject: mail.subject }, 'email sent');
      return true;
    },
  };
}
