import fc from 'fast-check';
import type { AccessEntry, AuditEntry, AuditRecord, DeletionReceiptEntry, HistorySearchEntry } from './audit-record.js';
import { genesisHead } from './audit-record.js';
import { headOf, sealAuditRecord } from './chain-hash.js';

/** Generators of valid audit entries for property tests, and a plain chain builder for table tests. */
const identifier = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'), minLength: 1, maxLength: 12 });
const coordinate = fc.tuple(identifier, identifier).map(([type, field]) => `${type}.${field}`);
const hex64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''));
/** Free text as people type it: any Unicode, Korean and control characters included. */
const freeText = fc.string({ unit: 'grapheme', maxLength: 24 });

export const accessEntry: fc.Arbitrary<AccessEntry> = fc.record({
  kind: fc.constant('access' as const),
  requestId: fc.uuid(),
  subject: freeText.filter((text) => text.length > 0),
  agency: fc.constantFrom('police', 'moj', 'cctv-seoul', 'signals'),
  purpose: fc.option(freeText, { nil: null }),
  caseNumber: fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }), { nil: null }),
  operation: fc.record({ hash: hex64, name: fc.option(identifier, { nil: null }), type: fc.constantFrom('query' as const, 'mutation' as const) }),
  fields: fc.array(coordinate, { maxLength: 6 }),
  subgraphs: fc.array(fc.constantFrom('cctv', 'police', 'tracking'), { maxLength: 3 }),
  decision: fc.record({
    outcome: fc.constantFrom('allowed' as const, 'partial' as const, 'denied' as const),
    denied: fc.array(fc.record({ coordinate, code: fc.constantFrom('DS_AUTH_FORBIDDEN', 'DS_AUTH_CLEARANCE') }), { maxLength: 3 }),
  }),
});

export const deletionReceiptEntry: fc.Arbitrary<DeletionReceiptEntry> = fc.record({
  kind: fc.constant('deletion-receipt' as const),
  requestId: fc.uuid(),
  subject: fc.constant('system:retention'),
  agency: fc.constantFrom('cctv-seoul', 'cctv-busan'),
  rule: fc.record({ name: fc.constant('non-hit-reads'), retentionDays: fc.integer({ min: 1, max: 3650 }) }),
  cutoff: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  counts: fc.dictionary(fc.tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), identifier).map(([first, rest]) => first + rest), fc.nat()),
  digest: hex64,
});

const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());

export const historySearchEntry: fc.Arbitrary<HistorySearchEntry> = fc.record({
  kind: fc.constant('history-search' as const),
  requestId: fc.uuid(),
  subject: freeText.filter((text) => text.length > 0),
  agency: fc.constantFrom('police', 'moj'),
  purpose: fc.option(freeText, { nil: null }),
  caseNumber: fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }), { nil: null }),
  plate: fc.record({ keyId: identifier, digest: hex64.map((hex) => hex.slice(0, 32)) }),
  from: instant,
  to: instant,
  decision: fc.oneof(
    fc.constant({ outcome: 'allowed' as const, code: null }),
    fc.record({ outcome: fc.constant('denied' as const), code: fc.constantFrom('DS_AUTH_FORBIDDEN', 'DS_AUTH_PURPOSE_REQUIRED') }),
  ),
  counts: fc.record({ reads: fc.nat(), hits: fc.nat() }),
});

export const auditEntry: fc.Arbitrary<AuditEntry> = fc.oneof(accessEntry, deletionReceiptEntry, historySearchEntry);

/** A plain access entry for table tests, numbered so each is distinct. */
export function sampleAccessEntry(n: number): AccessEntry {
  return {
    kind: 'access',
    requestId: `request-${n}`,
    subject: `officer-${n}`,
    agency: 'police',
    purpose: '도주 차량 추적',
    caseNumber: `2026-112-${String(n).padStart(4, '0')}`,
    operation: { hash: 'a'.repeat(64), name: 'WantedVehicleTrack', type: 'query' },
    fields: ['Hit.capturedAt', 'Query.hits'],
    subgraphs: ['police'],
    decision: { outcome: 'allowed', denied: [] },
  };
}

/** Seals entries into a chain from genesis, one second apart. */
export function chainOf(entries: readonly AuditEntry[], startTime = Date.parse('2026-03-01T09:00:00Z')): AuditRecord[] {
  const records: AuditRecord[] = [];
  let head = genesisHead;
  for (const [i, entry] of entries.entries()) {
    const record = sealAuditRecord(head, entry, new Date(startTime + i * 1000).toISOString());
    records.push(record);
    head = headOf(record);
  }
  return records;
}
