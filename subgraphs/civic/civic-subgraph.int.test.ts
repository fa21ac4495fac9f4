import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RequestAccess } from '../../domain/access/index.js';
import { isDongseonError } from '../../domain/errors/index.js';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { cameraVolumesKey, createCameraVolumeStore, type CameraVolumeStore } from '../../stores/civic-volumes/camera-volume-store.js';
import { startCivicSubgraph } from './server.js';

interface GraphQLResponse {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: { code?: string } }[];
}

const endpoints = inject('stackEndpoints');
const identitySecret = `civic-int-test-${randomUUID()}`;
// Every node and key this file creates is named under this prefix, so runs stay apart and clean-up finds them all.
const prefix = `test-${randomUUID().slice(0, 8)}-`;
const id = (name: string) => `${prefix}${name}`;
const civicDeveloper: RequestAccess = { identity: sampleUsers['civic-developer'] };

// As cctv registers them, plus what must stay out of sight: a decommissioned camera and an id-only node that
// tracking merged for a sighting before cctv knew the camera.
const cameras = [
  { id: id('cam-2'), name: '북문 사거리', latitude: 37.29, longitude: 127.01, anprCapable: false, status: 'DEGRADED', registryRevision: 1 },
  { id: id('cam-1'), name: '남문 교차로', latitude: 37.28, longitude: 127.02, anprCapable: true, status: 'ONLINE', registryRevision: 3 },
  { id: id('cam-retired'), name: '폐지된 카메라', latitude: 37.27, longitude: 127.03, anprCapable: true, status: 'DECOMMISSIONED', registryRevision: 2 },
];

let driver: Driver;
let redis: Redis;
let volumes: CameraVolumeStore;
let subgraph: RunningSubgraph;

const start = () => startCivicSubgraph({ host: '127.0.0.1', port: 0, identitySecret, redis, neo4j: driver });

async function execute(query: string, variables: Record<string, unknown> = {}, access?: RequestAccess): Promise<GraphQLResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const body = JSON.stringify({ query, variables });
  if (access) headers[identityHeaderName] = await signIdentityHeader(access, identitySecret, { subgraph: 'civic', method: 'POST', path: '/graphql', body });
  const response = await fetch(subgraph.url, { method: 'POST', headers, body });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
}

const codesOf = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

beforeAll(async () => {
  driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password), { disableLosslessIntegers: true });
  redis = new Redis(endpoints.redisUrl, { maxRetriesPerRequest: 1 });
  volumes = createCameraVolumeStore(redis);
  await driver.executeQuery(`
    MERGE (municipality:Municipality {id: $municipalityId}) SET municipality.name = '시험시', municipality.districtCode = '99003'
    WITH municipality
    UNWIND $cameras AS camera
    MERGE (node:Camera {id: camera.id})
    SET node += camera, node.municipalityId = municipality.id
    MERGE (node)-[:IN]->(municipality)
    WITH DISTINCT municipality
    MERGE (:Camera {id: $stubId})`, { municipalityId: id('city'), cameras, stubId: id('cam-unregistered') });
  subgraph = await start();
});

afterAll(async () => {
  await subgraph.close();
  await driver.executeQuery(`
    MATCH (node) WHERE (node:Camera OR node:Municipality) AND node.id STARTS WITH $prefix DETACH DELETE node`, { prefix });
  await redis.del(...[...cameras.map((camera) => camera.id), id('cam-unregistered')].map(cameraVolumesKey));
  await driver.close();
  await redis.quit();
});

describe('the civic subgraph', () => {
  it('answers no request without the gateway-signed identity header (401)', async () => {
    const response = await execute('{ publicCameras { id } }');
    expect(response.status).toBe(401);
    expect(codesOf(response)).toEqual(['DS_AUTH_UNAUTHENTICATED']);
  });

  it('lists a municipality\'s cameras in service with their public properties only', async () => {
    const response = await execute('query($m: ID) { publicCameras(municipalityId: $m) { id municipalityName position { latitude longitude } anprCapable } }', { m: id('city') }, civicDeveloper);
    expect(response.errors).toBeUndefined();
    expect(response.data?.publicCameras).toEqual([
      { id: id('cam-1'), municipalityName: '시험시', position: { latitude: 37.28, longitude: 127.02 }, anprCapable: true },
      { id: id('cam-2'), municipalityName: '시험시', position: { latitude: 37.29, longitude: 127.01 }, anprCapable: false },
    ]);
  });

  it('includes them in the region-wide list, never the id-only node of an unregistered camera', async () => {
    const response = await execute('{ publicCameras { id } }', {}, civicDeveloper);
    const ids = (response.data?.publicCameras as { id: string }[]).map((camera) => camera.id);
    expect(ids).toEqual(expect.arrayContaining([id('cam-1'), id('cam-2')]));
    expect(ids).not.toContain(id('cam-unregistered'));
    expect(ids).not.toContain(id('cam-retired'));
  });

  it('exports the same cameras as NGSI-LD Device entities', async () => {
    const response = await execute('query($m: ID) { publicCamerasNgsiLd(municipalityId: $m) }', { m: id('city') }, civicDeveloper);
    const entities = JSON.parse(response.data?.publicCamerasNgsiLd as string) as { id: string; type: string; location: unknown }[];
    expect(entities.map((entity) => [entity.id, entity.type])).toEqual([
      [`urn:ngsi-ld:Device:${id('cam-1')}`, 'Device'],
      [`urn:ngsi-ld:Device:${id('cam-2')}`, 'Device'],
    ]);
    expect(entities[0]?.location).toEqual({ type: 'GeoProperty', value: { type: 'Point', coordinates: [127.02, 37.28] } });
  });

  it('serves the hourly counts an edge node recorded, a resent hour replacing its count', async () => {
    const cameraId = id('cam-1');
    expect(await volumes.recordCameraVolumes(cameraId, [
      { hourStart: '2026-11-25T08:00:00+09:00', vehicles: 310 },
      { hourStart: '2026-11-25T09:00:00+09:00', vehicles: 280 },
      { hourStart: '2026-11-25T11:00:00+09:00', vehicles: 150 },
    ])).toBe(3);
    await volumes.recordCameraVolumes(cameraId, [{ hourStart: '2026-11-25T00:00:00Z', vehicles: 290 }]);
    const response = await execute('query($c: ID!, $from: DateTime!, $to: DateTime!) { cameraVolumes(cameraId: $c, from: $from, to: $to) { hourStart vehicles } }', {
      c: cameraId, from: '2026-11-25T08:30:00+09:00', to: '2026-11-25T12:00:00+09:00',
    }, civicDeveloper);
    expect(response.errors).toBeUndefined();
    expect(response.data?.cameraVolumes).toEqual([
      { hourStart: '2026-11-25T00:00:00Z', vehicles: 290 },
      { hourStart: '2026-11-25T02:00:00Z', vehicles: 150 },
    ]);
  });

  it('refuses a malformed or oversized window and malformed counts, each with its code', async () => {
    const query = 'query($from: DateTime!, $to: DateTime!) { cameraVolumes(cameraId: "cam-suwon-01", from: $from, to: $to) { vehicles } }';
    expect(codesOf(await execute(query, { from: '2026-11-25T09:00:00+09:00', to: '2026-11-25T08:00:00+09:00' }, civicDeveloper))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await execute(query, { from: '2026-11-25', to: '2026-11-26T08:00:00+09:00' }, civicDeveloper))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await execute(query, { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, civicDeveloper))).toEqual(['DS_QUERY_LIST_TOO_LARGE']);
    const refusal = await volumes.recordCameraVolumes(id('cam-2'), [{ hourStart: '2026-11-25T09:15:00+09:00', vehicles: 3 }]).catch((error: unknown) => error);
    expect(isDongseonError(refusal, 'DS_INVALID_INPUT')).toBe(true);
  });

  it('serves the same data after a restart of the subgraph', async () => {
    await subgraph.close();
    subgraph = await start();
    const response = await execute(`query($m: ID, $c: ID!) {
      publicCameras(municipalityId: $m) { id }
      cameraVolumes(cameraId: $c, from: "2026-11-25T09:00:00+09:00", to: "2026-11-25T10:00:00+09:00") { vehicles }
    }`, { m: id('city'), c: id('cam-1') }, civicDeveloper);
    expect(response.data).toEqual({ publicCameras: [{ id: id('cam-1') }, { id: id('cam-2') }], cameraVolumes: [{ vehicles: 290 }] });
  });
});
