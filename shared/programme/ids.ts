/**
 * Identifiers for axes, action sheets, indicators and budget lines, made on whichever side creates
 * them. `crypto.getRandomValues` works in every browser context, including plain http on a
 * workshop's local network (where `crypto.randomUUID` does not exist).
 */
const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new random identifier: 12 characters of [a-z0-9] (62 bits), safe in URLs and file names. */
export function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let id = alphabet[bytes[0]! % 26]!; // starts with a letter
  for (let i = 1; i < bytes.length; i++) id += alphabet[bytes[i]! % alphabet.length]!;
  return id;
}

/** Identifiers as they appear in the document and in URLs. */
export const programmeIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
