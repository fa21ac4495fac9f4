import { once } from 'node:events';
import { Redis } from 'ioredis';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { hotlistKeyRingConfigSchema, hotlistKeyRingOf } from '../../runtime/hotlist/hotlist-key-ring-config.js';
import { policeConfigSchema } from './police-config.js';
import { startPoliceSubgraph } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig('police subgraph', policeConfigSchema.and(hotlistKeyRingConfigSchema));
  const redis = new Redis(config.REDIS_URL);
  try {
    const subgraph = await startPoliceSubgraph({
      host: config.DS_POLICE_HOST, port: config.DS_POLICE_PORT, identitySecret: config.DS_IDENTITY_HEADER_SECRET, redis,
      hotlist: { keyRing: hotlistKeyRingOf(config) },
    });
    console.log(`police subgraph serving ${subgraph.url}`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await subgraph.close();
  } finally {
    await redis.quit();
  }
}

await runProcess(main);
