import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { genesisHead, headOf, sealAuditRecord, type AccessEntry, type AuditEntry, type AuditRecord } from '../../domain/audit/index.js';
import { auditRecordQueryOf, auditRecordView, cursorOf, matchesAuditQuery, newestMatching } from './audit-record-query.js';

const access = (overrides: Partial<AccessEntry>): AccessEntry => ({
  kind: 'access', requestId: 'request-1', subject: 'police-officer-kim', agency: 'police', purpose: '도주 차량 추적', caseNumber: '2026-112-0042',
  operation: { hash: 'a'.repeat(64), name: 'WantedVehicleTrack', type: 'query' },
  fields: ['Query.hits'], subgraphs: ['police'], decision: { outcome: 'allowed', denied: [] },
  ...overrides,
});

function chain(entries: readonly AuditEntry[], start = Date.parse('2026-12-08T01:00:00Z')): AuditRecord[] {
  let head = genesisHead;
  return entries.map((entry, i) => {
    const record = sealAuditRecord(head, entry, new Date(start + i * 60_000).toISOString());
    head = headOf(record);
    return record;
  });
}

/** Newest first, as the log is read. */
async function* streamOf(records: readonly AuditRecord[]): AsyncGenerator<AuditRecord> {
  yield* [...records].reverse();
}

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
  return 'accepted';
};

describe('auditRecordQueryOf: the filter, validated', () => {
  it.each([
    ['from not an instant', { filter: { from: 'yesterday' } }, 'DS_INVALID_INPUT'],
    ['to without an offset', { filter: { to: '2026-12-08T01:00:00' } }, 'DS_INVALID_INPUT'],
    ['to before from', { filter: { from: '2026-12-08T02:00:00Z', to: '2026-12-08T01:00:00Z' } }, 'DS_INVALID_INPUT'],
    ['an empty subject', { filter: { subject: '  ' } }, 'DS_INVALID_INPUT'],
    ['a case number of 101 characters', { filter: { caseNumber: 'x'.repeat(101) } }, 'DS_INVALID_INPUT'],
    ['first below 0', { first: -1 }, 'DS_INVALID_INPUT'],
    ['first over 500', { first: 501 }, 'DS_QUERY_LIST_TOO_LARGE'],
    ['a cursor that was never returned', { after: 'not-a-cursor' }, 'DS_INVALID_INPUT'],
    ['a cursor of sequence 0', { after: Buffer.from('audit-sequence:0').toString('base64url') }, 'DS_INVALID_INPUT'],
    ['everything well-formed', { filter: { from: '2026-12-08T01:00:00+09:00', subject: 'kim', outcome: 'DENIED' as const }, first: 10, after: cursorOf(7) }, 'accepted'],
    ['nothing at all', {}, 'accepted'],
  ])('%s: %s', (_, args, expected) => {
    expect(codeOf(() => auditRecordQueryOf(args))).toBe(expected);
  });

  it('defaults to the newest 50 records', () => {
    expect(auditRecordQueryOf({})).toEqual({ first: 50 });
  });
});

describe('matching and paging', () => {
  const records = chain([
    access({ requestId: 'r1', subject: 'police-officer-kim' }),
    access({ requestId: 'r2', subject: 'city-operator-choi', agency: 'cctv', purpose: null, caseNumber: null, decision: { outcome: 'denied', denied: [{ coordinate: 'Query.hits', code: 'DS_AUTH_FORBIDDEN' }] } }),
    { kind: 'deletion-receipt', requestId: 'purge-1', subject: 'system:retention', agency: 'suwon', rule: { name: 'non-hit-reads', retentionDays: 30 }, cutoff: '2026-11-08T00:00:00.000Z', counts: { plateReads: 3 }, digest: 'b'.repeat(64) },
    access({ requestId: 'r4', purpose: '실종자 수색 (MISSING)', caseNumber: '2026-112-0077', operation: { hash: 'c'.repeat(64), name: 'PlateHistory', type: 'query' } }),
    { kind: 'evidence-access', requestId: 'e1', subject: 'police-officer-kim', agency: 'police', purpose: '확인', caseNumber: '2026-112-0042', hitId: 'suwon:r1:wv-1', decision: { outcome: 'allowed', code: null } },
  ]);
  const ids = async (args: Parameters<typeof auditRecordQueryOf>[0]) =>
    (await newestMatching(streamOf(records), auditRecordQueryOf(args))).map((record) => record.requestId);

  it('lists newest first, and each condition narrows', async () => {
    expect(await ids({})).toEqual(['e1', 'r4', 'purge-1', 'r2', 'r1']);
    expect(await ids({ filter: { subject: 'police-officer-kim' } })).toEqual(['e1', 'r4', 'r1']);
    expect(await ids({ filter: { agency: 'cctv' } })).toEqual(['r2']);
    expect(await ids({ filter: { operation: 'PlateHistory' } })).toEqual(['r4']);
    expect(await ids({ filter: { purpose: 'missing' } })).toEqual(['r4']);
    expect(await ids({ filter: { caseNumber: '2026-112-0042' } })).toEqual(['e1', 'r1']);
    expect(await ids({ filter: { outcome: 'DENIED' } })).toEqual(['r2']);
    expect(await ids({ filter: { kind: 'DELETION_RECEIPT' } })).toEqual(['purge-1']);
    expect(await ids({ filter: { from: '2026-12-08T01:01:00Z', to: '2026-12-08T01:03:00Z' } })).toEqual(['purge-1', 'r2']);
  });

  it('pages by cursor: each page starts after the last record of the one before', async () => {
    const first = await newestMatching(streamOf(records), auditRecordQueryOf({ first: 2 }));
    expect(first.map((record) => record.requestId)).toEqual(['e1', 'r4']);
    const cursor = auditRecordView(first.at(-1) as AuditRecord).cursor;
    expect(await ids({ first: 2, after: cursor })).toEqual(['purge-1', 'r2']);
    expect(await ids({ first: 2, after: cursorOf(2) })).toEqual(['r1']);
    expect(await ids({ first: 0 })).toEqual([]);
  });

  it('shows every kind with the fields it has', () => {
    const [r1, r2, purge, , evidence] = records.map(auditRecordView);
    expect(r1).toMatchObject({ kind: 'ACCESS', outcome: 'ALLOWED', operation: { name: 'WantedVehicleTrack', type: 'QUERY' }, purpose: '도주 차량 추적', caseNumber: '2026-112-0042' });
    expect(r2).toMatchObject({ outcome: 'DENIED', denied: [{ coordinate: 'Query.hits', code: 'DS_AUTH_FORBIDDEN' }] });
    expect(purge).toMatchObject({ kind: 'DELETION_RECEIPT', outcome: null, operation: null, fields: [], purpose: null });
    expect(evidence).toMatchObject({ kind: 'EVIDENCE_ACCESS', hitId: 'suwon:r1:wv-1', outcome: 'ALLOWED', deniedCode: null });
    expect(matchesAuditQuery(records[2] as AuditRecord, auditRecordQueryOf({ filter: { purpose: 'x' } }))).toBe(false);
  });
});
