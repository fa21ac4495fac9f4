import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../domain/access/index.js';
import { startInProcessHub, type InProcessHub } from '../infra/services/in-process-hub.js';
import { auditFileName } from '../runtime/audit/audit-files.js';
import { verifyAuditLog } from '../runtime/audit/verify-audit-log.js';
import { sampleUsers, type SampleUserName } from '../runtime/identity/sample-users.js';
import { recordSightings } from '../stores/sightings/record-sightings.js';
import { caseNumberHeaderName, purposeHeaderName } from './gateway-context.js';

interface Response {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string; httpStatus: number } }[];
}

const seedCase = '2026-경기남부-0142';
const purpose = '도난 차량 추적';
let hub: InProcessHub;
let trackedVehicleId: string;

async function ask(who: Identity | undefined, query: string, variables: Record<string, unknown> = {}, withPurpose = true): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who) headers.authorization = `Bearer ${await hub.tokenFor(who)}`;
  if (withPurpose) {
    headers[purposeHeaderName] = encodeURIComponent(purpose);
    headers[caseNumberHeaderName] = encodeURIComponent(seedCase);
  }
  const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...(await response.json() as object) };
}

const as = (user: SampleUserName) => sampleUsers[user];
const valueAt = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node === null || node === undefined ? null : (node as Record<string | number, unknown>)[key]), data) ?? null;
const codesOf = (response: Response) => (response.errors ?? []).map((error) => error.extensions.code);

beforeAll(async () => {
  hub = await startInProcessHub({ endpoints: inject('stackEndpoints') });
  const added = await ask(as('police-investigator'), `mutation { addWantedVehicle(input: {
    plate: "77로${String(Math.floor(Math.random() * 9000) + 1000)}", reason: STOLEN, priority: 85, caseNumber: "${seedCase}" }) { id } }`);
  trackedVehicleId = (added.data?.addWantedVehicle as { id: string }).id;
  const sighting = (n: number, cameraId: string, minute: number) => ({
    id: `hub-test-${trackedVehicleId}-${n}`, vehicleId: trackedVehicleId, cameraId,
    capturedAt: `2026-11-25T09:${String(minute).padStart(2, '0')}:00+09:00`, receivedAt: `2026-11-25T09:${String(minute).padStart(2, '0')}:02+09:00`,
    matchKind: 'EXACT', confidence: 0.93,
  });
  await recordSightings(hub.neo4jDriver, [
    sighting(1, 'cam-suwon-02', 1), sighting(2, 'cam-suwon-04', 4), sighting(3, 'cam-hwaseong-02', 9), sighting(4, 'cam-osan-02', 17),
  ]);
}, 120_000);

afterAll(async () => {
  await hub.neo4jDriver.executeQuery('MATCH (v:Vehicle {id: $id}) OPTIONAL MATCH (v)-[:SIGHTED]->(s:Sighting) DETACH DELETE v, s', { id: trackedVehicleId });
  await hub.close();
});

describe('entities across Apollo Server and mercurius subgraphs', () => {
  it('a camera (cctv, mercurius) gains its nearest intersection (signals, mercurius, @requires position)', async () => {
    const response = await ask(as('city-operator'), `{ camera(id: "cam-suwon-01") {
      name position { latitude longitude } municipality { name } nearestIntersection { id name position { latitude } } distanceToNearestIntersectionMeters } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.camera).toMatchObject({ name: '수원역 교차로', municipality: { name: '수원시' }, nearestIntersection: { id: 'int-suwon-station' } });
    expect((response.data?.camera as { distanceToNearestIntersectionMeters: number }).distanceToNearestIntersectionMeters).toBeLessThan(100);
  });

  it('a wanted vehicle (police, Apollo) shows its track (tracking, Apollo) with cameras from the graph (@provides) and cctv (mercurius)', async () => {
    const response = await ask(as('police-officer'), `query($id: ID!) { wantedVehicle(id: $id) { plate priority vehicle {
      municipalitiesCrossed { municipality { id name } sightings }
      sightings { capturedAt camera { id name status anprCapable municipality { id } } } } } }`, { id: trackedVehicleId });
    expect(response.errors).toBeUndefined();
    const vehicle = (response.data?.wantedVehicle as { vehicle: { municipalitiesCrossed: unknown[]; sightings: { camera: { id: string; status: string } }[] } }).vehicle;
    expect(vehicle.sightings.map((s) => s.camera.id)).toEqual(['cam-suwon-02', 'cam-suwon-04', 'cam-hwaseong-02', 'cam-osan-02']);
    expect(vehicle.sightings.every((s) => s.camera.status === 'ONLINE')).toBe(true);
    expect(vehicle.municipalitiesCrossed).toEqual([
      { municipality: { id: 'suwon', name: '수원시' }, sightings: 2 },
      { municipality: { id: 'hwaseong', name: '화성시' }, sightings: 1 },
      { municipality: { id: 'osan', name: '오산시' }, sightings: 1 },
    ]);
  });

  it('@inaccessible fields cannot be asked for through the gateway', async () => {
    const response = await ask(as('city-operator'), '{ camera(id: "cam-suwon-01") { id registryRevision } }');
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['DS_GRAPHQL_VALIDATION_FAILED']);
  });

  it('@shareable GeoPoint comes from cctv, signals and civic alike; civic (@tag public) serves a civic developer', async () => {
    const response = await ask(as('civic-developer'), '{ publicCameras(municipalityId: "osan") { id position { latitude longitude } anprCapable } }', {}, false);
    expect(response.errors).toBeUndefined();
    expect((response.data?.publicCameras as unknown[]).length).toBeGreaterThanOrEqual(4);
  });
});

/** Each sample role against each sensitive field: the data, or a coded error for that field. */
const sensitiveFields: Record<string, string> = {
  'WantedVehicle.plate': `{ wantedVehicle(id: "wv-0001") { plate } }`,
  'Query.hits': '{ hits { id } }',
  'Vehicle.sightings': `{ vehicle(id: "@vehicle") { sightings { id } } }`,
  'MonitoredSubject': '{ monitoredSubject(id: "moj-subj-001") { alias latestPosition { recordedAt } } }',
  'Intersection.phasePlan': '{ intersection(id: "int-osan-station") { phasePlan(hour: 8) { cycleSeconds } } }',
  'Case': `{ case(caseNumber: "${seedCase}") { title } }`,
  'Query.plateHistory': '{ plateHistory(plate: "12가3456", from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z") { complete reads { readId } } }',
  'Query.auditRecords': '{ auditRecords(first: 1) { sequence subject } }',
};

const allowed = 'allowed';
const matrix: Record<SampleUserName, Record<string, string>> = {
  'police-officer': { 'WantedVehicle.plate': allowed, 'Query.hits': allowed, 'Vehicle.sightings': allowed, 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': allowed, 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  'police-investigator': { 'WantedVehicle.plate': allowed, 'Query.hits': allowed, 'Vehicle.sightings': allowed, 'MonitoredSubject': allowed, 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': allowed, 'Query.plateHistory': allowed, 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  'patrol-car': { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  'moj-officer': { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': allowed, 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  'city-operator': { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  'signals-engineer': { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': allowed, 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  'fire-dispatcher': { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  'civic-developer': { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
  supervisor: { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': allowed },
  'edge-node': { 'WantedVehicle.plate': 'DS_AUTH_FORBIDDEN', 'Query.hits': 'DS_AUTH_FORBIDDEN', 'Vehicle.sightings': 'DS_AUTH_FORBIDDEN', 'MonitoredSubject': 'DS_AUTH_FORBIDDEN', 'Intersection.phasePlan': 'DS_AUTH_FORBIDDEN', 'Case': 'DS_AUTH_FORBIDDEN', 'Query.plateHistory': 'DS_AUTH_FORBIDDEN', 'Query.auditRecords': 'DS_AUTH_FORBIDDEN' },
};

describe('the authorization matrix through the gateway', () => {
  const cases = Object.entries(matrix).flatMap(([user, fields]) =>
    Object.entries(fields).map(([field, expected]) => [user as SampleUserName, field, expected] as const));

  it.each(cases)('%s reading %s: %s', async (user, field, expected) => {
    const query = (sensitiveFields[field] as string).replace('@vehicle', trackedVehicleId);
    const response = await ask(as(user), query);
    if (expected === allowed) {
      expect(response.errors).toBeUndefined();
      expect(JSON.stringify(response.data)).not.toContain('null');
    } else {
      expect(codesOf(response)).toContain(expected);
      for (const error of response.errors ?? []) expect(valueAt(response.data, error.path ?? [])).toBeNull();
    }
  });

  it('personal data without a stated purpose and case is refused with DS_AUTH_PURPOSE_REQUIRED', async () => {
    const response = await ask(as('police-officer'), '{ wantedVehicle(id: "wv-0001") { priority plate } }', {}, false);
    expect(response.data?.wantedVehicle).toEqual({ priority: 80, plate: null });
    expect(codesOf(response)).toEqual(['DS_AUTH_PURPOSE_REQUIRED']);
  });

  it('a clearance below the field\'s is DS_AUTH_CLEARANCE', async () => {
    const lowClearance = { ...as('police-investigator'), subject: 'police-cadet', clearance: 2 };
    expect(codesOf(await ask(lowClearance, '{ monitoredSubject(id: "moj-subj-001") { alias } }'))).toEqual(['DS_AUTH_CLEARANCE']);
  });

  it('no token is a 401 before any subgraph is asked', async () => {
    const response = await ask(undefined, '{ camera(id: "cam-suwon-01") { id } }');
    expect(response.status).toBe(401);
    expect(codesOf(response)).toEqual(['DS_AUTH_UNAUTHENTICATED']);
  });
});

describe('the audit log', () => {
  it('records every personal-data operation with who, why, what and where, and verifies', async () => {
    const marker = `audit-${randomUUID().slice(0, 8)}`;
    await ask(as('police-officer'), `query ${marker.replace(/-/g, '_')} { wantedVehicle(id: "wv-0001") { plate } camera(id: "cam-osan-01") { name } }`);
    await ask(as('city-operator'), `query notPersonal { camera(id: "cam-osan-01") { name } }`);
    const verdict = await verifyAuditLog(hub.auditDir);
    expect(verdict.ok).toBe(true);
    const lines = (await readFile(join(hub.auditDir, auditFileName(1)), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const record = lines.find((line) => (line.operation as { name?: string }).name === marker.replace(/-/g, '_'));
    expect(record).toMatchObject({
      kind: 'access', subject: 'police-officer-kim', agency: 'police', purpose, caseNumber: seedCase,
      decision: { outcome: 'allowed', denied: [] },
    });
    expect(record?.fields).toEqual(expect.arrayContaining(['Query.wantedVehicle', 'WantedVehicle.plate', 'Camera.name']));
    expect(record?.subgraphs).toEqual(expect.arrayContaining(['police', 'cctv']));
    expect(lines.some((line) => (line.operation as { name?: string }).name === 'notPersonal')).toBe(false);
  });

  it('records denials, and detects an edited record', async () => {
    await ask(as('city-operator'), 'query deniedRead { hits { id } }');
    const file = join(hub.auditDir, auditFileName(1));
    const text = await readFile(file, 'utf8');
    const denied = text.trim().split('\n').map((line) => JSON.parse(line) as { operation: { name?: string }; decision: { outcome: string } })
      .find((line) => line.operation.name === 'deniedRead');
    expect(denied?.decision.outcome).toBe('denied');
    expect((await verifyAuditLog(hub.auditDir)).ok).toBe(true);
    await writeFile(file, text.replace('"agency":"cctv"', '"agency":"police"'));
    const verdict = await verifyAuditLog(hub.auditDir);
    expect(verdict.ok).toBe(false);
    await writeFile(file, text);
  });
});

describe('query limits refuse abusive documents with 4xx', () => {
  it('deep nesting', async () => {
    const deep = `{ camera(id: "cam-suwon-01") { municipality { cameras { municipality { cameras { municipality { cameras { municipality { cameras { municipality { cameras { id } } } } } } } } } } } }`;
    const response = await ask(as('city-operator'), deep);
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['DS_QUERY_TOO_DEEP']);
  });

  it('an alias flood', async () => {
    const flood = `{ ${Array.from({ length: 40 }, (_, i) => `c${i}: camera(id: "cam-suwon-01") { id }`).join(' ')} }`;
    const response = await ask(as('city-operator'), flood);
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['DS_QUERY_TOO_MANY_ALIASES']);
  });

  it('a huge list', async () => {
    const response = await ask(as('city-operator'), '{ cameras(first: 100000) { id } }');
    expect(response.status).toBe(400);
    expect(codesOf(response)[0]).toMatch(/^DS_QUERY_(LIST_TOO_LARGE|TOO_COSTLY)$/);
  });
});
