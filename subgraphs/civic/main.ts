import { once } from 'node:events';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { civicConfigSchema, neo4jEndpointOf } from './civic-config.js';
import { startCivicSubgraph } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig('civic subgraph', civicConfigSchema);
  const endpoint = neo4jEndpointOf(config);
  const driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  const redis = new Redis(config.REDIS_URL);
  try {
    const subgraph = await startCivicSubgraph({
      host: config.DS_CIVIC_HOST, port: config.DS_CIVIC_PORT, identitySecret: config.DS_IDENTITY_HEADER_SECRET, redis, neo4j: driver,
    });
    console.log(`civic subgraph serving ${subgraph.url}`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await subgraph.close();
  } finally {
    await redis.quit();
    await driver.close();
  }
}

await runProcess(main);
