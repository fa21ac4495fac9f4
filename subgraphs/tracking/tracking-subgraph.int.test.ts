import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RequestAccess } from '../../domain/access/index.js';
import { isDongseonError } from '../../domain/errors/index.js';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import type { Road } from './road-graph-store.js';
import type { SightingInput } from '../../stores/sightings/sighting-batch.js';
import { recordHitDecisions } from '../../stores/sightings/record-hit-decisions.js';
import { createSightingStore, type SightingStore } from './sighting-store.js';
import { startTrackingSubgraph } from './server.js';

interface GraphQLResponse {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: { code?: string } }[];
}

const endpoint = inject('stackEndpoints').neo4j;
const identitySecret = `tracking-int-test-${randomUUID()}`;
// Every node this file creates has an id under this prefix, so runs stay apart and clean-up finds them all.
const prefix = `test-${randomUUID().slice(0, 8)}-`;
const id = (name: string) => `${prefix}${name}`;

const officer: RequestAccess = { identity: sampleUsers['police-officer'], purpose: 'tracking a stolen vehicle', caseNumber: '2026-경기남부-0142' };
const officerWithoutPurpose: RequestAccess = { identity: sampleUsers['police-officer'] };
const cityOperator: RequestAccess = { identity: sampleUsers['city-operator'] };

// As cctv registers them: north (A, B) and south (C, D); E has no road. A→D is one slow hop, A→B→D two fast ones.
const municipalities = [
  { id: id('north'), name: '북시', districtCode: '99001' },
  { id: id('south'), name: '남시', districtCode: '99002' },
];
const cameras = [
  { id: id('cam-a'), name: '가 교차로', municipalityId: id('north') },
  { id: id('cam-b'), name: '나 교차로', municipalityId: id('north') },
  { id: id('cam-c'), name: '다 교차로', municipalityId: id('south') },
  { id: id('cam-d'), name: '라 교차로', municipalityId: id('south') },
  { id: id('cam-e'), name: '마 교차로', municipalityId: id('south') },
];
const roads: Road[] = [
  { from: id('cam-a'), to: id('cam-d'), lengthMeters: 9000, freeFlowSeconds: 900 },
  { from: id('cam-a'), to: id('cam-b'), lengthMeters: 1200, freeFlowSeconds: 70 },
  { from: id('cam-b'), to: id('cam-d'), lengthMeters: 1300, freeFlowSeconds: 80 },
  { from: id('cam-b'), to: id('cam-c'), lengthMeters: 800, freeFlowSeconds: 50 },
  { from: id('cam-c'), to: id('cam-d'), lengthMeters: 700, freeFlowSeconds: 45 },
];

let driver: Driver;
let store: SightingStore;
let subgraph: RunningSubgraph;

const start = () => startTrackingSubgraph({ host: '127.0.0.1', port: 0, identitySecret, neo4j: driver, roadGraph: roads });

function sighting(name: string, vehicle: string, camera: string, capturedAt: string, confidence = 0.9): SightingInput {
  return {
    id: id(name), vehicleId: id(vehicle), cameraId: id(camera), capturedAt,
    receivedAt: capturedAt.replace(/:00\+09:00$/, ':02+09:00'), matchKind: 'EXACT', confidence,
  };
}

async function execute(query: string, variables: Record<string, unknown> = {}, access?: RequestAccess): Promise<GraphQLResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const body = JSON.stringify({ query, variables });
  if (access) headers[identityHeaderName] = await signIdentityHeader(access, identitySecret, { subgraph: 'tracking', method: 'POST', path: '/graphql', body });
  const response = await fetch(subgraph.url, { method: 'POST', headers, body });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
}

const codesOf = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

/** The vehicle's sightings in capture order and its NEXT links, straight from the graph. */
async function chainOf(vehicle: string): Promise<{ ordered: string[]; links: string[][] }> {
  const { records } = await driver.executeQuery(`
    MATCH (:Vehicle {id: $vehicleId})-[:SIGHTED]->(sighting:Sighting)
    WITH sighting ORDER BY sighting.capturedAt, sighting.id
    WITH collect(sighting.id) AS ordered
    OPTIONAL MATCH (:Vehicle {id: $vehicleId})-[:SIGHTED]->(earlier:Sighting)-[:NEXT]->(later:Sighting)
    RETURN ordered, collect([earlier.id, later.id]) AS links`, { vehicleId: id(vehicle) });
  const record = records[0];
  const links = (record?.get('links') as string[][]).filter(([earlier]) => earlier !== null);
  return { ordered: record?.get('ordered') as string[], links: links.sort((a, b) => String(a[0]).localeCompare(String(b[0]))) };
}

function consecutivePairs(ids: readonly string[]): string[][] {
  return ids.slice(1).map((later, index) => [ids[index] as string, later]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

async function graphFootprint(): Promise<{ nodes: number; relationships: number; properties: unknown }> {
  const { records } = await driver.executeQuery(`
    MATCH (node) WHERE (node:Vehicle OR node:Sighting OR node:Camera) AND node.id STARTS WITH $prefix
    OPTIONAL MATCH (node)-[link]-()
    WITH collect(DISTINCT node) AS nodes, collect(DISTINCT link) AS links
    RETURN size(nodes) AS nodes, size(links) AS relationships,
      [node IN nodes | properties(node)] AS properties`, { prefix });
  const record = records[0];
  const properties = (record?.get('properties') as Record<string, unknown>[]).map((entry) => JSON.stringify(entry)).sort();
  return { nodes: Number(record?.get('nodes')), relationships: Number(record?.get('relationships')), properties };
}

beforeAll(async () => {
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  store = createSightingStore(driver);
  await driver.executeQuery(`
    UNWIND $municipalities AS municipality
    MERGE (node:Municipality {id: municipality.id})
    SET node.name = municipality.name, node.districtCode = municipality.districtCode`, { municipalities });
  await driver.executeQuery(`
    UNWIND $cameras AS camera
    MATCH (municipality:Municipality {id: camera.municipalityId})
    MERGE (node:Camera {id: camera.id})
    SET node.name = camera.name, node.municipalityId = camera.municipalityId
    MERGE (node)-[:IN]->(municipality)`, { cameras });
  subgraph = await start();
  await store.recordSightings([
    sighting('s1', 'wv-1', 'cam-a', '2026-11-25T09:00:00+09:00'),
    sighting('s2', 'wv-1', 'cam-b', '2026-11-25T09:05:00+09:00'),
    sighting('s3', 'wv-1', 'cam-d', '2026-11-25T09:10:00+09:00'),
  ]);
});

afterAll(async () => {
  await subgraph.close();
  await driver.executeQuery(`
    MATCH (node) WHERE (node:Vehicle OR node:Sighting OR node:Camera OR node:Municipality) AND node.id STARTS WITH $prefix
    DETACH DELETE node`, { prefix });
  await driver.executeQuery('MATCH (decision:HitDecision) WHERE decision.hitId STARTS WITH $prefix DELETE decision', { prefix });
  await driver.close();
});

describe('recordSightings', () => {
  it('changes nothing when a batch is replayed, even with different values for the same ids', async () => {
    const before = await graphFootprint();
    const replay = await store.recordSightings([
      sighting('s1', 'wv-1', 'cam-a', '2026-11-25T09:00:00+09:00', 0.1),
      sighting('s2', 'wv-1', 'cam-b', '2026-11-25T09:05:00+09:00'),
      sighting('s2', 'wv-1', 'cam-b', '2026-11-25T09:05:00+09:00'),
    ]);
    expect(replay).toEqual({ recorded: 0 });
    expect(await graphFootprint()).toEqual(before);
  });

  it('puts a late sighting between the two it falls between, and an earliest one at the head', async () => {
    await store.recordSightings([
      sighting('late-1', 'wv-late', 'cam-a', '2026-11-25T10:00:00+09:00'),
      sighting('late-3', 'wv-late', 'cam-c', '2026-11-25T10:20:00+09:00'),
    ]);
    expect(await store.recordSightings([sighting('late-2', 'wv-late', 'cam-b', '2026-11-25T01:10:00Z')])).toEqual({ recorded: 1 });
    await store.recordSightings([sighting('late-0', 'wv-late', 'cam-e', '2026-11-25T09:50:00+09:00')]);
    const chain = await chainOf('wv-late');
    expect(chain.ordered).toEqual(['late-0', 'late-1', 'late-2', 'late-3'].map(id));
    expect(chain.links).toEqual(consecutivePairs(chain.ordered));
  });

  it('keeps one chain when batches of one vehicle arrive at the same time, interleaved', async () => {
    const minutes = Array.from({ length: 12 }, (_, minute) => minute);
    const batchOf = (parity: number) => minutes.filter((minute) => minute % 2 === parity)
      .map((minute) => sighting(`race-${String(minute).padStart(2, '0')}`, 'wv-race', 'cam-a', `2026-11-25T11:${String(minute).padStart(2, '0')}:00+09:00`));
    await Promise.all([store.recordSightings(batchOf(0)), store.recordSightings(batchOf(1))]);
    const chain = await chainOf('wv-race');
    expect(chain.ordered).toHaveLength(12);
    expect(chain.links).toEqual(consecutivePairs(chain.ordered));
  });

  it('refuses a malformed batch as a whole with DS_INVALID_INPUT', async () => {
    const error = await store.recordSightings([{ ...sighting('bad', 'wv-bad', 'cam-a', '2026-11-25T09:00:00+09:00'), capturedAt: 'yesterday' }])
      .catch((caught: unknown) => caught);
    expect(isDongseonError(error, 'DS_INVALID_INPUT')).toBe(true);
  });
});

describe('the tracking subgraph over Neo4j', () => {
  it('answers no request without the gateway-signed identity header (401)', async () => {
    const response = await execute(`{ vehicle(id: "${id('wv-1')}") { id } }`);
    expect(response.status).toBe(401);
    expect(codesOf(response)).toEqual(['DS_AUTH_UNAUTHENTICATED']);
  });

  it('serves a vehicle\'s track: sightings in time order, cameras from its own graph, crossings and last sighting', async () => {
    const response = await execute(`query($id: ID!) {
      vehicle(id: $id) {
        id
        wantedVehicle { id }
        sightings { id capturedAt matchKind confidence camera { id name municipality { id } } vehicle { id } }
        window: sightings(from: "2026-11-25T09:05:00+09:00", to: "2026-11-25T00:10:00Z") { id }
        firstOnly: sightings(first: 1) { id }
        lastSighting { id previous { id } next { id } }
        municipalitiesCrossed { municipality { id } firstSeenAt lastSeenAt sightings }
      }
    }`, { id: id('wv-1') }, officer);
    expect(response.errors).toBeUndefined();
    const vehicle = response.data?.vehicle as Record<string, unknown>;
    expect(vehicle.wantedVehicle).toEqual({ id: id('wv-1') });
    expect(vehicle.sightings).toEqual([
      { id: id('s1'), capturedAt: '2026-11-25T09:00:00+09:00', matchKind: 'EXACT', confidence: 0.9, camera: { id: id('cam-a'), name: '가 교차로', municipality: { id: id('north') } }, vehicle: { id: id('wv-1') } },
      { id: id('s2'), capturedAt: '2026-11-25T09:05:00+09:00', matchKind: 'EXACT', confidence: 0.9, camera: { id: id('cam-b'), name: '나 교차로', municipality: { id: id('north') } }, vehicle: { id: id('wv-1') } },
      { id: id('s3'), capturedAt: '2026-11-25T09:10:00+09:00', matchKind: 'EXACT', confidence: 0.9, camera: { id: id('cam-d'), name: '라 교차로', municipality: { id: id('south') } }, vehicle: { id: id('wv-1') } },
    ]);
    expect(vehicle.window).toEqual([{ id: id('s2') }]);
    expect(vehicle.firstOnly).toEqual([{ id: id('s1') }]);
    expect(vehicle.lastSighting).toEqual({ id: id('s3'), previous: { id: id('s2') }, next: null });
    expect(vehicle.municipalitiesCrossed).toEqual([
      { municipality: { id: id('north') }, firstSeenAt: '2026-11-25T09:00:00+09:00', lastSeenAt: '2026-11-25T09:05:00+09:00', sightings: 2 },
      { municipality: { id: id('south') }, firstSeenAt: '2026-11-25T09:10:00+09:00', lastSeenAt: '2026-11-25T09:10:00+09:00', sightings: 1 },
    ]);
  });

  it('links a sighting to the neighbours that count: a REJECTED one in between is skipped, and itself still finds them', async () => {
    await store.recordSightings([
      sighting('skip-1', 'wv-skip', 'cam-a', '2026-11-25T09:00:00+09:00'),
      sighting('skip-2', 'wv-skip', 'cam-b', '2026-11-25T09:05:00+09:00'),
      sighting('skip-3', 'wv-skip', 'cam-d', '2026-11-25T09:10:00+09:00'),
    ]);
    await recordHitDecisions(driver, [{ hitId: id('skip-2'), vehicleId: id('wv-skip'), status: 'REJECTED', decidedAt: '2026-11-25T09:20:00+09:00' }]);
    const response = await execute(`query($id: ID!, $representations: [_Any!]!) {
      vehicle(id: $id) { lastSighting { id previous { id previous { id } next { id } } next { id } } }
      _entities(representations: $representations) { ... on Sighting { id previous { id } next { id } } }
    }`, { id: id('wv-skip'), representations: [{ __typename: 'Sighting', id: id('skip-2') }] }, officer);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      vehicle: { lastSighting: { id: id('skip-3'), previous: { id: id('skip-1'), previous: null, next: { id: id('skip-3') } }, next: null } },
      _entities: [{ id: id('skip-2'), previous: { id: id('skip-1') }, next: { id: id('skip-3') } }],
    });
  });

  it('refuses a capture window that ends before it starts', async () => {
    const response = await execute(`query($id: ID!) { vehicle(id: $id) { sightings(from: "2026-11-25T10:00:00+09:00", to: "2026-11-25T09:00:00+09:00") { id } } }`, { id: id('wv-1') }, officer);
    expect(codesOf(response)).toEqual(['DS_INVALID_INPUT']);
  });

  it('lists the vehicles seen in a municipality since an instant', async () => {
    const response = await execute(`query($south: ID!, $north: ID!) {
      south: vehiclesSeenIn(municipalityId: $south, since: "2026-11-25T09:00:00+09:00") { id }
      northLater: vehiclesSeenIn(municipalityId: $north, since: "2026-11-25T09:06:00+09:00") { id }
    }`, { south: id('south'), north: id('north') }, officer);
    expect(response.errors).toBeUndefined();
    expect(response.data?.south).toEqual(expect.arrayContaining([{ id: id('wv-1') }, { id: id('wv-late') }]));
    expect(response.data?.northLater).toEqual(expect.arrayContaining([{ id: id('wv-late') }, { id: id('wv-race') }]));
    expect(response.data?.northLater).not.toContainEqual({ id: id('wv-1') });
  });

  it('finds the road path of least free-flow time between two sightings\' cameras, not the one of fewest hops', async () => {
    const query = `query($from: ID!, $to: ID!) {
      sightingPath(fromSightingId: $from, toSightingId: $to) { from { id } to { id } cameras { id } lengthMeters freeFlowSeconds elapsedSeconds }
    }`;
    const response = await execute(query, { from: id('s1'), to: id('s3') }, officer);
    expect(response.errors).toBeUndefined();
    expect(response.data?.sightingPath).toEqual({
      from: { id: id('s1') }, to: { id: id('s3') }, cameras: [{ id: id('cam-a') }, { id: id('cam-b') }, { id: id('cam-d') }],
      lengthMeters: 2500, freeFlowSeconds: 150, elapsedSeconds: 600,
    });
    const sameCamera = await execute(query, { from: id('race-00'), to: id('race-11') }, officer);
    expect(sameCamera.data?.sightingPath).toMatchObject({ cameras: [{ id: id('cam-a') }], lengthMeters: 0, freeFlowSeconds: 0, elapsedSeconds: 660 });
    const noRoad = await execute(query, { from: id('late-0'), to: id('late-1') }, officer);
    expect(noRoad.data).toEqual({ sightingPath: null });
    expect(codesOf(await execute(query, { from: id('s1'), to: id('missing') }, officer))).toEqual(['DS_NOT_FOUND']);
  });

  it('resolves WantedVehicle, Vehicle and Sighting references; a wanted vehicle never sighted has no track', async () => {
    const response = await execute(`query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on WantedVehicle { id vehicle { id lastSighting { id } } }
        ... on Vehicle { id }
        ... on Sighting { id camera { id } }
      }
    }`, {
      representations: [
        { __typename: 'WantedVehicle', id: id('wv-1') },
        { __typename: 'WantedVehicle', id: id('wv-never-seen') },
        { __typename: 'Vehicle', id: id('wv-late') },
        { __typename: 'Sighting', id: id('s2') },
      ],
    }, officer);
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { id: id('wv-1'), vehicle: { id: id('wv-1'), lastSighting: { id: id('s3') } } },
      { id: id('wv-never-seen'), vehicle: null },
      { id: id('wv-late') },
      { id: id('s2'), camera: { id: id('cam-b') } },
    ]);
  });

  it('says which camera cctv has not registered instead of serving a nameless one', async () => {
    await store.recordSightings([{ ...sighting('unregistered', 'wv-unregistered', 'cam-a', '2026-11-25T12:00:00+09:00'), cameraId: id('cam-unregistered') }]);
    const response = await execute(`query($id: ID!) { vehicle(id: $id) { sightings { camera { id name } } } }`, { id: id('wv-unregistered') }, officer);
    expect(codesOf(response)).toEqual(['DS_NOT_FOUND']);
    expect(response.errors?.[0]?.message).toContain(id('cam-unregistered'));
  });

  it('withholds a track from a city operator with a per-field DS_AUTH_FORBIDDEN, serving the rest', async () => {
    const response = await execute(`{ _entities(representations: [{ __typename: "WantedVehicle", id: "${id('wv-1')}" }]) { ... on WantedVehicle { id vehicle { id } } } }`, {}, cityOperator);
    expect(response.data?._entities).toEqual([{ id: id('wv-1'), vehicle: null }]);
    expect(response.errors?.[0]).toMatchObject({ path: ['_entities', 0, 'vehicle'], extensions: { code: 'DS_AUTH_FORBIDDEN' } });
  });

  it('asks for a purpose and a case number before serving a track (DS_AUTH_PURPOSE_REQUIRED)', async () => {
    const response = await execute(`{ vehicle(id: "${id('wv-1')}") { id } }`, {}, officerWithoutPurpose);
    expect(response.data).toEqual({ vehicle: null });
    expect(codesOf(response)).toEqual(['DS_AUTH_PURPOSE_REQUIRED']);
  });

  it('serves the same graph after a restart of the subgraph, its start-up steps being idempotent', async () => {
    const before = await graphFootprint();
    await subgraph.close();
    subgraph = await start();
    expect(await graphFootprint()).toEqual(before);
    const response = await execute(`{ vehicle(id: "${id('wv-1')}") { lastSighting { id } } }`, {}, officer);
    expect(response.data).toEqual({ vehicle: { lastSighting: { id: id('s3') } } });
  });
});
