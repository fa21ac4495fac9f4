import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestAccess } from '../../domain/access/index.js';
import { stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { subgraphNames, type SubgraphName } from '../../schema/subgraph-names.js';
import { devSecret } from '../services/dev-secrets.js';
import { pipelineEnvironment } from '../services/pipeline-processes.js';
import { spawnService, stopServices, waitForHealth, type RunningService } from '../services/service-processes.js';
import { freePorts } from '../stack/ports.js';
import { rawHttpRequest, type RawAnswer } from './raw-http-request.js';
import { subgraphBypassMethods, subgraphBypassTargets } from './subgraph-bypass-targets.js';

/**
 * The subgraph findings of issue 12 (1, 4(b), 9, 10) as probes of the six real subgraph processes
 * (`subgraphs/<name>/main.ts`, as `npm start` runs them) on free loopback ports, over the local stack's stores. Each
 * probe is bounded in time; the only writes tried are refused ones.
 */

const host = '127.0.0.1';
const identitySecret = devSecret('identity-header-secret');
let running: RunningService[] = [];
const portOf = {} as Record<SubgraphName, number>;

const investigator: RequestAccess = { identity: sampleUsers['police-investigator'], purpose: 'security probe', caseNumber: '2026-0042' };
const sdlQuery = JSON.stringify({ query: '{ _service { sdl } }' });
const wantedPlates = JSON.stringify({ query: '{ wantedVehicles(first: 5) { id plate } }' });

const signedFor = async (name: SubgraphName, body: string, access: RequestAccess = investigator, method = 'POST', path = '/graphql') =>
  ({ [identityHeaderName]: await signIdentityHeader(access, identitySecret, { subgraph: name, method, path, body }) });
const send = (name: SubgraphName, method: string, target: string, headers: Record<string, string> = {}, body?: string) =>
  rawHttpRequest({ host, port: portOf[name] }, method, target, headers, body);
const codeOf = (answer: RawAnswer) => (JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
const isClientRefusal = (answer: RawAnswer) => answer.status >= 400 && answer.status < 500;

beforeAll(async () => {
  const ports = await freePorts(subgraphNames.length);
  subgraphNames.forEach((name, index) => {
    portOf[name] = ports[index] as number;
  });
  const env = pipelineEnvironment(stackEndpoints());
  running = subgraphNames.map((name) => spawnService({
    name: `probed ${name}`, entry: `subgraphs/${name}/main.ts`, healthUrl: `http://${host}:${portOf[name]}/health`,
    env: { [`DS_${name.toUpperCase()}_HOST`]: host, [`DS_${name.toUpperCase()}_PORT`]: String(portOf[name]) },
  }, env));
  try {
    await Promise.all(running.map((service) => waitForHealth(service, 120_000)));
  } catch (error) {
    await stopServices(running);
    throw error;
  }
}, 180_000);

afterAll(async () => {
  await stopServices(running);
});

describe.each(subgraphNames)('the %s subgraph process', (name) => {
  it('answers POST /graphql with a bound identity header, and GET /health with its name only', async () => {
    const answer = await send(name, 'POST', '/graphql', await signedFor(name, sdlQuery), sdlQuery);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('_service');
    const health = await send(name, 'GET', '/health');
    expect(JSON.parse(health.text)).toEqual({ status: 'ok', subgraph: name });
  });

  it('finding 1: answers no bypass target, encoded, cased, slashed, parameterised or absolute-form, with or without an identity header', async () => {
    for (const target of subgraphBypassTargets(portOf[name])) {
      for (const headers of [{}, await signedFor(name, sdlQuery)]) {
        const answer = await send(name, 'POST', target, headers, sdlQuery);
        expect({ target, refused: isClientRefusal(answer) }).toEqual({ target, refused: true });
        expect(answer.text).not.toContain('_service');
        expect(answer.text).not.toContain('@key');
      }
    }
  });

  it('finding 1: answers GraphQL over no other method, and health over GET only', async () => {
    for (const [method, target] of subgraphBypassMethods) {
      const answer = await send(name, method, target, await signedFor(name, sdlQuery), ['GET', 'HEAD', 'OPTIONS'].includes(method) ? undefined : sdlQuery);
      expect({ method, target, refused: isClientRefusal(answer) }).toEqual({ method, target, refused: true });
      expect(answer.text).not.toContain('@key');
    }
  });

  it('finding 1: refuses POST /graphql without an identity header', async () => {
    const answer = await send(name, 'POST', '/graphql', {}, sdlQuery);
    expect([answer.status, codeOf(answer)]).toEqual([401, 'DS_AUTH_UNAUTHENTICATED']);
  });

  it('finding 4(b): refuses a replayed identity header, and one transplanted onto another body, path, method or subgraph', async () => {
    const headers = await signedFor(name, sdlQuery);
    expect((await send(name, 'POST', '/graphql', headers, sdlQuery)).status).toBe(200);
    const replay = await send(name, 'POST', '/graphql', headers, sdlQuery);
    expect([replay.status, codeOf(replay)]).toEqual([401, 'DS_AUTH_IDENTITY_REPLAYED']);
    const otherBody = JSON.stringify({ query: '{ _service { sdl } __typename }' });
    const other = name === 'police' ? 'civic' : 'police';
    for (const [what, forged] of [
      ['another body', await signedFor(name, otherBody)],
      ['another path', await signedFor(name, sdlQuery, investigator, 'POST', '/graphql/')],
      ['another method', await signedFor(name, sdlQuery, investigator, 'GET')],
      ['another subgraph', await signedFor(other, sdlQuery)],
    ] as const) {
      const answer = await send(name, 'POST', '/graphql', forged, sdlQuery);
      expect({ what, status: answer.status, code: codeOf(answer) }).toEqual({ what, status: 401, code: 'DS_AUTH_UNAUTHENTICATED' });
    }
  });

  it('finding 9: refuses a body that is not JSON (400 DS_BAD_REQUEST) and an oversize body (413 DS_BODY_TOO_LARGE) with no stack in its log', async () => {
    const broken = '{"query": "{ __typename }"';
    const notJson = await send(name, 'POST', '/graphql', await signedFor(name, broken), broken);
    expect([notJson.status, codeOf(notJson)]).toEqual([400, 'DS_BAD_REQUEST']);
    const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } });
    const oversize = await send(name, 'POST', '/graphql', await signedFor(name, huge), huge);
    expect([oversize.status, codeOf(oversize)]).toEqual([413, 'DS_BODY_TOO_LARGE']);
    const service = running.find((candidate) => candidate.service.name === `probed ${name}`);
    expect(service?.recentOutput.join('\n')).not.toMatch(/DS_INTERNAL|\n\s+at /);
  });
});

describe('the police subgraph process', () => {
  it('finding 4(b): a replayed header reads no wanted-vehicle plate', async () => {
    const headers = await signedFor('police', wantedPlates);
    const first = await send('police', 'POST', '/graphql', headers, wantedPlates);
    expect(first.status).toBe(200);
    const replay = await send('police', 'POST', '/graphql', headers, wantedPlates);
    expect([replay.status, codeOf(replay)]).toEqual([401, 'DS_AUTH_IDENTITY_REPLAYED']);
    expect(replay.text).not.toContain('plate');
  });
});

describe('the cctv subgraph process', () => {
  it('finding 10: a municipal operator cannot change another city\'s cameras', async () => {
    const operator: RequestAccess = { identity: sampleUsers['city-operator'] };
    expect(operator.identity.municipalities).toEqual(['suwon']);
    const body = JSON.stringify({ query: 'mutation { setCameraStatus(id: "cam-osan-01", status: OFFLINE) { status } }' });
    const answer = await send('cctv', 'POST', '/graphql', await signedFor('cctv', body, operator), body);
    expect(codeOf(answer)).toBe('DS_AUTH_MUNICIPALITY_FORBIDDEN');
    expect(JSON.parse(answer.text)).toMatchObject({ data: null });
  });
});
