import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditEntry, chainOf, sampleAccessEntry } from './audit-entry-arbitraries.js';
import {
  createAuditChainVerifier, decodeAuditLine, encodeAuditLine, headOf, sealAuditRecord, verifyAuditChain,
  type AuditRecord, type ChainBreakReason,
} from './index.js';

const chain = chainOf(Array.from({ length: 6 }, (_, i) => sampleAccessEntry(i + 1)));
const at = (i: number) => chain[i] as AuditRecord;
const swap = (records: AuditRecord[], i: number, j: number) => {
  const copy = [...records];
  [copy[i], copy[j]] = [copy[j] as AuditRecord, copy[i] as AuditRecord];
  return copy;
};
const insertAt = (records: AuditRecord[], i: number, record: AuditRecord) => [...records.slice(0, i), record, ...records.slice(i)];
const forgedAfter = (i: number) => sealAuditRecord(headOf(at(i)), sampleAccessEntry(99), '2026-03-01T09:00:30.000Z');

describe('verifyAuditChain', () => {
  it('accepts an untouched chain and reports its head', () => {
    expect(verifyAuditChain(chain)).toEqual({ ok: true, records: 6, head: { sequence: 6, hash: at(5).hash } });
    expect(verifyAuditChain([])).toEqual({ ok: true, records: 0, head: { sequence: 0, hash: '0'.repeat(64) } });
  });

  it('accepts a later segment from a trusted head', () => {
    expect(verifyAuditChain(chain.slice(2), { start: headOf(at(1)) })).toMatchObject({ ok: true, records: 4 });
  });

  it.each<[string, () => AuditRecord[], number, ChainBreakReason]>([
    ['a field edited in place', () => chain.map((record, i) => (i === 2 ? { ...record, subject: 'officer-x' } : record)), 2, 'edited'],
    ['the decision edited in place', () => chain.map((record, i) => (i === 4 ? { ...record, decision: { outcome: 'denied', denied: [] } } as AuditRecord : record)), 4, 'edited'],
    ['a record rewritten with a recomputed hash', () => chain.map((record, i) => (i === 2 ? forgedAfter(1) : record)), 2, 'edited'],
    ['a record removed', () => chain.filter((_, i) => i !== 3), 3, 'removed'],
    ['two adjacent records swapped', () => swap(chain, 2, 3), 2, 'reordered'],
    ['two distant records swapped', () => swap(chain, 1, 4), 1, 'reordered'],
    ['a record moved earlier', () => insertAt(chain.filter((_, i) => i !== 4), 1, at(4)), 1, 'reordered'],
    ['the first two records swapped', () => swap(chain, 0, 1), 0, 'reordered'],
    ['a forged record linked to its predecessor', () => insertAt(chain, 2, forgedAfter(1)), 2, 'inserted'],
    ['a forged record renumbered without a new hash', () => insertAt(chain, 2, { ...forgedAfter(4), sequence: 9 } as AuditRecord), 2, 'edited'],
    ['a forged record sealed onto a made-up head', () => insertAt(chain, 2, sealAuditRecord({ sequence: 8, hash: 'f'.repeat(64) }, sampleAccessEntry(98), '2026-03-01T09:00:40.000Z')), 2, 'inserted'],
    ['a forged first record', () => [sealAuditRecord({ sequence: 0, hash: '0'.repeat(64) }, sampleAccessEntry(97), '2026-03-01T08:00:00.000Z'), ...chain], 0, 'inserted'],
    ['a copy of an earlier record', () => insertAt(chain, 4, at(1)), 4, 'inserted'],
    ['the head truncated', () => chain.slice(2), 0, 'truncated-head'],
    ['the first record alone removed', () => chain.slice(1), 0, 'truncated-head'],
  ])('detects %s', (_name, tamper, index, reason) => {
    const verdict = verifyAuditChain(tamper());
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.broken).toMatchObject({ index, position: index, reason });
    expect(verdict.broken.detail).not.toBe('');
  });

  it('reports a malformed line where it stands', () => {
    const verifier = createAuditChainVerifier<string>();
    verifier.push(at(0), 'line 1');
    verifier.pushMalformed('not valid JSON', 'line 2');
    expect(verifier.settled).toBe(true);
    expect(verifier.finish()).toEqual({ ok: false, broken: { index: 1, position: 'line 2', reason: 'malformed', detail: 'not valid JSON' } });
  });

  it('recognises an insertion beyond a small window only as far as the window reaches', () => {
    const long = chainOf(Array.from({ length: 12 }, (_, i) => sampleAccessEntry(i + 1)));
    const tampered = insertAt(long, 9, long[1] as AuditRecord);
    expect(verifyAuditChain(tampered, { window: 16 })).toMatchObject({ ok: false, broken: { index: 9, reason: 'inserted' } });
    expect(verifyAuditChain(tampered, { window: 4 })).toMatchObject({ ok: false, broken: { index: 9 } });
  });
});

/** Splits a log's bytes into lines the way the runtime reads them, and verifies them. */
function verifyLogBytes(bytes: Uint8Array) {
  const verifier = createAuditChainVerifier<number>();
  let start = 0;
  let line = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    const decoded = decodeAuditLine(bytes.subarray(start, i));
    if (decoded.ok) verifier.push(decoded.record, line);
    else verifier.pushMalformed(decoded.detail, line);
    start = i + 1;
    line += 1;
  }
  return verifier.finish();
}

describe('tamper evidence', () => {
  it('detects any single-byte edit of any record', () => {
    const utf8 = new TextEncoder();
    fc.assert(fc.property(
      fc.array(auditEntry, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }),
      (entries, recordPick, bytePick, delta) => {
        const records = chainOf(entries);
        const log = utf8.encode(records.map(encodeAuditLine).join(''));
        expect(verifyLogBytes(log)).toMatchObject({ ok: true, records: records.length });
        const contentOffsets = [...log.keys()].filter((i) => log[i] !== 0x0a);
        const target = contentOffsets[(recordPick * 7919 + bytePick) % contentOffsets.length] as number;
        const edited = log.slice();
        edited[target] = ((edited[target] as number) + delta) % 256;
        expect(verifyLogBytes(edited).ok).toBe(false);
      },
    ), { numRuns: 2000 });
  });
});
