/**
 * Reads a DOCX's zip without trusting it. A zip bomb (a few MB that inflate to GBs) must be
 * refused before it costs memory or time, so:
 *  1. the central directory is read first (our own small parser: no inflating at all), and the
 *     archive is refused when the declared uncompressed sizes add up beyond `maxTotalBytes` or an
 *     entry declares an absurd compression ratio;
 *  2. only the entries asked for are inflated, in small steps (fflate's streaming `Inflate`),
 *     stopping as soon as one gives more than it declared or the total passes the limit: declared
 *     sizes can lie.
 * Encrypted entries, zip64 archives and methods other than stored/deflate are refused (a Word
 * document needs none of them).
 */
import { Inflate } from 'fflate';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  encrypted: boolean;
}

export type ZipProblem = 'not-zip' | 'damaged' | 'bomb' | 'unsupported';

export class ZipGuardError extends Error {
  constructor(readonly problem: ZipProblem, message: string) {
    super(message);
  }
}

export interface ZipLimits {
  /** Largest sum of declared (and actual) uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry over 1 MB (deflate tops out near 1032). */
  maxRatio: number;
  /** Most entries in the archive. */
  maxEntries: number;
}

export const defaultZipLimits: ZipLimits = { maxTotalBytes: 60 * 1024 * 1024, maxRatio: 400, maxEntries: 2000 };

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endSignature = 0x06054b50;

/** True when the bytes start like a zip file ("PK\3\4"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Lists the entries from the central directory, checking the declared sizes against `limits`. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipEntryInfo[] {
  if (!looksLikeZip(bytes)) throw new ZipGuardError('not-zip', 'not a zip');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is within the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= 0 && at >= bytes.byteLength - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === endSignature) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipGuardError('damaged', 'no end of central directory');
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipGuardError('unsupported', 'zip64');
  if (count > limits.maxEntries) throw new ZipGuardError('bomb', 'too many entries');
  if (offset + directorySize > end) throw new ZipGuardError('damaged', 'central directory out of bounds');
  const decoder = new TextDecoder();
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== centralHeaderSignature) throw new ZipGuardError('damaged', 'bad central header');
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const declaredSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipGuardError('unsupported', 'zip64');
    if (offset + 46 + nameLength > end) throw new ZipGuardError('damaged', 'name out of bounds');
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    total += declaredSize;
    if (total > limits.maxTotalBytes) throw new ZipGuardError('bomb', 'declared total too large');
    if (declaredSize > 1024 * 1024 && declaredSize > Math.max(compressedSize, 1) * limits.maxRatio) throw new ZipGuardError('bomb', 'absurd ratio');
    if (localOffset + 30 + compressedSize > bytes.byteLength) throw new ZipGuardError('damaged', 'entry out of bounds');
    entries.push({ name, method, compressedSize, declaredSize, localOffset, encrypted: (flags & 1) === 1 });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Step of compressed bytes fed to the inflater between two size checks. */
const inflateStep = 16 * 1024;

/** Inflates one entry, never producing more than it declared (nor more than `budget`). */
function inflateEntry(bytes: Uint8Array, entry: ZipEntryInfo, budget: number): Uint8Array {
  if (entry.encrypted) throw new ZipGuardError('unsupported', `encrypted ${entry.name}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (view.getUint32(at, true) !== localHeaderSignature) throw new ZipGuardError('damaged', `bad local header ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipGuardError('damaged', `entry out of bounds ${entry.name}`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const cap = Math.min(entry.declaredSize, budget);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.declaredSize) throw new ZipGuardError('damaged', `stored size mismatch ${entry.name}`);
    if (entry.declaredSize > budget) throw new ZipGuardError('bomb', 'total too large');
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipGuardError('unsupported', `method ${entry.method}`);
  const output = new Uint8Array(cap);
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.byteLength > cap) {
      overflow = true;
      return;
    }
    output.set(chunk, produced);
    produced += chunk.byteLength;
  });
  try {
    for (let from = 0; from < data.byteLength && !overflow; from += inflateStep) {
      const to = Math.min(from + inflateStep, data.byteLength);
      inflater.push(data.subarray(from, to), to === data.byteLength);
    }
    if (data.byteLength === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    throw new ZipGuardError('damaged', `inflate failed ${entry.name}`);
  }
  if (overflow) throw new ZipGuardError('bomb', `entry larger than declared ${entry.name}`);
  if (produced !== entry.declaredSize) throw new ZipGuardError('damaged', `entry shorter than declared ${entry.name}`);
  return output;
}

/**
 * Inflates the entries `keep` accepts, within `limits.maxTotalBytes` in all. Throws
 * ZipGuardError on anything suspicious; never allocates more than the limit.
 */
export function extractZip(bytes: Uint8Array, keep: (name: string) => boolean, limits: ZipLimits = defaultZipLimits): Map<string, Uint8Array> {
  const entries = readZipDirectory(bytes, limits);
  const files = new Map<string, Uint8Array>();
  let budget = limits.maxTotalBytes;
  for (const entry of entries) {
    if (entry.name.endsWith('/') || !keep(entry.name)) continue;
    const content = inflateEntry(bytes, entry, budget);
    budget -= content.byteLength;
    files.set(entry.name, content);
  }
  return files;
}
