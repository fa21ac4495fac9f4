import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import { createWorker, type QueueWorker } from '../../runtime/queues/create-worker.js';
import { hitDecisionJobIdOf, regionHitDecisionsQueueName } from '../../runtime/queues/pipeline-jobs.js';
import { deadLetterQueueName } from '../../runtime/queues/queue-names.js';
import { recordSightings } from '../../stores/sightings/record-sightings.js';
import { ensureSightingGraphSchema } from '../../stores/sightings/sighting-graph-schema.js';
import type { SightingInput } from '../../stores/sightings/sighting-batch.js';
import { createSightingStore } from '../../subgraphs/tracking/sighting-store.js';
import type { AlertDeliveryJob, HitDecisionDeliveryJob } from '../alert-delivery/alert-delivery-job.js';
import { alertIdFor } from './graph-writer-processor.js';
import { hitDecisionProcessor, type HitDecisionResult } from './hit-decision-processor.js';

const { redisUrl, neo4j: endpoint } = inject('stackEndpoints');
const run = randomUUID();
const vehicleId = `wv-decision-${run}`;

let redis: Redis;
let driver: Driver;
let decisions: Queue<HitDecisionEvent>;
let deliveries: Queue<AlertDeliveryJob | HitDecisionDeliveryJob>;
let events: QueueEvents;
let worker: QueueWorker<unknown>;
let camerasBefore: string[];
const testCameras = ['cam-suwon-02', 'cam-hwaseong-02', 'cam-osan-04'];

const sighting = (minute: number, cameraId: string): SightingInput => ({
  id: `suwon:read-${randomUUID()}:${vehicleId}`, vehicleId, cameraId,
  capturedAt: `2026-03-01T09:${String(minute).padStart(2, '0')}:00+09:00`, receivedAt: `2026-03-01T09:${String(minute).padStart(2, '0')}:01+09:00`,
  matchKind: 'EXACT', confidence: 0.95,
});

const decisionOf = (hit: SightingInput, status: HitDecisionEvent['status']): HitDecisionEvent => ({
  hitId: hit.id, wantedVehicleId: vehicleId, cameraId: hit.cameraId, capturedAt: hit.capturedAt, status,
  decidedBy: 'police-officer-kim', decidedAt: '2026-03-01T09:40:00+09:00', reasonCode: status === 'REJECTED' ? 'MISREAD' : 'PLATE_CONFIRMED',
});

async function decide(decision: HitDecisionEvent, jobId = hitDecisionJobIdOf(decision.hitId)): Promise<HitDecisionResult> {
  const job = await decisions.add('decision', decision, { jobId });
  return await job.waitUntilFinished(events, 30_000) as HitDecisionResult;
}

async function decisionOnSighting(id: string): Promise<unknown> {
  const { records } = await driver.executeQuery('MATCH (sighting:Sighting {id: $id}) RETURN sighting.decision AS decision', { id });
  return records[0]?.get('decision');
}

beforeAll(async () => {
  redis = await connectQueueRedis(redisUrl);
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  await ensureSightingGraphSchema(driver);
  camerasBefore = (await driver.executeQuery('MATCH (camera:Camera) WHERE camera.id IN $ids RETURN camera.id AS id', { ids: testCameras }))
    .records.map((record) => record.get('id') as string);
  const queueName = `${regionHitDecisionsQueueName}-test-${run}`;
  decisions = createQueue<HitDecisionEvent>(queueName, redis, { attempts: 2, backoff: { type: 'fixed', delay: 50 } });
  deliveries = createQueue<AlertDeliveryJob | HitDecisionDeliveryJob>(`ds-alert-delivery-test-${run}`, redis);
  events = new QueueEvents(queueName, { connection: redis.duplicate() });
  await events.waitUntilReady();
  worker = await createWorker<unknown>(queueName, hitDecisionProcessor({ neo4j: driver, alertDeliveries: deliveries }), { redisUrl });
});

afterAll(async () => {
  await worker.close(true);
  await events.close();
  for (const name of [decisions.name, deadLetterQueueName(decisions.name), deliveries.name]) {
    const handle = new Queue(name, { connection: redis });
    await handle.obliterate({ force: true });
    await handle.close();
  }
  await decisions.close();
  await deliveries.close();
  await driver.executeQuery(
    'MATCH (vehicle:Vehicle {id: $vehicleId}) OPTIONAL MATCH (vehicle)-[:SIGHTED]->(sighting:Sighting) DETACH DELETE vehicle, sighting', { vehicleId },
  );
  await driver.executeQuery('MATCH (decision:HitDecision) WHERE decision.hitId ENDS WITH $vehicleId DELETE decision', { vehicleId });
  // Cameras this test brought into the graph, and only those nothing else refers to.
  await driver.executeQuery(
    'MATCH (camera:Camera) WHERE camera.id IN $ids AND NOT camera.id IN $before AND NOT EXISTS { (camera)--() } DELETE camera',
    { ids: testCameras, before: camerasBefore },
  );
  await driver.close();
  redis.disconnect();
});

describe('the graph writer\'s decision stage', () => {
  it('takes a rejected hit out of the vehicle\'s track, whether its sighting is in the graph yet or not, and follows the alert up at CAD', async () => {
    const first = sighting(0, 'cam-suwon-02');
    const rejected = sighting(20, 'cam-hwaseong-02');
    const late = sighting(30, 'cam-osan-04');
    await recordSightings(driver, [first, rejected]);
    const tracking = createSightingStore(driver);
    expect((await tracking.sightingsOf(vehicleId, {}, 10)).map((row) => row.id)).toEqual([first.id, rejected.id]);

    expect(await decide(decisionOf(rejected, 'REJECTED'))).toMatchObject({ onSightings: 1 });
    expect(await decisionOnSighting(rejected.id)).toBe('REJECTED');
    expect((await tracking.sightingsOf(vehicleId, {}, 10)).map((row) => row.id)).toEqual([first.id]);
    expect((await tracking.lastSightingOf(vehicleId))?.id).toBe(first.id);

    // The operator was quicker than the sighting stage: the decision waits in the graph for its sighting.
    expect(await decide(decisionOf(late, 'REJECTED'))).toMatchObject({ onSightings: 0 });
    await recordSightings(driver, [late]);
    expect(await decisionOnSighting(late.id)).toBe('REJECTED');
    expect((await tracking.recentSightingsOf(vehicleId, 10)).map((row) => row.id)).toEqual([first.id]);

    expect(await decide(decisionOf(first, 'ACCEPTED'))).toMatchObject({ onSightings: 1 });
    expect(await decisionOnSighting(first.id)).toBe('ACCEPTED');
    expect(await tracking.isSighted(vehicleId)).toBe(true);

    const followUps = (await deliveries.getJobs(['wait', 'delayed', 'prioritized', 'active']))
      .flatMap((job) => ('decision' in job.data ? [job.data.decision] : []))
      .filter((decision) => decision.wantedVehicleId === vehicleId);
    expect(followUps.map((decision) => [decision.event, decision.alertId, decision.reasonCode]).sort()).toEqual([
      ['hit-accepted', alertIdFor(first.id), 'PLATE_CONFIRMED'],
      ['hit-rejected', alertIdFor(late.id), 'MISREAD'],
      ['hit-rejected', alertIdFor(rejected.id), 'MISREAD'],
    ].sort());
  });

  it('repeats nothing when a decision job runs again', async () => {
    const again = sighting(45, 'cam-suwon-02');
    await recordSightings(driver, [again]);
    const decision = decisionOf(again, 'REJECTED');
    const first = await decide(decision);
    const replay = await decide(decision, `${hitDecisionJobIdOf(decision.hitId)}-replay`);
    expect(replay.cadDeliveryJobId).toBe(first.cadDeliveryJobId);
    const followUps = (await deliveries.getJobs(['wait', 'delayed', 'prioritized', 'active']))
      .filter((job) => 'decision' in job.data && job.data.decision.hitId === again.id);
    expect(followUps).toHaveLength(1);
    expect(await decisionOnSighting(again.id)).toBe('REJECTED');
  });
});
