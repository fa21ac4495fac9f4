import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Queue, QueueEvents, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadRoadGraph, plausibleFastestSeconds } from '../../domain/tracking/index.js';
import { alertChannel, parseAlertEvent, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import { listDeadLetters } from '../../runtime/queues/dead-letters.js';
import type { ForwardedHit, HitBatchJob, SightingBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import { regionHitsQueueName, regionSightingsQueueName } from '../../runtime/queues/pipeline-jobs.js';
import { deadLetterQueueName } from '../../runtime/queues/queue-names.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import { policeKeys, type PoliceKeys } from '../../stores/police/police-keys.js';
import { createWantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';
import { ensureSightingGraphSchema } from '../../stores/sightings/sighting-graph-schema.js';
import { recordHitDecisions } from '../../stores/sightings/record-hit-decisions.js';
import type { AlertDeliveryJob } from '../alert-delivery/alert-delivery-job.js';
import { hitAlertProcessor, sightingGraphProcessor, type HitAlertResult } from './graph-writer-processor.js';
import { startGraphWriter, type GraphWriter } from './start-graph-writer.js';
import { defaultTrackingModelFile, readTrackingModel } from '../../stores/tracking-model/tracking-model-file.js';

const { redisUrl, neo4j: endpoint } = inject('stackEndpoints');
const roadGraph = loadRoadGraph(JSON.parse(readFileSync(new URL('../../data/demo-region/road-graph.json', import.meta.url), 'utf8')));
const run = randomUUID();
const cityModel = readTrackingModel(defaultTrackingModelFile);
/** Two demo-city cameras the tracking model knows, whose fastest plausible drive at 08 h is long enough to judge. */
const cityPair = (() => {
  for (const from of cityModel.network.cameras.values()) {
    for (const to of cityModel.network.cameras.values()) {
      const seconds = plausibleFastestSeconds(cityModel, from.id, to.id, 8);
      if (typeof seconds === 'number' && seconds >= 120 && from.municipalityId !== to.municipalityId) return { from, to, seconds };
    }
  }
  throw new Error('the demo city has no camera pair two minutes apart');
})();
const demoCameras = ['cam-suwon-02', 'cam-hwaseong-02', 'cam-osan-04', cityPair.from.id, cityPair.to.id];

let redis: Redis;
let subscriber: Redis;
let driver: Driver;
let keys: PoliceKeys;
let hitsQueue: Queue<HitBatchJob>;
let alertQueue: Queue<AlertDeliveryJob>;
let sightingsQueue: Queue<SightingBatchJob>;
let events: QueueEvents;
let sightingEvents: QueueEvents;
let writer: GraphWriter;
let camerasBefore: string[];
const received: AlertEvent[] = [];
const vehicleIds: string[] = [];

async function wantedVehicle(priority = 90): Promise<string> {
  const id = `wv-${run}-${vehicleIds.length}`;
  vehicleIds.push(id);
  await createWantedVehicleStore(redis, keys).add({
    id, kind: 'FULL_PLATE', plate: '12가3456', reason: 'STOLEN', priority, validFrom: '2026-01-01T00:00:00Z',
    caseNumber: `case-${run}`, owningAgency: 'police', createdAt: '2026-01-01T00:00:00Z', createdBy: 'test',
  });
  return id;
}

function hit(wantedVehicleId: string, cameraId: string, municipalityId: string, capturedAt: string): ForwardedHit {
  return {
    hitId: `${municipalityId}:read-${randomUUID()}:${wantedVehicleId}`, wantedVehicleId, kind: 'FULL_PLATE', cameraId, municipalityId,
    capturedAt, receivedAt: capturedAt, matchKind: 'EXACT', confidence: 0.97,
    evidence: { readId: `read-${randomUUID()}`, readText: '12가3456', collapsedReads: 2 },
  };
}

/** Runs a hits job through stage 1 and, when it queued one, its sightings job through stage 2; both results, merged. */
async function processBatch(job: HitBatchJob, jobId: string): Promise<Record<string, unknown>> {
  const added = await hitsQueue.add('hits', job, { jobId });
  const alerted = await added.waitUntilFinished(events, 30_000) as HitAlertResult;
  return { ...alerted, ...await sightingsOfJob(alerted.sightingsJobId) };
}

/** Stage 2's result for a sightings job (nothing recorded when stage 1 queued none). */
async function sightingsOfJob(sightingsJobId: string | null): Promise<Record<string, unknown>> {
  if (sightingsJobId === null) return { sightingsRecorded: 0, impossibleTravel: [] };
  const job = await sightingsQueue.getJob(sightingsJobId);
  if (job === undefined) throw new Error(`no sightings job ${sightingsJobId}`);
  return await job.waitUntilFinished(sightingEvents, 30_000) as Record<string, unknown>;
}

async function sightingsOf(vehicleId: string) {
  const { records } = await driver.executeQuery(`
    MATCH (:Vehicle {id: $vehicleId})-[:SIGHTED]->(sighting:Sighting)-[:AT]->(camera:Camera)
    OPTIONAL MATCH (sighting)-[:NEXT]->(next:Sighting)
    RETURN sighting.id AS id, camera.id AS cameraId, next.id AS nextId,
      sighting.impossibleTravel AS impossibleTravel, sighting.impossibleTravelReason AS reason
    ORDER BY sighting.capturedAt`, { vehicleId });
  return records.map((record) => record.toObject());
}

async function eventually<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  redis = await connectQueueRedis(redisUrl);
  subscriber = redis.duplicate();
  await subscriber.subscribe(alertChannel);
  subscriber.on('message', (_channel: string, message: string) => {
    const alert = parseAlertEvent(message);
    if (alert && vehicleIds.includes(alert.wantedVehicleId)) received.push(alert);
  });
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  await ensureSightingGraphSchema(driver);
  camerasBefore = (await driver.executeQuery('MATCH (camera:Camera) WHERE camera.id IN $ids RETURN camera.id AS id', { ids: demoCameras }))
    .records.map((record) => record.get('id') as string);
  keys = policeKeys(`ds:test:${run}:police:`);
  const queueName = `${regionHitsQueueName}-test-${run}`;
  hitsQueue = createQueue<HitBatchJob>(queueName, redis, { attempts: 2, backoff: { type: 'fixed', delay: 50 } });
  alertQueue = createQueue<AlertDeliveryJob>(`ds-alert-delivery-test-${run}`, redis);
  const sightingsQueueName = `${regionSightingsQueueName}-test-${run}`;
  sightingsQueue = createQueue<SightingBatchJob>(sightingsQueueName, redis, { attempts: 2, backoff: { type: 'fixed', delay: 50 } });
  events = new QueueEvents(queueName, { connection: redis.duplicate() });
  sightingEvents = new QueueEvents(sightingsQueueName, { connection: redis.duplicate() });
  await Promise.all([events.waitUntilReady(), sightingEvents.waitUntilReady()]);
  writer = await startGraphWriter(
    { hits: queueName, sightings: sightingsQueueName },
    { redis, policeKeys: keys, neo4j: driver, travelTimes: { roadGraph, trackingModel: cityModel }, alertDeliveries: alertQueue, sightingBatches: sightingsQueue },
    { hits: { redisUrl }, sightings: { redisUrl } },
  );
});

afterEach(() => {
  received.splice(0);
});

afterAll(async () => {
  await writer.close(true);
  await events.close();
  await sightingEvents.close();
  await subscriber.quit();
  for (const name of [hitsQueue.name, deadLetterQueueName(hitsQueue.name), sightingsQueue.name, deadLetterQueueName(sightingsQueue.name), alertQueue.name]) {
    const handle = new Queue(name, { connection: redis });
    await handle.obliterate({ force: true });
    await handle.close();
  }
  await hitsQueue.close();
  await sightingsQueue.close();
  await alertQueue.close();
  const testKeys = await redis.keys(`${keys.prefix}*`);
  if (testKeys.length > 0) await redis.del(...testKeys);
  await driver.executeQuery('MATCH (vehicle:Vehicle) WHERE vehicle.id IN $ids OPTIONAL MATCH (vehicle)-[:SIGHTED]->(sighting:Sighting) DETACH DELETE vehicle, sighting', { ids: vehicleIds });
  // Cameras this test brought into the graph, and only those nothing else refers to.
  await driver.executeQuery(
    'MATCH (camera:Camera) WHERE camera.id IN $ids AND NOT camera.id IN $before AND NOT EXISTS { (camera)--() } DELETE camera',
    { ids: demoCameras, before: camerasBefore },
  );
  await driver.close();
  redis.disconnect();
});

describe('graph writer', () => {
  it('stores, chains and alerts each new hit once, and a replay of the batch changes nothing', async () => {
    const vehicleId = await wantedVehicle(90);
    const hits = [
      hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-01T09:00:00+09:00'),
      hit(vehicleId, 'cam-hwaseong-02', 'hwaseong', '2026-03-01T09:30:00+09:00'),
      hit(vehicleId, 'cam-osan-04', 'osan', '2026-03-01T10:15:00+09:00'),
    ];
    const job: HitBatchJob = { municipalityId: 'suwon', batchId: `batch-${run}-1`, hits };

    const result = await processBatch(job, `batch-${run}-1`);
    expect(result).toMatchObject({ newHits: 3, sightingsRecorded: 3, impossibleTravel: [] });

    const pending = await createHitStore(redis, keys).ofWantedVehicle(vehicleId, 'PENDING');
    expect(pending.map((stored) => stored.id).sort()).toEqual(hits.map((sent) => sent.hitId).sort());
    expect(pending.every((stored) => stored.matchKind === 'EXACT' && stored.confidence === 0.97)).toBe(true);

    const chain = await sightingsOf(vehicleId);
    expect(chain.map((sighting) => [sighting.id, sighting.cameraId, sighting.nextId])).toEqual([
      [hits[0]?.hitId, 'cam-suwon-02', hits[1]?.hitId],
      [hits[1]?.hitId, 'cam-hwaseong-02', hits[2]?.hitId],
      [hits[2]?.hitId, 'cam-osan-04', null],
    ]);

    await eventually(() => received.length, (count) => count >= 3);
    expect(received.map((alert) => [alert.id, alert.municipalityId, alert.priority])).toEqual([
      [hits[0]?.hitId, 'suwon', 90], [hits[1]?.hitId, 'hwaseong', 90], [hits[2]?.hitId, 'osan', 90],
    ]);
    const deliveries = await alertQueue.getJobs(['wait', 'delayed', 'prioritized', 'active']);
    expect(deliveries.filter((delivery) => delivery.data.alert.wantedVehicleId === vehicleId)).toHaveLength(3);

    // The same batch again, as a redelivery under another job id: nothing new anywhere.
    const replay = await processBatch(job, `batch-${run}-1-replay`);
    expect(replay).toMatchObject({ newHits: 0, sightingsRecorded: 0, alerted: [] });
    expect(await createHitStore(redis, keys).ofWantedVehicle(vehicleId)).toHaveLength(3);
    expect(await sightingsOf(vehicleId)).toEqual(chain);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(3);
    const deliveriesAfter = await alertQueue.getJobs(['wait', 'delayed', 'prioritized', 'active']);
    expect(deliveriesAfter.filter((delivery) => delivery.data.alert.wantedVehicleId === vehicleId)).toHaveLength(3);
  });

  it('flags a sighting no vehicle could have made after the one before it', async () => {
    const vehicleId = await wantedVehicle(70);
    const first = hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-02T09:00:00+09:00');
    const clone = hit(vehicleId, 'cam-osan-04', 'osan', '2026-03-02T09:00:10+09:00');
    const result = await processBatch({ municipalityId: 'osan', batchId: `batch-${run}-2`, hits: [first, clone] }, `batch-${run}-2`);
    expect(result).toMatchObject({ impossibleTravel: [{ sightingId: clone.hitId, previousSightingId: first.hitId, reason: 'faster-than-possible' }] });

    const chain = await sightingsOf(vehicleId);
    expect(chain.map((sighting) => [sighting.id, sighting.impossibleTravel, sighting.reason])).toEqual([
      [first.hitId, null, null],
      [clone.hitId, true, 'faster-than-possible'],
    ]);
  });

  it('leaves a REJECTED sighting out of the travel check: the next one is judged against the one before it', async () => {
    const vehicleId = await wantedVehicle(70);
    const first = hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-03T09:00:00+09:00');
    const misread = hit(vehicleId, 'cam-osan-04', 'osan', '2026-03-03T09:00:10+09:00');
    const flagged = await processBatch({ municipalityId: 'osan', batchId: `batch-${run}-misread`, hits: [first, misread] }, `batch-${run}-misread`);
    expect(flagged).toMatchObject({ impossibleTravel: [{ sightingId: misread.hitId }] });
    await recordHitDecisions(driver, [{ hitId: misread.hitId, vehicleId, status: 'REJECTED', decidedAt: '2026-03-03T09:01:00+09:00' }]);

    // Back at the first camera 110 s after the misread: impossible after it, ordinary after the first sighting.
    const back = hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-03T09:02:00+09:00');
    const result = await processBatch({ municipalityId: 'suwon', batchId: `batch-${run}-back`, hits: [back] }, `batch-${run}-back`);
    expect(result).toMatchObject({ sightingsRecorded: 1, impossibleTravel: [] });
    expect((await sightingsOf(vehicleId)).map((sighting) => [sighting.id, sighting.impossibleTravel])).toEqual([
      [first.hitId, null], [misread.hitId, true], [back.hitId, null],
    ]);
  });

  it('judges travel between cameras the tracking model knows by its travel times for the hour', async () => {
    const [tooFast, inTime] = [await wantedVehicle(70), await wantedVehicle(70)];
    const { from, to, seconds } = cityPair;
    const startMs = Date.parse('2026-03-06T08:00:00+09:00');
    const sighted = (vehicleId: string, cameraId: string, municipalityId: string, afterSeconds: number) =>
      hit(vehicleId, cameraId, municipalityId, new Date(startMs + afterSeconds * 1000).toISOString());
    const pairs = [
      [sighted(tooFast, from.id, from.municipalityId, 0), sighted(tooFast, to.id, to.municipalityId, 0.4 * seconds)],
      [sighted(inTime, from.id, from.municipalityId, 0), sighted(inTime, to.id, to.municipalityId, 1.2 * seconds)],
    ] as const;
    const result = await processBatch({ municipalityId: to.municipalityId, batchId: `batch-${run}-city`, hits: pairs.flat() }, `batch-${run}-city`) as { impossibleTravel: { sightingId: string; requiredSeconds: number | null }[] };
    expect(result.impossibleTravel).toHaveLength(1);
    expect(result.impossibleTravel[0]).toMatchObject({ sightingId: pairs[0][1].hitId, previousSightingId: pairs[0][0].hitId, reason: 'faster-than-possible' });
    expect(result.impossibleTravel[0]?.requiredSeconds).toBeCloseTo(seconds, 6);
  });

  it('dead-letters an invalid batch with its reason, without retrying it', async () => {
    const added = await hitsQueue.add('hits', { municipalityId: 'suwon', batchId: `batch-${run}-bad`, hits: [] } as HitBatchJob, { jobId: `batch-${run}-bad` });
    await expect(added.waitUntilFinished(events, 30_000)).rejects.toThrow(/not a hit batch job/);
    const letters = await listDeadLetters(redis, hitsQueue.name);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ jobId: `batch-${run}-bad`, attemptsMade: 1, reason: { code: 'DS_QUEUE_JOB_INVALID' } });
  });

  it('dead-letters a batch naming a wanted vehicle the police list does not hold, before writing anything', async () => {
    const ghost = `wv-${run}-ghost`;
    vehicleIds.push(ghost);
    const added = await hitsQueue.add('hits', { municipalityId: 'suwon', batchId: `batch-${run}-ghost`, hits: [hit(ghost, 'cam-suwon-02', 'suwon', '2026-03-03T09:00:00+09:00')] }, { jobId: `batch-${run}-ghost` });
    await expect(added.waitUntilFinished(events, 30_000)).rejects.toThrow(/unknown wanted vehicle/);
    const letter = (await listDeadLetters(redis, hitsQueue.name)).find((dead) => dead.jobId === `batch-${run}-ghost`);
    expect(letter?.reason.code).toBe('DS_HIT_WANTED_VEHICLE_UNKNOWN');
    expect(await sightingsOf(ghost)).toEqual([]);
  });

  it('bug: an edge node restarted in the middle of a pass forwarded the pass again under a later read, and the pass got a second hit and alert', async () => {
    const vehicleId = await wantedVehicle(60);
    const forwarded = hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-05T09:00:00+09:00');
    // The next read of the same pass, matched anew by the restarted edge and so named after itself.
    const forwardedAgain = hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-05T09:00:02+09:00');
    const nextPass = hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-05T09:05:00+09:00');
    await processBatch({ municipalityId: 'suwon', batchId: `batch-${run}-pass`, hits: [forwarded] }, `batch-${run}-pass`);
    const again = await processBatch({ municipalityId: 'suwon', batchId: `batch-${run}-pass-again`, hits: [forwardedAgain, nextPass] }, `batch-${run}-pass-again`);

    expect(again).toMatchObject({ newHits: 1, repeatedPasses: [forwardedAgain.hitId], alerted: [nextPass.hitId] });
    expect((await createHitStore(redis, keys).ofWantedVehicle(vehicleId)).map((stored) => stored.id)).toEqual([nextPass.hitId, forwarded.hitId]);
    expect((await sightingsOf(vehicleId)).map((sighting) => sighting.id)).toEqual([forwarded.hitId, nextPass.hitId]);
    await eventually(() => received.length, (count) => count >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.map((alert) => alert.id)).toEqual([forwarded.hitId, nextPass.hitId]);
    const deliveries = await alertQueue.getJobs(['wait', 'delayed', 'prioritized', 'active']);
    expect(deliveries.filter((delivery) => delivery.data.alert.wantedVehicleId === vehicleId).map((delivery) => delivery.data.alert.id).sort())
      .toEqual([forwarded.hitId, nextPass.hitId].sort());
  });

  it('a retry after a crash between storing a hit and alerting on it still raises the alert, once', async () => {
    const vehicleId = await wantedVehicle(55);
    const sent = hit(vehicleId, 'cam-hwaseong-02', 'hwaseong', '2026-03-04T09:00:00+09:00');
    let crash = true;
    const crashingDeliveries = {
      add: (...args: Parameters<Queue<AlertDeliveryJob>['add']>) => {
        if (crash) throw new Error('worker died before queueing the CAD delivery');
        return alertQueue.add(...args);
      },
    } as unknown as Queue<AlertDeliveryJob>;
    const sightingBatches: SightingBatchJob[] = [];
    const capturedSightings = { add: async (_name: string, data: SightingBatchJob) => sightingBatches.push(data) } as unknown as Queue<SightingBatchJob>;
    const processor = hitAlertProcessor({ redis, policeKeys: keys, alertDeliveries: crashingDeliveries, sightingBatches: capturedSightings });
    const job = {
      id: `batch-${run}-crash`,
      data: { municipalityId: 'hwaseong', batchId: `batch-${run}-crash`, hits: [sent] },
      progress: 0 as unknown,
      async updateProgress(progress: object) {
        this.progress = progress;
      },
    };

    await expect(processor(job as unknown as Job)).rejects.toThrow(/worker died/);
    expect(await createHitStore(redis, keys).find(sent.hitId)).toMatchObject({ status: 'PENDING' });
    crash = false;
    // The sightings job comes after the alert, so the crashed attempt queued none.
    expect(sightingBatches).toEqual([]);
    // The retry finds the hit already stored, yet owes its alert: the first attempt wrote that to the job. It is the
    // one that queues the sightings job, under the id derived from the hits job's.
    const retried = await processor(job as unknown as Job);
    expect(retried).toMatchObject({ newHits: 0, alerted: [sent.hitId] });
    expect(await processor(job as unknown as Job)).toMatchObject({ newHits: 0, alerted: [sent.hitId], sightingsJobId: retried.sightingsJobId });
    expect(sightingBatches.map((batch) => batch.hits.map((queued) => queued.hitId))).toEqual([[sent.hitId], [sent.hitId]]);
    const deliveries = await alertQueue.getJobs(['wait', 'delayed', 'prioritized', 'active']);
    expect(deliveries.filter((delivery) => delivery.data.alert.id === sent.hitId)).toHaveLength(1);
    await eventually(() => received.length, (count) => count >= 1);
    // Published by the crashed attempt and by the retry: at least once on the stream, exactly once to CAD.
    expect(new Set(received.map((alert) => alert.id))).toEqual(new Set([sent.hitId]));
  });
  it("a hit's alert is raised while the sighting-graph stage is stalled", async () => {
    const vehicleId = await wantedVehicle(80);
    const sent = hit(vehicleId, 'cam-osan-04', 'osan', '2026-03-07T09:00:00+09:00');
    // Stage 2 takes nothing (as when Neo4j is slow and its slots are all busy): stage 1 must not wait for it. The
    // queue is paused rather than the worker, whose fetch already in flight would still take the job.
    await sightingsQueue.pause();
    try {
      const added = await hitsQueue.add('hits', { municipalityId: 'osan', batchId: `batch-${run}-stalled`, hits: [sent] }, { jobId: `batch-${run}-stalled` });
      const alerted = await added.waitUntilFinished(events, 30_000) as HitAlertResult;
      expect(alerted).toMatchObject({ newHits: 1, alerted: [sent.hitId] });
      await eventually(() => received.length, (count) => count >= 1);
      expect(received.map((alert) => alert.id)).toEqual([sent.hitId]);
      const deliveries = await alertQueue.getJobs(['wait', 'delayed', 'prioritized', 'active']);
      expect(deliveries.filter((delivery) => delivery.data.alert.wantedVehicleId === vehicleId)).toHaveLength(1);
      // The sighting waits, durable, on stage 2's queue.
      expect(await sightingsOf(vehicleId)).toEqual([]);
      expect(['waiting', 'paused']).toContain(await sightingsQueue.getJobState(alerted.sightingsJobId as string));
      await sightingsQueue.resume();
      expect(await sightingsOfJob(alerted.sightingsJobId)).toMatchObject({ sightingsRecorded: 1 });
      expect((await sightingsOf(vehicleId)).map((sighting) => sighting.id)).toEqual([sent.hitId]);
    } finally {
      if (await sightingsQueue.isPaused()) await sightingsQueue.resume();
    }
  });

  it('a sightings job run twice creates nothing new in the graph', async () => {
    const vehicleId = await wantedVehicle(65);
    const first = hit(vehicleId, 'cam-suwon-02', 'suwon', '2026-03-08T09:00:00+09:00');
    const clone = hit(vehicleId, 'cam-osan-04', 'osan', '2026-03-08T09:00:10+09:00');
    const data: SightingBatchJob = { municipalityId: 'osan', batchId: `batch-${run}-sightings`, hitsJobId: `batch-${run}-sightings`, hits: [first, clone] };
    const process = sightingGraphProcessor({ neo4j: driver, travelTimes: { roadGraph, trackingModel: cityModel } });
    expect(await process({ data } as unknown as Job)).toMatchObject({
      sightingsRecorded: 2, impossibleTravel: [{ sightingId: clone.hitId, previousSightingId: first.hitId, reason: 'faster-than-possible' }],
    });
    const chain = await sightingsOf(vehicleId);
    expect(chain.map((sighting) => [sighting.id, sighting.nextId, sighting.impossibleTravel])).toEqual([
      [first.hitId, clone.hitId, null], [clone.hitId, null, true],
    ]);

    // Replayed: as a retry of the same job, and as a second job through the queue.
    expect(await process({ data } as unknown as Job)).toMatchObject({ sightingsRecorded: 0 });
    const again = await sightingsQueue.add('sightings', data, { jobId: `sightings-${run}-replay` });
    expect(await again.waitUntilFinished(sightingEvents, 30_000)).toMatchObject({ sightingsRecorded: 0 });
    expect(await sightingsOf(vehicleId)).toEqual(chain);
    const { records } = await driver.executeQuery(
      'MATCH (s:Sighting) WHERE s.id IN $ids RETURN count(s) AS sightings', { ids: [first.hitId, clone.hitId] },
    );
    expect(records[0]?.get('sightings')).toBe(2);
  });

  it('dead-letters a sightings job that is not one, without retrying it', async () => {
    const added = await sightingsQueue.add('sightings', { municipalityId: 'suwon', batchId: 'x', hitsJobId: 'x', hits: [] } as SightingBatchJob, { jobId: `sightings-${run}-bad` });
    await expect(added.waitUntilFinished(sightingEvents, 30_000)).rejects.toThrow(/not a sighting batch job/);
    expect(await listDeadLetters(redis, sightingsQueue.name)).toMatchObject([{ jobId: `sightings-${run}-bad`, attemptsMade: 1, reason: { code: 'DS_QUEUE_JOB_INVALID' } }]);
  });
});
