import { once } from 'node:events';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { startTrackingSubgraph } from './server.js';
import { defaultTrackingModelFile, readTrackingModel } from '../../stores/tracking-model/tracking-model-file.js';
import { neo4jEndpointOf, trackingConfigSchema } from './tracking-config.js';

async function main(): Promise<void> {
  const config = loadConfig('tracking subgraph', trackingConfigSchema);
  const model = readTrackingModel(config.DS_TRACKING_MODEL_FILE ?? defaultTrackingModelFile);
  const endpoint = neo4jEndpointOf(config);
  const driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  const redis = new Redis(config.REDIS_URL);
  try {
    const subgraph = await startTrackingSubgraph({
      host: config.DS_TRACKING_HOST, port: config.DS_TRACKING_PORT, identitySecret: config.DS_IDENTITY_HEADER_SECRET, neo4j: driver, model, redis,
    });
    console.log(`tracking subgraph serving ${subgraph.url}`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await subgraph.close();
  } finally {
    await redis.quit();
    await driver.close();
  }
}

await runProcess(main);
