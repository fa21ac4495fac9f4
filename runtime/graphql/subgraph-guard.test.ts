import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { IResolvers } from 'mercurius';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawHttpRequest, type RawAnswer } from '../../infra/security/raw-http-request.js';
import { subgraphBypassMethods, subgraphBypassTargets } from '../../infra/security/subgraph-bypass-targets.js';
import type { RequestAccess } from '../../domain/access/index.js';
import { identityHeaderName, signIdentityHeader } from '../identity/identity-header.js';
import { sampleUsers } from '../identity/sample-users.js';
import { startApolloSubgraph, type RunningSubgraph } from './apollo-subgraph.js';
import type { AccessContext } from './enforce-access.js';
import { createMercuriusSubgraph, startMercuriusSubgraph } from './mercurius-subgraph.js';
import { subgraphBodyLimitBytes } from './subgraph-request.js';

const secret = 'a-test-secret-of-at-least-32-bytes-long';
const sdl = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@inaccessible"])
directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT
type Camera @key(fields: "id") {
  id: ID!
  registryRevision: Int @inaccessible
}
type Query {
  cameras: [Camera!]!
  whoAmI: String
}
`;
const resolvers = {
  Query: {
    cameras: () => [{ id: 'cam-1', registryRevision: 7 }],
    whoAmI: (_: unknown, __: unknown, { access }: AccessContext) => access?.identity.subject ?? null,
  },
  Camera: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, registryRevision: 7 }) },
};
const operator: RequestAccess = { identity: sampleUsers['city-operator'] };

type Answer = RawAnswer;

const send = (port: number, method: string, target: string, headers: Record<string, string> = {}, body?: string) =>
  rawHttpRequest({ host: '127.0.0.1', port }, method, target, headers, body);

const codeOf = (answer: Answer) => (JSON.parse(answer.text) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;

const sdlQuery = JSON.stringify({ query: '{ _service { sdl } }' });
const entitiesQuery = JSON.stringify({ query: '{ _entities(representations: [{ __typename: "Camera", id: "cam-1" }]) { ... on Camera { id registryRevision } } }' });
const signed = async (name: string, body: string, access: RequestAccess = operator) =>
  ({ [identityHeaderName]: await signIdentityHeader(access, secret, { subgraph: name, method: 'POST', path: '/graphql', body }) });

const kinds = [
  {
    kind: 'mercurius',
    start: async (name: string) => startMercuriusSubgraph(
      await createMercuriusSubgraph({ name, sdl, identitySecret: secret, resolvers: resolvers as unknown as IResolvers }), name, { host: '127.0.0.1', port: 0 },
    ),
  },
  {
    kind: 'apollo',
    start: async (name: string) => startApolloSubgraph(
      { name, sdl, identitySecret: secret, resolvers: resolvers as unknown as GraphQLResolverMap<AccessContext> }, { host: '127.0.0.1', port: 0 },
    ),
  },
] as const;

describe.each(kinds)('the subgraph guard ($kind)', ({ kind, start }) => {
  const name = `test-${kind}`;
  let subgraph: RunningSubgraph;
  let port: number;

  beforeAll(async () => {
    subgraph = await start(name);
    port = Number(new URL(subgraph.url).port);
  });
  afterAll(async () => {
    await subgraph.close();
  });

  it('serves POST /graphql with an identity header signed for it, and GET /health', async () => {
    const answer = await send(port, 'POST', '/graphql', await signed(name, sdlQuery), sdlQuery);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('registryRevision');
    const health = await send(port, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok', subgraph: name });
  });

  it('finding 1: POST /%67raphql without an identity header is refused', async () => {
    const answer = await send(port, 'POST', '/%67raphql', {}, sdlQuery);
    expect(answer.status).toBe(404);
    expect(codeOf(answer)).toBe('DS_NOT_FOUND');
    expect(answer.text).not.toContain('registryRevision');
  });

  it('finding 1: no other request target than exactly /graphql reaches GraphQL, with or without an identity header', async () => {
    for (const target of subgraphBypassTargets(port)) {
      for (const body of [sdlQuery, entitiesQuery]) {
        const bare = await send(port, 'POST', target, {}, body);
        const withIdentity = await send(port, 'POST', target, await signed(name, body), body);
        for (const answer of [bare, withIdentity]) {
          expect({ target, status: answer.status }).toEqual({ target, status: expect.toSatisfy((status: number) => status >= 400 && status < 500) });
          expect(answer.text).not.toContain('registryRevision');
          expect(answer.text).not.toContain('cam-1');
        }
      }
    }
  });

  it('finding 1: GraphQL answers no method but POST (GET, HEAD, OPTIONS, PUT), and health only GET', async () => {
    for (const [method, target] of subgraphBypassMethods) {
      const answer = await send(port, method, target, await signed(name, sdlQuery), ['GET', 'HEAD', 'OPTIONS'].includes(method) ? undefined : sdlQuery);
      expect({ method, target, status: answer.status }).toEqual({ method, target, status: expect.toSatisfy((status: number) => status >= 400 && status < 500) });
      expect(answer.text).not.toContain('registryRevision');
    }
  });

  it('finding 4(b): a replayed identity header is refused', async () => {
    const headers = await signed(name, sdlQuery);
    expect((await send(port, 'POST', '/graphql', headers, sdlQuery)).status).toBe(200);
    const replay = await send(port, 'POST', '/graphql', headers, sdlQuery);
    expect(replay.status).toBe(401);
    expect(codeOf(replay)).toBe('DS_AUTH_IDENTITY_REPLAYED');
  });

  it('finding 4(b): an identity header moved onto another body, or signed for another subgraph, is refused', async () => {
    const transplanted = await send(port, 'POST', '/graphql', await signed(name, '{"query":"{ whoAmI }"}'), entitiesQuery);
    expect(transplanted.status).toBe(401);
    expect(codeOf(transplanted)).toBe('DS_AUTH_UNAUTHENTICATED');
    const otherSubgraph = await send(port, 'POST', '/graphql', await signed('police', sdlQuery), sdlQuery);
    expect(otherSubgraph.status).toBe(401);
    const reformatted = await send(port, 'POST', '/graphql', await signed(name, sdlQuery), `${sdlQuery} `);
    expect(reformatted.status).toBe(401);
  });

  it('finding 9: a body that is not JSON is refused with 400 DS_BAD_REQUEST and no stack in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const body = '{"query": "{ whoAmI }"';
      const answer = await send(port, 'POST', '/graphql', await signed(name, body), body);
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('DS_BAD_REQUEST');
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('finding 9: an oversize body is refused with 413 DS_BODY_TOO_LARGE and no stack in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const body = JSON.stringify({ query: '{ whoAmI }', variables: { pad: 'x'.repeat(subgraphBodyLimitBytes) } });
      const answer = await send(port, 'POST', '/graphql', await signed(name, body), body);
      expect(answer.status).toBe(413);
      expect(codeOf(answer)).toBe('DS_BODY_TOO_LARGE');
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('finding 9: a body of another media type is refused with a 4xx code, not DS_INTERNAL', async () => {
    const body = 'query { whoAmI }';
    const answer = await send(port, 'POST', '/graphql', { ...(await signed(name, body)), 'content-type': 'text/plain' }, body);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(codeOf(answer)).not.toBe('DS_INTERNAL');
  });
});
