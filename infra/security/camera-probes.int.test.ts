import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { cameraAuthorization } from '../../runtime/identity/camera-credential.js';
import { createCameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { connectNeo4j } from '../../stores/neo4j/neo4j-connection.js';
import { pipelineEnvironment, spawnEdge, type EdgeProcess } from '../services/pipeline-processes.js';
import { stopServices, waitForHealth } from '../services/service-processes.js';
import { freePorts } from '../stack/ports.js';

/**
 * Finding 2 of issue 12 (cameras are not authenticated) as probes of a real edge process (`edge/main.ts`, as
 * `npm start` runs it) on a free loopback port, over the local stack, for a municipality and cameras made up for the
 * run. Each probe is bounded in time; every read it forges is refused, so nothing reaches the matcher.
 */

const endpoints = stackEndpoints();
const run = randomBytes(4).toString('hex');
const municipality = `probe${run}`;
const cameraA = `cam-${municipality}-a`;
const cameraB = `cam-${municipality}-b`;
const operatorToken = randomBytes(32).toString('base64url');
let driver: Driver;
let edge: EdgeProcess;
let stateDir: string;
let tokenA: string;
let tokenB: string;

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
    cameras: [cameraA, cameraB].map((id) => ({
      id, name: id, municipalityId: municipality, position: { latitude: 37.26, longitude: 127.02 }, roadLinkId: null,
      headingDegrees: null, anprCapable: true, resolution: null, status: 'ONLINE' as const,
    })),
  });
  const credentials = createCameraCredentialStore(driver);
  tokenA = (await credentials.issue(cameraA))?.token as string;
  tokenB = (await credentials.issue(cameraB))?.token as string;
  stateDir = await mkdtemp(join(tmpdir(), 'dongseon-camera-probes-'));
  const [port] = await freePorts(1);
  edge = spawnEdge({ municipality, port: port as number, mqttClientId: `dongseon-probe-edge-${municipality}` }, pipelineEnvironment(endpoints, {
    DS_EDGE_STATE_DIR: stateDir, DS_EDGE_CAMERA_REFRESH_S: '1', DS_EDGE_OPERATOR_TOKEN: operatorToken, DS_EDGE_STORE_WARMUP_S: '0',
  }));
  try {
    await waitForHealth(edge.running, 120_000);
  } catch (error) {
    await stopServices([edge.running]);
    throw error;
  }
}, 180_000);

afterAll(async () => {
  if (edge) await stopServices([edge.running]);
  await driver.executeQuery('MATCH (credential:CameraCredential) WHERE credential.cameraId IN $ids DETACH DELETE credential', { ids: [cameraA, cameraB] });
  await driver.executeQuery('MATCH (node) WHERE node.id IN $ids DETACH DELETE node', { ids: [municipality, cameraA, cameraB] });
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
    expect(all.json.cameras?.map((row) => row.cameraId)).toEqual([cameraA, cameraB]);
  }, 20_000);

  it('rotation: a second credential works at once; the revoked first one is refused within the camera refresh', async () => {
    const credentials = createCameraCredentialStore(driver);
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
