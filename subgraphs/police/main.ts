import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import { regionHitDecisionsQueueName } from '../../runtime/queues/pipeline-jobs.js';
import { hotlistKeyRingConfigSchema, hotlistKeyRingOf } from '../../runtime/hotlist/hotlist-key-ring-config.js';
import { policeConfigSchema } from './police-config.js';
import { startPoliceSubgraph } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig('police subgraph', policeConfigSchema.and(hotlistKeyRingConfigSchema));
  const redis = new Redis(config.REDIS_URL);
  const producer = await connectQueueRedis(config.REDIS_URL);
  const hitDecisions = createQueue<HitDecisionEvent>(regionHitDecisionsQueueName, producer);
  try {
    const subgraph = await startPoliceSubgraph({
      host: config.DS_POLICE_HOST, port: config.DS_POLICE_PORT, identitySecret: config.DS_IDENTITY_HEADER_SECRET, redis,
      hotlist: { keyRing: hotlistKeyRingOf(config) }, hitDecisions,
    });
    console.log(`police subgraph serving ${subgraph.url}`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await subgraph.close();
  } finally {
    await hitDecisions.close();
    producer.disconnect();
    await redis.quit();
  }
}

await runProcess(main);
