import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import type { QueueWorker } from '../../runtime/queues/create-worker.js';
import { listDeadLetters } from '../../runtime/queues/dead-letters.js';
import { regionAggregatesQueueName, type AggregateBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import { deadLetterQueueName } from '../../runtime/queues/queue-names.js';
import { cameraVolumesKey, createCameraVolumeStore } from '../../stores/civic-volumes/camera-volume-store.js';
import { ensureSightingGraphSchema } from '../../stores/sightings/sighting-graph-schema.js';
import { startAggregateWriter } from './start-aggregate-writer.js';

const { redisUrl, neo4j: endpoint } = inject('stackEndpoints');
const run = randomUUID();
const cameraA = `cam-test-${run}-a`;
const cameraB = `cam-test-${run}-b`;

let redis: Redis;
let driver: Driver;
let queue: Queue<AggregateBatchJob>;
let events: QueueEvents;
let writer: QueueWorker<unknown>;

const batch: AggregateBatchJob = {
  municipalityId: 'suwon',
  batchId: `aggregates-${run}`,
  hourlyCounts: [
    { cameraId: cameraA, hourStart: '2026-03-01T09:00:00+09:00', reads: 412 },
    { cameraId: cameraA, hourStart: '2026-03-01T01:00:00Z', reads: 380 },
    { cameraId: cameraB, hourStart: '2026-03-01T00:00:00Z', reads: 97 },
  ],
  transitions: [
    { fromCameraId: cameraA, toCameraId: cameraB, hourOfDayUtc: 0, count: 41, meanSeconds: 190.5, medianSeconds: 180, p90Seconds: 260 },
    { fromCameraId: cameraA, toCameraId: cameraB, hourOfDayUtc: 1, count: 12, meanSeconds: 150, medianSeconds: 149, p90Seconds: 200 },
    { fromCameraId: cameraB, toCameraId: cameraA, hourOfDayUtc: 0, count: 7, meanSeconds: 240, medianSeconds: 230, p90Seconds: 300 },
  ],
};

async function processBatch(job: AggregateBatchJob, jobId: string): Promise<unknown> {
  const added = await queue.add('aggregates', job, { jobId });
  return added.waitUntilFinished(events, 30_000);
}

async function flows() {
  const { records } = await driver.executeQuery(`
    MATCH (from:Camera)-[flow:FLOW]->(to:Camera) WHERE from.id IN $ids
    RETURN from.id AS from, to.id AS to, flow.hourOfDayUtc AS hour, flow.count AS count, flow.meanSeconds AS mean,
      flow.medianSeconds AS median, flow.p90Seconds AS p90, toString(flow.updatedAt) AS updatedAt
    ORDER BY from, to, hour`, { ids: [cameraA, cameraB] });
  return records.map((record) => record.toObject());
}

beforeAll(async () => {
  redis = await connectQueueRedis(redisUrl);
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  await ensureSightingGraphSchema(driver);
  const name = `${regionAggregatesQueueName}-test-${run}`;
  queue = createQueue<AggregateBatchJob>(name, redis, { attempts: 2, backoff: { type: 'fixed', delay: 50 } });
  events = new QueueEvents(name, { connection: redis.duplicate() });
  await events.waitUntilReady();
  writer = await startAggregateWriter(name, { redis, neo4j: driver }, { redisUrl });
});

afterAll(async () => {
  await writer.close(true);
  await events.close();
  for (const name of [queue.name, deadLetterQueueName(queue.name)]) {
    const handle = new Queue(name, { connection: redis });
    await handle.obliterate({ force: true });
    await handle.close();
  }
  await queue.close();
  await redis.del(cameraVolumesKey(cameraA), cameraVolumesKey(cameraB));
  await driver.executeQuery('MATCH (camera:Camera) WHERE camera.id IN $ids DETACH DELETE camera', { ids: [cameraA, cameraB] });
  await driver.close();
  redis.disconnect();
});

describe('aggregate writer', () => {
  it('writes hourly counts as civic volumes and transitions as FLOW edges, and a replay changes nothing', async () => {
    expect(await processBatch(batch, `${batch.batchId}-1`)).toEqual({ cameras: 2, hours: 3, flowEdgesChanged: 3 });

    const volumes = createCameraVolumeStore(redis);
    const from = Date.parse('2026-03-01T00:00:00Z');
    expect(await volumes.hourlyVolumes(cameraA, from, from + 3 * 3_600_000)).toEqual([
      { hourStart: '2026-03-01T00:00:00Z', vehicles: 412 }, { hourStart: '2026-03-01T01:00:00Z', vehicles: 380 },
    ]);
    expect(await volumes.hourlyVolumes(cameraB, from, from + 3_600_000)).toEqual([{ hourStart: '2026-03-01T00:00:00Z', vehicles: 97 }]);

    const written = await flows();
    expect(written.map(({ updatedAt: _updatedAt, ...flow }) => flow)).toEqual([
      { from: cameraA, to: cameraB, hour: 0, count: 41, mean: 190.5, median: 180, p90: 260 },
      { from: cameraA, to: cameraB, hour: 1, count: 12, mean: 150, median: 149, p90: 200 },
      { from: cameraB, to: cameraA, hour: 0, count: 7, mean: 240, median: 230, p90: 300 },
    ]);

    expect(await processBatch(batch, `${batch.batchId}-2`)).toEqual({ cameras: 2, hours: 3, flowEdgesChanged: 0 });
    expect(await flows()).toEqual(written);
    expect(await redis.hgetall(cameraVolumesKey(cameraA))).toEqual({ '2026-03-01T00:00:00Z': '412', '2026-03-01T01:00:00Z': '380' });
  });

  it('replaces an hour a later batch reports again, on volumes and on the edge', async () => {
    const corrected: AggregateBatchJob = {
      ...batch, batchId: `aggregates-${run}-correction`,
      hourlyCounts: [{ cameraId: cameraB, hourStart: '2026-03-01T00:00:00Z', reads: 99 }],
      transitions: [{ fromCameraId: cameraA, toCameraId: cameraB, hourOfDayUtc: 1, count: 13, meanSeconds: 151, medianSeconds: 149, p90Seconds: 201 }],
    };
    expect(await processBatch(corrected, corrected.batchId)).toEqual({ cameras: 1, hours: 1, flowEdgesChanged: 1 });
    expect(await redis.hget(cameraVolumesKey(cameraB), '2026-03-01T00:00:00Z')).toBe('99');
    expect((await flows()).find((flow) => flow.from === cameraA && flow.hour === 1)).toMatchObject({ count: 13, mean: 151, p90: 201 });
    expect(await flows()).toHaveLength(3);
  });

  it('dead-letters a batch with an hour that does not start on the hour, writing nothing', async () => {
    const cameraC = `cam-test-${run}-c`;
    const bad: AggregateBatchJob = {
      ...batch, batchId: `aggregates-${run}-bad`,
      hourlyCounts: [{ cameraId: cameraC, hourStart: '2026-03-01T00:30:00Z', reads: 5 }],
      transitions: [],
    };
    const added = await queue.add('aggregates', bad, { jobId: bad.batchId });
    await expect(added.waitUntilFinished(events, 30_000)).rejects.toThrow(/hourStart/);
    const letters = await listDeadLetters(redis, queue.name);
    expect(letters).toMatchObject([{ jobId: bad.batchId, attemptsMade: 1, reason: { code: 'DS_QUEUE_JOB_INVALID' } }]);
    expect(await redis.exists(cameraVolumesKey(cameraC))).toBe(0);
  });
});
