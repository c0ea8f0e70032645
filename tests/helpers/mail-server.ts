/**
 * A real SMTP server for tests (`smtp-server`, on port 0, no TLS, no authentication), that keeps
 * the messages it receives, decoded enough to read their recipients, subject and text.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** The HTML alternative of a multipart message (the notifications' digest), '' when none. */
  html: string;
}

export interface MailServer {
  /** `smtp://127.0.0.1:<port>`, for Trame's `SMTP_URL`. */
  url: string;
  messages: ReceivedMail[];
  /** While true, every message is refused (as a failing SMTP server would): nothing is kept. */
  refuse: boolean;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    secure: false,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      callback(state.refuse ? Object.assign(new Error('Service indisponible (test)'), { responseCode: 421 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMessage(Buffer.concat(chunks).toString('latin1')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo; // a TCP listener always has an AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get refuse() {
      return state.refuse;
    },
    set refuse(value: boolean) {
      state.refuse = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Decodes a message: single-part text (what nodemailer sends for `text` only), or
 * multipart/alternative with a text and an HTML part (for `text` + `html`).
 */
function decodeMessage(raw: string): { subject: string; text: string; html: string } {
  const { header, body } = splitPart(raw);
  const parts = decodeParts(header, body);
  return { subject: decodeEncodedWords(header('Subject')), text: parts.find((p) => p.type === 'text/plain')?.content ?? '', html: parts.find((p) => p.type === 'text/html')?.content ?? '' };
}

function splitPart(raw: string): { header: (name: string) => string; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headerText)?.[1]?.trim() ?? '';
  return { header, body: raw.slice(split + 4) };
}

function decodeParts(header: (name: string) => string, body: string): { type: string; content: string }[] {
  const contentType = header('Content-Type');
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase() || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (type.startsWith('multipart/') && boundary !== undefined) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => {
        const inner = splitPart(part.replace(/^\r\n/, ''));
        return decodeParts(inner.header, inner.body.replace(/\r\n$/, ''));
      });
  }
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'latin1');
  return [{ type, content: bytes.toString('utf8').replace(/\r\n/g, '\n') }];
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=`), as nodemailer writes subjects. */
function decodeEncodedWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );
}
