import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../../domain/access/index.js';
import type { PassRecord } from '../../domain/simulation/index.js';
import { caseNumberHeaderName, purposeHeaderName } from '../../gateway/gateway-context.js';
import { startInProcessHub, type InProcessHub } from '../../infra/services/in-process-hub.js';
import { auditFileName } from '../../runtime/audit/audit-files.js';
import { maxListSize } from '../../runtime/graphql/scalar-arguments.js';
import { sampleUsers, type SampleUserName } from '../../runtime/identity/sample-users.js';
import { readAllJsonLinesGz, scenarioFiles } from '../../sim/scenario-files.js';
import { recordSightings } from '../../stores/sightings/record-sightings.js';

interface Response {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string } }[];
}

const caseNumber = '2026-경기남부-0142';
const purpose = '도난 차량 추적';
const run = randomUUID().slice(0, 8);
const trackedId = `it-track-${run}`;
const flowVehicleId = `it-flow-${run}`;
const longTrackId = `it-long-${run}`;
const flowCamera = (name: string) => `it-cam-${run}-${name}`;
const demoCityStart = Date.parse('2026-11-24T08:00:00+09:00');
let hub: InProcessHub;
let passes: PassRecord[];

async function ask(who: Identity, query: string, variables: Record<string, unknown> = {}, withPurpose = true): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(who)}` };
  if (withPurpose) {
    headers[purposeHeaderName] = encodeURIComponent(purpose);
    headers[caseNumberHeaderName] = encodeURIComponent(caseNumber);
  }
  const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...(await response.json() as object) };
}

const as = (user: SampleUserName) => sampleUsers[user];
const codesOf = (response: Response) => (response.errors ?? []).map((error) => error.extensions.code);
const at = (seconds: number) => new Date(demoCityStart + seconds * 1000).toISOString();

beforeAll(async () => {
  hub = await startInProcessHub({ endpoints: inject('stackEndpoints') });
  // The demo city's vehicle read at the most cameras: its reads become the tracked vehicle's sightings, at the
  // cameras the served model (fitted on the demo city) knows.
  const all = await readAllJsonLinesGz<PassRecord>(join(import.meta.dirname, '../../data/demo-city'), scenarioFiles.cameraPasses);
  const reads = new Map<string, PassRecord[]>();
  for (const pass of all) if (pass.outcome === 'read') reads.set(pass.vehicleId, [...(reads.get(pass.vehicleId) ?? []), pass]);
  passes = [...reads.values()].sort((a, b) => b.length - a.length)[0] as PassRecord[];
  await recordSightings(hub.neo4jDriver, passes.map((pass, i) => ({
    id: `${trackedId}-${i}`, vehicleId: trackedId, cameraId: pass.cameraId, capturedAt: at(pass.atSeconds), receivedAt: at(pass.atSeconds + 2),
    matchKind: 'EXACT', confidence: 0.9,
  })));
  // Learned flows among cameras of this test only, so the shared graph's real flows are neither read nor changed.
  await recordSightings(hub.neo4jDriver, [{
    id: `${flowVehicleId}-0`, vehicleId: flowVehicleId, cameraId: flowCamera('a'), capturedAt: '2026-11-24T08:30:00+09:00',
    receivedAt: '2026-11-24T08:30:01+09:00', matchKind: 'EXACT', confidence: 0.95,
  }]);
  await hub.neo4jDriver.executeQuery(`
    UNWIND $cameras AS camera MERGE (c:Camera {id: camera.id}) SET c.municipalityId = camera.municipalityId
    WITH count(*) AS done
    UNWIND $flows AS flow
    MATCH (from:Camera {id: flow.from}), (to:Camera {id: flow.to})
    MERGE (from)-[f:FLOW {hourOfDayUtc: flow.hour}]->(to) SET f.count = 9, f.medianSeconds = flow.seconds, f.meanSeconds = flow.seconds, f.p90Seconds = flow.seconds * 1.3`, {
    cameras: [['a', 'suwon'], ['b', 'suwon'], ['c', 'hwaseong'], ['d', 'osan']].map(([name, municipalityId]) => ({ id: flowCamera(name as string), municipalityId })),
    flows: [
      { from: flowCamera('a'), to: flowCamera('b'), hour: 23, seconds: 120 },
      { from: flowCamera('b'), to: flowCamera('c'), hour: 23, seconds: 300 },
      { from: flowCamera('c'), to: flowCamera('d'), hour: 23, seconds: 900 },
      { from: flowCamera('a'), to: flowCamera('d'), hour: 5, seconds: 60 },
    ],
  });
}, 120_000);

afterAll(async () => {
  await hub.neo4jDriver.executeQuery(`
    MATCH (v:Vehicle) WHERE v.id IN $vehicles OPTIONAL MATCH (v)-[:SIGHTED]->(s:Sighting) DETACH DELETE v, s`, { vehicles: [trackedId, flowVehicleId, longTrackId] });
  await hub.neo4jDriver.executeQuery('MATCH (c:Camera) WHERE c.id STARTS WITH $prefix DETACH DELETE c', { prefix: `it-cam-${run}-` });
  await hub.close();
});

describe('the tracking AI through the gateway', () => {
  it('reconstructs the route between every pair of sightings, with alternatives, probabilities and reasons', async () => {
    const response = await ask(as('police-officer'), `query($id: ID!) { vehicle(id: $id) { route {
      confidence lengthMeters model { scenario split }
      sightings { verdict sighting { id } }
      legs(first: 20) { from { id } to { id } elapsedSeconds hourOfDay alternatives(first: 4) { probability lengthMeters expectedSeconds roads(first: 8) { id municipality { id } }
        reasons { detourShare turnLogProbability timeLogLikelihood unseenCameras { id } } } } } } }`, { id: trackedId });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const route = (response.data?.vehicle as { route: { confidence: number; legs: { hourOfDay: number; alternatives: { probability: number; roads: unknown[] }[] }[]; sightings: { verdict: string }[]; model: { scenario: string } } }).route;
    expect(route.sightings).toHaveLength(passes.length);
    expect(route.sightings.every((s) => s.verdict === 'USED')).toBe(true);
    expect(route.legs).toHaveLength(passes.length - 1);
    expect(route.model.scenario).toBe('data/demo-city');
    for (const leg of route.legs) {
      expect(leg.hourOfDay).toBe(8);
      const shown = leg.alternatives.reduce((sum, a) => sum + a.probability, 0);
      expect(shown).toBeLessThanOrEqual(1 + 1e-9);
      expect(leg.alternatives.map((a) => a.probability)).toEqual([...leg.alternatives.map((a) => a.probability)].sort((a, b) => b - a));
      expect(leg.alternatives[0]?.roads.length).toBeGreaterThan(0);
    }
    expect(route.confidence).toBeGreaterThan(0);
  });

  it('forecasts the next cameras with probabilities that sum to at most one and arrival intervals after the latest sighting', async () => {
    const response = await ask(as('police-officer'), `query($id: ID!) { nextCameras(vehicleId: $id) {
      latest { id capturedAt } previous { id } hourOfDay
      forecasts(first: 3) { camera { id } municipality { id } probability arrival { lowSeconds medianSeconds highSeconds earliestAt expectedAt latestAt }
        reasons { roadModelProbability destinationProbability transitionsFromCamera { count total } transitionsAfterPrevious { count total } likeliestDrive(first: 10) { id } } } } }`, { id: trackedId });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const answer = response.data?.nextCameras as {
      latest: { id: string; capturedAt: string }; previous: { id: string } | null;
      forecasts: { probability: number; arrival: { lowSeconds: number; medianSeconds: number; highSeconds: number; earliestAt: string }; reasons: { destinationProbability: number } }[];
    };
    expect(answer.latest.id).toBe(`${trackedId}-${passes.length - 1}`);
    expect(answer.previous?.id).toBe(`${trackedId}-${passes.length - 2}`);
    expect(answer.forecasts.length).toBeGreaterThan(0);
    expect(answer.forecasts.reduce((sum, f) => sum + f.probability, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(answer.forecasts.reduce((sum, f) => sum + f.reasons.destinationProbability, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(answer.forecasts.some((f) => f.reasons.destinationProbability > 0)).toBe(true);
    for (const { arrival } of answer.forecasts) {
      expect(arrival.lowSeconds).toBeLessThan(arrival.medianSeconds);
      expect(arrival.medianSeconds).toBeLessThan(arrival.highSeconds);
      expect(Date.parse(arrival.earliestAt)).toBeGreaterThan(Date.parse(answer.latest.capturedAt));
    }
  });

  it('bug: a vehicle with more sightings than a list holds got its next cameras and interception plan from an old sighting', async () => {
    // The tracked vehicle's trip again and again, an hour apart, until there are more sightings than one list holds.
    const count = maxListSize + 7;
    await recordSightings(hub.neo4jDriver, Array.from({ length: count }, (_, i) => {
      const pass = passes[i % passes.length] as PassRecord;
      const seconds = Math.floor(i / passes.length) * 3600 + pass.atSeconds;
      return { id: `${longTrackId}-${i}`, vehicleId: longTrackId, cameraId: pass.cameraId, capturedAt: at(seconds), receivedAt: at(seconds + 2), matchKind: 'EXACT' as const, confidence: 0.9 };
    }));
    const response = await ask(as('police-officer'), `query($id: ID!, $units: [PatrolUnitInput!]!) { vehicle(id: $id) {
      nextCameras { latest { id } } interceptionPlan(units: $units) { latest { id } } } }`, {
      id: longTrackId, units: [{ id: 'unit-1', latitude: 37.2, longitude: 127.03 }],
    });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const vehicle = response.data?.vehicle as { nextCameras: { latest: { id: string } }; interceptionPlan: { latest: { id: string } } };
    expect(vehicle.nextCameras.latest.id).toBe(`${longTrackId}-${count - 1}`);
    expect(vehicle.interceptionPlan.latest.id).toBe(`${longTrackId}-${count - 1}`);
  });

  it('plans an interception for units placed at the latest camera\'s junction and far away', async () => {
    const latest = passes[passes.length - 1] as PassRecord;
    const cameras = JSON.parse(await readFile(join(import.meta.dirname, '../../data/demo-city/cameras.json'), 'utf8')) as { id: string; position: { latitude: number; longitude: number } }[];
    const position = cameras.find((c) => c.id === latest.cameraId)?.position;
    const response = await ask(as('police-officer'), `query($id: ID!, $units: [PatrolUnitInput!]!, $at: DateTime) {
      vehicle(id: $id) { interceptionPlan(units: $units, at: $at) { plannedAt latest { id }
        points(first: 3) { junctionId latitude longitude camera { id } municipality { id } unitId passProbability interceptProbability vehicleEtaSeconds unitSeconds slackSeconds } } } }`, {
      id: trackedId, at: at(latest.atSeconds),
      units: [{ id: 'near', latitude: position?.latitude, longitude: position?.longitude }, { id: 'far', latitude: 37.3, longitude: 127.2 }],
    });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const plan = (response.data?.vehicle as { interceptionPlan: { points: { unitId: string; interceptProbability: number; passProbability: number; slackSeconds: number }[] } }).interceptionPlan;
    expect(plan.points.length).toBeGreaterThan(0);
    const [best] = plan.points;
    expect(best?.interceptProbability).toBeLessThanOrEqual(best?.passProbability as number);
    expect(plan.points.map((p) => p.interceptProbability)).toEqual([...plan.points.map((p) => p.interceptProbability)].sort((a, b) => b - a));
  });

  it('plans an interception for the registered patrol units that reported lately, naming each unit by its call sign', async () => {
    const latest = passes[passes.length - 1] as PassRecord;
    const cameras = JSON.parse(await readFile(join(import.meta.dirname, '../../data/demo-city/cameras.json'), 'utf8')) as { id: string; position: { latitude: number; longitude: number } }[];
    const position = cameras.find((c) => c.id === latest.cameraId)?.position as { latitude: number; longitude: number };
    const plan = `query($id: ID!, $at: DateTime) { vehicle(id: $id) { patrolInterceptionPlan(at: $at) { latest { id }
      points(first: 5) { unitId unit { callSign } passProbability interceptProbability } } } }`;
    // Before any unit reported, there is nothing to plan with.
    expect(codesOf(await ask(as('police-officer'), plan, { id: trackedId, at: at(latest.atSeconds) }))).toEqual(['DS_NOT_FOUND']);

    const units = [
      { id: `near-${run}`, callSign: '수원11', latitude: position.latitude, longitude: position.longitude, reportedAt: new Date().toISOString() },
      { id: `far-${run}`, callSign: '오산21', latitude: 37.3, longitude: 127.2, reportedAt: new Date().toISOString() },
      { id: `stale-${run}`, callSign: '화성31', latitude: position.latitude, longitude: position.longitude, reportedAt: new Date(Date.now() - 10 * 60_000).toISOString() },
    ];
    for (const { callSign, latitude, longitude, reportedAt, id } of units) {
      const registered = await ask(as('police-investigator'), 'mutation($input: PatrolUnitRegistration!) { registerPatrolUnit(input: $input) { id } }', { input: { id, callSign } });
      expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();
      const reported = await ask(as('patrol-car'), 'mutation($input: PatrolPositionReport!) { reportPatrolPosition(input: $input) { recorded } }', {
        input: { unitId: id, latitude, longitude, reportedAt },
      }, false);
      expect(reported.data?.reportPatrolPosition).toEqual({ recorded: true });
    }

    const response = await ask(as('police-officer'), plan, { id: trackedId, at: at(latest.atSeconds) });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const answer = (response.data?.vehicle as { patrolInterceptionPlan: { latest: { id: string }; points: { unitId: string; unit: { callSign: string } | null; interceptProbability: number }[] } }).patrolInterceptionPlan;
    expect(answer.latest.id).toBe(`${trackedId}-${passes.length - 1}`);
    expect(answer.points.length).toBeGreaterThan(0);
    expect(answer.points.every((point) => point.unitId !== `stale-${run}`)).toBe(true);
    expect(answer.points.map((point) => [point.unitId, point.unit?.callSign])).toContainEqual([`near-${run}`, '수원11']);
    expect(codesOf(await ask(as('city-operator'), `{ patrolInterceptionPlan(vehicleId: "${trackedId}") { plannedAt } }`))).toEqual(['DS_AUTH_FORBIDDEN']);
  });

  it('walks the learned flows of the sighting\'s hour for the reachable set, and names the municipalities to alert first', async () => {
    const query = `query($id: ID!, $minutes: Int!) { reachableSet(vehicleId: $id, withinMinutes: $minutes) { withinMinutes hourOfDayUtc
      cameras { camera { id } municipality { id } seconds hops } municipalities { municipality { id } seconds } } }`;
    const response = await ask(as('police-officer'), query, { id: flowVehicleId, minutes: 10 });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(response.data?.reachableSet).toEqual({
      withinMinutes: 10, hourOfDayUtc: 23,
      cameras: [
        { camera: { id: flowCamera('b') }, municipality: { id: 'suwon' }, seconds: 120, hops: 1 },
        { camera: { id: flowCamera('c') }, municipality: { id: 'hwaseong' }, seconds: 420, hops: 2 },
      ],
      municipalities: [{ municipality: { id: 'suwon' }, seconds: 120 }, { municipality: { id: 'hwaseong' }, seconds: 420 }],
    });
    const wider = await ask(as('police-officer'), query, { id: flowVehicleId, minutes: 30 });
    expect((wider.data?.reachableSet as { cameras: unknown[] }).cameras).toHaveLength(3);
  });

  it('refuses bad arguments with coded errors', async () => {
    expect(codesOf(await ask(as('police-officer'), `{ reachableSet(vehicleId: "${flowVehicleId}", withinMinutes: 0) { withinMinutes } }`))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await ask(as('police-officer'), `{ interceptionPlan(vehicleId: "${trackedId}", units: []) { plannedAt } }`))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await ask(as('police-officer'), `{ nextCameras(vehicleId: "${flowVehicleId}") { hourOfDay } }`))).toEqual(['DS_TRACKING_NO_ROUTE']);
  });
});

describe('access to the tracking AI', () => {
  const fields = {
    'Query.vehicleRoute': `{ vehicleRoute(vehicleId: "${trackedId}") { confidence } }`,
    'Query.nextCameras': `{ nextCameras(vehicleId: "${trackedId}") { hourOfDay } }`,
    'Query.reachableSet': `{ reachableSet(vehicleId: "${flowVehicleId}", withinMinutes: 5) { withinMinutes } }`,
    'Query.interceptionPlan': `{ interceptionPlan(vehicleId: "${trackedId}", units: [{ id: "u", latitude: 37.2, longitude: 127.03 }]) { plannedAt } }`,
  };
  const cases = Object.entries(fields).flatMap(([field, query]) => [
    ['police-officer', field, query, 'allowed'], ['police-investigator', field, query, 'allowed'],
    ['city-operator', field, query, 'DS_AUTH_FORBIDDEN'], ['moj-officer', field, query, 'DS_AUTH_FORBIDDEN'], ['civic-developer', field, query, 'DS_AUTH_FORBIDDEN'],
  ] as const);

  it.each(cases)('%s reading %s', async (user, _field, query, expected) => {
    const response = await ask(as(user), query);
    if (expected === 'allowed') expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    else expect(codesOf(response)).toContain(expected);
  });

  it('needs a stated purpose and case number, and audits every answer', async () => {
    expect(codesOf(await ask(as('police-officer'), fields['Query.nextCameras'], {}, false))).toEqual(['DS_AUTH_PURPOSE_REQUIRED']);
    const name = `nextCamerasAudit_${run}`;
    await ask(as('police-officer'), `query ${name} { nextCameras(vehicleId: "${trackedId}") { hourOfDay } }`);
    const lines = (await readFile(join(hub.auditDir, auditFileName(1)), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const record = lines.find((line) => (line.operation as { name?: string }).name === name);
    expect(record).toMatchObject({ kind: 'access', agency: 'police', purpose, caseNumber, decision: { outcome: 'allowed' } });
    expect(record?.fields).toEqual(expect.arrayContaining(['Query.nextCameras']));
  });
});
