import { z } from 'zod';
import { localRedisUrl } from '../runtime/endpoints/stack-endpoints.js';
import { auditConfigFrom, auditConfigSchema, type AuditConfig } from '../runtime/audit/audit-config.js';
import { loadConfig, portVariable, urlVariable } from '../runtime/config.js';
import { defaultAccessTokenTimeLimits } from '../runtime/identity/access-token.js';
import { identitySecretVariable } from '../runtime/identity/identity-header.js';
import { subgraphNames, type SubgraphName } from '../schema/subgraph-names.js';
import { defaultQueryLimits, type QueryLimits } from './plugins/use-query-limits.js';
import type { BucketRate } from './plugins/use-rate-limit.js';

/** Local ports of the hub: the gateway, its real-time endpoint, and one per subgraph. */
export const localPorts = {
  gateway: 4000,
  realtime: 4001,
  subgraphs: { cctv: 4101, police: 4102, signals: 4103, moj: 4104, tracking: 4105, civic: 4106, audit: 4107 },
} as const satisfies { gateway: number; realtime: number; subgraphs: Record<SubgraphName, number> };

export const subgraphUrlVariable = (name: SubgraphName) => `DS_SUBGRAPH_URL_${name.toUpperCase()}` as `DS_SUBGRAPH_URL_${Uppercase<SubgraphName>}`;

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(unsetWhenEmpty, schema.optional());
// prefault, not default: the default goes through the schema like a value that was set ("off" becomes false).
const withDefault = <Schema extends z.ZodType>(schema: Schema, value: z.input<Schema>) => z.preprocess(unsetWhenEmpty, schema.prefault(value as never));

const switchVariable = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((value) => ['true', '1', 'on'].includes(value));
const positiveInteger = (max: number) => z.coerce.number().int().min(1).max(max);

const jsonVariable = <Schema extends z.ZodType>(schema: Schema) =>
  z.string().transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'expected JSON' });
      return z.NEVER;
    }
  }).pipe(schema);

/** A public key only: a JWK carrying `d` is a private key and does not belong in the gateway's environment. */
const publicJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1), y: z.string().min(1), d: z.never({ message: 'must be a public key (no "d")' }).optional() })
  .loose();

const bucketRateSchema = z.object({ perSecond: z.number().positive().max(100_000), burst: z.number().int().min(1).max(1_000_000) });

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

const subgraphUrlSchema = (name: SubgraphName) => withDefault(urlVariable(['http', 'https']), `http://127.0.0.1:${localPorts.subgraphs[name]}/graphql`);
const subgraphUrlShape = Object.fromEntries(subgraphNames.map((name) => [subgraphUrlVariable(name), subgraphUrlSchema(name)])) as
  Record<ReturnType<typeof subgraphUrlVariable>, ReturnType<typeof subgraphUrlSchema>>;

export const gatewayConfigSchema = z.object({
  DS_ENV: withDefault(z.enum(['development', 'production']), 'development'),
  DS_GATEWAY_HOST: withDefault(z.string().min(1), '127.0.0.1'),
  DS_GATEWAY_PORT: withDefault(portVariable, localPorts.gateway),
  DS_REALTIME_PORT: withDefault(portVariable, localPorts.realtime),
  DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
  DS_JWT_PUBLIC_JWK: optional(jsonVariable(publicJwkSchema)),
  DS_ACCESS_TOKEN_MAX_LIFETIME_SECONDS: withDefault(z.coerce.number().int().min(60).max(7 * 24 * 3600), defaultAccessTokenTimeLimits.maxLifetimeSeconds),
  DS_DEV_IDENTITY: withDefault(switchVariable, 'off'),
  DS_GRAPHIQL: optional(switchVariable),
  ...subgraphUrlShape,
  DS_SUBGRAPH_TIMEOUT_MS: withDefault(z.coerce.number().int().min(100).max(120_000), 10_000),
  DS_BODY_LIMIT_BYTES: withDefault(z.coerce.number().int().min(1024).max(1024 * 1024), 64 * 1024),
  DS_QUERY_MAX_DEPTH: withDefault(positiveInteger(100), defaultQueryLimits.maxDepth),
  DS_QUERY_MAX_ALIASES: withDefault(positiveInteger(1_000), defaultQueryLimits.maxAliases),
  DS_QUERY_MAX_TOKENS: withDefault(positiveInteger(100_000), defaultQueryLimits.maxTokens),
  DS_QUERY_MAX_COST: withDefault(positiveInteger(10_000_000), defaultQueryLimits.maxCost),
  DS_QUERY_MAX_FIRST: withDefault(positiveInteger(100_000), defaultQueryLimits.maxFirst),
  DS_QUERY_DEFAULT_LIST_SIZE: withDefault(positiveInteger(100_000), defaultQueryLimits.defaultListSize),
  DS_RATE_LIMIT_PER_SECOND: withDefault(z.coerce.number().positive().max(100_000), 50),
  DS_RATE_LIMIT_BURST: withDefault(positiveInteger(1_000_000), 100),
  DS_RATE_LIMIT_AGENCIES: optional(jsonVariable(z.record(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/), bucketRateSchema))),
  REDIS_URL: withDefault(urlVariable(['redis', 'rediss']), localRedisUrl),
  ...auditConfigSchema.shape,
}).superRefine((env, context) => {
  const production = env.DS_ENV === 'production';
  if (production && env.DS_JWT_PUBLIC_JWK === undefined) {
    context.addIssue({ code: 'custom', path: ['DS_JWT_PUBLIC_JWK'], message: 'required in production: the public JWK access tokens are verified with' });
  }
  if (env.DS_DEV_IDENTITY && production) {
    context.addIssue({ code: 'custom', path: ['DS_DEV_IDENTITY'], message: 'must be off in production: it signs tokens for anyone who asks' });
  }
  if (env.DS_DEV_IDENTITY && env.DS_JWT_PUBLIC_JWK !== undefined) {
    context.addIssue({ code: 'custom', path: ['DS_DEV_IDENTITY'], message: 'dev tokens are signed with the dev key pair: unset DS_JWT_PUBLIC_JWK to use them' });
  }
  if (env.DS_DEV_IDENTITY && !loopbackHosts.has(env.DS_GATEWAY_HOST)) {
    context.addIssue({ code: 'custom', path: ['DS_DEV_IDENTITY'], message: `needs DS_GATEWAY_HOST on loopback (${[...loopbackHosts].join(', ')}): it signs tokens for anyone who can reach it` });
  }
});

export interface GatewayConfig {
  readonly production: boolean;
  readonly host: string;
  readonly port: number;
  readonly realtimePort: number;
  readonly identitySecret: string;
  /** The verifying key; absent in development, where the dev key pair's is used. */
  readonly jwtPublicJwk: z.infer<typeof publicJwkSchema> | undefined;
  /** The longest an access token may be valid (exp − iat); longer ones are refused. */
  readonly accessTokenMaxLifetimeSeconds: number;
  readonly devIdentity: boolean;
  readonly graphiql: boolean;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly subgraphTimeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly limits: QueryLimits;
  readonly rateLimit: { readonly rate: BucketRate; readonly agencyRates: Readonly<Record<string, BucketRate>> };
  readonly audit: AuditConfig;
  readonly redisUrl: string;
}

/** The gateway process's environment, validated at start-up; a bad value stops it naming the variable. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const values = loadConfig('gateway', gatewayConfigSchema, env);
  const production = values.DS_ENV === 'production';
  return {
    production,
    host: values.DS_GATEWAY_HOST,
    port: values.DS_GATEWAY_PORT,
    realtimePort: values.DS_REALTIME_PORT,
    identitySecret: values.DS_IDENTITY_HEADER_SECRET,
    jwtPublicJwk: values.DS_JWT_PUBLIC_JWK,
    accessTokenMaxLifetimeSeconds: values.DS_ACCESS_TOKEN_MAX_LIFETIME_SECONDS,
    devIdentity: values.DS_DEV_IDENTITY,
    graphiql: values.DS_GRAPHIQL ?? !production,
    subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, values[subgraphUrlVariable(name)]])) as Record<SubgraphName, string>,
    subgraphTimeoutMs: values.DS_SUBGRAPH_TIMEOUT_MS,
    bodyLimitBytes: values.DS_BODY_LIMIT_BYTES,
    limits: {
      maxDepth: values.DS_QUERY_MAX_DEPTH,
      maxAliases: values.DS_QUERY_MAX_ALIASES,
      maxTokens: values.DS_QUERY_MAX_TOKENS,
      maxCost: values.DS_QUERY_MAX_COST,
      maxFirst: values.DS_QUERY_MAX_FIRST,
      defaultListSize: values.DS_QUERY_DEFAULT_LIST_SIZE,
    },
    rateLimit: {
      rate: { perSecond: values.DS_RATE_LIMIT_PER_SECOND, burst: values.DS_RATE_LIMIT_BURST },
      agencyRates: values.DS_RATE_LIMIT_AGENCIES ?? {},
    },
    redisUrl: values.REDIS_URL,
    audit: auditConfigFrom(values),
  };
}
