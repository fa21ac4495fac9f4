import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RequestAccess } from '../../domain/access/index.js';
import { parseHitDecisionLogEntry, type HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { startPoliceSubgraph } from './server.js';
import { createWantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';

interface GraphQLResponse {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: { code?: string } }[];
}

const { redisUrl } = inject('stackEndpoints');
const identitySecret = `police-int-test-${randomUUID()}`;
const keyPrefix = `ds:police:test-${randomUUID()}:`;
const patrolKeyPrefix = `ds:patrol:test-${randomUUID()}:`;
const decisionLogKey = `ds:hit-decisions:test-${randomUUID()}`;
const seedCase = '2026-경기남부-0142';

const officer: RequestAccess = { identity: sampleUsers['police-officer'], purpose: 'tracking a stolen vehicle', caseNumber: seedCase };
const officerWithoutPurpose: RequestAccess = { identity: sampleUsers['police-officer'] };
const investigator: RequestAccess = { identity: sampleUsers['police-investigator'], purpose: 'hotlist maintenance', caseNumber: seedCase };
const cityOperator: RequestAccess = { identity: sampleUsers['city-operator'] };
const hotlistReaderWithoutCases: RequestAccess = { identity: { ...sampleUsers['police-officer'], scopes: ['hotlist:read'] } };
// An edge node records hits with hits:write alone and learns back no personal data.
const hitRecorder: RequestAccess = { identity: sampleUsers['edge-node'] };
const patrolCar: RequestAccess = { identity: sampleUsers['patrol-car'] };

let redis: Redis;
let subgraph: RunningSubgraph;

const start = () => startPoliceSubgraph({ host: '127.0.0.1', port: 0, identitySecret, redis, keyPrefix, patrolKeyPrefix, decisionLogKey });

async function execute(query: string, variables: Record<string, unknown> = {}, access?: RequestAccess): Promise<GraphQLResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const body = JSON.stringify({ query, variables });
  if (access) headers[identityHeaderName] = await signIdentityHeader(access, identitySecret, { subgraph: 'police', method: 'POST', path: '/graphql', body });
  const response = await fetch(subgraph.url, { method: 'POST', headers, body });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
}

const codesOf = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

async function openTestCase(): Promise<string> {
  const caseNumber = `TEST-${randomUUID().slice(0, 8)}`;
  const opened = await execute('mutation($input: CaseInput!) { openCase(input: $input) { caseNumber } }', { input: { caseNumber, title: '통합 테스트 사건' } }, investigator);
  expect(opened.errors).toBeUndefined();
  return caseNumber;
}

async function addWantedVehicle(input: Record<string, unknown>): Promise<GraphQLResponse> {
  return execute(
    'mutation($input: WantedVehicleInput!) { addWantedVehicle(input: $input) { id kind plate platePattern status owningAgency priority case { caseNumber } } }',
    { input: { reason: 'STOLEN', priority: 60, ...input } },
    investigator,
  );
}

beforeAll(async () => {
  redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  subgraph = await start();
});

afterAll(async () => {
  await subgraph.close();
  for (const prefix of [keyPrefix, patrolKeyPrefix]) {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  }
  await redis.del(decisionLogKey);
  await redis.quit();
});

async function recordTestHit(capturedAt: string): Promise<{ hitId: string; wantedVehicleId: string }> {
  const caseNumber = await openTestCase();
  const { id: wantedVehicleId } = (await addWantedVehicle({ plate: '321가7654', caseNumber })).data?.addWantedVehicle as { id: string };
  const recorded = await execute('mutation($input: HitInput!) { recordHit(input: $input) { id } }', {
    input: { wantedVehicleId, cameraId: 'cam-hwaseong-02', capturedAt, receivedAt: capturedAt, matchKind: 'EXACT', confidence: 0.9 },
  }, hitRecorder);
  return { hitId: (recorded.data?.recordHit as { id: string }).id, wantedVehicleId };
}

async function announcedDecisions(): Promise<HitDecisionEvent[]> {
  return (await redis.xrange(decisionLogKey, '-', '+')).flatMap(([, fields]) => parseHitDecisionLogEntry(fields) ?? []);
}

describe('the police subgraph over Redis', () => {
  it('answers no request without the gateway-signed identity header (401)', async () => {
    const response = await execute('{ wantedVehicles { id } }');
    expect(response.status).toBe(401);
    expect(codesOf(response)).toEqual(['DS_AUTH_UNAUTHENTICATED']);
  });

  it('seeds the demo region\'s cases and wanted vehicles into an empty store, keeping their ids', async () => {
    const response = await execute(`{
      full: wantedVehicle(id: "wv-0001") { id kind plate platePattern status owningAgency priority case { caseNumber title } }
      partial: wantedVehicle(id: "wv-0003") { id kind plate platePattern }
    }`, {}, officer);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      full: {
        id: 'wv-0001', kind: 'FULL_PLATE', plate: '123가4567', platePattern: null, status: 'ACTIVE', owningAgency: 'police', priority: 80,
        case: { caseNumber: seedCase, title: '수원 차량 절도 (도난 차량 추적)' },
      },
      partial: { id: 'wv-0003', kind: 'PARTIAL_PLATE', plate: null, platePattern: '12가34??' },
    });
  });

  it('opens a case for the caller\'s agency, once per case number', async () => {
    const caseNumber = `TEST-${randomUUID().slice(0, 8)}`;
    const mutation = 'mutation($input: CaseInput!) { openCase(input: $input) { caseNumber title leadAgency status wantedVehicles { id } } }';
    const opened = await execute(mutation, { input: { caseNumber, title: '화성 차량 절도' } }, investigator);
    expect(opened.data?.openCase).toEqual({ caseNumber, title: '화성 차량 절도', leadAgency: 'police', status: 'OPEN', wantedVehicles: [] });
    const again = await execute(mutation, { input: { caseNumber, title: '중복' } }, investigator);
    expect(codesOf(again)).toEqual(['DS_CONFLICT']);
  });

  it('adds a wanted vehicle under its canonical plate, owned by the caller\'s agency, to its case', async () => {
    const caseNumber = await openTestCase();
    const added = await addWantedVehicle({ plate: '서울 12 가 3456', caseNumber });
    expect(added.errors).toBeUndefined();
    const entry = added.data?.addWantedVehicle as { id: string };
    expect(entry).toMatchObject({ kind: 'FULL_PLATE', plate: '서울12가3456', platePattern: null, status: 'ACTIVE', owningAgency: 'police', case: { caseNumber } });
    expect(entry.id).toMatch(/^wv-/);
    const listed = await execute('query($n: ID!) { case(caseNumber: $n) { wantedVehicles { id } } }', { n: caseNumber }, officer);
    expect(listed.data?.case).toEqual({ wantedVehicles: [{ id: entry.id }] });
  });

  it('refuses what the wanted list cannot hold, each with its code', async () => {
    const caseNumber = await openTestCase();
    expect(codesOf(await addWantedVehicle({ plate: '123갸4567', caseNumber }))).toEqual(['DS_PLATE_UNKNOWN_SYLLABLE']);
    expect(codesOf(await addWantedVehicle({ platePattern: '1???????', caseNumber }))).toEqual(['DS_PLATE_PATTERN_INVALID']);
    expect(codesOf(await addWantedVehicle({ plate: '123가4567', platePattern: '12가34??', caseNumber }))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await addWantedVehicle({ plate: '123가4567', priority: 101, caseNumber }))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await addWantedVehicle({ plate: '123가4567', caseNumber: `TEST-MISSING-${randomUUID().slice(0, 8)}` }))).toEqual(['DS_NOT_FOUND']);
  });

  it('computes EXPIRED from validUntil and lists entries by status', async () => {
    const caseNumber = await openTestCase();
    const expiredId = `wv-test-${randomUUID()}`;
    // The API refuses a validity already past, so the lapsed entry is written straight into the store.
    await createWantedVehicleStore(redis, policeKeys(keyPrefix)).add({
      id: expiredId, kind: 'FULL_PLATE', plate: '45너7891', reason: 'OTHER', priority: 100, caseNumber, owningAgency: 'police',
      validFrom: '2026-01-01T00:00:00+09:00', validUntil: '2026-01-02T00:00:00+09:00', createdAt: '2026-01-01T00:00:00+09:00', createdBy: 'test',
    });
    const listed = await execute(`{
      expired: wantedVehicles(status: EXPIRED) { id status }
      active: wantedVehicles { id }
    }`, {}, officer);
    expect(listed.data?.expired).toContainEqual({ id: expiredId, status: 'EXPIRED' });
    expect(listed.data?.active).not.toContainEqual({ id: expiredId });
    expect(listed.data?.active).toContainEqual({ id: 'wv-0001' });
  });

  it('revokes an entry once; a second revocation is a conflict', async () => {
    const caseNumber = await openTestCase();
    const { id } = (await addWantedVehicle({ plate: '78다1234', caseNumber })).data?.addWantedVehicle as { id: string };
    const mutation = 'mutation($id: ID!) { revokeWantedVehicle(id: $id, reason: "vehicle recovered") { id status } }';
    expect((await execute(mutation, { id }, investigator)).data?.revokeWantedVehicle).toEqual({ id, status: 'REVOKED' });
    expect(codesOf(await execute(mutation, { id }, investigator))).toEqual(['DS_CONFLICT']);
    expect(codesOf(await execute(mutation, { id: `wv-missing-${randomUUID()}` }, investigator))).toEqual(['DS_NOT_FOUND']);
  });

  it('records a forwarded hit once however often it is replayed, and decides only PENDING hits', async () => {
    const caseNumber = await openTestCase();
    const { id: wantedVehicleId } = (await addWantedVehicle({ plate: '321가7654', caseNumber })).data?.addWantedVehicle as { id: string };
    const input = {
      wantedVehicleId, cameraId: 'cam-suwon-01', capturedAt: '2026-11-25T09:00:00+09:00', receivedAt: '2026-11-25T09:00:01+09:00',
      matchKind: 'POSSIBLE', substitution: '거→가 at position 3', confidence: 0.81,
    };
    const record = 'mutation($input: HitInput!) { recordHit(input: $input) { id status duplicate } }';
    const first = await execute(record, { input }, hitRecorder);
    expect(first.errors).toBeUndefined();
    const hit = first.data?.recordHit as { id: string };
    expect(hit).toMatchObject({ status: 'PENDING', duplicate: false });
    const replay = await execute(record, { input: { ...input, capturedAt: '2026-11-25T00:00:00Z' } }, hitRecorder);
    expect(replay.data?.recordHit).toEqual({ id: hit.id, status: 'PENDING', duplicate: true });
    const stored = await execute(`{ hits { id matchKind substitution camera { id } wantedVehicle { id } } }`, {}, officer);
    expect(stored.data?.hits).toContainEqual({
      id: hit.id, matchKind: 'POSSIBLE', substitution: '거→가 at position 3', camera: { id: 'cam-suwon-01' }, wantedVehicle: { id: wantedVehicleId },
    });

    const pending = await execute('{ hits { id } }', {}, officer);
    expect(pending.data?.hits).toContainEqual({ id: hit.id });

    const decide = 'mutation($id: ID!) { decideHit(id: $id, decision: ACCEPT, reason: "plate confirmed on footage") { id status decidedBy decidedAt decisionReason } }';
    const decided = await execute(decide, { id: hit.id }, officer);
    expect(decided.data?.decideHit).toMatchObject({ id: hit.id, status: 'ACCEPTED', decidedBy: 'police-officer-kim', decisionReason: 'plate confirmed on footage' });
    expect(codesOf(await execute(decide, { id: hit.id }, officer))).toEqual(['DS_CONFLICT']);
    expect(codesOf(await execute(decide, { id: `hit-missing-${randomUUID()}` }, officer))).toEqual(['DS_NOT_FOUND']);

    const after = await execute(`query($id: ID!) {
      pending: hits { id }
      accepted: hits(status: ACCEPTED) { id }
      wantedVehicle(id: $id) { hits { id status } accepted: hits(status: ACCEPTED) { id } rejected: hits(status: REJECTED) { id } }
    }`, { id: wantedVehicleId }, officer);
    expect(after.data?.pending).not.toContainEqual({ id: hit.id });
    expect(after.data?.accepted).toContainEqual({ id: hit.id });
    expect(after.data?.wantedVehicle).toEqual({ hits: [{ id: hit.id, status: 'ACCEPTED' }], accepted: [{ id: hit.id }], rejected: [] });
  });

  it('refuses a hit for a wanted vehicle that does not exist', async () => {
    const response = await execute('mutation($input: HitInput!) { recordHit(input: $input) { id } }', {
      input: {
        wantedVehicleId: `wv-missing-${randomUUID()}`, cameraId: 'cam-suwon-01', capturedAt: '2026-11-25T09:00:00+09:00',
        receivedAt: '2026-11-25T09:00:01+09:00', matchKind: 'EXACT', confidence: 0.9,
      },
    }, hitRecorder);
    expect(codesOf(response)).toEqual(['DS_NOT_FOUND']);
  });

  it('resolves WantedVehicle, Case and Hit references for the gateway (_entities)', async () => {
    const caseNumber = await openTestCase();
    const { id: wantedVehicleId } = (await addWantedVehicle({ plate: '654나3210', caseNumber })).data?.addWantedVehicle as { id: string };
    const { id: hitId } = (await execute('mutation($input: HitInput!) { recordHit(input: $input) { id } }', {
      input: {
        wantedVehicleId, cameraId: 'cam-osan-01', capturedAt: '2026-11-25T10:00:00+09:00', receivedAt: '2026-11-25T10:00:01+09:00',
        matchKind: 'EXACT', confidence: 0.97,
      },
    }, hitRecorder)).data?.recordHit as { id: string };
    const response = await execute(`query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on WantedVehicle { id plate }
        ... on Case { caseNumber leadAgency }
        ... on Hit { id camera { id } wantedVehicle { id } }
      }
    }`, {
      representations: [
        { __typename: 'WantedVehicle', id: wantedVehicleId },
        { __typename: 'Case', caseNumber },
        { __typename: 'Hit', id: hitId },
        { __typename: 'WantedVehicle', id: `wv-missing-${randomUUID()}` },
      ],
    }, officer);
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { id: wantedVehicleId, plate: '654나3210' },
      { caseNumber, leadAgency: 'police' },
      { id: hitId, camera: { id: 'cam-osan-01' }, wantedVehicle: { id: wantedVehicleId } },
      null,
    ]);
  });

  it('withholds wanted-list entries from a city operator, even by reference (DS_AUTH_FORBIDDEN)', async () => {
    const response = await execute(
      '{ _entities(representations: [{ __typename: "WantedVehicle", id: "wv-0001" }]) { ... on WantedVehicle { id priority plate } } }',
      {}, cityOperator,
    );
    expect(response.data?._entities).toEqual([null]);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ path: ['_entities', 0], extensions: { code: 'DS_AUTH_FORBIDDEN' } });
    expect(JSON.stringify(response)).not.toContain('123가4567');
  });

  it('refuses cases to a city operator, a refused reference failing alone', async () => {
    const byField = await execute(`{ case(caseNumber: "${seedCase}") { title } }`, {}, cityOperator);
    expect(byField.data).toEqual({ case: null });
    expect(codesOf(byField)).toEqual(['DS_AUTH_FORBIDDEN']);
    const byReference = await execute(`{
      _entities(representations: [{ __typename: "Case", caseNumber: "${seedCase}" }, { __typename: "WantedVehicle", id: "wv-0001" }]) {
        ... on Case { title }
        ... on WantedVehicle { id priority }
      }
    }`, {}, hotlistReaderWithoutCases);
    expect(byReference.data).toEqual({ _entities: [null, { id: 'wv-0001', priority: 80 }] });
    expect(byReference.errors).toHaveLength(1);
    expect(byReference.errors?.[0]).toMatchObject({ path: ['_entities', 0], extensions: { code: 'DS_AUTH_FORBIDDEN' } });
  });

  it('asks for a purpose and a case number before serving a plate (DS_AUTH_PURPOSE_REQUIRED)', async () => {
    const response = await execute('{ wantedVehicle(id: "wv-0001") { id reason plate } }', {}, officerWithoutPurpose);
    expect(response.data?.wantedVehicle).toEqual({ id: 'wv-0001', reason: 'STOLEN', plate: null });
    expect(response.errors?.[0]).toMatchObject({ path: ['wantedVehicle', 'plate'], extensions: { code: 'DS_AUTH_PURPOSE_REQUIRED' } });
  });

  it('keeps its data across a restart of the subgraph, without seeding again', async () => {
    const caseNumber = await openTestCase();
    const { id } = (await addWantedVehicle({ plate: '98우7654', caseNumber })).data?.addWantedVehicle as { id: string };
    const entriesBefore = await redis.zcard(policeKeys(keyPrefix).wantedVehiclesByPriority);
    await subgraph.close();
    subgraph = await start();
    const response = await execute('query($id: ID!) { wantedVehicle(id: $id) { id plate case { caseNumber } } }', { id }, officer);
    expect(response.data?.wantedVehicle).toEqual({ id, plate: '98우7654', case: { caseNumber } });
    expect(await redis.zcard(policeKeys(keyPrefix).wantedVehiclesByPriority)).toBe(entriesBefore);
  });

  it('decides a hit with a reason code and a note, and records it once on the decision log its effects follow from', async () => {
    const { hitId, wantedVehicleId } = await recordTestHit('2026-11-25T11:00:00+09:00');
    const decide = `mutation($id: ID!, $note: String) {
      decideHit(id: $id, decision: REJECT, reasonCode: MISREAD, note: $note) { id status decidedBy decisionReasonCode decisionNote decisionReason }
    }`;
    const decided = await execute(decide, { id: hitId, note: '8을 3으로 오독' }, officer);
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideHit).toEqual({
      id: hitId, status: 'REJECTED', decidedBy: 'police-officer-kim', decisionReasonCode: 'MISREAD', decisionNote: '8을 3으로 오독', decisionReason: '8을 3으로 오독',
    });
    const expected = {
      hitId, wantedVehicleId, cameraId: 'cam-hwaseong-02', capturedAt: '2026-11-25T11:00:00+09:00', status: 'REJECTED',
      decidedBy: 'police-officer-kim', decidedAt: expect.any(String), reasonCode: 'MISREAD',
    };
    expect((await announcedDecisions()).filter((event) => event.hitId === hitId)).toEqual([expected]);

    // A second decision is refused and records nothing.
    expect(codesOf(await execute(decide, { id: hitId }, officer))).toEqual(['DS_CONFLICT']);
    expect((await announcedDecisions()).filter((event) => event.hitId === hitId)).toHaveLength(1);
  });

  it('refuses a decision whose reason does not fit, each with DS_INVALID_INPUT, leaving the hit PENDING', async () => {
    const { hitId } = await recordTestHit('2026-11-25T11:05:00+09:00');
    const attempts = [
      'decideHit(id: $id, decision: ACCEPT, reasonCode: MISREAD)',
      'decideHit(id: $id, decision: REJECT, reasonCode: PLATE_CONFIRMED)',
      'decideHit(id: $id, decision: REJECT, reasonCode: OTHER)',
      'decideHit(id: $id, decision: ACCEPT)',
      'decideHit(id: $id, decision: ACCEPT, reasonCode: PLATE_CONFIRMED, reason: "both")',
    ];
    for (const attempt of attempts) expect(codesOf(await execute(`mutation($id: ID!) { ${attempt} { id } }`, { id: hitId }, officer))).toEqual(['DS_INVALID_INPUT']);
    const after = await execute('query($id: ID!) { hit(id: $id) { status decisionReasonCode } }', { id: hitId }, officer);
    expect(after.data?.hit).toEqual({ status: 'PENDING', decisionReasonCode: null });
    expect((await announcedDecisions()).filter((event) => event.hitId === hitId)).toEqual([]);
  });

  it('registers patrol units, keeps their latest position report and leaves stale ones out unless asked', async () => {
    const register = 'mutation($input: PatrolUnitRegistration!) { registerPatrolUnit(input: $input) { id callSign stale position { latitude } } }';
    expect((await execute(register, { input: { id: 'suwon-11', callSign: '수원11' } }, investigator)).data?.registerPatrolUnit)
      .toEqual({ id: 'suwon-11', callSign: '수원11', stale: true, position: null });
    expect(codesOf(await execute(register, { input: { id: 'suwon-11', callSign: '수원11' } }, investigator))).toEqual(['DS_CONFLICT']);
    await execute(register, { input: { id: 'osan-21', callSign: '오산21' } }, investigator);

    const report = 'mutation($input: PatrolPositionReport!) { reportPatrolPosition(input: $input) { unitId recorded } }';
    const now = Date.now();
    const at = (msAgo: number) => new Date(now - msAgo).toISOString();
    const fresh = { unitId: 'suwon-11', latitude: 37.2636, longitude: 127.0286, reportedAt: at(5_000), headingDegrees: 90, speedKmh: 40 };
    expect((await execute(report, { input: fresh }, patrolCar)).data?.reportPatrolPosition).toEqual({ unitId: 'suwon-11', recorded: true });
    // Out of order: an older report arriving later is kept out.
    expect((await execute(report, { input: { ...fresh, latitude: 37.3, reportedAt: at(10_000) } }, patrolCar)).data?.reportPatrolPosition)
      .toEqual({ unitId: 'suwon-11', recorded: false });
    await execute(report, { input: { unitId: 'osan-21', latitude: 37.15, longitude: 127.07, reportedAt: at(5 * 60_000) } }, patrolCar);

    const listed = await execute(`{
      fresh: patrolUnits { id stale position { latitude longitude headingDegrees speedKmh } }
      all: patrolUnits(includeStale: true) { id stale }
    }`, {}, officer);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.fresh).toEqual([{ id: 'suwon-11', stale: false, position: { latitude: 37.2636, longitude: 127.0286, headingDegrees: 90, speedKmh: 40 } }]);
    expect(listed.data?.all).toEqual([{ id: 'osan-21', stale: true }, { id: 'suwon-11', stale: false }]);
  });

  it('refuses bad position reports with their codes, and patrol data to those without its scopes', async () => {
    const report = 'mutation($input: PatrolPositionReport!) { reportPatrolPosition(input: $input) { unitId recorded } }';
    const input = { unitId: 'suwon-11', latitude: 37.2636, longitude: 127.0286, reportedAt: new Date().toISOString() };
    expect(codesOf(await execute(report, { input: { ...input, latitude: 91 } }, patrolCar))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await execute(report, { input: { ...input, reportedAt: new Date(Date.now() + 3_600_000).toISOString() } }, patrolCar))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await execute(report, { input: { ...input, unitId: `unknown-${randomUUID().slice(0, 8)}` } }, patrolCar))).toEqual(['DS_NOT_FOUND']);
    expect(codesOf(await execute(report, { input }, cityOperator))).toEqual(['DS_AUTH_FORBIDDEN']);
    expect(codesOf(await execute('{ patrolUnits { id } }', {}, cityOperator))).toEqual(['DS_AUTH_FORBIDDEN']);
    expect(codesOf(await execute('{ patrolUnits { id } }', {}, patrolCar))).toEqual(['DS_AUTH_FORBIDDEN']);
  });
});
