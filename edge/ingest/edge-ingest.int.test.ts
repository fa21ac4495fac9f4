import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import mqtt, { type MqttClient } from 'mqtt';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultReadValidationPolicy } from '../../domain/ingest/index.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { edgeReadsQueueName, type ReadBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import { cameraAuthorization } from '../../runtime/identity/camera-credential.js';
import { brokerAdminEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { createCameraCredentialStore, type CameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import { brokerAccountsAt, edgeBrokerUsername, type BrokerAccounts } from '../../stores/broker-accounts/broker-accounts.js';
import { edgeBrokerPassword, ensureEdgeBrokerAccounts } from '../../infra/services/edge-broker-accounts.js';
import { connectCamera } from '../../sim/replay/read-senders.js';
import { connectNeo4j } from '../../stores/neo4j/neo4j-connection.js';
import { cameraHealthKeys, createCameraHealthStore, type CameraHealthStore } from './camera-health.js';
import { createReadBatchEnqueuer } from './enqueue-read-batch.js';
import { httpIngest } from './http-ingest.js';
import { createKnownCameras, type KnownCameras } from './known-cameras.js';
import { rejectedTopic, startMqttIngest } from './mqtt-ingest.js';

const endpoints = inject('stackEndpoints');
const run = randomUUID().slice(0, 8);
const municipalityId = `test-muni-${run}`;
const cam = `cam-${run}-01`;
const otherCam = `cam-${run}-02`;
const unregisteredCam = `cam-${run}-99`;

let driver: Driver;
let redis: Redis;
let queueRedis: Redis;
let queue: Queue<ReadBatchJob>;
let knownCameras: KnownCameras;
let health: CameraHealthStore;
let app: FastifyInstance;
let clock = Date.now();
let asCam: Record<string, string>;
let asOtherCam: Record<string, string>;
const operatorToken = `operator-${randomUUID()}-${randomUUID()}`;
const asOperator = { authorization: `Bearer ${operatorToken}` };

/** The edge node's broker account (its role reads the municipality's reads and answers its cameras). */
const asEdge = { username: edgeBrokerUsername(municipalityId), password: edgeBrokerPassword(municipalityId) };
let broker: BrokerAccounts;
let credentials: CameraCredentialStore;
let mqttCamToken: string;

const nowIso = () => new Date(clock - 1000).toISOString();
const read = (readId: string, cameraId = cam, extra: Record<string, unknown> = {}) =>
  ({ readId, cameraId, capturedAt: nowIso(), candidates: [{ text: '123가4567', confidence: 0.9 }], ...extra });

async function buildApp(jobQueue: Queue<ReadBatchJob>): Promise<FastifyInstance> {
  const enqueuer = createReadBatchEnqueuer({
    municipalityId, queue: jobQueue, enqueueTimeoutMs: 2_000, onEnqueued: (reads) => health.recordReads(reads),
  });
  const instance = Fastify();
  await instance.register(httpIngest, {
    enqueuer, knownCameras, health, policy: defaultReadValidationPolicy, operatorToken, bodyLimitBytes: 64 * 1024, now: () => clock,
  });
  return instance;
}

const jobs = async () => queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);

beforeAll(async () => {
  driver = connectNeo4j(endpoints.neo4j);
  await driver.executeQuery(
    `CREATE (m:Municipality {id: $municipalityId, registryRevision: 1})
     CREATE (:Camera {id: $cam, registryRevision: 1})-[:IN]->(m)
     CREATE (:Camera {id: $otherCam, registryRevision: 1})-[:IN]->(m)
     CREATE (:Camera {id: $unregisteredCam})-[:IN]->(m)`,
    { municipalityId, cam, otherCam, unregisteredCam },
  );
  broker = brokerAccountsAt(brokerAdminEndpoint());
  credentials = createCameraCredentialStore(driver, broker);
  await ensureEdgeBrokerAccounts([municipalityId]);
  asCam = { authorization: cameraAuthorization((await credentials.issue(cam))?.token ?? '') };
  asOtherCam = { authorization: cameraAuthorization((await credentials.issue(otherCam))?.token ?? '') };
  knownCameras = createKnownCameras({ driver, municipalityId, refreshMs: 60_000, unknownKeyRefreshMs: 0 });
  await knownCameras.start();
  redis = new Redis(endpoints.redisUrl);
  queueRedis = await connectQueueRedis(endpoints.redisUrl);
  queue = createQueue<ReadBatchJob>(edgeReadsQueueName(municipalityId), queueRedis);
  health = createCameraHealthStore(redis, municipalityId);
  app = await buildApp(queue);
});

afterAll(async () => {
  await app.close();
  knownCameras.stop();
  await queue.obliterate({ force: true });
  await queue.close();
  await queueRedis.quit();
  const keys = await redis.keys(`ds:edge:${municipalityId}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  for (const cameraId of [cam, otherCam]) await credentials.revokeAll((await credentials.list(cameraId)).map(({ keyId }) => keyId));
  await broker.close();
  await driver.executeQuery('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids: [municipalityId, cam, otherCam, unregisteredCam] });
  await driver.close();
});

describe('known cameras', () => {
  it('are the registered cameras of the municipality only', () => {
    expect(knownCameras.ids()).toEqual([cam, otherCam].sort());
  });
});

describe('POST /v1/reads', () => {
  it('answers 202 for a mixed batch and enqueues exactly the valid reads as one job; a replay enqueues nothing', async () => {
    const batch = [read(`r-${run}-1`), read(`r-${run}-2`, unregisteredCam), { readId: 'bad' }, read(`r-${run}-3`, otherCam)];
    const response = await app.inject({ method: 'POST', url: '/v1/reads', headers: asCam, payload: batch });
    expect(response.statusCode).toBe(202);
    const body = response.json<{ accepted: number; batchId: string; rejected: { index: number; code: string }[] }>();
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => [r.index, r.code])).toEqual([[1, 'DS_CAMERA_FORBIDDEN'], [2, 'DS_READ_MALFORMED'], [3, 'DS_CAMERA_FORBIDDEN']]);
    const replay = await app.inject({ method: 'POST', url: '/v1/reads', headers: asCam, payload: batch });
    expect(replay.statusCode).toBe(202);
    const all = await jobs();
    expect(all).toHaveLength(1);
    expect(all[0]?.id).toBe(body.batchId);
    expect(all[0]?.data.reads.map((r) => r.readId)).toEqual([`r-${run}-1`]);
    expect(all[0]?.data.municipalityId).toBe(municipalityId);
  });

  it('answers 400 with every item coded when nothing is accepted', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/reads', headers: asCam, payload: [read('x', 'cam-nowhere'), 42] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ accepted: 0, rejected: [{ index: 0, code: 'DS_CAMERA_FORBIDDEN' }, { index: 1, code: 'DS_READ_MALFORMED' }] });
  });

  it('refuses a body over the byte limit with 413 DS_BATCH_TOO_LARGE, and a non-array or broken JSON with 400', async () => {
    const big = await app.inject({ method: 'POST', url: '/v1/reads', headers: asCam, payload: Array.from({ length: 600 }, (_, i) => read(`big-${i}-${'x'.repeat(100)}`)) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ errors: [{ extensions: { code: 'DS_BATCH_TOO_LARGE' } }] });
    const object = await app.inject({ method: 'POST', url: '/v1/reads', headers: asCam, payload: { readId: 'a' } });
    expect(object.statusCode).toBe(400);
    expect(object.json()).toMatchObject({ errors: [{ extensions: { code: 'DS_BATCH_MALFORMED' } }] });
    const broken = await app.inject({ method: 'POST', url: '/v1/reads', headers: { ...asCam, 'content-type': 'application/json' }, payload: '[{"readId": "<script>' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toContain('<script>');
  });

  it('never echoes an injection corpus in any text field, and never fails', async () => {
    const corpus = [
      '<script>alert(1)</script>', "' OR 1=1 --", '{{7*7}}', '${jndi:ldap://x/a}', '../../etc/passwd', 'javascript:alert(1)',
      'MATCH (n) DETACH DELETE n', '\u202eevil', 'a\u0000b', '%00', 'x'.repeat(5000),
    ];
    const fields = ['readId', 'cameraId', 'capturedAt', 'plateImageRef', 'vehicleImageRef', 'vehicleColour', 'vehicleType'];
    const batch = corpus.flatMap((payload, i) => [
      ...fields.map((field) => read(`inj-${run}-${i}-${field}`, cam, { [field]: payload })),
      { ...read(`inj-${run}-${i}-plate`), candidates: [{ text: payload, confidence: 0.9 }] },
      { ...read(`inj-${run}-${i}-extra`), [payload.slice(0, 50)]: payload },
    ]);
    const response = await app.inject({ method: 'POST', url: '/v1/reads', headers: asCam, payload: batch });
    expect([202, 400]).toContain(response.statusCode);
    for (const payload of corpus) expect(response.body).not.toContain(payload.slice(0, 30));
  });

  it('answers 503 DS_QUEUE_UNAVAILABLE and acknowledges nothing when the queue connection is gone', async () => {
    const deadRedis = await connectQueueRedis(endpoints.redisUrl);
    const deadQueue = createQueue<ReadBatchJob>(edgeReadsQueueName(municipalityId), deadRedis);
    const deadApp = await buildApp(deadQueue);
    await deadQueue.waitUntilReady();
    deadRedis.disconnect();
    const before = (await jobs()).length;
    const response = await deadApp.inject({ method: 'POST', url: '/v1/reads', headers: asCam, payload: [read(`dead-${run}-1`)] });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ errors: [{ extensions: { code: 'DS_QUEUE_UNAVAILABLE' } }] });
    expect(response.json()).not.toHaveProperty('accepted');
    expect(await jobs()).toHaveLength(before);
    await deadApp.close();
    await deadQueue.close().catch(() => undefined);
  });
});

describe('finding 2: cameras are authenticated', () => {
  const post = (headers: Record<string, string>, batch: unknown[]) => app.inject({ method: 'POST', url: '/v1/reads', headers, payload: batch });
  const code = (response: { json: () => unknown }) => (response.json() as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;

  it('refuses a read without a credential, with a malformed one or a wrong secret (401 DS_CAMERA_UNAUTHENTICATED), echoing nothing', async () => {
    const before = (await jobs()).length;
    const token = (asCam.authorization as string).slice('Bearer '.length);
    const [keyId] = token.split('.');
    const wrongSecret = `${keyId}.${'A'.repeat(43)}`;
    for (const headers of [{}, { authorization: 'Bearer nonsense' }, { authorization: `Basic ${token}` }, { authorization: `Bearer ${wrongSecret}` }] as Record<string, string>[]) {
      const response = await post(headers, [read(`forged-${run}-${randomUUID()}`)]);
      expect(response.statusCode).toBe(401);
      expect(code(response)).toBe('DS_CAMERA_UNAUTHENTICATED');
      expect(response.body).not.toContain('AAAAAAAA');
      expect(response.body).not.toContain('nonsense');
    }
    const ngsi = await app.inject({ method: 'POST', url: '/ngsi-ld/v1/entities', headers: { 'content-type': 'application/ld+json' }, payload: '{}' });
    expect(code(ngsi)).toBe('DS_CAMERA_UNAUTHENTICATED');
    const heartbeat = await app.inject({ method: 'POST', url: `/v1/cameras/${cam}/heartbeat` });
    expect(code(heartbeat)).toBe('DS_CAMERA_UNAUTHENTICATED');
    expect((await jobs()).length).toBe(before);
  });

  it('refuses camera health without authentication; a camera sees its own row, the operator every camera', async () => {
    const open = await app.inject({ method: 'GET', url: '/v1/cameras/health' });
    expect(open.statusCode).toBe(401);
    expect(code(open)).toBe('DS_CAMERA_UNAUTHENTICATED');
    expect(open.body).not.toContain(cam);
    const wrongOperator = await app.inject({ method: 'GET', url: '/v1/cameras/health', headers: { authorization: `Bearer ${operatorToken}x` } });
    expect(wrongOperator.statusCode).toBe(401);
    const own = (await app.inject({ method: 'GET', url: '/v1/cameras/health', headers: asCam })).json<{ cameras: { cameraId: string }[] }>();
    expect(own.cameras.map((row) => row.cameraId)).toEqual([cam]);
    const all = (await app.inject({ method: 'GET', url: '/v1/cameras/health', headers: asOperator })).json<{ cameras: { cameraId: string }[] }>();
    expect(all.cameras.map((row) => row.cameraId)).toEqual([cam, otherCam].sort());
    const othersHeartbeat = await app.inject({ method: 'POST', url: `/v1/cameras/${otherCam}/heartbeat`, headers: asCam });
    expect(othersHeartbeat.statusCode).toBe(403);
    expect(code(othersHeartbeat)).toBe('DS_CAMERA_FORBIDDEN');
  });

  it('rotation: a new credential works at once beside the old; the revoked one is refused after the camera refresh', async () => {
    const next = await credentials.issue(cam);
    const asNext = { authorization: cameraAuthorization(next?.token ?? '') };
    expect((await post(asNext, [read(`rot-${run}-1`)])).statusCode).toBe(202);
    expect((await post(asCam, [read(`rot-${run}-2`)])).statusCode).toBe(202);
    const oldKeyId = (asCam.authorization as string).slice('Bearer '.length).split('.')[0] as string;
    expect(await credentials.revoke(cam, oldKeyId)).toMatchObject({ revoked: true });
    await knownCameras.refresh();
    const revoked = await post(asCam, [read(`rot-${run}-3`)]);
    expect(revoked.statusCode).toBe(401);
    expect(code(revoked)).toBe('DS_CAMERA_UNAUTHENTICATED');
    expect((await post(asNext, [read(`rot-${run}-4`)])).statusCode).toBe(202);
    asCam = asNext;
  });
});

describe('POST /ngsi-ld/v1/entities', () => {
  it('takes one entity as a batch of one', async () => {
    const response = await app.inject({
      method: 'POST', url: '/ngsi-ld/v1/entities', headers: { ...asCam, 'content-type': 'application/ld+json' },
      payload: JSON.stringify({ id: `urn:ngsi-ld:AnprFlowObserved:${run}-n1`, type: 'AnprFlowObserved', dateObserved: nowIso(), refDevice: `urn:ngsi-ld:Device:${cam}`, licensePlate: '12가3456' }),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ accepted: 1, rejected: [] });
  });
});

describe('camera health', () => {
  it('records heartbeats and reads, survives a new store, and flags silence', async () => {
    clock = Date.now();
    expect((await app.inject({ method: 'POST', url: `/v1/cameras/${otherCam}/heartbeat`, headers: asOtherCam })).statusCode).toBe(204);
    expect((await app.inject({ method: 'POST', url: '/v1/cameras/cam-nowhere/heartbeat', headers: asCam })).statusCode).toBe(403);
    const rows = (await app.inject({ method: 'GET', url: '/v1/cameras/health', headers: asOperator })).json<{ cameras: { cameraId: string; silent: boolean; readsLastHour: number; lastReadAt: string | null }[] }>().cameras;
    const byId = new Map(rows.map((row) => [row.cameraId, row]));
    expect(byId.get(otherCam)).toMatchObject({ silent: false });
    expect(byId.get(cam)?.readsLastHour).toBeGreaterThanOrEqual(2);
    expect(await redis.exists(cameraHealthKeys(municipalityId).health)).toBe(1);
    const later = await createCameraHealthStore(redis, municipalityId).health(knownCameras.ids(), clock + 6 * 60_000);
    expect(later.every((row) => row.silent)).toBe(true);
  });
});

describe('MQTT ingest', () => {
  let subscriber: MqttClient;
  let publisher: MqttClient;
  let ingest: { stop(): Promise<void> };
  const rejections: { topic: string; body: unknown }[] = [];

  beforeAll(async () => {
    subscriber = await mqtt.connectAsync(endpoints.mqttUrl, { clientId: `edge-test-${run}`, clean: true, ...asEdge });
    const enqueuer = createReadBatchEnqueuer({ municipalityId, queue, enqueueTimeoutMs: 2_000 });
    ingest = await startMqttIngest({
      client: subscriber, municipalityId, enqueuer, knownCameras, policy: defaultReadValidationPolicy, maxPayloadBytes: 64 * 1024,
    });
    // The camera publishes as itself: a credential of its own is its broker account.
    mqttCamToken = (await credentials.issue(cam))?.token as string;
    publisher = await connectCamera(endpoints.mqttUrl, `camera-test-${run}`, mqttCamToken);
    await publisher.subscribeAsync(rejectedTopic(municipalityId, cam), { qos: 1 });
    publisher.on('message', (topic, payload) => rejections.push({ topic, body: JSON.parse(payload.toString()) as unknown }));
  });

  afterAll(async () => {
    await ingest.stop();
    await subscriber.endAsync();
    await publisher.endAsync();
  });

  const waitFor = async (condition: () => Promise<boolean> | boolean) => {
    const until = Date.now() + 5_000;
    while (!(await condition())) {
      if (Date.now() > until) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('enqueues a read published on the camera topic', async () => {
    clock = Date.now();
    await publisher.publishAsync(`dongseon/${municipalityId}/cameras/${cam}/reads`, JSON.stringify(read(`mqtt-${run}-1`)), { qos: 1 });
    await waitFor(async () => (await jobs()).some((job) => job.data.reads.some((r) => r.readId === `mqtt-${run}-1`)));
  });

  it('publishes coded rejections for a bad payload and a read of another camera, and keeps running', async () => {
    await publisher.publishAsync(`dongseon/${municipalityId}/cameras/${cam}/reads`, '{not json <script>', { qos: 1 });
    await publisher.publishAsync(`dongseon/${municipalityId}/cameras/${cam}/reads`, JSON.stringify([read(`mqtt-${run}-2`, otherCam)]), { qos: 1 });
    await waitFor(() => rejections.length >= 2);
    expect(rejections[0]).toEqual({
      topic: rejectedTopic(municipalityId, cam),
      body: { errors: [{ message: 'payload: not valid JSON', extensions: { code: 'DS_BATCH_MALFORMED', httpStatus: 400 } }] },
    });
    expect(rejections[1]?.body).toMatchObject({ accepted: 0, rejected: [{ index: 0, code: 'DS_READ_MALFORMED' }] });
    await publisher.publishAsync(`dongseon/${municipalityId}/cameras/${cam}/reads`, JSON.stringify(read(`mqtt-${run}-3`)), { qos: 1 });
    await waitFor(async () => (await jobs()).some((job) => job.data.reads.some((r) => r.readId === `mqtt-${run}-3`)));
  });
});

describe('MQTT ingest across sessions of a node', () => {
  const clientId = `edge-test-${run}-persistent`;
  const camera = () => connectCamera(endpoints.mqttUrl, `camera-test-${run}-sessions`, mqttCamToken);
  const enqueuer = () => createReadBatchEnqueuer({ municipalityId, queue, enqueueTimeoutMs: 2_000 });
  const session = async () => {
    const client = mqtt.connect(endpoints.mqttUrl, { clientId, clean: false, manualConnect: true, ...asEdge });
    const ingest = await startMqttIngest({
      client, municipalityId, enqueuer: enqueuer(), knownCameras, policy: defaultReadValidationPolicy, maxPayloadBytes: 64 * 1024,
    });
    return { client, ingest };
  };
  const publishWhileAway = async (label: string): Promise<string[]> => {
    clock = Date.now();
    const publisher = await camera();
    const readIds = Array.from({ length: 25 }, (_, i) => `away-${label}-${run}-${i}`);
    for (const readId of readIds) await publisher.publishAsync(`dongseon/${municipalityId}/cameras/${cam}/reads`, JSON.stringify(read(readId)), { qos: 1 });
    await publisher.endAsync();
    return readIds;
  };
  const queued = async (readIds: readonly string[]) => {
    const wanted = new Set(readIds);
    const until = Date.now() + 10_000;
    for (;;) {
      const found = new Set((await jobs()).flatMap((job) => job.data.reads.map((r) => r.readId)).filter((id) => wanted.has(id)));
      if (found.size === wanted.size || Date.now() > until) return found.size;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  afterAll(async () => {
    const cleanup = await mqtt.connectAsync(endpoints.mqttUrl, { clientId, clean: true, ...asEdge });
    await cleanup.endAsync();
  });

  it('bug: a clean stop unsubscribed the persistent session, so the broker dropped the reads sent while the node was down', async () => {
    const first = await session();
    await first.ingest.stop();
    await first.client.endAsync();
    const readIds = await publishWhileAway('stopped');
    const next = await session();
    expect(await queued(readIds)).toBe(readIds.length);
    await next.ingest.stop();
    await next.client.endAsync();
  });

  it('bug: the reads a session kept while the node was down were acknowledged and dropped before the ingest handler was in place', async () => {
    const first = await session();
    // A crash: no DISCONNECT, nothing stopped.
    first.client.end(true);
    const readIds = await publishWhileAway('crashed');
    const next = await session();
    expect(await queued(readIds)).toBe(readIds.length);
    await next.ingest.stop();
    await next.client.endAsync();
  });
});
