import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../domain/errors/index.js';
import { loadGatewayConfig } from './gateway-config.js';

const secret = 'a-development-secret-of-32-bytes!!';
const publicJwk = JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' });

function problemsOf(env: Record<string, string>): string {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (isDongseonError(error, 'DS_CONFIG_INVALID')) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadGatewayConfig', () => {
  it('defaults to a local development hub on the documented ports', () => {
    const config = loadGatewayConfig({ DS_IDENTITY_HEADER_SECRET: secret });
    expect(config).toMatchObject({
      production: false, host: '127.0.0.1', port: 4000, realtimePort: 4001, devIdentity: false, graphiql: true, accessTokenMaxLifetimeSeconds: 86_400,
      bodyLimitBytes: 65_536, subgraphTimeoutMs: 10_000, redisUrl: 'redis://127.0.0.1:16379',
      subgraphUrls: {
        cctv: 'http://127.0.0.1:4101/graphql', police: 'http://127.0.0.1:4102/graphql', signals: 'http://127.0.0.1:4103/graphql',
        moj: 'http://127.0.0.1:4104/graphql', tracking: 'http://127.0.0.1:4105/graphql', civic: 'http://127.0.0.1:4106/graphql',
      },
      rateLimit: { rate: { perSecond: 50, burst: 100 }, agencyRates: {} },
    });
  });

  it('reads every variable', () => {
    const config = loadGatewayConfig({
      DS_ENV: 'production', DS_IDENTITY_HEADER_SECRET: secret, DS_JWT_PUBLIC_JWK: publicJwk, DS_GATEWAY_HOST: '0.0.0.0',
      DS_SUBGRAPH_URL_POLICE: 'https://police.internal/graphql', DS_QUERY_MAX_DEPTH: '8', DS_RATE_LIMIT_AGENCIES: '{"police":{"perSecond":200,"burst":400}}',
      REDIS_URL: 'rediss://redis.internal:6380', DS_GRAPHIQL: 'on',
    });
    expect(config).toMatchObject({
      production: true, graphiql: true, host: '0.0.0.0', redisUrl: 'rediss://redis.internal:6380',
      subgraphUrls: expect.objectContaining({ police: 'https://police.internal/graphql' }),
      limits: expect.objectContaining({ maxDepth: 8 }),
      rateLimit: { rate: { perSecond: 50, burst: 100 }, agencyRates: { police: { perSecond: 200, burst: 400 } } },
    });
    expect(config.jwtPublicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it.each([
    ['no identity header secret', {}, /DS_IDENTITY_HEADER_SECRET: required/],
    ['a short identity header secret', { DS_IDENTITY_HEADER_SECRET: 'short' }, /DS_IDENTITY_HEADER_SECRET: expected a secret of at least 32 bytes/],
    ['production without a public key', { DS_ENV: 'production', DS_IDENTITY_HEADER_SECRET: secret }, /DS_JWT_PUBLIC_JWK: required in production/],
    ['a private key', { DS_IDENTITY_HEADER_SECRET: secret, DS_JWT_PUBLIC_JWK: JSON.stringify({ ...JSON.parse(publicJwk), d: 'secret' }) }, /DS_JWT_PUBLIC_JWK\.d: must be a public key/],
    ['a key that is not JSON', { DS_IDENTITY_HEADER_SECRET: secret, DS_JWT_PUBLIC_JWK: '{kty:EC' }, /DS_JWT_PUBLIC_JWK: expected JSON/],
    ['dev identity in production', { DS_ENV: 'production', DS_IDENTITY_HEADER_SECRET: secret, DS_JWT_PUBLIC_JWK: publicJwk, DS_DEV_IDENTITY: 'on' }, /DS_DEV_IDENTITY: must be off in production/],
    ['dev identity reachable from the network', { DS_IDENTITY_HEADER_SECRET: secret, DS_DEV_IDENTITY: 'on', DS_GATEWAY_HOST: '0.0.0.0' }, /DS_DEV_IDENTITY: needs DS_GATEWAY_HOST on loopback/],
    ['a subgraph URL that is not http', { DS_IDENTITY_HEADER_SECRET: secret, DS_SUBGRAPH_URL_MOJ: 'ftp://moj' }, /DS_SUBGRAPH_URL_MOJ: expected a URL with scheme http or https/],
    ['a body limit above the subgraphs\'', { DS_IDENTITY_HEADER_SECRET: secret, DS_BODY_LIMIT_BYTES: String(2 * 1024 * 1024) }, /DS_BODY_LIMIT_BYTES/],
    ['a switch that is not one', { DS_IDENTITY_HEADER_SECRET: secret, DS_DEV_IDENTITY: 'yes' }, /DS_DEV_IDENTITY/],
  ])('refuses %s, naming the variable', (_, env, message) => {
    expect(problemsOf(env)).toMatch(message);
  });
});
