import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../../domain/access/index.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { importCameraRegistryFile } from '../../stores/camera-registry/camera-registry-import.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { connectNeo4j } from '../../stores/neo4j/neo4j-connection.js';
import { brokerAdminEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { connectBrokerAccounts } from '../../stores/broker-accounts/broker-accounts.js';
import mqtt from 'mqtt';
import { createCctvSubgraph, startCctvSubgraph } from './server.js';

const endpoints = inject('stackEndpoints');
const broker = brokerAdminEndpoint();
const secret = randomBytes(32).toString('hex');
const prefix = `t${randomUUID().slice(0, 8)}-`;
/** An operator of the two test municipalities, as an identity provider would issue one for them. */
const operator: Identity = { ...sampleUsers['city-operator'], municipalities: [`${prefix}north`, `${prefix}south`] };
/** An operator of the test's north municipality only. */
const northOperator: Identity = { ...sampleUsers['city-operator'], municipalities: [`${prefix}north`] };

let app: FastifyInstance;
let driver: Driver;
let scratchDir: string;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string; problems?: string[] } }[];
}

async function graphql(identity: Identity | undefined, query: string, variables: Record<string, unknown> = {}, target = app) {
  const body = JSON.stringify({ query, variables });
  const headers = {
    'content-type': 'application/json',
    ...(identity ? { [identityHeaderName]: await signIdentityHeader({ identity }, secret, { subgraph: 'cctv', method: 'POST', path: '/graphql', body }) } : {}),
  };
  const response = await target.inject({ method: 'POST', url: '/graphql', headers, payload: body });
  return { status: response.statusCode, body: response.json<GraphQLBody>() };
}

const codesOf = (body: GraphQLBody) => (body.errors ?? []).map((error) => error.extensions.code);

const cameraFields = 'id name status registryRevision headingDegrees resolution roadLinkId anprCapable position { latitude longitude } municipality { id }';
const upsertCamera = `mutation ($input: CameraInput!) { upsertCamera(input: $input) { ${cameraFields} } }`;
const upsertMunicipality = 'mutation ($input: MunicipalityInput!) { upsertMunicipality(input: $input) { id name districtCode } }';

const cameraInput = (id: string, overrides: Record<string, unknown> = {}) => ({
  id: `${prefix}${id}`, name: `test camera ${id}`, municipalityId: `${prefix}north`,
  position: { latitude: 37.3, longitude: 127.05 }, roadLinkId: `${prefix}link`, headingDegrees: 90,
  anprCapable: true, resolution: '1920x1080', ...overrides,
});

beforeAll(async () => {
  app = await createCctvSubgraph({ identitySecret: secret, neo4j: endpoints.neo4j, broker });
  driver = connectNeo4j(endpoints.neo4j);
  scratchDir = await mkdtemp(join(tmpdir(), 'ds-cctv-'));
  for (const id of ['north', 'south']) {
    const { body } = await graphql(operator, upsertMunicipality, { input: { id: `${prefix}${id}`, name: `테스트 ${id}`, districtCode: '41110' } });
    expect(body.errors).toBeUndefined();
  }
});

afterAll(async () => {
  const { records } = await driver.executeQuery('MATCH (credential:CameraCredential) WHERE credential.cameraId STARTS WITH $prefix RETURN credential.keyId AS keyId', { prefix });
  const accounts = await connectBrokerAccounts(broker);
  for (const record of records) await accounts.deleteCameraClient(String(record.get('keyId')));
  await accounts.close();
  await driver.executeQuery('MATCH (credential:CameraCredential) WHERE credential.cameraId STARTS WITH $prefix DETACH DELETE credential', { prefix });
  await driver.executeQuery('MATCH (camera:Camera) WHERE camera.id STARTS WITH $prefix DETACH DELETE camera', { prefix });
  await driver.executeQuery('MATCH (municipality:Municipality) WHERE municipality.id STARTS WITH $prefix DETACH DELETE municipality', { prefix });
  await driver.close();
  await app.close();
  await rm(scratchDir, { recursive: true, force: true });
});

describe('the cctv subgraph', () => {
  it('serves the demo region it seeds into an empty registry', async () => {
    const { body } = await graphql(sampleUsers['fire-dispatcher'], `{
      camera(id: "cam-suwon-01") { name anprCapable position { latitude longitude } municipality { id name districtCode } }
      municipalities { id }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.camera).toEqual({
      name: '수원역 교차로', anprCapable: true, position: { latitude: 37.266, longitude: 127.0 },
      municipality: { id: 'suwon', name: '수원시', districtCode: '41110' },
    });
    expect((body.data?.municipalities as { id: string }[]).map((m) => m.id)).toEqual(expect.arrayContaining(['suwon', 'hwaseong', 'osan']));
  });

  it('refuses a request without the identity header (401 DS_AUTH_UNAUTHENTICATED)', async () => {
    const { status, body } = await graphql(undefined, '{ municipalities { id } }');
    expect(status).toBe(401);
    expect(codesOf(body)).toEqual(['DS_AUTH_UNAUTHENTICATED']);
    const payload = JSON.stringify({ query: '{ municipalities { id } }' });
    const forged = await app.inject({
      method: 'POST', url: '/graphql', payload,
      headers: {
        'content-type': 'application/json',
        [identityHeaderName]: await signIdentityHeader({ identity: operator }, 'another-secret-that-is-32-bytes-long!', { subgraph: 'cctv', method: 'POST', path: '/graphql', body: payload }),
      },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('lets a city operator register a camera, and bumps its revision only when it changes', async () => {
    const created = await graphql(operator, upsertCamera, { input: cameraInput('a') });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data?.upsertCamera).toEqual({
      id: `${prefix}a`, name: 'test camera a', status: 'ONLINE', registryRevision: 1, headingDegrees: 90,
      resolution: '1920x1080', roadLinkId: `${prefix}link`, anprCapable: true,
      position: { latitude: 37.3, longitude: 127.05 }, municipality: { id: `${prefix}north` },
    });
    const again = await graphql(operator, upsertCamera, { input: cameraInput('a') });
    expect(again.body.data?.upsertCamera).toMatchObject({ registryRevision: 1 });
    const renamed = await graphql(operator, upsertCamera, { input: cameraInput('a', { name: 'renamed', headingDegrees: null, resolution: null }) });
    expect(renamed.body.data?.upsertCamera).toMatchObject({ name: 'renamed', registryRevision: 2, headingDegrees: null, resolution: null });
  });

  it('moves a camera to another municipality with exactly one IN relationship', async () => {
    await graphql(operator, upsertCamera, { input: cameraInput('moving') });
    const moved = await graphql(operator, upsertCamera, { input: cameraInput('moving', { municipalityId: `${prefix}south` }) });
    expect(moved.body.data?.upsertCamera).toMatchObject({ municipality: { id: `${prefix}south` } });
    const { records } = await driver.executeQuery(
      'MATCH (:Camera {id: $id})-[:IN]->(municipality:Municipality) RETURN municipality.id AS id', { id: `${prefix}moving` },
    );
    expect(records.map((record) => record.get('id') as string)).toEqual([`${prefix}south`]);
  });

  it('registers over a node the tracking subgraph made, keeping its relationships', async () => {
    await driver.executeQuery(
      'MERGE (camera:Camera {id: $id}) MERGE (next:Camera {id: $next}) MERGE (camera)-[:FLOWS_TO]->(next)',
      { id: `${prefix}tracked`, next: `${prefix}tracked-next` },
    );
    const before = await graphql(operator, `{ camera(id: "${prefix}tracked") { id } }`);
    expect(before.body.data?.camera).toBeNull();
    const registered = await graphql(operator, upsertCamera, { input: cameraInput('tracked') });
    expect(registered.body.data?.upsertCamera).toMatchObject({ registryRevision: 1 });
    const { records } = await driver.executeQuery(
      'MATCH (:Camera {id: $id})-[:FLOWS_TO]->(next:Camera) RETURN next.id AS id', { id: `${prefix}tracked` },
    );
    expect(records.map((record) => record.get('id') as string)).toEqual([`${prefix}tracked-next`]);
    const list = await graphql(operator, `{ cameras(first: 500) { id } }`);
    expect((list.body.data?.cameras as { id: string }[]).map((camera) => camera.id)).not.toContain(`${prefix}tracked-next`);
  });

  it.each([
    ['a latitude past the pole', { position: { latitude: 91, longitude: 127 } }, 'input.position: latitude 91'],
    ['a longitude past the antimeridian', { position: { latitude: 37, longitude: -181 } }, 'input.position: longitude -181'],
    ['a heading above 360°', { headingDegrees: 361 }, 'input.headingDegrees'],
    ['a negative heading', { headingDegrees: -0.5 }, 'input.headingDegrees'],
    ['an empty name', { name: '   ' }, 'input.name'],
    ['an id with spaces', { id: `${prefix}has space` }, 'input.id'],
    ['a malformed resolution', { resolution: 'full HD' }, 'input.resolution'],
    ['an unregistered municipality', { municipalityId: `${prefix}nowhere` }, `municipality "${prefix}nowhere" is not registered`],
  ])('refuses %s with DS_INVALID_INPUT, writing nothing', async (_name, overrides, problem) => {
    const input = { ...cameraInput('refused'), ...overrides };
    const { body } = await graphql(operator, upsertCamera, { input });
    expect(codesOf(body)).toEqual(['DS_INVALID_INPUT']);
    expect(body.errors?.[0]?.extensions.problems?.join('\n')).toContain(problem);
    const { records } = await driver.executeQuery('MATCH (camera:Camera {id: $id}) RETURN camera', { id: input.id });
    expect(records).toEqual([]);
  });

  it('accepts the edges of the valid ranges', async () => {
    const { body } = await graphql(operator, upsertCamera, {
      input: cameraInput('edge', { position: { latitude: -90, longitude: 180 }, headingDegrees: 360 }),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.upsertCamera).toMatchObject({ headingDegrees: 360, position: { latitude: -90, longitude: 180 } });
  });

  it('refuses a malformed district code', async () => {
    const { body } = await graphql(operator, upsertMunicipality, { input: { id: `${prefix}bad`, name: 'bad', districtCode: '4111' } });
    expect(codesOf(body)).toEqual(['DS_INVALID_INPUT']);
  });

  it('sets a camera status, and reports an unknown camera as DS_NOT_FOUND', async () => {
    await graphql(operator, upsertCamera, { input: cameraInput('status') });
    const set = 'mutation ($id: ID!, $status: CameraStatus!) { setCameraStatus(id: $id, status: $status) { status registryRevision } }';
    const degraded = await graphql(operator, set, { id: `${prefix}status`, status: 'DEGRADED' });
    expect(degraded.body.data?.setCameraStatus).toEqual({ status: 'DEGRADED', registryRevision: 2 });
    const unknown = await graphql(operator, set, { id: `${prefix}nope`, status: 'OFFLINE' });
    expect(codesOf(unknown.body)).toEqual(['DS_NOT_FOUND']);
  });

  it('finding 10: a municipal operator cannot change another city\'s cameras', async () => {
    await graphql(operator, upsertCamera, { input: cameraInput('south-own', { municipalityId: `${prefix}south` }) });
    await graphql(operator, upsertCamera, { input: cameraInput('north-own') });
    const osanBefore = (await graphql(operator, '{ camera(id: "cam-osan-01") { status registryRevision } }')).body.data?.camera;
    const set = 'mutation ($id: ID!, $status: CameraStatus!) { setCameraStatus(id: $id, status: $status) { status } }';
    const attempts = [
      ['a new camera in another city', upsertCamera, { input: cameraInput('north-new-south', { municipalityId: `${prefix}south` }) }],
      ['another city\'s camera renamed', upsertCamera, { input: cameraInput('south-own', { municipalityId: `${prefix}south`, name: 'taken over' }) }],
      ['another city\'s camera moved into its own', upsertCamera, { input: cameraInput('south-own', { municipalityId: `${prefix}north` }) }],
      ['its own camera moved into another city', upsertCamera, { input: cameraInput('north-own', { municipalityId: `${prefix}south` }) }],
      ['another city\'s camera switched off', set, { id: `${prefix}south-own`, status: 'OFFLINE' }],
      ['another city renamed', upsertMunicipality, { input: { id: `${prefix}south`, name: 'taken over', districtCode: '41110' } }],
      ['a demo city\'s camera switched off', set, { id: 'cam-osan-01', status: 'OFFLINE' }],
    ] as const;
    for (const [what, mutation, variables] of attempts) {
      const { body } = await graphql(northOperator, mutation, variables);
      expect({ what, codes: codesOf(body) }).toEqual({ what, codes: ['DS_AUTH_MUNICIPALITY_FORBIDDEN'] });
    }
    const { body } = await graphql(operator, `{
      southOwn: camera(id: "${prefix}south-own") { name status municipality { id } }
      northOwn: camera(id: "${prefix}north-own") { municipality { id } }
      northNewSouth: camera(id: "${prefix}north-new-south") { id }
      south: municipality(id: "${prefix}south") { name }
      osan: camera(id: "cam-osan-01") { status registryRevision }
    }`);
    expect(body.data).toEqual({
      southOwn: { name: 'test camera south-own', status: 'ONLINE', municipality: { id: `${prefix}south` } },
      northOwn: { municipality: { id: `${prefix}north` } },
      northNewSouth: null,
      south: { name: '테스트 south' },
      osan: osanBefore,
    });
    const own = await graphql(northOperator, set, { id: `${prefix}north-own`, status: 'DEGRADED' });
    expect(own.body.data?.setCameraStatus).toEqual({ status: 'DEGRADED' });
    const withoutClaim = await graphql(sampleUsers['city-operator'], upsertCamera, { input: cameraInput('claimless') });
    expect(codesOf(withoutClaim.body)).toEqual(['DS_AUTH_MUNICIPALITY_FORBIDDEN']);
  });

  it('finding 2: issues a camera credential once (only its hash stored), two at most, and revokes one', async () => {
    await graphql(operator, upsertCamera, { input: cameraInput('keyed') });
    const issue = 'mutation ($cameraId: ID!) { issueCameraCredential(cameraId: $cameraId) { keyId token issuedAt camera { id } } }';
    const revoke = 'mutation ($cameraId: ID!, $keyId: ID!) { revokeCameraCredential(cameraId: $cameraId, keyId: $keyId) }';
    const first = (await graphql(operator, issue, { cameraId: `${prefix}keyed` })).body.data?.issueCameraCredential as { keyId: string; token: string; camera: { id: string } };
    expect(first.camera).toEqual({ id: `${prefix}keyed` });
    expect(first.token).toMatch(/^ck_[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(first.token.startsWith(`${first.keyId}.`)).toBe(true);
    const second = (await graphql(operator, issue, { cameraId: `${prefix}keyed` })).body.data?.issueCameraCredential as { keyId: string; token: string };
    expect(codesOf((await graphql(operator, issue, { cameraId: `${prefix}keyed` })).body)).toEqual(['DS_CAMERA_CREDENTIAL_LIMIT']);

    // The registry holds the SHA-256 of the secret, never the secret.
    const stored = await driver.executeQuery('MATCH (credential:CameraCredential {cameraId: $cameraId}) RETURN properties(credential) AS stored', { cameraId: `${prefix}keyed` });
    const storedText = JSON.stringify(stored.records.map((record) => record.get('stored')));
    for (const token of [first.token, second.token]) {
      const secret = token.split('.')[1] as string;
      expect(storedText).not.toContain(secret);
      expect(storedText).toContain(createHash('sha256').update(secret).digest('hex'));
    }
    const listed = await graphql(operator, `{ camera(id: "${prefix}keyed") { credentials { keyId } } }`);
    expect(listed.body.data?.camera).toEqual({ credentials: expect.arrayContaining([{ keyId: first.keyId }, { keyId: second.keyId }]) });

    expect(codesOf((await graphql(northOperator, issue, { cameraId: 'cam-osan-01' })).body)).toEqual(['DS_AUTH_MUNICIPALITY_FORBIDDEN']);
    expect(codesOf((await graphql(northOperator, revoke, { cameraId: 'cam-osan-01', keyId: first.keyId })).body)).toEqual(['DS_AUTH_MUNICIPALITY_FORBIDDEN']);
    expect(codesOf((await graphql(sampleUsers['fire-dispatcher'], issue, { cameraId: `${prefix}keyed` })).body)).toEqual(['DS_AUTH_FORBIDDEN']);
    expect(codesOf((await graphql(operator, issue, { cameraId: `${prefix}nope` })).body)).toEqual(['DS_NOT_FOUND']);

    expect((await graphql(operator, revoke, { cameraId: `${prefix}keyed`, keyId: first.keyId })).body.data?.revokeCameraCredential).toBe(true);
    expect((await graphql(operator, revoke, { cameraId: `${prefix}keyed`, keyId: first.keyId })).body.data?.revokeCameraCredential).toBe(false);
    const after = await graphql(operator, `{ camera(id: "${prefix}keyed") { credentials { keyId } } }`);
    expect(after.body.data?.camera).toEqual({ credentials: [{ keyId: second.keyId }] });
  });

  it('finding 2: an issued credential is the camera\'s broker account at once; revoking it disconnects it and refuses it after', async () => {
    await graphql(operator, upsertCamera, { input: cameraInput('broker') });
    const issue = 'mutation ($cameraId: ID!) { issueCameraCredential(cameraId: $cameraId) { keyId token } }';
    const revoke = 'mutation ($cameraId: ID!, $keyId: ID!) { revokeCameraCredential(cameraId: $cameraId, keyId: $keyId) }';
    const issued = (await graphql(operator, issue, { cameraId: `${prefix}broker` })).body.data?.issueCameraCredential as { keyId: string; token: string };
    const login = { username: issued.keyId, password: issued.token.split('.')[1] as string, reconnectPeriod: 0, connectTimeout: 5_000 };
    const camera = await mqtt.connectAsync(endpoints.mqttUrl, { clientId: `${prefix}broker-camera`, ...login }, false);
    const closed = new Promise<void>((resolve) => camera.once('close', () => resolve()));
    expect((await graphql(operator, revoke, { cameraId: `${prefix}broker`, keyId: issued.keyId })).body.data?.revokeCameraCredential).toBe(true);
    await closed;
    await expect(mqtt.connectAsync(endpoints.mqttUrl, { clientId: `${prefix}broker-again`, ...login }, false)).rejects.toThrow(/Not authorized|Bad username or password/);
    await camera.endAsync(true);
  });

  it('finding 2: a broker it cannot reach fails issue and revoke with DS_BROKER_UNAVAILABLE, the registry unchanged, and a retry converges', async () => {
    await graphql(operator, upsertCamera, { input: cameraInput('unreachable') });
    const cut = await createCctvSubgraph({ identitySecret: secret, neo4j: endpoints.neo4j, broker: { ...broker, url: 'mqtt://127.0.0.1:9' } });
    try {
      const issue = 'mutation ($cameraId: ID!) { issueCameraCredential(cameraId: $cameraId) { keyId token } }';
      const revoke = 'mutation ($cameraId: ID!, $keyId: ID!) { revokeCameraCredential(cameraId: $cameraId, keyId: $keyId) }';
      const list = async () => (await graphql(operator, `{ camera(id: "${prefix}unreachable") { credentials { keyId } } }`)).body.data?.camera;
      expect(codesOf((await graphql(operator, issue, { cameraId: `${prefix}unreachable` }, cut)).body)).toEqual(['DS_BROKER_UNAVAILABLE']);
      expect(await list()).toEqual({ credentials: [] });
      const issued = (await graphql(operator, issue, { cameraId: `${prefix}unreachable` })).body.data?.issueCameraCredential as { keyId: string };
      expect(codesOf((await graphql(operator, revoke, { cameraId: `${prefix}unreachable`, keyId: issued.keyId }, cut)).body)).toEqual(['DS_BROKER_UNAVAILABLE']);
      expect(await list()).toEqual({ credentials: [{ keyId: issued.keyId }] });
      expect((await graphql(operator, revoke, { cameraId: `${prefix}unreachable`, keyId: issued.keyId })).body.data?.revokeCameraCredential).toBe(true);
      expect(await list()).toEqual({ credentials: [] });
    } finally {
      await cut.close();
    }
  });

  it('refuses registry writes to callers without cameras:write (DS_AUTH_FORBIDDEN), per field', async () => {
    const { status, body } = await graphql(sampleUsers['fire-dispatcher'], upsertCamera, { input: cameraInput('forbidden') });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.map((error) => [error.path, error.extensions.code])).toEqual([[['upsertCamera'], 'DS_AUTH_FORBIDDEN']]);
  });

  it('lists cameras by id, bounded by first', async () => {
    for (const id of ['list-1', 'list-2', 'list-3']) await graphql(operator, upsertCamera, { input: cameraInput(id, { municipalityId: `${prefix}south` }) });
    const { body } = await graphql(operator, `{
      cameras(municipalityId: "${prefix}south", first: 2) { id }
      municipality(id: "${prefix}south") { cameras(first: 500) { id } }
    }`);
    expect(body.data?.cameras).toEqual([{ id: `${prefix}list-1` }, { id: `${prefix}list-2` }]);
    expect((body.data?.municipality as { cameras: unknown[] }).cameras).toEqual(expect.arrayContaining([{ id: `${prefix}list-3` }]));
    const tooMany = await graphql(operator, '{ cameras(first: 501) { id } }');
    expect(codesOf(tooMany.body)).toEqual(['DS_QUERY_LIST_TOO_LARGE']);
    const negative = await graphql(operator, '{ municipalities { cameras(first: -1) { id } } }');
    expect(codesOf(negative.body)).toContain('DS_INVALID_INPUT');
  });

  it('resolves Camera and Municipality entities for the gateway, null for unknown ids', async () => {
    const { body } = await graphql(sampleUsers['police-officer'], `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Camera { id name municipality { id } }
        ... on Municipality { id name }
      }
    }`, {
      representations: [
        { __typename: 'Camera', id: 'cam-suwon-02' },
        { __typename: 'Municipality', id: 'osan' },
        { __typename: 'Camera', id: `${prefix}unknown` },
      ],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: 'cam-suwon-02', name: '팔달문 사거리', municipality: { id: 'suwon' } },
      { id: 'osan', name: '오산시' },
      null,
    ]);
  });

  it('keeps its registry across a restart of the subgraph', async () => {
    await graphql(operator, upsertCamera, { input: cameraInput('durable', { name: 'survives restarts' }) });
    await app.close();
    app = await createCctvSubgraph({ identitySecret: secret, neo4j: endpoints.neo4j, broker });
    const { body } = await graphql(operator, `{ camera(id: "${prefix}durable") { name registryRevision } }`);
    expect(body.data?.camera).toEqual({ name: 'survives restarts', registryRevision: 1 });
  });

  it('answers over HTTP when started on a port', async () => {
    const running = await startCctvSubgraph({ identitySecret: secret, neo4j: endpoints.neo4j, host: '127.0.0.1', port: 0 });
    try {
      const body = JSON.stringify({ query: '{ camera(id: "cam-osan-01") { municipality { id } } }' });
      const identity = await signIdentityHeader({ identity: operator }, secret, { subgraph: 'cctv', method: 'POST', path: '/graphql', body });
      const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', [identityHeaderName]: identity }, body });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { camera: { municipality: { id: 'osan' } } } });
    } finally {
      await running.close();
    }
  });

  it('keeps its uniqueness constraints', async () => {
    const { records } = await driver.executeQuery('SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes, properties, type');
    const unique = records.map((record) => `${(record.get('labelsOrTypes') as string[]).join()}.${(record.get('properties') as string[]).join()} ${record.get('type') as string}`);
    expect(unique).toEqual(expect.arrayContaining(['Camera.id UNIQUENESS', 'Municipality.id UNIQUENESS']));
  });
});

describe('the camera registry file', () => {
  const registryFile = async (name: string, content: unknown) => {
    const path = join(scratchDir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const file = (cameraName: string) => ({
    municipalities: [{ id: `${prefix}file-city`, name: '파일시', districtCode: '4159000000' }],
    cameras: [
      { ...cameraInput('file-1', { municipalityId: `${prefix}file-city`, name: cameraName }), status: 'ONLINE' },
      { ...cameraInput('file-2', { municipalityId: `${prefix}north` }), status: 'OFFLINE' },
    ],
  });

  it('imports idempotently and reports counts', async () => {
    const store = createCameraRegistryStore(driver);
    const path = await registryFile('registry.json', file('first'));
    expect(await importCameraRegistryFile(store, path)).toEqual({
      municipalities: { created: 1, updated: 0, unchanged: 0 }, cameras: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(await importCameraRegistryFile(store, path)).toEqual({
      municipalities: { created: 0, updated: 0, unchanged: 1 }, cameras: { created: 0, updated: 0, unchanged: 2 },
    });
    const changed = await registryFile('changed.json', file('second'));
    expect((await importCameraRegistryFile(store, changed)).cameras).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await store.findCameras([`${prefix}file-1`])).get(`${prefix}file-1`)).toMatchObject({ name: 'second', registryRevision: 2 });
  });

  it('refuses a bad file before writing anything', async () => {
    const store = createCameraRegistryStore(driver);
    const bad = await registryFile('bad.json', {
      municipalities: [{ id: `${prefix}bad-city`, name: '파일시', districtCode: '41590' }],
      cameras: [cameraInput('bad-1', { municipalityId: `${prefix}bad-city`, headingDegrees: 400 })],
    });
    await expect(importCameraRegistryFile(store, bad)).rejects.toMatchObject({ code: 'DS_INVALID_INPUT' });
    expect((await store.findMunicipalities([`${prefix}bad-city`])).size).toBe(0);
    const orphan = await registryFile('orphan.json', { cameras: [cameraInput('orphan', { municipalityId: `${prefix}nowhere` })] });
    await expect(importCameraRegistryFile(store, orphan))
      .rejects.toMatchObject({ code: 'DS_INVALID_INPUT', message: expect.stringContaining('neither in the file nor registered') });
    await expect(importCameraRegistryFile(store, await registryFile('not-json.json', '{ cameras: ['))).rejects.toMatchObject({ code: 'DS_INVALID_INPUT' });
    await expect(importCameraRegistryFile(store, join(scratchDir, 'missing.json'))).rejects.toMatchObject({ code: 'DS_NOT_FOUND' });
  });

  it('imports from the command line, and stops with a coded message on a bad file', async () => {
    const run = promisify(execFile);
    const cli = fileURLToPath(new URL('./import-registry.ts', import.meta.url));
    const env = { ...process.env, NEO4J_URI: endpoints.neo4j.uri, NEO4J_USER: endpoints.neo4j.user, NEO4J_PASSWORD: endpoints.neo4j.password };
    const good = await run(process.execPath, ['--import', 'tsx', cli, await registryFile('cli.json', file('first'))], { env });
    expect(good.stdout).toMatch(/municipalities: 0 created, 0 updated, 1 unchanged/);
    expect(good.stdout).toMatch(/cameras: 0 created, 1 updated, 1 unchanged/);
    const bad = run(process.execPath, ['--import', 'tsx', cli, await registryFile('cli-bad.json', { cameras: [{ id: 'x' }] })], { env });
    await expect(bad).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('[DS_INVALID_INPUT]') });
  });
});
