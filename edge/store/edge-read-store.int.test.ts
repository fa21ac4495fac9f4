import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deletionDigest } from '../../domain/audit/index.js';
import type { CameraRead } from '../../domain/ingest/index.js';
import { openAuditLog } from '../../runtime/audit/open-audit-log.js';
import { verifyAuditLog } from '../../runtime/audit/verify-audit-log.js';
import { createEdgeReadStore, edgeReadLabel, type EdgeReadStore } from './edge-read-store.js';
import { runRetention } from './retention.js';

const endpoint = inject('stackEndpoints').neo4j;
const municipalityId = `t${randomBytes(6).toString('hex')}`;
const dayMs = 24 * 60 * 60 * 1000;
const nowMs = Date.parse('2026-03-31T12:00:00.000Z');

let driver: Driver;
let store: EdgeReadStore;
let auditDir: string;

function read(readId: string, text: string, capturedAtMs: number): CameraRead {
  return {
    readId, cameraId: 'cam-1', capturedAt: new Date(capturedAtMs).toISOString(), capturedAtMs,
    receivedAt: new Date(capturedAtMs + 500).toISOString(), receivedAtMs: capturedAtMs + 500,
    candidates: [{ text, confidence: 0.8 }, { text: '99너1234', confidence: 0.1 }], vehicleImageRef: `vehicles/${readId}.jpg`,
  };
}

beforeAll(async () => {
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  store = createEdgeReadStore(driver, municipalityId);
  await store.ensureSchema();
  await store.ensureSchema();
  auditDir = await mkdtemp(join(tmpdir(), 'ds-edge-retention-'));
});

afterAll(async () => {
  await driver.executeQuery(`MATCH (r:${store.label}) DETACH DELETE r`);
  await driver.executeQuery(`DROP CONSTRAINT edge_${municipalityId}_read_id IF EXISTS`);
  await driver.executeQuery(`DROP INDEX edge_${municipalityId}_captured_at IF EXISTS`);
  await driver.executeQuery(`DROP INDEX edge_${municipalityId}_store_seq IF EXISTS`);
  await driver.executeQuery('MATCH (s:EdgeStoreState {municipality: $municipalityId}) DELETE s', { municipalityId });
  await driver.close();
  await rm(auditDir, { recursive: true, force: true });
});

describe('the edge read store', () => {
  it('refuses a municipality id that could not safely be a label', () => {
    for (const bad of ['Suwon', 'su-won', 'x`) DETACH DELETE n //', '1suwon', '', 'a'.repeat(32)]) {
      expect(() => edgeReadLabel(bad)).toThrow(expect.objectContaining({ code: 'DS_EDGE_MUNICIPALITY_ID_INVALID' }));
    }
    expect(edgeReadLabel('suwon')).toBe('Edge_suwon');
  });

  it('stores a batch once: a replay changes nothing and reports no read as created', async () => {
    const batch = [read('s1', '123가4567', nowMs - 40 * dayMs), read('s2', '45나6789', nowMs - dayMs), read('s3', '123가4567', nowMs - 2 * dayMs)];
    expect((await store.storeReads(batch)).sort()).toEqual(['s1', 's2', 's3']);
    await store.markHits([{ readId: 's3', hitId: `${municipalityId}:s3:stolen-1` }]);
    await store.markHits([{ readId: 's3', hitId: `${municipalityId}:s3:stolen-1` }]);
    expect(await store.storeReads(batch)).toEqual([]);
    expect((await store.storeReads([read('s2', '45나6789', nowMs - dayMs), read('s9', '45나6789', nowMs - dayMs)]))).toEqual(['s9']);
    // The same read twice in one write (two batches that overlap, grouped together): stored once.
    expect(await store.storeReads([read('s8', '45나6789', nowMs - dayMs), read('s8', '45나6789', nowMs - dayMs)])).toEqual(['s8']);
    await driver.executeQuery(`MATCH (r:${store.label} {readId: 's8'}) DELETE r`);
    await driver.executeQuery(`MATCH (r:${store.label} {readId: 's9'}) DELETE r`);
    expect(await store.countReads()).toBe(3);
    expect(await store.readsOfPlate('123가4567', nowMs - 60 * dayMs, nowMs)).toMatchObject([
      { readId: 's1', cameraId: 'cam-1', plate: '123가4567', hit: false },
      { readId: 's3', hit: true },
    ]);
  });

  it('keeps a hit mark that arrives before its read, and the read\'s own write completes it', async () => {
    await store.markHits([{ readId: 'early', hitId: `${municipalityId}:early:stolen-1` }]);
    await store.markHits([{ readId: 'early', hitId: `${municipalityId}:early:stolen-1` }]);
    // A placeholder only: not counted, not searchable, not aggregated.
    expect(await store.countReads()).toBe(3);
    expect(await store.readsOfPlate('123가4567', 0, nowMs)).toHaveLength(2);
    expect(await store.storeReads([read('early', '123가4567', nowMs - dayMs)])).toEqual(['early']);
    expect(await store.storeReads([read('early', '123가4567', nowMs - dayMs)])).toEqual([]);
    expect(await store.readsOfPlate('123가4567', nowMs - 3 * dayMs, nowMs)).toMatchObject([{ readId: 's3', hit: true }, { readId: 'early', hit: true }]);
    const [early] = (await driver.executeQuery(`MATCH (r:${store.label} {readId: 'early'}) RETURN properties(r) AS p`)).records.map((r) => r.get('p') as Record<string, unknown>);
    expect(early).toMatchObject({ hit: true, hitIds: [`${municipalityId}:early:stolen-1`], candidateTexts: ['123가4567', '99너1234'], capturedAtMs: nowMs - dayMs });
    expect(early).not.toHaveProperty('awaitingRead');
    expect(await store.countReads()).toBe(4);
    await driver.executeQuery(`MATCH (r:${store.label} {readId: 'early'}) DELETE r`);
  });

  it('purges old non-hit reads and writes a deletion receipt that verifies', async () => {
    await store.storeReads([read('s4', '12가3456', nowMs - 31 * dayMs), read('s5', '12가3456', nowMs - 50 * dayMs)]);
    await store.markHits([{ readId: 's5', hitId: `${municipalityId}:s5:stolen-2` }]);
    const auditLog = await openAuditLog({ dir: auditDir, rotateBytes: 1 << 20 });
    try {
      const receipt = await runRetention({ store, auditLog, municipalityId, nowMs });
      expect(receipt).toMatchObject({
        kind: 'deletion-receipt', agency: municipalityId, counts: { plateReads: 2 },
        rule: { name: 'edge-non-hit-reads', retentionDays: 30 }, cutoff: '2026-03-01T12:00:00.000Z',
        digest: deletionDigest(['s4', 's1']),
      });
    } finally {
      await auditLog.close();
    }
    expect((await store.readsOfPlate('12가3456', 0, nowMs)).map((r) => r.readId)).toEqual(['s5']);
    expect(await store.countReads()).toBe(3);
    expect(await verifyAuditLog(auditDir)).toMatchObject({ ok: true, records: 1 });
    const lines = (await Promise.all((await readdir(auditDir)).filter((f) => f.endsWith('.jsonl')).map((f) => readFile(join(auditDir, f), 'utf8')))).join('');
    expect(lines).toContain(deletionDigest(['s1', 's4']));
    expect(lines).not.toContain('123가4567');
  });

  it('hands out every stored read to aggregation once, never splitting one write', async () => {
    const other = createEdgeReadStore(driver, `${municipalityId}a`);
    await other.ensureSchema();
    try {
      await other.storeReads([read('a1', '12가3456', nowMs), read('a2', '12가3457', nowMs)]);
      await other.storeReads([read('a3', '12가3458', nowMs), read('a4', '12가3459', nowMs), read('a5', '12가3450', nowMs)]);
      await other.storeReads([read('a1', '12가3456', nowMs)]);
      const first = await other.readsToAggregate(4);
      expect(first?.reads.map((r) => r.readId)).toEqual(['a1', 'a2']);
      await other.markAggregatedThrough(first?.throughSeq ?? 0);
      const second = await other.readsToAggregate(4);
      expect(second?.reads.map((r) => r.readId)).toEqual(['a3', 'a4', 'a5']);
      await other.markAggregatedThrough(second?.throughSeq ?? 0);
      expect((await other.readsToAggregate(4))?.reads ?? []).toEqual([]);
      expect(await other.storeReads([read('a1', '12가3456', nowMs), read('a6', '12가3451', nowMs)])).toEqual(['a6']);
      expect((await other.readsToAggregate(4))?.reads.map((r) => r.readId)).toEqual(['a6']);
    } finally {
      await driver.executeQuery(`MATCH (r:${other.label}) DETACH DELETE r`);
      await driver.executeQuery(`DROP CONSTRAINT edge_${municipalityId}a_read_id IF EXISTS`);
      await driver.executeQuery(`DROP INDEX edge_${municipalityId}a_captured_at IF EXISTS`);
      await driver.executeQuery(`DROP INDEX edge_${municipalityId}a_store_seq IF EXISTS`);
      await driver.executeQuery('MATCH (s:EdgeStoreState {municipality: $m}) DELETE s', { m: `${municipalityId}a` });
    }
  });
});
