import neo4j from 'neo4j-driver';
import { runProcess } from '../../runtime/config.js';
import { regionAggregatesQueueName } from '../../runtime/queues/pipeline-jobs.js';
import { stallRecoveryOf } from '../../runtime/queues/stall-recovery.js';
import { connectDurableRedis } from '../../runtime/redis/connect-durable-redis.js';
import { ensureSightingGraphSchema } from '../../stores/sightings/sighting-graph-schema.js';
import { aggregateWriterNeo4j, loadAggregateWriterConfig } from './aggregate-writer-config.js';
import { startAggregateWriter } from './start-aggregate-writer.js';

async function main(): Promise<void> {
  const config = loadAggregateWriterConfig();
  const endpoint = aggregateWriterNeo4j(config);
  const driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  // The camera uniqueness constraint keeps concurrent MERGEs of one camera from creating two nodes.
  await ensureSightingGraphSchema(driver);
  const redis = await connectDurableRedis(config.REDIS_URL);
  const writer = await startAggregateWriter(
    regionAggregatesQueueName, { redis, neo4j: driver }, { redisUrl: config.REDIS_URL, concurrency: config.DS_AGGREGATE_WRITER_CONCURRENCY, ...stallRecoveryOf(config) },
  );
  console.log(`aggregate-writer: writing ${regionAggregatesQueueName} to civic volumes and ${endpoint.uri}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`aggregate-writer: ${signal}, finishing active batches`);
    await writer.close();
    await redis.quit();
    await driver.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await runProcess(main);
