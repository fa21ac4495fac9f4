import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CameraRead } from '../../domain/ingest/index.js';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { createPlateKeyRing, hasherFor } from '../../domain/plates/keyed-plate-hash.js';
import { encodeHotlistPublication } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import { deadLetterQueueName } from '../../runtime/queues/queue-names.js';
import {
  aggregateBatchJobSchema, edgeReadsQueueName, hitBatchJobSchema, regionAggregatesQueueName, regionHitsQueueName,
  type AggregateBatchJob, type HitBatchJob, type ReadBatchJob,
} from '../../runtime/queues/pipeline-jobs.js';
import { loadHotlist, matchFullPlates, matchPartialPlates } from '../hotlist/loaded-hotlist.js';
import { createEdgeReadStore, type EdgeReadStore } from '../store/edge-read-store.js';
import { startEdgeMatcher, type EdgeMatcher } from './edge-matcher-worker.js';

const { redisUrl, neo4j: endpoint } = inject('stackEndpoints');
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

let driver: Driver;
let store: EdgeReadStore;
let matcher: EdgeMatcher;
let readsQueue: Queue<ReadBatchJob>;
let hitsQueue: Queue<HitBatchJob>;
let aggregatesQueue: Queue<AggregateBatchJob>;
let clock = Date.now();

// An hour ago: older than the collapse window, so each batch's groups close at the end of the batch.
const t0 = Date.now() - 60 * 60_000;
function read(readId: string, cameraId: string, text: string, offsetMs = 0, confidence = 0.9): CameraRead {
  const capturedAtMs = t0 + offsetMs;
  return {
    readId: `${municipalityId}-${readId}`, cameraId, capturedAt: new Date(capturedAtMs).toISOString(), capturedAtMs,
    receivedAt: new Date(capturedAtMs + 1000).toISOString(), receivedAtMs: capturedAtMs + 1000,
    candidates: [{ text, confidence }], plateImageRef: `plates/${readId}.jpg`,
  };
}
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

const storedNodes = async () =>
  (await driver.executeQuery(`MATCH (r:${store.label}) RETURN properties(r) AS p ORDER BY r.readId`)).records.map((r) => r.get('p') as unknown);

beforeAll(async () => {
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  store = createEdgeReadStore(driver, municipalityId);
  await store.ensureSchema();
  readsQueue = new Queue(edgeReadsQueueName(municipalityId), { connection, prefix });
  hitsQueue = new Queue(regionHitsQueueName, { connection, prefix });
  aggregatesQueue = new Queue(regionAggregatesQueueName, { connection, prefix });
  matcher = await startEdgeMatcher({
    municipalityId, redisUrl, queuePrefix: prefix, store, hotlist, pseudonymSecret: randomBytes(32),
    transitionOptions: { maxGapMs: 30 * 60_000, minimumCount: 1 }, now: () => clock, onError: () => undefined,
  });
});

afterAll(async () => {
  await matcher.close();
  await driver.executeQuery(`MATCH (r:${store.label}) DETACH DELETE r`);
  await driver.executeQuery(`DROP CONSTRAINT edge_${municipalityId}_read_id IF EXISTS`);
  await driver.executeQuery(`DROP INDEX edge_${municipalityId}_captured_at IF EXISTS`);
  await driver.close();
  const deadLetters = new Queue(deadLetterQueueName(edgeReadsQueueName(municipalityId)), { connection });
  for (const queue of [readsQueue, hitsQueue, aggregatesQueue, deadLetters]) {
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
    // Repeated reads of one vehicle at one camera: one hit, on the best frame, counting every read.
    expect(job.hits.find((h) => h.wantedVehicleId === 'stolen-1')).toMatchObject({
      hitId: `${municipalityId}:${municipalityId}-e2:stolen-1`, confidence: 0.95,
      evidence: { readId: `${municipalityId}-e2`, collapsedReads: 3, plateImageRef: 'plates/e2.jpg' },
    });
    const payload = JSON.stringify(jobs.map((j) => j.data));
    for (const plate of nonHitPlates) expect(payload).not.toContain(plate);
    expect(payload).not.toMatch(/-n[12]\b/);
  });

  it('keeps every read, hits marked, under the municipality label', async () => {
    const nodes = (await storedNodes()) as { readId: string; hit: boolean; plate: string; hitIds?: string[] }[];
    expect(nodes.map((n) => n.readId.slice(municipalityId.length + 1))).toEqual(['e1', 'e2', 'e3', 'n1', 'n2', 'p1', 'q1']);
    expect(nodes.filter((n) => n.hit).map((n) => n.readId.slice(municipalityId.length + 1))).toEqual(['e1', 'e2', 'e3', 'p1', 'q1']);
    expect(nodes.find((n) => n.readId.endsWith('-n1'))).toMatchObject({ plate: '99너1234', hit: false });
    const labels = await driver.executeQuery(`MATCH (r:EdgeRead) WHERE r.readId STARTS WITH $p RETURN DISTINCT labels(r) AS l`, { p: `${municipalityId}-` });
    // Neo4j returns a node's labels in no fixed order.
    expect(labels.records.map((r) => [...(r.get('l') as string[])].sort())).toEqual([['EdgeRead', store.label].sort()]);
  });

  it('forwards nothing new when the same batch is processed again, and leaves the store unchanged', async () => {
    const before = await storedNodes();
    await process(`${batch.batchId}-replay`, batch);
    await matcher.flush();
    expect(await hitsQueue.getJobCounts()).toMatchObject({ waiting: 1 });
    expect(await storedNodes()).toEqual(before);
  });

  it('collapses repeated reads across batches into one hit, forwarded once the window has passed', async () => {
    const recent = (readId: string, offsetMs: number, confidence: number): CameraRead =>
      read(readId, 'cam-4', '123가4567', clock - t0 - 10_000 + offsetMs, confidence);
    await process(`${municipalityId}-b2`, { municipalityId, batchId: `${municipalityId}-b2`, reads: [recent('x1', 0, 0.8), recent('x2', 1_000, 0.9)] });
    await process(`${municipalityId}-b3`, { municipalityId, batchId: `${municipalityId}-b3`, reads: [recent('x3', 5_000, 0.85)] });
    await matcher.flush();
    expect(await hitsQueue.getJobCounts()).toMatchObject({ waiting: 1 });
    clock += 60_000;
    await matcher.flush();
    const jobs = await hitsQueue.getJobs(['waiting']);
    expect(jobs).toHaveLength(2);
    const latest = jobs.map((j) => hitBatchJobSchema.parse(j.data)).find((j) => j.hits.some((h) => h.cameraId === 'cam-4'));
    expect(latest?.hits).toMatchObject([{ hitId: `${municipalityId}:${municipalityId}-x2:stolen-1`, evidence: { collapsedReads: 3 } }]);
  });

  it('forwards plate-free aggregates of the stored reads', async () => {
    expect(await matcher.aggregateNow()).toBe(1);
    expect(await matcher.aggregateNow()).toBe(0);
    const [job] = await aggregatesQueue.getJobs(['waiting']);
    const aggregates = aggregateBatchJobSchema.parse(job?.data);
    expect(aggregates.hourlyCounts.reduce((sum, c) => sum + c.reads, 0)).toBe(10);
    const payload = JSON.stringify(aggregates);
    for (const text of ['123가4567', '12고3456', '45나6789', ...nonHitPlates, ...batch.reads.map((r) => r.readId)]) expect(payload).not.toContain(text);
  });
});
