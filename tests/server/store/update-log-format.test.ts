import { describe, expect, it } from 'vitest';
import { RecordKind, decodeLog, encodeRecords, logMagic, recordHeaderBytes } from '../../../server/store/update-log-format';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const file = (...parts: Uint8Array[]): Uint8Array => Buffer.concat([logMagic, ...parts]);

describe('update log format', () => {
  it('decodes what it encodes, in order', () => {
    const records = [
      { kind: RecordKind.snapshot, payload: bytes(9, 8, 7) },
      { kind: RecordKind.update, payload: bytes(1) },
      { kind: RecordKind.update, payload: bytes() },
    ];
    const decoded = decodeLog(file(encodeRecords(records)));
    expect(decoded.problem).toBeUndefined();
    expect(decoded.records.map((r) => [r.kind, [...r.payload]])).toEqual([[2, [9, 8, 7]], [1, [1]], [1, []]]);
  });

  it('stops at a torn last record and reports the valid prefix', () => {
    const whole = encodeRecords([{ kind: RecordKind.update, payload: bytes(1, 2, 3) }]);
    const torn = encodeRecords([{ kind: RecordKind.update, payload: bytes(4, 5, 6, 7) }]).subarray(0, recordHeaderBytes + 2);
    const decoded = decodeLog(file(whole, torn));
    expect(decoded.problem).toBe('torn-record');
    expect(decoded.records).toHaveLength(1);
    expect(decoded.validBytes).toBe(logMagic.byteLength + whole.byteLength);
  });

  it('stops at a record whose checksum does not match', () => {
    const first = encodeRecords([{ kind: RecordKind.update, payload: bytes(1) }]);
    const second = encodeRecords([{ kind: RecordKind.update, payload: bytes(2, 2) }]);
    second[recordHeaderBytes] = 99; // flip a payload byte
    const decoded = decodeLog(file(first, second));
    expect(decoded.problem).toBe('bad-checksum');
    expect(decoded.records).toHaveLength(1);
  });

  it('stops at a header cut in the middle', () => {
    const decoded = decodeLog(file(encodeRecords([{ kind: RecordKind.update, payload: bytes(1) }]), bytes(5, 0)));
    expect(decoded.problem).toBe('torn-record');
    expect(decoded.records).toHaveLength(1);
  });

  it('refuses a file that is not a Trame log', () => {
    expect(decodeLog(new TextEncoder().encode('{"hello": "world"}')).problem).toBe('bad-magic');
    expect(decodeLog(bytes()).problem).toBe('bad-magic');
  });
});
