import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { loadRoadGraph, mergeRoadGraphs } from '../../domain/tracking/road-graph.js';
import type { HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { runProcess } from '../../runtime/config.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import {
  regionHitDecisionsQueueName, regionHitsQueueName, regionSightingsQueueName, type SightingBatchJob,
} from '../../runtime/queues/pipeline-jobs.js';
import { queueNames } from '../../runtime/queues/queue-names.js';
import { connectDurableRedis } from '../../runtime/redis/connect-durable-redis.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { stallRecoveryOf } from '../../runtime/queues/stall-recovery.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { ensureSightingGraphSchema } from '../../stores/sightings/sighting-graph-schema.js';
import { readTrackingModel } from '../../stores/tracking-model/tracking-model-file.js';
import type { AlertDeliveryJob } from '../alert-delivery/alert-delivery-job.js';
import { graphWriterNeo4j, loadGraphWriterConfig } from './graph-writer-config.js';
import { hitDecisionRelayGroup, startHitDecisionRelay } from './hit-decision-relay.js';
import { startGraphWriter } from './start-graph-writer.js';

async function main(): Promise<void> {
  const config = loadGraphWriterConfig();
  const roadGraph = mergeRoadGraphs(config.DS_ROAD_GRAPH_FILES.map((file) => loadRoadGraph(JSON.parse(readFileSync(file, 'utf8')))));
  const trackingModel = readTrackingModel(config.DS_TRACKING_MODEL_FILE);
  const endpoint = graphWriterNeo4j(config);
  const driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
  await ensureSightingGraphSchema(driver);
  const redis = await connectDurableRedis(config.REDIS_URL);
  const producer = await connectQueueRedis(config.REDIS_URL);
  const alertDeliveries = createQueue<AlertDeliveryJob>(queueNames.alertDelivery, producer);
  const sightingBatches = createQueue<SightingBatchJob>(regionSightingsQueueName, producer);
  const writer = await startGraphWriter(
    { hits: regionHitsQueueName, sightings: regionSightingsQueueName, decisions: regionHitDecisionsQueueName },
    { redis, policeKeys: policeKeys(config.DS_POLICE_KEY_PREFIX), neo4j: driver, travelTimes: { roadGraph, trackingModel }, alertDeliveries, sightingBatches },
    {
      hits: { redisUrl: config.REDIS_URL, concurrency: config.DS_GRAPH_WRITER_CONCURRENCY, ...stallRecoveryOf(config) },
      sightings: { redisUrl: config.REDIS_URL, concurrency: config.DS_GRAPH_WRITER_SIGHTINGS_CONCURRENCY, ...stallRecoveryOf(config) },
      decisions: { redisUrl: config.REDIS_URL, concurrency: 2, ...stallRecoveryOf(config) },
    },
  );
  // Decisions reach the decision stage from the police hit store's log, never from the mutation that made them.
  const hitDecisions = createQueue<HitDecisionEvent>(regionHitDecisionsQueueName, producer);
  const relay = await startHitDecisionRelay({
    redis: redis.duplicate(), streamKey: config.DS_HIT_DECISION_LOG_KEY, group: hitDecisionRelayGroup, queue: hitDecisions,
    reclaimIdleMs: config.DS_HIT_DECISION_RECLAIM_MS,
  });
  console.log(
    `graph-writer: ${regionHitsQueueName} → alerts to ${queueNames.alertDelivery} → ${regionSightingsQueueName} → sighting graph at ${endpoint.uri}; ${config.DS_HIT_DECISION_LOG_KEY} → ${regionHitDecisionsQueueName} → sighting graph and CAD`,
  );

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`graph-writer: ${signal}, finishing active batches`);
    // Waiting lets in-flight batches finish; one cut off anyway is retried whole, and every step is idempotent.
    await relay.close();
    await writer.close();
    await hitDecisions.close();
    await alertDeliveries.close();
    await sightingBatches.close();
    producer.disconnect();
    await redis.quit();
    await driver.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await runProcess(main);
