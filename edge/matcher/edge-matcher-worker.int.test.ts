import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CameraRead } from '../../domain/ingest/index.js';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { createPlateKeyRing, hasherFor } from '../../domain/plates/keyed-plate-hash.js';
import { encodeHotlistPublication } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import { deadLetterQueueName } from '../../runtime/queues/queue-names.js';
import {
  aggregateBatchJobSchema, edgeReadsQueueName, edgeStoreQueueName, hitBatchJobSchema, regionAggregatesQueueName, regionHitsQueueName,
  type AggregateBatchJob, type HitBatchJob, type ReadBatchJob, type ReadStoreJob,
} from '../../runtime/queues/pipeline-jobs.js';
import { loadHotlist, matchFullPlates, matchPartialPlates } from '../hotlist/loaded-hotlist.js';
import { edgeReadStoreFile, openEdgeReadStore, type EdgeReadStore } from '../store/edge-read-store.js';
import { startEdgeStoreWorker, type EdgeStoreWorker } from '../store/edge-store-worker.js';
import { startEdgeMatcher, type EdgeMatcher } from './edge-matcher-worker.js';

const { redisUrl } = inject('stackEndpoints');
const municipalityId = `t${randomBytes(6).toString('hex')}`;
const prefix = `ds-test-${municipalityId}`;
const connection = { url: redisUrl };

const ring = createPlateKeyRing('k', { k: randomBytes(32) });
const loaded = loadHotlist(encodeHotlistPublication({
  header: { version: 1, keyId: 'k', createdAt: new Date().toISOString(), maxSubstitutions: 1, entryCount: 3 },
  snapshot: publishKeyedHotlist([{ ref: 'stolen-1', plate: '123가4567' }, { ref: 'stolen-2', plate: '12가3456' }], hasherFor(ring)),
  partialPatterns: [{ ref: 'witness-1', pattern: '45나67??' }],
}), ring);
const hotlist = { match: matchFullPlates.bind(null, loaded), matchPartial: matchPartialPlates.bind(null, loaded) };

const stateRoot = mkdtempSync(join(tmpdir(), 'ds-edge-matcher-'));
let store: EdgeReadStore;
let matcher: EdgeMatcher;
let storeWorker: EdgeStoreWorker;
let readsQueue: Queue<ReadBatchJob>;
let storeQueue: Queue<ReadStoreJob>;
let hitsQueue: Queue<HitBatchJob>;
let aggregatesQueue: Queue<AggregateBatchJob>;
let clock = Date.now();

// An hour ago: older than the collapse window, so each batch's groups close at the end of the batch. Reads near
// `clock` stay in open groups until the clock moves past the window.
const t0 = Date.now() - 60 * 60_000;
function read(readId: string, cameraId: string, text: string, offsetMs = 0, confidence = 0.9, more: CameraRead['candidates'] = []): CameraRead {
  const capturedAtMs = t0 + offsetMs;
  return {
    readId: `${municipalityId}-${readId}`, cameraId, capturedAt: new Date(capturedAtMs).toISOString(), capturedAtMs,
    receivedAt: new Date(capturedAtMs + 1000).toISOString(), receivedAtMs: capturedAtMs + 1000,
    candidates: [{ text, confidence }, ...more], plateImageRef: `plates/${readId}.jpg`,
  };
}
/** A read captured `offsetMs` after ten seconds before the clock: its group stays open. */
const recentRead = (readId: string, cameraId: string, text: string, offsetMs: number, confidence: number, more: CameraRead['candidates'] = []): CameraRead =>
  read(readId, cameraId, text, clock - t0 - 10_000 + offsetMs, confidence, more);
const allHitJobs = async () =>
  (await hitsQueue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'])).map((j) => ({ id: j.id, job: hitBatchJobSchema.parse(j.data) }));
const hitJobsOfCamera = async (cameraId: string) => (await allHitJobs()).filter(({ job }) => job.hits.some((h) => h.cameraId === cameraId));
const storedRead = async (readId: string) =>
  (await storedNodes() as { readId: string; hit: boolean; hitIds?: string[] }[]).find((n) => n.readId === `${municipalityId}-${readId}`);
const batchOf = (name: string, reads: readonly CameraRead[]): ReadBatchJob => ({ municipalityId, batchId: `${municipalityId}-${name}`, reads });
const nonHitPlates = ['99너1234', '33더5555'];
const batch: ReadBatchJob = {
  municipalityId,
  batchId: `${municipalityId}-b1`,
  reads: [
    read('e1', 'cam-1', '123가4567', 0, 0.8),
    read('e2', 'cam-1', '123가4567', 2_000, 0.95),
    read('e3', 'cam-1', '123가4567', 4_000, 0.7),
    read('p1', 'cam-2', '12고3456'),
    read('q1', 'cam-3', '45나6789'),
    read('n1', 'cam-1', nonHitPlates[0] as string),
    read('n2', 'cam-2', nonHitPlates[1] as string),
  ],
};

async function process(jobId: string, data: ReadBatchJob): Promise<void> {
  const job = await readsQueue.add('reads', data, { jobId });
  for (let waited = 0; waited < 10_000; waited += 20) {
    const state = await job.getState();
    if (state === 'completed') return;
    if (state === 'failed') throw new Error(`job ${jobId} failed: ${(await readsQueue.getJob(jobId))?.failedReason ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${jobId} not processed in time`);
}

/** Waits until the store worker has written every store job the matcher handed it. */
async function stored(queue: Queue<ReadStoreJob> = storeQueue): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
    if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} store jobs failed`);
    if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('store jobs not written in time');
}

const storedNodes = async () => {
  await stored();
  return allStoredReads();
};

/** Every read in the municipality's store file, as a test inspects it: straight from the database. */
function allStoredReads(): { readId: string; hit: boolean; candidateTexts: string[]; hitIds: string[] }[] {
  const db = new Database(store.file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { read_id: string; hit: number; candidates: string; hit_ids: string }>(
      'SELECT read_id, hit, candidates, hit_ids FROM reads WHERE store_seq IS NOT NULL ORDER BY read_id',
    ).all().map((row) => ({
      readId: row.read_id, hit: row.hit === 1,
      candidateTexts: (JSON.parse(row.candidates) as [string, number][]).map(([text]) => text), hitIds: JSON.parse(row.hit_ids) as string[],
    }));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  store = openEdgeReadStore({ file: edgeReadStoreFile(stateRoot, municipalityId), municipalityId });
  readsQueue = new Queue(edgeReadsQueueName(municipalityId), { connection, prefix });
  storeQueue = new Queue(edgeStoreQueueName(municipalityId), { connection, prefix });
  hitsQueue = new Queue(regionHitsQueueName, { connection, prefix });
  aggregatesQueue = new Queue(regionAggregatesQueueName, { connection, prefix });
  storeWorker = await startEdgeStoreWorker({
    municipalityId, redisUrl, queuePrefix: prefix, store, pseudonymSecret: randomBytes(32),
    transitionOptions: { maxGapMs: 30 * 60_000, minimumCount: 1 }, onError: () => undefined,
  });
  matcher = await startEdgeMatcher({ municipalityId, redisUrl, queuePrefix: prefix, hotlist, now: () => clock, onError: () => undefined });
});

afterAll(async () => {
  await matcher.close();
  await storeWorker.close();
  store.close();
  rmSync(stateRoot, { recursive: true, force: true });
  const redis = new Redis(redisUrl);
  const indexKeys = await redis.keys(`ds:edge:${municipalityId}:hit-reads:*`);
  if (indexKeys.length > 0) await redis.del(...indexKeys);
  redis.disconnect();
  const deadLetters = new Queue(deadLetterQueueName(edgeReadsQueueName(municipalityId)), { connection });
  const storeDeadLetters = new Queue(deadLetterQueueName(edgeStoreQueueName(municipalityId)), { connection });
  for (const queue of [readsQueue, storeQueue, hitsQueue, aggregatesQueue, deadLetters, storeDeadLetters]) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

describe('the edge matcher', () => {
  it('forwards exactly the hits of a batch in one job, and no non-hit read', async () => {
    await process(batch.batchId, batch);
    const jobs = await hitsQueue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized']);
    expect(jobs).toHaveLength(1);
    const job = hitBatchJobSchema.parse(jobs[0]?.data);
    expect(jobs[0]?.id).toBe(job.batchId);
    expect(job.hits.map((h) => [h.wantedVehicleId, h.kind, h.matchKind, h.substitution])).toEqual(expect.arrayContaining([
      ['stolen-1', 'FULL_PLATE', 'EXACT', undefined],
      ['stolen-2', 'FULL_PLATE', 'POSSIBLE', '고→가 at position 3'],
      ['witness-1', 'PARTIAL_PLATE', 'EXACT', undefined],
    ]));
    expect(job.hits).toHaveLength(3);
    // Repeated reads of one vehicle at one camera: one hit, forwarded at the first read that matched and named by
    // it, counting the reads collapsed by then.
    expect(job.hits.find((h) => h.wantedVehicleId === 'stolen-1')).toMatchObject({
      hitId: `${municipalityId}:${municipalityId}-e1:stolen-1`, confidence: 0.8,
      evidence: { readId: `${municipalityId}-e1`, collapsedReads: 1, plateImageRef: 'plates/e1.jpg' },
    });
    const payload = JSON.stringify(jobs.map((j) => j.data));
    for (const plate of nonHitPlates) expect(payload).not.toContain(plate);
    expect(payload).not.toMatch(/-n[12]\b/);
  });

  it('keeps every read, hits marked, in the municipality\'s own store', async () => {
    const nodes = (await storedNodes()) as { readId: string; hit: boolean; candidateTexts: string[]; hitIds?: string[] }[];
    expect(nodes.map((n) => n.readId.slice(municipalityId.length + 1))).toEqual(['e1', 'e2', 'e3', 'n1', 'n2', 'p1', 'q1']);
    expect(nodes.filter((n) => n.hit).map((n) => n.readId.slice(municipalityId.length + 1))).toEqual(['e1', 'e2', 'e3', 'p1', 'q1']);
    expect(nodes.find((n) => n.readId.endsWith('-n1'))).toMatchObject({ candidateTexts: ['99너1234'], hit: false });
    for (const readId of ['e1', 'e2', 'e3']) expect(await storedRead(readId)).toMatchObject({ hitIds: [`${municipalityId}:${municipalityId}-e1:stolen-1`] });
    expect(store.file).toBe(join(stateRoot, municipalityId, 'reads.sqlite'));
  });

  it('forwards nothing new when the same batch is processed again, and leaves the store unchanged', async () => {
    const before = await storedNodes();
    await process(`${batch.batchId}-replay`, batch);
    await matcher.flush();
    expect(await hitsQueue.getJobCounts()).toMatchObject({ waiting: 1 });
    expect(await storedNodes()).toEqual(before);
  });

  it('forwards a single read of a listed plate while processing its batch, without the window or a flush', async () => {
    await process(`${municipalityId}-s1`, batchOf('s1', [recentRead('s1', 'cam-5', '12가3456', 0, 0.9)]));
    const jobs = await hitJobsOfCamera('cam-5');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.job.hits).toMatchObject([{
      hitId: `${municipalityId}:${municipalityId}-s1:stolen-2`, matchKind: 'EXACT', evidence: { readId: `${municipalityId}-s1`, collapsedReads: 1 },
    }]);
    // Its group is still open; the read that made the hit is already marked, so retention keeps it.
    expect(await storedRead('s1')).toMatchObject({ hit: true, hitIds: [`${municipalityId}:${municipalityId}-s1:stolen-2`] });
  });

  it('collapses repeated reads across batches into the one hit of the first read, and forwards nothing more', async () => {
    const b2 = batchOf('b2', [recentRead('x1', 'cam-4', '123가4567', 0, 0.8), recentRead('x2', 'cam-4', '123가4567', 1_000, 0.9)]);
    await process(b2.batchId, b2);
    const forwarded = await hitJobsOfCamera('cam-4');
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]?.job.hits).toMatchObject([{ hitId: `${municipalityId}:${municipalityId}-x1:stolen-1`, evidence: { readId: `${municipalityId}-x1`, collapsedReads: 1 } }]);
    const b3 = batchOf('b3', [recentRead('x3', 'cam-4', '123가4567', 5_000, 0.85)]);
    await process(b3.batchId, b3);
    // Replaying a batch, or feeding its reads again, while the group is open forwards nothing new.
    await process(`${b2.batchId}-replay`, b2);
    await process(`${b3.batchId}-replay`, batchOf('b3-again', b3.reads));
    await matcher.flush();
    expect(await hitJobsOfCamera('cam-4')).toEqual(forwarded);
    // The window passes and the group closes: every read is marked with the one hit, and nothing more is forwarded.
    clock += 60_000;
    await matcher.flush();
    await process(`${b2.batchId}-replay-closed`, b2);
    expect(await hitJobsOfCamera('cam-4')).toEqual(forwarded);
    for (const readId of ['x1', 'x2', 'x3']) {
      expect(await storedRead(readId)).toMatchObject({ hit: true, hitIds: [`${municipalityId}:${municipalityId}-x1:stolen-1`] });
    }
  });

  it('forwards a pass whose first read does not match at the later read that does', async () => {
    const first = recentRead('y1', 'cam-6', '99너1234', 0, 0.8);
    await process(`${municipalityId}-y1`, batchOf('y1', [first]));
    expect(await hitJobsOfCamera('cam-6')).toEqual([]);
    // The same pass, read better: the same best text, and a candidate that is listed.
    const second = recentRead('y2', 'cam-6', '99너1234', 1_000, 0.9, [{ text: '12가3456', confidence: 0.85 }]);
    await process(`${municipalityId}-y2`, batchOf('y2', [second]));
    const jobs = await hitJobsOfCamera('cam-6');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.job.hits).toMatchObject([{
      hitId: `${municipalityId}:${municipalityId}-y2:stolen-2`, evidence: { readId: `${municipalityId}-y2`, readText: '12가3456', collapsedReads: 2 },
    }]);
    clock += 60_000;
    await matcher.flush();
    expect(await hitJobsOfCamera('cam-6')).toEqual(jobs);
    expect(await storedRead('y1')).toMatchObject({ hit: true, hitIds: [`${municipalityId}:${municipalityId}-y2:stolen-2`] });
  });

  it('forwards plate-free aggregates of the stored reads', async () => {
    await stored();
    expect(await storeWorker.aggregateNow()).toBe(1);
    expect(await storeWorker.aggregateNow()).toBe(0);
    const [job] = await aggregatesQueue.getJobs(['waiting']);
    const aggregates = aggregateBatchJobSchema.parse(job?.data);
    expect(aggregates.hourlyCounts.reduce((sum, c) => sum + c.reads, 0)).toBe(13);
    const payload = JSON.stringify(aggregates);
    for (const text of ['123가4567', '12고3456', '45나6789', ...nonHitPlates, ...batch.reads.map((r) => r.readId)]) expect(payload).not.toContain(text);
  });

  it('forwards a hit at once while the store stage is stalled, and stores the backlog with its marks once it is back', async () => {
    const before = await store.countReads();
    await storeWorker.worker.worker.pause();
    try {
      // A backlog the store has not taken, then a hit: the hit is matched and forwarded without waiting for it.
      const backlog = Array.from({ length: 10 }, (_, b) => batchOf(`stall-${b}`, Array.from({ length: 500 }, (_, i) =>
        read(`stall-${b}-${i}`, `cam-s${i % 7}`, `77더${String(1000 + b * 500 + i).slice(-4)}`, 600_000 + i))));
      for (const backlogBatch of backlog) await readsQueue.add('reads', backlogBatch, { jobId: backlogBatch.batchId });
      const started = Date.now();
      await process(`${municipalityId}-stall-hit`, batchOf('stall-hit', [recentRead('stall-hit', 'cam-7', '12가3456', 0, 0.9)]));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await hitJobsOfCamera('cam-7')).flatMap(({ job }) => job.hits.map((h) => h.hitId))).toEqual([`${municipalityId}:${municipalityId}-stall-hit:stolen-2`]);
      expect(await store.countReads()).toBe(before);
      expect((await storeQueue.getJobCounts('waiting')).waiting).toBeGreaterThanOrEqual(11);
    } finally {
      storeWorker.worker.worker.resume();
    }
    await stored();
    expect(await store.countReads()).toBe(before + 5_001);
    expect(await storedRead('stall-hit')).toMatchObject({ hit: true, hitIds: [`${municipalityId}:${municipalityId}-stall-hit:stolen-2`] });
    expect(await storedRead('stall-0-0')).toMatchObject({ hit: false });
  });

  it('keeps the marks of a pass whose reads are not stored yet, and stores every read once', async () => {
    await storeWorker.worker.worker.pause();
    try {
      await process(`${municipalityId}-m1`, batchOf('m1', [recentRead('m1', 'cam-10', '123가4567', 0, 0.9)]));
      await process(`${municipalityId}-m2`, batchOf('m2', [recentRead('m2', 'cam-10', '123가4567', 1_000, 0.8)]));
      clock += 60_000;
      await matcher.flush();
      // The marks of the closed pass wait beside its reads; whichever job the store takes first, the marks hold.
      const jobs = await storeQueue.getJobs(['waiting']);
      expect(jobs.filter((job) => job.data.hitMarks.some((mark) => mark.readId === `${municipalityId}-m2`)).length).toBeGreaterThanOrEqual(1);
      for (const job of jobs.filter((j) => j.data.reads.length > 0 && j.data.reads.every((r) => r.readId.endsWith('-m2')))) {
        await job.remove();
        await storeQueue.add('store', { ...job.data, hitMarks: [] }, { jobId: `${job.id ?? ''}-late`, delay: 500 });
      }
    } finally {
      storeWorker.worker.worker.resume();
    }
    await stored();
    for (const readId of ['m1', 'm2']) {
      expect(await storedRead(readId)).toMatchObject({ hit: true, hitIds: [`${municipalityId}:${municipalityId}-m1:stolen-1`], candidateTexts: ['123가4567'] });
    }
  });

  it('loses nothing when the matcher dies between forwarding a hit and handing its batch to the store, and forwards it once', async () => {
    const crashBatch = batchOf('c1', [read('c1', 'cam-11', '12가3456', 5 * 60_000), read('c2', 'cam-11', '77더8888', 5 * 60_000 + 40_000)]);
    await storeWorker.worker.worker.pause();
    const forwarded = await (async () => {
      try {
        await process(`${municipalityId}-c1`, crashBatch);
        // What a matcher that died right after forwarding leaves durable: the hit job alone. Its store job and its
        // hit-read index entries never were.
        await storeQueue.drain();
        const redis = new Redis(redisUrl);
        await redis.del(...await redis.keys(`ds:edge:${municipalityId}:hit-reads:*`));
        redis.disconnect();
        return hitJobsOfCamera('cam-11');
      } finally {
        storeWorker.worker.worker.resume();
      }
    })();
    expect(forwarded.flatMap(({ job }) => job.hits.map((h) => h.hitId))).toEqual([`${municipalityId}:${municipalityId}-c1:stolen-2`]);
    // The job is taken back by a matcher with nothing in memory.
    await matcher.close();
    matcher = await startEdgeMatcher({ municipalityId, redisUrl, queuePrefix: prefix, hotlist, now: () => clock, onError: () => undefined });
    await process(`${municipalityId}-c1-taken-back`, crashBatch);
    expect(await hitJobsOfCamera('cam-11')).toEqual(forwarded);
    expect(await storedRead('c1')).toMatchObject({ hit: true, hitIds: [`${municipalityId}:${municipalityId}-c1:stolen-2`] });
    expect(await storedRead('c2')).toMatchObject({ hit: false });
    // And once more after the index has it: nothing forwarded, nothing stored twice, the marks sent again.
    await process(`${municipalityId}-c1-again`, crashBatch);
    expect(await hitJobsOfCamera('cam-11')).toEqual(forwarded);
    expect(await store.storedReads(crashBatch.reads.map((r) => r.readId))).toHaveLength(2);
  });
});
