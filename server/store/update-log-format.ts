/**
 * The on-disk format of one document's update log: a magic header, then records framed as
 *
 *   [u32 LE payload length][u32 LE CRC-32 of kind+payload][u8 kind][payload]
 *
 * Kinds: 1 = a Yjs update (V1 encoding), 2 = a full-state snapshot (V2 encoding, written by
 * compaction as the first record of a fresh file). A crash can leave a torn last record; the
 * decoder stops at the first record whose length or checksum is wrong and reports how many bytes
 * are valid, so that the caller can cut the tail and keep everything before it.
 */
import { crc32 } from 'node:zlib';

/** First bytes of every log file ("TRAMEYL" + format version 1). */
export const logMagic = new Uint8Array([0x54, 0x52, 0x41, 0x4d, 0x45, 0x59, 0x4c, 0x01]);

/** Bytes before each record's payload. */
export const recordHeaderBytes = 9;

/** Largest payload a record may declare; anything larger is treated as corruption. */
export const maxRecordPayloadBytes = 256 * 1024 * 1024;

export const RecordKind = { update: 1, snapshot: 2 } as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

export interface LogRecord {
  kind: RecordKind;
  payload: Uint8Array;
}

export interface DecodedLog {
  records: LogRecord[];
  /** Bytes from the file's start that hold a valid header and whole, checksummed records. */
  validBytes: number;
  /** Why decoding stopped early, if it did (a torn or corrupt tail). */
  problem?: 'bad-magic' | 'torn-record' | 'bad-checksum' | 'unknown-kind';
}

function checksum(kind: number, payload: Uint8Array): number {
  return crc32(payload, crc32(new Uint8Array([kind])));
}

/** Encodes records into one buffer, ready for a single write. */
export function encodeRecords(records: readonly LogRecord[]): Buffer {
  const total = records.reduce((sum, r) => sum + recordHeaderBytes + r.payload.byteLength, 0);
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  for (const { kind, payload } of records) {
    out.writeUInt32LE(payload.byteLength, offset);
    out.writeUInt32LE(checksum(kind, payload), offset + 4);
    out.writeUInt8(kind, offset + 8);
    out.set(payload, offset + recordHeaderBytes);
    offset += recordHeaderBytes + payload.byteLength;
  }
  return out;
}

/** Decodes a whole log file, stopping at the first torn or corrupt record. */
export function decodeLog(file: Uint8Array): DecodedLog {
  if (file.byteLength < logMagic.byteLength || !logMagic.every((b, i) => file[i] === b)) {
    return { records: [], validBytes: 0, problem: 'bad-magic' };
  }
  const view = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const records: LogRecord[] = [];
  let offset = logMagic.byteLength;
  while (offset < view.byteLength) {
    if (view.byteLength - offset < recordHeaderBytes) return { records, validBytes: offset, problem: 'torn-record' };
    const length = view.readUInt32LE(offset);
    const expected = view.readUInt32LE(offset + 4);
    const kind = view.readUInt8(offset + 8);
    const end = offset + recordHeaderBytes + length;
    if (length > maxRecordPayloadBytes || end > view.byteLength) {
      return { records, validBytes: offset, problem: 'torn-record' };
    }
    const payload = view.subarray(offset + recordHeaderBytes, end);
    if (checksum(kind, payload) !== expected) return { records, validBytes: offset, problem: 'bad-checksum' };
    if (kind !== RecordKind.update && kind !== RecordKind.snapshot) {
      return { records, validBytes: offset, problem: 'unknown-kind' };
    }
    records.push({ kind, payload });
    offset = end;
  }
  return { records, validBytes: offset };
}
