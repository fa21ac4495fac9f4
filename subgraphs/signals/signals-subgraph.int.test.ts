import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../../domain/access/index.js';
import { haversineMeters } from '../../domain/geo/index.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import type { IntersectionRecord } from './intersection-records.js';
import { createIntersectionStore } from './intersection-store.js';
import { createSignalsSubgraph, startSignalsSubgraph, type SignalsSubgraphOptions } from './server.js';
import { signalsKeys } from './signals-keys.js';

const { redisUrl } = inject('stackEndpoints');
const secret = randomBytes(32).toString('hex');
const prefix = `t${randomUUID().slice(0, 8)}-`;
const engineer = sampleUsers['signals-engineer'];
const options: SignalsSubgraphOptions = {
  identitySecret: secret, redisUrl, clock: { now: () => new Date('2026-11-25T08:30:00+09:00'), timeZone: 'Asia/Seoul' },
};

// Far from the demo region, so no test intersection is ever the nearest to a demo camera, nor the reverse.
const testIntersection: IntersectionRecord = {
  id: `${prefix}int`, name: '시험 교차로', position: { latitude: -60, longitude: -150 },
  approaches: [{ id: `${prefix}int-N`, from: 'N', lanes: 2 }, { id: `${prefix}int-S`, from: 'S', lanes: 1 }],
  phasePlans: [
    { id: `${prefix}base`, cycleSeconds: 90, validFromHour: 6, validToHour: 22, phases: [{ name: 'NS', greenSeconds: 60, approachIds: [`${prefix}int-N`, `${prefix}int-S`] }] },
    { id: `${prefix}night`, cycleSeconds: 60, validFromHour: 22, validToHour: 6, phases: [{ name: 'NS flash', greenSeconds: 30, approachIds: [`${prefix}int-N`] }] },
  ],
};

let app: FastifyInstance;
let redis: Redis;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string; problems?: string[] } }[];
}

async function graphql(identity: Identity | undefined, query: string, variables: Record<string, unknown> = {}) {
  const body = JSON.stringify({ query, variables });
  const headers = {
    'content-type': 'application/json',
    ...(identity ? { [identityHeaderName]: await signIdentityHeader({ identity }, secret, { subgraph: 'signals', method: 'POST', path: '/graphql', body }) } : {}),
  };
  const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: body });
  return { status: response.statusCode, body: response.json<GraphQLBody>() };
}

const codesOf = (body: GraphQLBody) => (body.errors ?? []).map((error) => error.extensions.code);

const record = 'mutation ($volumes: [HourlyVolumeInput!]!) { recordHourlyVolumes(volumes: $volumes) }';
const volumesOf = (from: string, to: string) => `{
  intersection(id: "${prefix}int") { approaches { id hourlyVolumes(from: "${from}", to: "${to}") { hourStart vehicles } } }
}`;

beforeAll(async () => {
  app = await createSignalsSubgraph(options);
  redis = new Redis(redisUrl);
  await createIntersectionStore(redis).save(testIntersection);
});

afterAll(async () => {
  const approachIds = testIntersection.approaches.map((approach) => approach.id);
  await redis.multi()
    .del(signalsKeys.intersection(testIntersection.id), ...approachIds.map(signalsKeys.hourlyVolumes))
    .zrem(signalsKeys.intersectionIds, testIntersection.id)
    .hdel(signalsKeys.approachIntersections, ...approachIds)
    .exec();
  await redis.quit();
  await app.close();
});

describe('the signals subgraph', () => {
  it('serves the demo intersections it seeds into an empty store, with the plan in force at an hour', async () => {
    const { body } = await graphql(engineer, `{
      intersection(id: "int-suwon-paldal") {
        name position { latitude longitude } approaches { id from lanes }
        peak: phasePlan(hour: 8) { id cycleSeconds phases { name greenSeconds approachIds } }
        noon: phasePlan(hour: 12) { id }
        now: phasePlan { id }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.intersection).toMatchObject({
      name: '팔달문 교차로', position: { latitude: 37.278, longitude: 127.0165 },
      peak: { id: 'int-suwon-paldal-peak', cycleSeconds: 160, phases: [{ name: 'NS through', greenSeconds: 70, approachIds: ['int-suwon-paldal-N', 'int-suwon-paldal-S'] }, expect.anything()] },
      noon: { id: 'int-suwon-paldal-base' },
      now: { id: 'int-suwon-paldal-peak' },
    });
    expect((body.data?.intersection as { approaches: unknown[] }).approaches).toHaveLength(4);
  });

  it('picks a plan whose window wraps past midnight', async () => {
    const { body } = await graphql(engineer, `{ intersection(id: "${prefix}int") { at23: phasePlan(hour: 23) { id } at3: phasePlan(hour: 3) { id } at6: phasePlan(hour: 6) { id } } }`);
    expect(body.data?.intersection).toEqual({ at23: { id: `${prefix}night` }, at3: { id: `${prefix}night` }, at6: { id: `${prefix}base` } });
  });

  it('refuses an hour outside 0–23 with DS_INVALID_INPUT', async () => {
    const { body } = await graphql(engineer, '{ intersection(id: "int-suwon-paldal") { phasePlan(hour: 24) { id } } }');
    expect(codesOf(body)).toEqual(['DS_INVALID_INPUT']);
  });

  it('hides phase plans from callers without signals:read, field by field', async () => {
    const { body } = await graphql(sampleUsers['fire-dispatcher'], '{ intersection(id: "int-suwon-paldal") { name phasePlan(hour: 8) { id } } }');
    expect(body.data?.intersection).toEqual({ name: '팔달문 교차로', phasePlan: null });
    expect(body.errors?.map((error) => [error.path, error.extensions.code])).toEqual([[['intersection', 'phasePlan'], 'DS_AUTH_FORBIDDEN']]);
  });

  it('refuses a request without the identity header (401 DS_AUTH_UNAUTHENTICATED)', async () => {
    const { status, body } = await graphql(undefined, '{ intersections { id } }');
    expect(status).toBe(401);
    expect(codesOf(body)).toEqual(['DS_AUTH_UNAUTHENTICATED']);
  });

  it('lists intersections by id, bounded by first', async () => {
    const three = await graphql(engineer, '{ intersections(first: 3) { id } }');
    const ids = (three.body.data?.intersections as { id: string }[]).map((intersection) => intersection.id);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort());
    expect(codesOf((await graphql(engineer, '{ intersections(first: 501) { id } }')).body)).toEqual(['DS_QUERY_LIST_TOO_LARGE']);
    expect((await graphql(engineer, '{ intersections(first: 0) { id } }')).body.data?.intersections).toEqual([]);
  });

  it('records hourly volumes and answers a range of hours, a recount replacing the count', async () => {
    const recorded = await graphql(engineer, record, {
      volumes: [
        { approachId: `${prefix}int-N`, hourStart: '2026-11-25T07:00:00+09:00', vehicles: 410 },
        { approachId: `${prefix}int-N`, hourStart: '2026-11-25T08:00:00+09:00', vehicles: 520 },
        { approachId: `${prefix}int-N`, hourStart: '2026-11-25T09:00:00+09:00', vehicles: 300 },
        { approachId: `${prefix}int-S`, hourStart: '2026-11-24T23:00:00Z', vehicles: 0 },
      ],
    });
    expect(recorded.body).toEqual({ data: { recordHourlyVolumes: 4 } });
    await graphql(engineer, record, { volumes: [{ approachId: `${prefix}int-N`, hourStart: '2026-11-24T22:00:00Z', vehicles: 415 }] });
    const { body } = await graphql(sampleUsers['civic-developer'], volumesOf('2026-11-25T07:00:00+09:00', '2026-11-25T09:00:00+09:00'));
    expect(body.errors).toBeUndefined();
    expect(body.data?.intersection).toEqual({
      approaches: [
        { id: `${prefix}int-N`, hourlyVolumes: [{ hourStart: '2026-11-24T22:00:00Z', vehicles: 415 }, { hourStart: '2026-11-24T23:00:00Z', vehicles: 520 }] },
        { id: `${prefix}int-S`, hourlyVolumes: [{ hourStart: '2026-11-24T23:00:00Z', vehicles: 0 }] },
      ],
    });
  });

  it.each([
    ['a negative count', { hourStart: '2026-11-26T07:00:00+09:00', vehicles: -1 }, 'vehicles'],
    ['an hour that does not start on the hour', { hourStart: '2026-11-26T07:15:00+09:00', vehicles: 10 }, 'hourStart'],
    ['an unknown approach', { approachId: `${prefix}int-W`, hourStart: '2026-11-26T07:00:00+09:00', vehicles: 10 }, 'does not exist'],
    ['a date without time or offset', { hourStart: '2026-11-26', vehicles: 10 }, 'hourStart'],
  ])('refuses %s with DS_INVALID_INPUT, recording none of the call', async (_name, bad, problem) => {
    const good = { approachId: `${prefix}int-S`, hourStart: '2026-11-26T06:00:00+09:00', vehicles: 7 };
    const { body } = await graphql(engineer, record, { volumes: [good, { approachId: `${prefix}int-N`, ...bad }] });
    expect(codesOf(body)).toEqual(['DS_INVALID_INPUT']);
    expect(body.errors?.[0]?.message).toContain(problem);
    const after = await graphql(engineer, volumesOf('2026-11-26T00:00:00+09:00', '2026-11-27T00:00:00+09:00'));
    expect((after.body.data?.intersection as { approaches: { hourlyVolumes: unknown[] }[] }).approaches.flatMap((a) => a.hourlyVolumes)).toEqual([]);
  });

  it('refuses to record counts for callers without signals:write', async () => {
    const { body } = await graphql(sampleUsers['city-operator'], record, { volumes: [] });
    expect(body.errors?.map((error) => [error.path, error.extensions.code])).toEqual([[['recordHourlyVolumes'], 'DS_AUTH_FORBIDDEN']]);
  });

  it('refuses a backwards or over-long range of hours', async () => {
    expect(codesOf((await graphql(engineer, volumesOf('2026-11-25T09:00:00+09:00', '2026-11-25T08:00:00+09:00'))).body)).toContain('DS_INVALID_INPUT');
    expect(codesOf((await graphql(engineer, volumesOf('2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z'))).body)).toContain('DS_QUERY_LIST_TOO_LARGE');
    expect(codesOf((await graphql(engineer, volumesOf('yesterday', '2026-01-01T00:00:00Z'))).body)).toEqual(['DS_INVALID_INPUT']);
  });

  it('finds the intersection nearest a camera from the position the gateway sends with it', async () => {
    const near = { latitude: -60.001, longitude: -150.001 };
    const { body } = await graphql(sampleUsers['police-officer'], `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Camera { id nearestIntersection { id name } distanceToNearestIntersectionMeters }
        ... on Intersection { id name }
      }
    }`, {
      representations: [
        { __typename: 'Camera', id: 'cam-suwon-02', position: { latitude: 37.2776, longitude: 127.016 } },
        { __typename: 'Camera', id: `${prefix}cam`, position: near },
        { __typename: 'Intersection', id: 'int-osan-station' },
        { __typename: 'Intersection', id: `${prefix}missing` },
      ],
    });
    expect(body.errors).toBeUndefined();
    const [demoCamera, testCamera, ...intersections] = body.data?._entities as Record<string, unknown>[];
    expect(demoCamera).toMatchObject({ id: 'cam-suwon-02', nearestIntersection: { id: 'int-suwon-paldal', name: '팔달문 교차로' } });
    expect(demoCamera?.distanceToNearestIntersectionMeters).toBeCloseTo(62.73, 1);
    expect(testCamera).toMatchObject({ nearestIntersection: { id: `${prefix}int` } });
    expect(testCamera?.distanceToNearestIntersectionMeters).toBeCloseTo(haversineMeters(near, testIntersection.position), 6);
    expect(intersections).toEqual([{ id: 'int-osan-station', name: '오산역 사거리' }, null]);
  });

  it('refuses a camera representation without a usable position', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Camera { nearestIntersection { id } } } }';
    const missing = await graphql(engineer, query, { r: [{ __typename: 'Camera', id: 'cam-suwon-02' }] });
    expect(codesOf(missing.body)).toEqual(['DS_INVALID_INPUT']);
    const offGlobe = await graphql(engineer, query, { r: [{ __typename: 'Camera', id: 'cam-suwon-02', position: { latitude: 137, longitude: 127 } }] });
    expect(codesOf(offGlobe.body)).toEqual(['DS_INVALID_INPUT']);
  });

  it('keeps recorded volumes across a restart of the subgraph', async () => {
    await graphql(engineer, record, { volumes: [{ approachId: `${prefix}int-S`, hourStart: '2026-11-20T10:00:00+09:00', vehicles: 77 }] });
    await app.close();
    app = await createSignalsSubgraph(options);
    const { body } = await graphql(engineer, volumesOf('2026-11-20T00:00:00+09:00', '2026-11-21T00:00:00+09:00'));
    expect((body.data?.intersection as { approaches: { hourlyVolumes: unknown[] }[] }).approaches[1]?.hourlyVolumes)
      .toEqual([{ hourStart: '2026-11-20T01:00:00Z', vehicles: 77 }]);
  });

  it('answers over HTTP when started on a port', async () => {
    const running = await startSignalsSubgraph({ ...options, host: '127.0.0.1', port: 0 });
    try {
      const body = JSON.stringify({ query: '{ intersection(id: "int-osan-cityhall") { phasePlan(hour: 8) { id } } }' });
      const identity = await signIdentityHeader({ identity: engineer }, secret, { subgraph: 'signals', method: 'POST', path: '/graphql', body });
      const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', [identityHeaderName]: identity }, body });
      expect(await response.json()).toEqual({ data: { intersection: { phasePlan: { id: 'int-osan-cityhall-peak' } } } });
    } finally {
      await running.close();
    }
  });
});

describe('the signals store', () => {
  async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('refuses a Redis that runs without its append-only file (DS_STORE_NOT_DURABLE)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ds-signals-'));
    const port = await freePort();
    const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'no', '--save', '', '--dir', dir]);
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('Ready to accept connections')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
      });
      await expect(createSignalsSubgraph({ ...options, redisUrl: `redis://127.0.0.1:${port}` })).rejects.toMatchObject({ code: 'DS_STORE_NOT_DURABLE' });
    } finally {
      server.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
