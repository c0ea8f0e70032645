/** Random secrets (session cookies, tokens, invitation links) and their stored hashes. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new secret: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a secret: a leaked data folder gives no usable session or link. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function newId(): string {
  return randomUUID();
}
