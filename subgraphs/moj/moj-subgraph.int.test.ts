import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity, RequestAccess } from '../../domain/access/index.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { createMonitoredSubjectStore } from './monitored-subject-store.js';
import { mojKeys } from './moj-keys.js';
import { riskLevels, type MonitoredSubjectRecord } from './subject-records.js';
import { createMojSubgraph, startMojSubgraph } from './server.js';

const { redisUrl } = inject('stackEndpoints');
const secret = randomBytes(32).toString('hex');
const prefix = `t${randomUUID().slice(0, 8)}-`;
const purpose = { purpose: '뺑소니 용의 차량 추적', caseNumber: '2026-경기남부-0157' };
const mojOfficer: RequestAccess = { identity: sampleUsers['moj-officer'], ...purpose };
const investigator: RequestAccess = { identity: sampleUsers['police-investigator'], ...purpose };

const testSubject: MonitoredSubjectRecord = {
  id: `${prefix}subject`, alias: 'TEST-1', riskLevel: 'HIGH',
  latestPosition: { position: { latitude: 37.2, longitude: 127.05 }, recordedAt: '2026-11-25T08:40:00+09:00', accuracyMeters: 9.5 },
  geofenceEvents: [
    { id: `${prefix}gf-1`, kind: 'ENTERED_EXCLUSION_ZONE', zoneName: '시험 초등학교 300m', at: '2026-11-24T10:00:00+09:00', position: { latitude: 37.21, longitude: 127.04 } },
    { id: `${prefix}gf-2`, kind: 'DEVICE_TAMPER', zoneName: '자택', at: '2026-11-25T07:00:00+09:00', position: { latitude: 37.2, longitude: 127.05 } },
  ],
  linkedVehicles: [{ plate: '12가3456', relation: 'registered keeper' }],
};
const quietSubject: MonitoredSubjectRecord = {
  id: `${prefix}quiet`, alias: 'TEST-2', riskLevel: 'LOW', latestPosition: null, geofenceEvents: [], linkedVehicles: [],
};

let app: FastifyInstance;
let redis: Redis;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string } }[];
}

async function graphql(access: RequestAccess | undefined, query: string, variables: Record<string, unknown> = {}) {
  const body = JSON.stringify({ query, variables });
  const headers = {
    'content-type': 'application/json',
    ...(access ? { [identityHeaderName]: await signIdentityHeader(access, secret, { subgraph: 'moj', method: 'POST', path: '/graphql', body }) } : {}),
  };
  const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: body });
  return { status: response.statusCode, body: response.json<GraphQLBody>() };
}

const codesOf = (body: GraphQLBody) => (body.errors ?? []).map((error) => error.extensions.code);
const subjectQuery = (id: string) => `{ monitoredSubject(id: "${id}") { id alias riskLevel } }`;

beforeAll(async () => {
  app = await createMojSubgraph({ identitySecret: secret, redisUrl });
  redis = new Redis(redisUrl);
  const store = createMonitoredSubjectStore(redis);
  await store.save(testSubject);
  await store.save(quietSubject);
});

afterAll(async () => {
  const ids = [testSubject.id, quietSubject.id];
  const transaction = redis.multi()
    .del(...ids.flatMap((id) => [mojKeys.subject(id), mojKeys.latestPosition(id), mojKeys.geofenceEvents(id), mojKeys.linkedVehicles(id)]))
    .zrem(mojKeys.subjectIds, ...ids);
  for (const level of riskLevels) transaction.zrem(mojKeys.subjectIdsAtRisk(level), ...ids);
  await transaction.exec();
  await redis.quit();
  await app.close();
});

describe('the moj subgraph', () => {
  it('serves a monitoring officer everything about a subject, with a purpose and a case number', async () => {
    const { body } = await graphql(mojOfficer, `{
      monitoredSubject(id: "${testSubject.id}") {
        id alias riskLevel
        latestPosition { position { latitude longitude } recordedAt accuracyMeters }
        geofenceEvents { id kind zoneName at position { latitude longitude } }
        linkedVehicles { plate relation }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.monitoredSubject).toEqual({
      id: testSubject.id, alias: 'TEST-1', riskLevel: 'HIGH',
      latestPosition: testSubject.latestPosition, geofenceEvents: testSubject.geofenceEvents, linkedVehicles: testSubject.linkedVehicles,
    });
  });

  it('serves the demo subjects it seeds into an empty store', async () => {
    const { body } = await graphql(investigator, '{ monitoredSubject(id: "moj-subj-001") { alias linkedVehicles { plate } } }');
    expect(body.data?.monitoredSubject).toEqual({ alias: 'ANKLE-7', linkedVehicles: [{ plate: '45너7890' }] });
  });

  it('filters geofence events by time, since included', async () => {
    const query = (since: string) => `{ monitoredSubject(id: "${testSubject.id}") { geofenceEvents(since: "${since}") { id } } }`;
    const fromTamper = await graphql(mojOfficer, query('2026-11-25T07:00:00+09:00'));
    expect(fromTamper.body.data?.monitoredSubject).toEqual({ geofenceEvents: [{ id: `${prefix}gf-2` }] });
    const later = await graphql(mojOfficer, query('2026-11-24T22:00:01Z'));
    expect(later.body.data?.monitoredSubject).toEqual({ geofenceEvents: [] });
    const bad = await graphql(mojOfficer, query('last week'));
    expect(codesOf(bad.body)).toEqual(['DS_INVALID_INPUT']);
  });

  it('lists subjects by risk level, bounded by first', async () => {
    const list = async (args: string) => {
      const { body } = await graphql(mojOfficer, `{ monitoredSubjects(${args}) { id riskLevel } }`);
      return body;
    };
    const high = (await list('riskLevel: HIGH, first: 500')).data?.monitoredSubjects as { id: string; riskLevel: string }[];
    expect(high.map((subject) => subject.id)).toEqual(expect.arrayContaining([testSubject.id, 'moj-subj-001']));
    expect(high.map((subject) => subject.id)).not.toContain(quietSubject.id);
    expect(new Set(high.map((subject) => subject.riskLevel))).toEqual(new Set(['HIGH']));
    expect((await list('first: 1')).data?.monitoredSubjects).toHaveLength(1);
    expect(codesOf(await list('first: 501'))).toEqual(['DS_QUERY_LIST_TOO_LARGE']);
  });

  it('answers null for a subject it does not know', async () => {
    const { body } = await graphql(mojOfficer, subjectQuery(`${prefix}nobody`));
    expect(body).toEqual({ data: { monitoredSubject: null } });
  });

  it('refuses a request without the identity header (401 DS_AUTH_UNAUTHENTICATED)', async () => {
    const { status, body } = await graphql(undefined, subjectQuery(testSubject.id));
    expect(status).toBe(401);
    expect(codesOf(body)).toEqual(['DS_AUTH_UNAUTHENTICATED']);
  });

  const policeWithMojScopeAtClearance2: Identity = {
    ...sampleUsers['police-officer'], scopes: [...sampleUsers['police-officer'].scopes, 'moj:subjects:read'],
  };

  it.each<[string, string, RequestAccess]>([
    ['a fire dispatcher (wrong agency)', 'DS_AUTH_FORBIDDEN', { identity: sampleUsers['fire-dispatcher'], ...purpose }],
    ['a city operator (wrong agency)', 'DS_AUTH_FORBIDDEN', { identity: sampleUsers['city-operator'], ...purpose }],
    ['a police officer without the moj scope', 'DS_AUTH_FORBIDDEN', { identity: sampleUsers['police-officer'], ...purpose }],
    ['a police officer with the scope but clearance 2', 'DS_AUTH_CLEARANCE', { identity: policeWithMojScopeAtClearance2, ...purpose }],
    ['an investigator without a case number', 'DS_AUTH_PURPOSE_REQUIRED', { identity: sampleUsers['police-investigator'], purpose: purpose.purpose }],
    ['an investigator without a purpose', 'DS_AUTH_PURPOSE_REQUIRED', { identity: sampleUsers['police-investigator'], caseNumber: purpose.caseNumber }],
  ])('refuses %s with %s, per field, revealing nothing', async (_name, code, access) => {
    const { status, body } = await graphql(access, `{
      one: monitoredSubject(id: "${testSubject.id}") { alias }
      all: monitoredSubjects { alias }
    }`);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.map((error) => [error.path?.[0], error.extensions.code])).toEqual([['one', code], ['all', code]]);
    expect(JSON.stringify(body)).not.toContain('TEST-1');
  });

  it('guards entity fetches by reference just as queries', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on MonitoredSubject { id alias linkedVehicles { plate } } }
    }`;
    const representations = [{ __typename: 'MonitoredSubject', id: testSubject.id }, { __typename: 'MonitoredSubject', id: `${prefix}nobody` }];
    const allowed = await graphql(investigator, query, { representations });
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?._entities).toEqual([{ id: testSubject.id, alias: 'TEST-1', linkedVehicles: [{ plate: '12가3456' }] }, null]);
    const refused = await graphql({ identity: sampleUsers['fire-dispatcher'] }, query, { representations });
    expect(refused.body.data?._entities).toEqual([null, null]);
    expect(refused.body.errors?.map((error) => [error.path, error.extensions.code])).toEqual([
      [['_entities', 0], 'DS_AUTH_FORBIDDEN'], [['_entities', 1], 'DS_AUTH_FORBIDDEN'],
    ]);
    const withoutCase = await graphql({ identity: sampleUsers['moj-officer'], purpose: purpose.purpose }, query, { representations });
    expect(codesOf(withoutCase.body)).toEqual(['DS_AUTH_PURPOSE_REQUIRED', 'DS_AUTH_PURPOSE_REQUIRED']);
    expect(JSON.stringify([refused.body, withoutCase.body])).not.toContain('TEST-1');
  });

  it('keeps its subjects across a restart of the subgraph', async () => {
    await app.close();
    app = await createMojSubgraph({ identitySecret: secret, redisUrl });
    const { body } = await graphql(mojOfficer, `{ monitoredSubject(id: "${quietSubject.id}") { alias latestPosition { recordedAt } geofenceEvents { id } } }`);
    expect(body.data?.monitoredSubject).toEqual({ alias: 'TEST-2', latestPosition: null, geofenceEvents: [] });
  });

  it('answers over HTTP when started on a port', async () => {
    const running = await startMojSubgraph({ identitySecret: secret, redisUrl, host: '127.0.0.1', port: 0 });
    try {
      const body = JSON.stringify({ query: subjectQuery(testSubject.id) });
      const identity = await signIdentityHeader(mojOfficer, secret, { subgraph: 'moj', method: 'POST', path: '/graphql', body });
      const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', [identityHeaderName]: identity }, body });
      expect(await response.json()).toEqual({ data: { monitoredSubject: { id: testSubject.id, alias: 'TEST-1', riskLevel: 'HIGH' } } });
    } finally {
      await running.close();
    }
  });
});
