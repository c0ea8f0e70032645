/** Reads Trame's configuration from environment variables, with defaults for the demo. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { limits } from '../shared/limits';

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(limits.maxYjsMessageBytes),
  SEED_DEMO: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FSYNC_INTERVAL_MS: z.coerce.number().int().min(1).max(100).default(50),
  /** Outgoing mail for invitations, e.g. smtp://user:pass@smtp.example.org:587; none when empty. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Trame <trame@localhost>'),
  /** How often the notifications' email digest is checked, in minutes (digests go hourly or daily). */
  DIGEST_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** The address people open Trame at (e.g. https://trame.example.org), for links in digest emails. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('')),
  /** Other origins allowed to use the session cookie (comma-separated), e.g. behind a proxy. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** scrypt cost parameter N for passwords (a power of two). */
  SCRYPT_COST: z.coerce.number().int().min(2 ** 10).max(2 ** 20).default(2 ** 15),
  /** Comments (threads, replies, edits) one person may write per minute, sustained (a burst of 30 more is allowed). */
  COMMENT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** While the contract is edited, a checkpoint of it joins the history at least this often, in minutes. */
  CHECKPOINT_INTERVAL_MINUTES: z.coerce.number().min(0.01).max(24 * 60).default(60),
});

export interface TrameConfig {
  port: number;
  host: string;
  dataDir: string;
  maxMessageBytes: number;
  seedDemo: boolean;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  fsyncIntervalMs: number;
  /** Folder of the built client (served as static files). */
  clientDir: string;
  /** A document is unloaded this long after its last client leaves. */
  idleUnloadMs: number;
  awarenessFlushMs: number;
  compactAfterUpdates: number;
  pingIntervalMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How often the email digest of notifications is checked. */
  digestIntervalMs: number;
  /** Trame's public origin for emailed links; otherwise each person's own, as seen when they chose a digest. */
  publicUrl: string | undefined;
  allowedOrigins: string[];
  scryptCost: number;
  /** Sign-in attempts allowed per address and email within `signInWindowMs`. */
  signInAttempts: number;
  signInWindowMs: number;
  /** Comments one person may write per minute, sustained. */
  commentWritesPerMinute: number;
  /** Longest time between two checkpoints of a contract being edited. */
  checkpointIntervalMs: number;
}

/** Parses the environment; throws a readable error naming each bad variable. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env): TrameConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    seedDemo: env.SEED_DEMO,
    logLevel: env.LOG_LEVEL,
    fsyncIntervalMs: env.FSYNC_INTERVAL_MS,
    clientDir: resolve(import.meta.dirname, '../client/dist'),
    idleUnloadMs: 10_000,
    awarenessFlushMs: 50,
    compactAfterUpdates: 5_000,
    pingIntervalMs: 30_000,
    smtpUrl: env.SMTP_URL === '' ? undefined : env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    digestIntervalMs: env.DIGEST_INTERVAL_MINUTES * 60 * 1000,
    publicUrl: env.PUBLIC_URL === undefined || env.PUBLIC_URL === '' ? undefined : new URL(env.PUBLIC_URL).origin,
    allowedOrigins: env.ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''),
    scryptCost: env.SCRYPT_COST,
    signInAttempts: 10,
    signInWindowMs: 15 * 60 * 1000,
    commentWritesPerMinute: env.COMMENT_WRITES_PER_MINUTE,
    checkpointIntervalMs: Math.round(env.CHECKPOINT_INTERVAL_MINUTES * 60 * 1000),
  };
}
