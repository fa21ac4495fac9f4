import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deletionDigest } from '../../domain/audit/index.js';
import type { CameraRead } from '../../domain/ingest/index.js';
import { openAuditLog } from '../../runtime/audit/open-audit-log.js';
import { verifyAuditLog } from '../../runtime/audit/verify-audit-log.js';
import { checkEdgeMunicipalityId, edgeReadStoreFile, openEdgeReadStore, type EdgeReadStore } from './edge-read-store.js';
import { runRetention } from './retention.js';

const municipalityId = 'suwon';
const dayMs = 24 * 60 * 60 * 1000;
const nowMs = Date.parse('2026-03-31T12:00:00.000Z');

let dir: string;
let store: EdgeReadStore;

function read(readId: string, text: string, capturedAtMs: number): CameraRead {
  return {
    readId, cameraId: 'cam-1', capturedAt: new Date(capturedAtMs).toISOString(), capturedAtMs,
    receivedAt: new Date(capturedAtMs + 500).toISOString(), receivedAtMs: capturedAtMs + 500,
    candidates: [{ text, confidence: 0.8 }, { text: '99너1234', confidence: 0.1 }], vehicleImageRef: `vehicles/${readId}.jpg`,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ds-edge-store-'));
  store = openEdgeReadStore({ file: edgeReadStoreFile(dir, municipalityId), municipalityId });
});

afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the edge read store', () => {
  it('refuses a municipality id that could not safely name a store folder', () => {
    for (const bad of ['Suwon', 'su-won', '../suwon', '1suwon', '', 'a'.repeat(32)]) {
      expect(() => checkEdgeMunicipalityId(bad)).toThrow(expect.objectContaining({ code: 'DS_EDGE_MUNICIPALITY_ID_INVALID' }));
      expect(() => edgeReadStoreFile(dir, bad)).toThrow(expect.objectContaining({ code: 'DS_EDGE_MUNICIPALITY_ID_INVALID' }));
    }
    expect(edgeReadStoreFile('/state', 'suwon')).toBe('/state/suwon/reads.sqlite');
  });

  it('stores a batch once: a replay changes nothing and reports no read as created', async () => {
    const batch = [read('s1', '123가4567', nowMs - 40 * dayMs), read('s2', '45나6789', nowMs - dayMs), read('s3', '123가4567', nowMs - 2 * dayMs)];
    expect((await store.storeReads(batch)).sort()).toEqual(['s1', 's2', 's3']);
    await store.markHits([{ readId: 's3', hitId: `${municipalityId}:s3:stolen-1` }]);
    await store.markHits([{ readId: 's3', hitId: `${municipalityId}:s3:stolen-1` }]);
    expect(await store.storeReads(batch)).toEqual([]);
    expect(await store.storeReads([read('s2', '45나6789', nowMs - dayMs), read('s9', '45나6789', nowMs - dayMs)])).toEqual(['s9']);
    // The same read twice in one write (two batches that overlap, grouped together): stored once.
    expect(await store.storeReads([read('s8', '45나6789', nowMs - dayMs), read('s8', '45나6789', nowMs - dayMs)])).toEqual(['s8']);
    expect(await store.countReads()).toBe(5);
    expect(await store.readsOfPlate('123가4567', nowMs - 60 * dayMs, nowMs)).toMatchObject([
      { readId: 's1', cameraId: 'cam-1', plate: '123가4567', hit: false, confidence: 0.8 },
      { readId: 's3', hit: true },
    ]);
    // A search matches every candidate, with that candidate's confidence, and honours the window's bounds.
    expect(await store.readsOfPlate('99너1234', nowMs - 2 * dayMs, nowMs - dayMs)).toMatchObject([{ readId: 's3', plate: '123가4567', confidence: 0.1 }]);
    expect(await store.storedReads(['s3', 'nope'])).toEqual([{
      readId: 's3', cameraId: 'cam-1', capturedAtMs: nowMs - 2 * dayMs, vehicleImageRef: 'vehicles/s3.jpg',
      candidates: [{ text: '123가4567', confidence: 0.8 }, { text: '99너1234', confidence: 0.1 }], hitIds: [`${municipalityId}:s3:stolen-1`],
    }]);
  });

  it('keeps a hit mark that arrives before its read, and the read\'s own write completes it', async () => {
    await store.markHits([{ readId: 'early', hitId: `${municipalityId}:early:stolen-1` }]);
    await store.markHits([{ readId: 'early', hitId: `${municipalityId}:early:stolen-1` }]);
    // A placeholder only: not counted, not searchable, not aggregated.
    expect(await store.countReads()).toBe(5);
    expect(await store.storedReads(['early'])).toEqual([]);
    expect(await store.readsOfPlate('123가4567', 0, nowMs)).toHaveLength(2);
    expect(await store.storeReads([read('early', '123가4567', nowMs - dayMs)])).toEqual(['early']);
    expect(await store.storeReads([read('early', '123가4567', nowMs - dayMs)])).toEqual([]);
    expect(await store.readsOfPlate('123가4567', nowMs - 3 * dayMs, nowMs)).toMatchObject([{ readId: 's3', hit: true }, { readId: 'early', hit: true, capturedAtMs: nowMs - dayMs }]);
    expect(await store.storedReads(['early'])).toMatchObject([{ readId: 'early', cameraId: 'cam-1', hitIds: [`${municipalityId}:early:stolen-1`] }]);
    expect(await store.countReads()).toBe(6);
  });

  it('purges old non-hit reads and writes a deletion receipt that verifies', async () => {
    await store.storeReads([read('s4', '12가3456', nowMs - 31 * dayMs), read('s5', '12가3456', nowMs - 50 * dayMs)]);
    await store.markHits([{ readId: 's5', hitId: `${municipalityId}:s5:stolen-2` }]);
    const auditDir = join(dir, 'audit');
    const auditLog = await openAuditLog({ dir: auditDir, rotateBytes: 1 << 20 });
    try {
      const receipt = await runRetention({ store, auditLog, municipalityId, nowMs });
      expect(receipt).toMatchObject({
        kind: 'deletion-receipt', agency: municipalityId, counts: { plateReads: 2, plateImages: 0 },
        rule: { name: 'edge-non-hit-reads', retentionDays: 30 }, cutoff: '2026-03-01T12:00:00.000Z',
        digest: deletionDigest(['s4', 's1']),
      });
    } finally {
      await auditLog.close();
    }
    expect((await store.readsOfPlate('12가3456', 0, nowMs)).map((r) => r.readId)).toEqual(['s5']);
    // The purged reads' other candidates are gone from the plate index too.
    expect((await store.readsOfPlate('99너1234', 0, nowMs - 35 * dayMs)).map((r) => r.readId)).toEqual(['s5']);
    expect(await store.countReads()).toBe(6);
    expect(await verifyAuditLog(auditDir)).toMatchObject({ ok: true, records: 1 });
    const lines = (await Promise.all((await readdir(auditDir)).filter((f) => f.endsWith('.jsonl')).map((f) => readFile(join(auditDir, f), 'utf8')))).join('');
    expect(lines).toContain(deletionDigest(['s1', 's4']));
    expect(lines).not.toContain('123가4567');
  });

  it('purges in batches until nothing older is left', async () => {
    const other = openEdgeReadStore({ file: edgeReadStoreFile(dir, 'yongin'), municipalityId: 'yongin' });
    try {
      await other.storeReads(Array.from({ length: 25 }, (_, i) => read(`old${i}`, '12가3456', nowMs - 40 * dayMs)));
      expect(await other.purgeOlderThan(nowMs - 30 * dayMs, 10)).toMatchObject({ purged: 25 });
      expect(await other.countReads()).toBe(0);
    } finally {
      other.close();
    }
  });

  it('hands out every stored read to aggregation once, never splitting one write', async () => {
    const other = openEdgeReadStore({ file: edgeReadStoreFile(dir, 'hwaseong'), municipalityId: 'hwaseong' });
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
      other.close();
    }
  });

  it('keeps a recognised read\'s evidence, says whether the read is a hit, and purges it with its read or alone', async () => {
    const other = openEdgeReadStore({ file: edgeReadStoreFile(dir, 'pyeongtaek'), municipalityId: 'pyeongtaek' });
    const png = (n: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, n]);
    try {
      await other.storeReads([read('e1', '12가3456', nowMs - 40 * dayMs), read('e2', '12가3457', nowMs - 40 * dayMs), read('e3', '12가3458', nowMs)]);
      await other.markHits([{ readId: 'e2', hitId: 'pyeongtaek:e2:stolen-1' }]);
      for (const [readId, at] of [['e1', nowMs - 40 * dayMs], ['e2', nowMs - 40 * dayMs], ['e3', nowMs], ['lost', nowMs - 40 * dayMs]] as const) {
        await other.putEvidence({ readId, capturedAtMs: at, mediaType: 'image/png', image: png(readId.length), frames: 3 });
      }
      // Kept once: the first image stays.
      await other.putEvidence({ readId: 'e1', capturedAtMs: nowMs, mediaType: 'image/png', image: png(99), frames: 1 });
      expect(await other.evidenceOf('e1')).toEqual({ readId: 'e1', capturedAtMs: nowMs - 40 * dayMs, mediaType: 'image/png', image: png(2), frames: 3, hitIds: [] });
      expect(await other.evidenceOf('e2')).toMatchObject({ hitIds: ['pyeongtaek:e2:stolen-1'] });
      expect(await other.evidenceOf('none')).toBeUndefined();
      // e1 (non-hit, old) goes with its image; "lost" (old, no read) goes alone; the hit e2 and the recent e3 stay.
      expect(await other.purgeOlderThan(nowMs - 30 * dayMs)).toMatchObject({ purged: 1, imagesPurged: 2 });
      expect(await other.evidenceOf('e1')).toBeUndefined();
      expect(await other.evidenceOf('lost')).toBeUndefined();
      expect(await other.evidenceOf('e2')).toBeDefined();
      expect(await other.evidenceOf('e3')).toBeDefined();
    } finally {
      other.close();
    }
  });

  it('keeps what it committed across a reopen, and a tool opening an existing store sees the same reads', async () => {
    const file = edgeReadStoreFile(dir, 'osan');
    const first = openEdgeReadStore({ file, municipalityId: 'osan' });
    await first.storeReads([read('k1', '12가3456', nowMs), read('k2', '12가3457', nowMs)]);
    const tool = openEdgeReadStore({ file, municipalityId: 'osan', existing: true });
    expect(await tool.countReads()).toBe(2);
    tool.close();
    first.close();
    const again = openEdgeReadStore({ file, municipalityId: 'osan' });
    try {
      expect(await again.storeReads([read('k1', '12가3456', nowMs), read('k3', '12가3458', nowMs)])).toEqual(['k3']);
      expect(await again.countReads()).toBe(3);
    } finally {
      again.close();
    }
    expect(() => openEdgeReadStore({ file: edgeReadStoreFile(dir, 'gwangmyeong'), municipalityId: 'gwangmyeong', existing: true })).toThrow();
  });
});
