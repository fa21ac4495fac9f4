import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { brokerAdminEndpoint, stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { cameraAuthorization, parseCameraToken } from '../../runtime/identity/camera-credential.js';
import { brokerAccountsAt, cameraReadsTopic, cameraRejectedTopic, type BrokerAccounts } from '../../stores/broker-accounts/broker-accounts.js';
import { createCameraCredentialStore, type CameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import { connectCamera } from '../../sim/replay/read-senders.js';
import { ensureEdgeBrokerAccounts } from '../services/edge-broker-accounts.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { connectNeo4j } from '../../stores/neo4j/neo4j-connection.js';
import { pipelineEnvironment, spawnEdge, type EdgeProcess } from '../services/pipeline-processes.js';
import { stopServices, waitForHealth } from '../services/service-processes.js';
import { freePorts } from '../stack/ports.js';

/**
 * Finding 2 of issue 12 (cameras are not authenticated) as probes of a real edge process (`edge/main.ts`, as
 * `npm start` runs it) on a free loopback port, over the local stack and its broker, for a municipality and cameras
 * made up for the run. Each probe is bounded in time; every read it forges is refused, so nothing reaches the matcher.
 */

const endpoints = stackEndpoints();
const run = randomBytes(4).toString('hex');
const municipality = `probe${run}`;
const cameraA = `cam-${municipality}-a`;
const cameraB = `cam-${municipality}-b`;
const cameraC = `cam-${municipality}-c`;
const operatorToken = randomBytes(32).toString('base64url');
let driver: Driver;
let edge: EdgeProcess;
let stateDir: string;
let tokenA: string;
let tokenB: string;
let tokenC: string;
let broker: BrokerAccounts;
let credentials: CameraCredentialStore;
const cameraClients: MqttClient[] = [];

const forgedRead = (cameraId: string) => ({
  readId: `forged-${randomBytes(6).toString('hex')}`, cameraId, capturedAt: new Date(Date.now() - 2_000).toISOString(),
  candidates: [{ text: '12가3456', confidence: 0.99 }],
});

async function send(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const response = await fetch(`${edge.url}${path}`, {
    method, signal: AbortSignal.timeout(10_000),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = (text === '' ? {} : JSON.parse(text)) as { errors?: { extensions?: { code?: string } }[]; rejected?: { code: string }[]; cameras?: { cameraId: string }[] };
  return { status: response.status, text, json, code: json.errors?.[0]?.extensions?.code };
}

beforeAll(async () => {
  driver = connectNeo4j(endpoints.neo4j);
  await createCameraRegistryStore(driver).upsertRegistry({
    municipalities: [{ id: municipality, name: '탐침시', districtCode: '41110' }],
    cameras: [cameraA, cameraB, cameraC].map((id) => ({
      id, name: id, municipalityId: municipality, position: { latitude: 37.26, longitude: 127.02 }, roadLinkId: null,
      headingDegrees: null, anprCapable: true, resolution: null, status: 'ONLINE' as const,
    })),
  });
  broker = brokerAccountsAt(brokerAdminEndpoint());
  credentials = createCameraCredentialStore(driver, broker);
  tokenA = (await credentials.issue(cameraA))?.token as string;
  tokenB = (await credentials.issue(cameraB))?.token as string;
  tokenC = (await credentials.issue(cameraC))?.token as string;
  await ensureEdgeBrokerAccounts([municipality]);
  stateDir = await mkdtemp(join(tmpdir(), 'dongseon-camera-probes-'));
  const [port] = await freePorts(1);
  edge = spawnEdge({ municipality, port: port as number, mqttClientId: `dongseon-probe-edge-${municipality}` }, pipelineEnvironment(endpoints, {
    DS_EDGE_STATE_DIR: stateDir, DS_EDGE_CAMERA_REFRESH_S: '1', DS_EDGE_OPERATOR_TOKEN: operatorToken,
  }));
  try {
    await waitForHealth(edge.running, 120_000);
  } catch (error) {
    await stopServices([edge.running]);
    throw error;
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(cameraClients.map((client) => client.endAsync(true)));
  if (edge) await stopServices([edge.running]);
  for (const cameraId of [cameraA, cameraB, cameraC]) await credentials.revokeAll((await credentials.list(cameraId)).map(({ keyId }) => keyId));
  await broker.close();
  await driver.executeQuery('MATCH (node) WHERE node.id IN $ids DETACH DELETE node', { ids: [municipality, cameraA, cameraB, cameraC] });
  await driver.close();
  const redis = new Redis(endpoints.redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `*${municipality}*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
}, 60_000);

describe('finding 2: a camera\'s reads reach an edge only with that camera\'s credential (HTTP)', () => {
  it('refuses a forged read without a credential (401 DS_CAMERA_UNAUTHENTICATED), over both ingest routes', async () => {
    const plain = await send('POST', '/v1/reads', {}, [forgedRead(cameraA)]);
    expect([plain.status, plain.code]).toEqual([401, 'DS_CAMERA_UNAUTHENTICATED']);
    const ngsi = await send('POST', '/ngsi-ld/v1/entities', {}, {
      id: 'urn:ngsi-ld:AnprFlowObserved:forged', type: 'AnprFlowObserved', dateObserved: new Date().toISOString(),
      refDevice: `urn:ngsi-ld:Device:${cameraA}`, licensePlate: '12가3456',
    });
    expect([ngsi.status, ngsi.code]).toEqual([401, 'DS_CAMERA_UNAUTHENTICATED']);
  }, 20_000);

  it('refuses a wrong credential and never echoes it', async () => {
    const [keyId] = tokenA.split('.');
    const guessed = `${keyId}.${randomBytes(32).toString('base64url')}`;
    for (const authorization of [cameraAuthorization(guessed), cameraAuthorization(`${tokenA}x`), `Basic ${tokenA}`, cameraAuthorization('ck_0000000000000000.x')]) {
      const answer = await send('POST', '/v1/reads', { authorization }, [forgedRead(cameraA)]);
      expect([answer.status, answer.code]).toEqual([401, 'DS_CAMERA_UNAUTHENTICATED']);
      expect(answer.text).not.toContain(guessed.split('.')[1]);
      expect(answer.text).not.toContain(tokenA.split('.')[1]);
    }
  }, 20_000);

  it('refuses a read of another camera sent with a camera\'s own credential (DS_CAMERA_FORBIDDEN)', async () => {
    const answer = await send('POST', '/v1/reads', { authorization: cameraAuthorization(tokenB) }, [forgedRead(cameraA)]);
    expect(answer.status).toBe(400);
    expect(answer.json.rejected?.map((rejection) => rejection.code)).toEqual(['DS_CAMERA_FORBIDDEN']);
    const heartbeat = await send('POST', `/v1/cameras/${cameraA}/heartbeat`, { authorization: cameraAuthorization(tokenB) });
    expect([heartbeat.status, heartbeat.code]).toEqual([403, 'DS_CAMERA_FORBIDDEN']);
  }, 20_000);

  it('refuses camera health without authentication; a camera sees its own row, the operator all', async () => {
    const open = await send('GET', '/v1/cameras/health');
    expect([open.status, open.code]).toEqual([401, 'DS_CAMERA_UNAUTHENTICATED']);
    expect(open.text).not.toContain(cameraA);
    const own = await send('GET', '/v1/cameras/health', { authorization: cameraAuthorization(tokenA) });
    expect(own.json.cameras?.map((row) => row.cameraId)).toEqual([cameraA]);
    const all = await send('GET', '/v1/cameras/health', { authorization: `Bearer ${operatorToken}` });
    expect(all.json.cameras?.map((row) => row.cameraId)).toEqual([cameraA, cameraB, cameraC]);
  }, 20_000);

  it('rotation: a second credential works at once; the revoked first one is refused within the camera refresh', async () => {
    const next = (await credentials.issue(cameraA))?.token as string;
    expect((await send('POST', `/v1/cameras/${cameraA}/heartbeat`, { authorization: cameraAuthorization(next) })).status).toBe(204);
    expect((await send('POST', `/v1/cameras/${cameraA}/heartbeat`, { authorization: cameraAuthorization(tokenA) })).status).toBe(204);
    expect(await credentials.revoke(cameraA, tokenA.split('.')[0] as string)).toMatchObject({ revoked: true });
    const deadline = Date.now() + 10_000;
    let revoked = await send('POST', `/v1/cameras/${cameraA}/heartbeat`, { authorization: cameraAuthorization(tokenA) });
    while (revoked.status !== 401 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      revoked = await send('POST', `/v1/cameras/${cameraA}/heartbeat`, { authorization: cameraAuthorization(tokenA) });
    }
    expect([revoked.status, revoked.code]).toEqual([401, 'DS_CAMERA_UNAUTHENTICATED']);
    const forged = await send('POST', '/v1/reads', { authorization: cameraAuthorization(tokenA) }, [forgedRead(cameraA)]);
    expect([forged.status, forged.code]).toEqual([401, 'DS_CAMERA_UNAUTHENTICATED']);
    expect((await send('POST', `/v1/cameras/${cameraA}/heartbeat`, { authorization: cameraAuthorization(next) })).status).toBe(204);
  }, 30_000);
});

/** A camera's MQTT connection with its credential, closed after the file. */
async function asCamera(token: string, name: string): Promise<MqttClient> {
  const client = await connectCamera(endpoints.mqttUrl, `dongseon-probe-${name}-${run}`, token);
  cameraClients.push(client);
  return client;
}

/** A broker connection attempt: resolves to the refusal's message, or 'connected'. */
async function tryConnect(options: mqtt.IClientOptions): Promise<string> {
  try {
    const client = await mqtt.connectAsync(endpoints.mqttUrl, { clientId: `dongseon-probe-try-${randomBytes(4).toString('hex')}`, reconnectPeriod: 0, connectTimeout: 5_000, ...options }, false);
    await client.endAsync(true);
    return 'connected';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The QoS the broker grants a subscription: 128 is a refusal (mqtt.js rejects with the SUBACK). */
async function grantedQos(client: MqttClient, filter: string): Promise<number | undefined> {
  try {
    return (await client.subscribeAsync(filter, { qos: 1 }))[0]?.qos;
  } catch (error) {
    const packet = (error as { packet?: { granted?: number[] } }).packet;
    if (packet?.granted === undefined) throw error;
    return packet.granted[0];
  }
}

/** The operator's camera health rows, by camera. */
async function healthRows(): Promise<Map<string, { readsLastHour: number; lastReadAt: string | null }>> {
  const { json } = await send('GET', '/v1/cameras/health', { authorization: `Bearer ${operatorToken}` });
  return new Map((json.cameras as { cameraId: string; readsLastHour: number; lastReadAt: string | null }[]).map((row) => [row.cameraId, row]));
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const closed = (client: MqttClient): Promise<void> => new Promise((resolve) => {
  if (!client.connected) resolve();
  client.once('close', () => resolve());
});

describe('finding 2: the broker takes a camera\'s reads only from that camera, and shows no one else\'s (MQTT)', () => {
  it('refuses anonymous clients, and a key id with a wrong secret', async () => {
    expect(await tryConnect({})).toMatch(/Not authorized|Bad username or password/);
    const { keyId } = parseCameraToken(tokenB) as { keyId: string };
    expect(await tryConnect({ username: keyId, password: randomBytes(32).toString('base64url') })).toMatch(/Not authorized|Bad username or password/);
  }, 20_000);

  it('refuses a camera that subscribes to every topic, to its municipality\'s reads or to another camera\'s rejections', async () => {
    const camera = await asCamera(tokenB, 'subscriber');
    for (const filter of ['dongseon/#', '#', `dongseon/${municipality}/cameras/+/reads`, cameraRejectedTopic(municipality, cameraA)]) {
      expect(`${filter}: ${await grantedQos(camera, filter)}`).toBe(`${filter}: 128`);
    }
    expect(await grantedQos(camera, cameraRejectedTopic(municipality, cameraB))).toBe(1);
  }, 20_000);

  it('drops a read a camera publishes on another camera\'s topic: the edge never takes it', async () => {
    const camera = await asCamera(tokenB, 'forger');
    const before = await healthRows();
    // PUBACKed (MQTT 3.1.1 has no way to refuse a publish) but dropped by the broker.
    await camera.publishAsync(cameraReadsTopic(municipality, cameraA), JSON.stringify([forgedRead(cameraA)]), { qos: 1 });
    // The camera's own read after it: once that is counted, the forged one, sent first on the same connection, would have been too.
    await camera.publishAsync(cameraReadsTopic(municipality, cameraB), JSON.stringify([forgedRead(cameraB)]), { qos: 1 });
    await until(async () => ((await healthRows()).get(cameraB)?.readsLastHour ?? 0) > (before.get(cameraB)?.readsLastHour ?? 0));
    expect((await healthRows()).get(cameraA)).toMatchObject({ readsLastHour: before.get(cameraA)?.readsLastHour, lastReadAt: before.get(cameraA)?.lastReadAt });
  }, 30_000);

  it('never delivers a rejection a camera forges for another camera; the edge\'s own does arrive', async () => {
    // Camera A's first credential was rotated away by the HTTP probes: it gets one more.
    const victim = await asCamera((await credentials.issue(cameraA))?.token as string, 'victim');
    const received: string[] = [];
    victim.on('message', (_topic, payload) => received.push(payload.toString('utf8')));
    await victim.subscribeAsync(cameraRejectedTopic(municipality, cameraA), { qos: 1 });
    const forger = await asCamera(tokenB, 'fake-edge');
    const fake = JSON.stringify({ errors: [{ message: 'forged', extensions: { code: 'DS_FORGED', httpStatus: 400 } }] });
    await forger.publishAsync(cameraRejectedTopic(municipality, cameraA), fake, { qos: 1 });
    // A broken payload of the victim's own makes the edge publish a real rejection on the same topic.
    await victim.publishAsync(cameraReadsTopic(municipality, cameraA), '{"readId": ', { qos: 1 });
    await until(async () => received.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received.map((message) => (JSON.parse(message) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code)).toEqual(['DS_BATCH_MALFORMED']);
  }, 30_000);

  it('rotation over MQTT: a second credential connects at once; revoking the first disconnects it and refuses it after', async () => {
    const first = await asCamera(tokenC, 'rotating-first');
    const next = (await credentials.issue(cameraC))?.token as string;
    const second = await asCamera(next, 'rotating-second');
    const firstClosed = closed(first);
    first.options.reconnectPeriod = 0;
    const { keyId, secret } = parseCameraToken(tokenC) as { keyId: string; secret: string };
    expect(await credentials.revoke(cameraC, keyId)).toMatchObject({ revoked: true });
    await firstClosed;
    expect(await tryConnect({ username: keyId, password: secret })).toMatch(/Not authorized|Bad username or password/);
    const before = (await healthRows()).get(cameraC)?.readsLastHour ?? 0;
    expect(second.connected).toBe(true);
    await second.publishAsync(cameraReadsTopic(municipality, cameraC), JSON.stringify([forgedRead(cameraC)]), { qos: 1 });
    await until(async () => ((await healthRows()).get(cameraC)?.readsLastHour ?? 0) > before);
  }, 30_000);
});
