import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { JWK } from 'jose';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Identity } from '../../domain/access/index.js';
import { createGateway, type Gateway } from '../../gateway/create-gateway.js';
import { gatewayPlugins } from '../../gateway/gateway-plugins.js';
import { loadGraphContract } from '../../gateway/graph-contract.js';
import { devTokenPath } from '../../gateway/http/dev-token-route.js';
import { graphqlPath, startGatewayHttpServer, type RunningHttpServer } from '../../gateway/http/gateway-http-server.js';
import { graphiqlResources } from '../../gateway/http/graphiql-page.js';
import { caseNumberHeaderName, purposeHeaderName } from '../../gateway/gateway-context.js';
import { defaultQueryLimits, type QueryLimits } from '../../gateway/plugins/use-query-limits.js';
import { createRedisTokenBucket } from '../../gateway/rate-limit/redis-token-bucket.js';
import { openAuditLog, type AuditLog } from '../../runtime/audit/open-audit-log.js';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { importAccessTokenPublicKey } from '../../runtime/identity/access-token.js';
import { createDevIdentityProvider, generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { importHistorySearchKey } from '../../runtime/identity/history-search-token.js';
import { sampleUserNames } from '../../runtime/identity/sample-users.js';
import { startCctvSubgraph } from '../../subgraphs/cctv/server.js';
import { brokerAdminEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { startAuditSubgraph } from '../../subgraphs/audit/server.js';
import { startCivicSubgraph } from '../../subgraphs/civic/server.js';
import { startMojSubgraph } from '../../subgraphs/moj/server.js';
import { startPoliceSubgraph } from '../../subgraphs/police/server.js';
import { startSignalsSubgraph } from '../../subgraphs/signals/server.js';
import { startTrackingSubgraph } from '../../subgraphs/tracking/server.js';
import type { StackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';

export interface InProcessHubOptions {
  readonly endpoints: StackEndpoints;
  readonly production?: boolean;
  readonly limits?: QueryLimits;
  /** Requests per second per agency; generous unless a test is about the limit. */
  readonly rate?: { perSecond: number; burst: number };
  /** The edge nodes cctv's history search asks (municipality id → base URL) and its signing key; none unless given. */
  readonly history?: { readonly edgeUrls: Readonly<Record<string, string>>; readonly signingJwk: JWK; readonly timeoutMs?: number };
  /** Serve GraphiQL at /graphiql as the gateway process does: in development with its dev sign-in, else token pasting. */
  readonly graphiql?: boolean;
}

/** The whole federated graph in one process, on free ports, over the real Redis and Neo4j: for tests and benchmarks. */
export interface InProcessHub {
  readonly gatewayUrl: string;
  /** e.g. http://127.0.0.1:40123: the gateway's HTTP origin (GraphiQL is at /graphiql when asked for). */
  readonly gatewayOrigin: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly identitySecret: string;
  readonly auditLog: AuditLog;
  readonly auditDir: string;
  /** The Redis key namespace of this hub's police store, unique per hub. */
  readonly policeKeyPrefix: string;
  readonly neo4jDriver: Driver;
  readonly redis: Redis;
  tokenFor(identity: Identity): Promise<string>;
  close(): Promise<void>;
}

const host = '127.0.0.1';

export async function startInProcessHub(options: InProcessHubOptions): Promise<InProcessHub> {
  const { endpoints } = options;
  const identitySecret = randomBytes(32).toString('base64url');
  const redis = new Redis(endpoints.redisUrl);
  const neo4jDriver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password));
  const policeKeyPrefix = `ds:police:hub-${randomUUID()}:`;
  const subgraphs: RunningSubgraph[] = [];
  let gateway: Gateway | undefined;
  let http: RunningHttpServer | undefined;
  let auditLog: AuditLog | undefined;
  const auditDir = await mkdtemp(join(tmpdir(), 'dongseon-audit-'));

  const close = async (): Promise<void> => {
    await http?.close();
    await gateway?.stop();
    await auditLog?.close();
    for (const subgraph of subgraphs.reverse()) await subgraph.close();
    const policeKeys = await redis.keys(`${policeKeyPrefix}*`);
    if (policeKeys.length > 0) await redis.del(...policeKeys);
    await redis.quit();
    await neo4jDriver.close();
    await rm(auditDir, { recursive: true, force: true });
  };

  try {
    const listen = { host, port: 0 };
    const history = {
      edges: Object.entries(options.history?.edgeUrls ?? {}).map(([municipalityId, url]) => ({ municipalityId, url })),
      signingKey: await importHistorySearchKey(options.history?.signingJwk ?? (await generateDevKeyPair()).privateJwk),
      timeoutMs: options.history?.timeoutMs ?? 5_000,
    };
    subgraphs.push(await startCctvSubgraph({ identitySecret, neo4j: endpoints.neo4j, history, broker: brokerAdminEndpoint(), ...listen }));
    // The registry and the decision log under the police prefix too, so that closing the hub removes them.
    const patrolKeyPrefix = `${policeKeyPrefix}patrol:`;
    subgraphs.push(await startPoliceSubgraph({
      identitySecret, redis, keyPrefix: policeKeyPrefix, patrolKeyPrefix, decisionLogKey: `${policeKeyPrefix}hit-decisions:log`, ...listen,
    }));
    subgraphs.push(await startSignalsSubgraph({ identitySecret, redisUrl: endpoints.redisUrl, ...listen }));
    subgraphs.push(await startMojSubgraph({ identitySecret, redisUrl: endpoints.redisUrl, ...listen }));
    subgraphs.push(await startTrackingSubgraph({ identitySecret, neo4j: neo4jDriver, redis, patrolKeyPrefix, ...listen }));
    subgraphs.push(await startCivicSubgraph({ identitySecret, redis, neo4j: neo4jDriver, ...listen }));
    subgraphs.push(await startAuditSubgraph({ identitySecret, redis, auditDir, ...listen }));
    const subgraphUrls = Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));

    const keys = await generateDevKeyPair();
    const identity = await createDevIdentityProvider(keys);
    const contract = loadGraphContract();
    auditLog = await openAuditLog({ dir: auditDir, rotateBytes: 64 * 1024 * 1024 });
    const production = options.production ?? false;
    gateway = await createGateway({
      supergraphSdl: contract.supergraphSdl,
      subgraphUrls,
      identitySecret,
      subgraphTimeoutMs: 10_000,
      production,
      plugins: gatewayPlugins({
        publicKey: await importAccessTokenPublicKey(keys.publicJwk),
        production,
        trustedDocuments: contract.trustedDocuments,
        limits: options.limits ?? defaultQueryLimits,
        policy: contract.policy,
        rateLimit: { bucket: createRedisTokenBucket(redis), rate: options.rate ?? { perSecond: 100_000, burst: 1_000_000 }, agencyRates: {} },
        audit: { log: auditLog, supergraphSdl: contract.supergraphSdl },
      }),
    });
    const graphiql = options.graphiql
      ? graphiqlResources({
        graphqlPath,
        ...(production ? {} : { devTokenPath }),
        devUsers: production ? [] : sampleUserNames.map((name) => ({ name, label: name })),
        purposeHeader: purposeHeaderName,
        caseNumberHeader: caseNumberHeaderName,
        contract,
        production,
      })
      : undefined;
    http = await startGatewayHttpServer({
      gateway, bodyLimitBytes: 64 * 1024, ...(graphiql ? { graphiql, ...(production ? {} : { devIdentity: identity }) } : {}),
    }, listen);
    const log = auditLog;
    return {
      gatewayUrl: `${http.origin}${graphqlPath}`,
      gatewayOrigin: http.origin,
      subgraphUrls,
      identitySecret,
      auditLog: log,
      auditDir,
      policeKeyPrefix,
      neo4jDriver,
      redis,
      tokenFor: (who) => identity.mintToken(who),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
