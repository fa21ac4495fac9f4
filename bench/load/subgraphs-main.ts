process.env.APOLLO_TELEMETRY_DISABLED = '1';

import { once } from 'node:events';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { loadConfig, runProcess } from '../../runtime/config.js';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { startAuditSubgraph } from '../../subgraphs/audit/server.js';
import { startCctvSubgraph } from '../../subgraphs/cctv/server.js';
import { startCivicSubgraph } from '../../subgraphs/civic/server.js';
import { startMojSubgraph } from '../../subgraphs/moj/server.js';
import { startPoliceSubgraph } from '../../subgraphs/police/server.js';
import { startSignalsSubgraph } from '../../subgraphs/signals/server.js';
import { startTrackingSubgraph } from '../../subgraphs/tracking/server.js';
import { subgraphsProcessConfigSchema } from './subgraphs-process-config.js';

const host = '127.0.0.1';

/** The subgraphs in one process, over the stack's Redis and Neo4j, for the gateway benchmark's processes. */
async function main(): Promise<void> {
  const config = loadConfig('bench subgraphs', subgraphsProcessConfigSchema);
  const endpoints = stackEndpoints();
  const identitySecret = config.DS_IDENTITY_HEADER_SECRET;
  const redis = new Redis(endpoints.redisUrl);
  const driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password), { disableLosslessIntegers: true });
  const subgraphs: RunningSubgraph[] = [];
  try {
    subgraphs.push(await startCctvSubgraph({ identitySecret, neo4j: endpoints.neo4j, host, port: config.DS_CCTV_PORT }));
    subgraphs.push(await startPoliceSubgraph({ identitySecret, redis, keyPrefix: config.DS_BENCH_POLICE_KEY_PREFIX, host, port: config.DS_POLICE_PORT }));
    subgraphs.push(await startSignalsSubgraph({ identitySecret, redisUrl: endpoints.redisUrl, host, port: config.DS_SIGNALS_PORT }));
    subgraphs.push(await startMojSubgraph({ identitySecret, redisUrl: endpoints.redisUrl, host, port: config.DS_MOJ_PORT }));
    subgraphs.push(await startTrackingSubgraph({ identitySecret, neo4j: driver, host, port: config.DS_TRACKING_PORT }));
    subgraphs.push(await startCivicSubgraph({ identitySecret, redis, neo4j: driver, host, port: config.DS_CIVIC_PORT }));
    subgraphs.push(await startAuditSubgraph({ identitySecret, redis, auditDir: resolve(config.DS_AUDIT_DIR), host, port: config.DS_AUDIT_PORT }));
    console.log(`serving ${subgraphs.map((subgraph) => `${subgraph.name} ${subgraph.url}`).join(', ')}`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  } finally {
    for (const subgraph of subgraphs.reverse()) await subgraph.close();
    await redis.quit();
    await driver.close();
  }
}

await runProcess(main);
