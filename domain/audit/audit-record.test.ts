import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../errors/index.js';
import { auditEntry, chainOf, sampleAccessEntry } from './audit-entry-arbitraries.js';
import {
  auditEntrySchema, canonicalJson, chainHash, decodeAuditLine, deletionDigest, encodeAuditLine, genesisHash, sha256Hex,
  type AuditRecord,
} from './index.js';

describe('sha256Hex', () => {
  it('agrees with node:crypto for any text and at the padding boundaries', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }), { numRuns: 300 });
    for (const length of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      expect(sha256Hex('x'.repeat(length))).toBe(createHash('sha256').update('x'.repeat(length)).digest('hex'));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: -0.5 } })).toBe('{"a":{"c":-0.5,"d":[true,null,"x"]},"b":1}');
  });

  it('is independent of the order keys were added in', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
      const reversed = Object.fromEntries(Object.entries(value).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(value));
    }));
  });

  it.each<[string, unknown]>([
    ['undefined', undefined], ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['a Date', new Date(0)],
    ['a member set to undefined', { a: undefined }], ['a function', () => 1],
  ])('refuses %s, which has no single JSON form', (_name, value) => {
    try {
      canonicalJson(value);
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_AUDIT_RECORD_INVALID')).toBe(true);
    }
  });
});

describe('chainHash', () => {
  it('covers every field and the link, and ignores a stale hash', () => {
    const [record] = chainOf([sampleAccessEntry(1)]) as [AuditRecord];
    expect(record.previousHash).toBe(genesisHash);
    expect(chainHash(genesisHash, record)).toBe(record.hash);
    expect(chainHash(genesisHash, { ...record, hash: 'f'.repeat(64) })).toBe(record.hash);
    expect(chainHash('1'.repeat(64), record)).not.toBe(record.hash);
    expect(chainHash(genesisHash, { ...record, time: '2026-03-01T09:00:00.001Z' })).not.toBe(record.hash);
  });
});

describe('audit lines', () => {
  it('round-trip every valid record', () => {
    fc.assert(fc.property(fc.array(auditEntry, { minLength: 1, maxLength: 3 }), (entries) => {
      for (const record of chainOf(entries)) {
        const line = encodeAuditLine(record);
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toContain('\n');
        expect(decodeAuditLine(new TextEncoder().encode(line.slice(0, -1)))).toEqual({ ok: true, record });
      }
    }), { numRuns: 300 });
  });

  it.each<[string, (line: string) => string | Uint8Array, RegExp]>([
    ['a line that is not JSON', (line) => line.slice(0, -3), /not valid JSON/],
    ['a line with extra whitespace', (line) => line.replace('":', '": '), /not in canonical form/],
    ['a line with keys out of order', (line) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(line) as object).reverse())), /not in canonical form/],
    ['a line with an unknown field', (line) => line.replace('{', '{"extra":1,'), /not an audit record/],
    ['a line that is not UTF-8', (line) => Uint8Array.from([...new TextEncoder().encode(line), 0xff]), /not valid UTF-8/],
  ])('refuse %s', (_name, alter, detail) => {
    const [record] = chainOf([sampleAccessEntry(1)]) as [AuditRecord];
    const decoded = decodeAuditLine(alter(encodeAuditLine(record).slice(0, -1)));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.detail).toMatch(detail);
  });
});

describe('deletion receipts', () => {
  it('carry a digest independent of id order and repetition, and no ids', () => {
    const digest = deletionDigest(['read-2', 'read-1', 'read-2']);
    expect(digest).toBe(deletionDigest(['read-1', 'read-2']));
    expect(digest).toBe(createHash('sha256').update('read-1\nread-2\n').digest('hex'));
    const receipt = {
      kind: 'deletion-receipt', requestId: 'purge-2026-03-02', subject: 'system:retention', agency: 'cctv-seoul',
      rule: { name: 'non-hit-reads', retentionDays: 30 }, cutoff: '2026-02-01T00:00:00.000Z', counts: { plateReads: 2 }, digest,
    };
    expect(auditEntrySchema.safeParse(receipt).success).toBe(true);
    const [record] = chainOf([auditEntrySchema.parse(receipt)]) as [AuditRecord];
    const line = encodeAuditLine(record).slice(0, -1);
    expect(decodeAuditLine(line)).toEqual({ ok: true, record });
    expect(decodeAuditLine(line.replace('"counts":{', '"counts":{"__proto__":1,'))).toMatchObject({ ok: false, detail: 'not in canonical form' });
  });
});

describe('history-search records', () => {
  const record = {
    kind: 'history-search', requestId: '1b0e5a8e-9f57-4f0c-9a55-3c1f2f9b8a10', subject: 'police-investigator-park', agency: 'police',
    purpose: '도난 차량 추적', caseNumber: '2026-경기남부-0142', plate: { keyId: 'k1', digest: '0123456789abcdef0123456789abcdef' },
    from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z', decision: { outcome: 'allowed', code: null }, counts: { reads: 3, hits: 1 },
  };

  it('name the plate only by its keyed digest', () => {
    expect(auditEntrySchema.safeParse(record).success).toBe(true);
    expect(auditEntrySchema.safeParse({ ...record, plate: { keyId: 'k1', digest: '12가3456' } }).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...record, plate: '12가3456' }).success).toBe(false);
  });

  it('record a refusal with its code', () => {
    const denied = { ...record, purpose: null, caseNumber: null, decision: { outcome: 'denied', code: 'DS_AUTH_PURPOSE_REQUIRED' }, counts: { reads: 0, hits: 0 } };
    expect(auditEntrySchema.safeParse(denied).success).toBe(true);
    expect(auditEntrySchema.safeParse({ ...denied, decision: { outcome: 'partial', code: null } }).success).toBe(false);
  });
});
