import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RequestAccess } from '../../domain/access/index.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { hitDecisionLogKey } from '../../runtime/alerts/hit-decision-log.js';
import {
  hitDecisionJobIdOf, regionHitDecisionsQueueName, regionHitsQueueName, type ForwardedHit, type HitBatchJob,
} from '../../runtime/queues/pipeline-jobs.js';
import { queueNames } from '../../runtime/queues/queue-names.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { hitDecisionRelayGroup } from '../../workers/graph-writer/hit-decision-relay.js';
import { freePorts } from '../stack/ports.js';
import { devSecret } from './dev-secrets.js';
import type { HubService } from './hub-services.js';
import { pipelineEnvironment } from './pipeline-processes.js';
import { crashService, spawnService, stopServices, waitForHealth, type RunningService } from './service-processes.js';

// The real processes a decision passes through, as npm start runs them: police subgraph → graph writer's decision
// stage → sighting graph (read back by the tracking subgraph) and alert delivery → the CAD receiver.
const endpoints = inject('stackEndpoints');
/** A Redis database of this test's own, flushed before and after, so nothing mixes with the dev hub (db 0). */
const testRedisDb = 13;
const run = randomUUID().slice(0, 8);
const caseNumber = `TEST-DECIDE-${run}`;
const officer: RequestAccess = { identity: sampleUsers['police-officer'], purpose: '수배 차량 판정', caseNumber };
const investigator: RequestAccess = { identity: sampleUsers['police-investigator'], purpose: '수배 차량 등록', caseNumber };
const identitySecret = devSecret('identity-header-secret');

let redis: Redis;
let driver: Driver;
let ports: { police: number; tracking: number; cad: number };
let wantedVehicleId: string;
let env: NodeJS.ProcessEnv;
const running: RunningService[] = [];

function testRedisUrl(): string {
  const url = new URL(endpoints.redisUrl);
  url.pathname = `/${testRedisDb}`;
  return url.toString();
}

async function ask(subgraph: 'police' | 'tracking', access: RequestAccess, query: string, variables: Record<string, unknown> = {}) {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(`http://127.0.0.1:${ports[subgraph]}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [identityHeaderName]: await signIdentityHeader(access, identitySecret, { subgraph, method: 'POST', path: '/graphql', body }) },
    body,
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const cadDeliveries = async () => (await (await fetch(`http://127.0.0.1:${ports.cad}/deliveries`)).json()) as { deliveryId: string; body: Record<string, unknown> }[];
const trackedSightings = async () => {
  const answer = await ask('tracking', officer, 'query($id: ID!) { vehicle(id: $id) { sightings { id } lastSighting { id } } }', { id: wantedVehicleId });
  return (answer.data?.vehicle ?? null) as { sightings: { id: string }[]; lastSighting: { id: string } } | null;
};

beforeAll(async () => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 2 });
  await redis.flushdb();
  driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password), { disableLosslessIntegers: true });
  const [police, tracking, cad] = await freePorts(3) as [number, number, number];
  ports = { police, tracking, cad };
  env = pipelineEnvironment(endpoints, { REDIS_URL: testRedisUrl() });
  const services: HubService[] = [
    { name: 'police', entry: 'subgraphs/police/main.ts', env: { DS_POLICE_PORT: String(police) }, healthUrl: `http://127.0.0.1:${police}/health` },
    { name: 'tracking', entry: 'subgraphs/tracking/main.ts', env: { DS_TRACKING_PORT: String(tracking) }, healthUrl: `http://127.0.0.1:${tracking}/health` },
    { name: 'cad-receiver', entry: 'infra/cad-receiver/main.ts', env: { DS_CAD_RECEIVER_PORT: String(cad) }, healthUrl: `http://127.0.0.1:${cad}/deliveries` },
    { name: 'alert-delivery', entry: 'workers/alert-delivery/main.ts', env: { DS_CAD_WEBHOOK_URL: `http://127.0.0.1:${cad}/112/alerts` } },
    { name: 'graph-writer', entry: 'workers/graph-writer/main.ts', env: {} },
  ];
  for (const service of services) running.push(spawnService(service, env));
  await Promise.all(running.map((service) => waitForHealth(service, 120_000)));
}, 180_000);

afterAll(async () => {
  await stopServices(running);
  await redis.flushdb();
  redis.disconnect();
  if (wantedVehicleId !== undefined) {
    await driver.executeQuery(
      'MATCH (vehicle:Vehicle {id: $id}) OPTIONAL MATCH (vehicle)-[:SIGHTED]->(sighting:Sighting) DETACH DELETE vehicle, sighting', { id: wantedVehicleId },
    );
    await driver.executeQuery('MATCH (decision:HitDecision) WHERE decision.hitId ENDS WITH $id DELETE decision', { id: wantedVehicleId });
  }
  await driver.close();
}, 60_000);

const hit = (cameraId: string, municipalityId: string, capturedAt: string): ForwardedHit => ({
  hitId: `${municipalityId}:read-${randomUUID()}:${wantedVehicleId}`, wantedVehicleId, kind: 'FULL_PLATE', cameraId, municipalityId,
  capturedAt, receivedAt: capturedAt, matchKind: 'EXACT', confidence: 0.96,
  evidence: { readId: `read-${randomUUID()}`, readText: '123가4567', collapsedReads: 1 },
});

async function forward(batchId: string, hits: ForwardedHit[]): Promise<void> {
  const queue = new Queue<HitBatchJob>(regionHitsQueueName, { connection: redis });
  await queue.add('hits', { municipalityId: hits[0]?.municipalityId ?? 'suwon', batchId, hits }, { jobId: batchId });
  await queue.close();
}

describe('a hit decision through the real processes', () => {
  it('takes a rejected hit out of the vehicle\'s track and follows its alert up at 112 CAD', async () => {
    expect((await ask('police', investigator, 'mutation($input: CaseInput!) { openCase(input: $input) { caseNumber } }', { input: { caseNumber, title: '판정 시험' } })).errors).toBeUndefined();
    const added = await ask('police', investigator, 'mutation($input: WantedVehicleInput!) { addWantedVehicle(input: $input) { id } }', {
      input: { plate: '123가4567', reason: 'STOLEN', priority: 70, caseNumber },
    });
    wantedVehicleId = (added.data?.addWantedVehicle as { id: string }).id;
    const first = hit('cam-suwon-02', 'suwon', '2026-03-01T09:00:00+09:00');
    const misread = hit('cam-hwaseong-02', 'hwaseong', '2026-03-01T09:20:00+09:00');
    await forward(`batch-${run}`, [first, misread]);

    const tracked = await eventually(trackedSightings, (vehicle) => vehicle?.sightings.length === 2, 'both sightings in the track');
    expect(tracked?.lastSighting.id).toBe(misread.hitId);
    await eventually(cadDeliveries, (deliveries) => deliveries.length === 2, 'both alerts at CAD');

    const decided = await ask('police', officer, 'mutation($id: ID!) { decideHit(id: $id, decision: REJECT, reasonCode: MISREAD, note: "3을 8로 오독") { status decisionReasonCode } }', { id: misread.hitId });
    expect(decided).toEqual({ data: { decideHit: { status: 'REJECTED', decisionReasonCode: 'MISREAD' } } });

    const after = await eventually(trackedSightings, (vehicle) => vehicle?.sightings.length === 1, 'the rejected sighting out of the track');
    expect(after).toEqual({ sightings: [{ id: first.hitId }], lastSighting: { id: first.hitId } });
    const deliveries = await eventually(cadDeliveries, (list) => list.length === 3, 'the follow-up at CAD');
    expect(deliveries[2]).toMatchObject({
      deliveryId: `hit-rejected-${misread.hitId}`,
      body: { event: 'hit-rejected', alertId: misread.hitId, hitId: misread.hitId, wantedVehicleId, decidedBy: 'police-officer-kim', reasonCode: 'MISREAD' },
    });
    expect(JSON.stringify(deliveries[2])).not.toContain('오독');
  });

  it('a decision stored while the graph writer is down has its effects once it is back, exactly once', async () => {
    const later = hit('cam-osan-02', 'osan', '2026-03-01T09:40:00+09:00');
    await forward(`batch-${run}-later`, [later]);
    await eventually(cadDeliveries, (list) => list.some((delivery) => delivery.deliveryId === later.hitId), 'the later alert at CAD');

    const writerAt = running.findIndex((service) => service.service.name === 'graph-writer');
    const writer = running[writerAt] as RunningService;
    await crashService(writer);
    const decided = await ask('police', officer, 'mutation($id: ID!) { decideHit(id: $id, decision: ACCEPT, reasonCode: PLATE_CONFIRMED) { status } }', { id: later.hitId });
    expect(decided).toEqual({ data: { decideHit: { status: 'ACCEPTED' } } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const followUpId = `hit-accepted-${later.hitId}`;
    expect((await cadDeliveries()).map((delivery) => delivery.deliveryId)).not.toContain(followUpId);

    running[writerAt] = spawnService(writer.service, env);
    await waitForHealth(running[writerAt] as RunningService, 120_000);
    const deliveries = await eventually(cadDeliveries, (list) => list.some((delivery) => delivery.deliveryId === followUpId), 'the follow-up at CAD');
    expect(deliveries.filter((delivery) => delivery.deliveryId === followUpId)).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ event: 'hit-accepted', hitId: later.hitId, reasonCode: 'PLATE_CONFIRMED' }) }),
    ]);
    const { records } = await driver.executeQuery('MATCH (sighting:Sighting {id: $id}) RETURN sighting.decision AS decision', { id: later.hitId });
    expect(records.map((record) => record.get('decision'))).toEqual(['ACCEPTED']);

    // Exactly once: one decision job, completed on its first attempt; one CAD follow-up job; nothing left pending.
    const decisions = new Queue(regionHitDecisionsQueueName, { connection: redis });
    const deliveryQueue = new Queue(queueNames.alertDelivery, { connection: redis });
    try {
      const decisionJobs = (await decisions.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter((job) => job.id === hitDecisionJobIdOf(later.hitId));
      expect(decisionJobs.map((job) => ({ finished: job.finishedOn !== undefined, attemptsMade: job.attemptsMade }))).toEqual([{ finished: true, attemptsMade: 1 }]);
      const followUps = (await deliveryQueue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter((job) => job.id === encodeURIComponent(followUpId));
      expect(followUps).toHaveLength(1);
    } finally {
      await decisions.close();
      await deliveryQueue.close();
    }
    const [pending] = await redis.xpending(hitDecisionLogKey, hitDecisionRelayGroup) as [number];
    expect(pending).toBe(0);
  });

  it('a decision the police process stored and then died on (nothing queued) still has its effects', async () => {
    const last = hit('cam-osan-04', 'osan', '2026-03-01T10:00:00+09:00');
    await forward(`batch-${run}-last`, [last]);
    await eventually(cadDeliveries, (list) => list.some((delivery) => delivery.deliveryId === last.hitId), 'the last alert at CAD');
    // The hit store's own step, as decideHit makes it, and nothing after it: the mutation never got further.
    const decidedAt = new Date().toISOString();
    const event = {
      hitId: last.hitId, wantedVehicleId, cameraId: last.cameraId, capturedAt: last.capturedAt, status: 'REJECTED',
      decidedBy: 'police-officer-kim', decidedAt, reasonCode: 'DIFFERENT_VEHICLE',
    };
    const outcome = await createHitStore(redis, policeKeys()).decide(last.hitId, {
      status: 'REJECTED', decidedBy: 'police-officer-kim', decidedAt, decisionReason: 'DIFFERENT_VEHICLE', decisionReasonCode: 'DIFFERENT_VEHICLE',
    }, { logKey: hitDecisionLogKey, message: JSON.stringify(event) });
    expect(outcome).toEqual({ decided: true });
    const deliveries = await eventually(cadDeliveries, (list) => list.some((delivery) => delivery.deliveryId === `hit-rejected-${last.hitId}`), 'the follow-up at CAD');
    expect(deliveries.find((delivery) => delivery.deliveryId === `hit-rejected-${last.hitId}`)?.body).toMatchObject({ event: 'hit-rejected', reasonCode: 'DIFFERENT_VEHICLE' });
  });
});
