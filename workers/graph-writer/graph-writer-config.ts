import { z } from 'zod';
import { hitDecisionLogKey } from '../../runtime/alerts/hit-decision-log.js';
import { stackEndpoints, type Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { loadConfig, urlVariable } from '../../runtime/config.js';
import { stallRecoveryVariables } from '../../runtime/queues/stall-recovery.js';
import { redisVariables } from '../../runtime/redis/connect-durable-redis.js';
import { defaultPoliceKeyPrefix } from '../../stores/police/police-keys.js';
import { defaultTrackingModelFile } from '../../stores/tracking-model/tracking-model-file.js';

export const graphWriterConfigSchema = z.object({
  ...redisVariables,
  NEO4J_URI: urlVariable(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  DS_POLICE_KEY_PREFIX: z.string().min(1).default(defaultPoliceKeyPrefix),
  /** Comma-separated road graph files, merged: by default the demo region's and the demo city's. */
  DS_ROAD_GRAPH_FILES: z.string().min(1).default([
    new URL('../../data/demo-region/road-graph.json', import.meta.url).pathname,
    new URL('../../data/demo-city/camera-road-graph.json', import.meta.url).pathname,
  ].join(',')).transform((files) => files.split(',').map((file) => file.trim()).filter((file) => file.length > 0)),
  /** The tracking model whose hourly travel times judge impossible travel between the cameras it knows. */
  DS_TRACKING_MODEL_FILE: z.string().min(1).default(defaultTrackingModelFile),
  /** Stage 1 (`ds-region-hits`: hit store and alerts): hit batches in flight. */
  DS_GRAPH_WRITER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Stage 2 (`ds-region-sightings`: sighting graph and impossible travel): sighting batches in flight. */
  DS_GRAPH_WRITER_SIGHTINGS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** The police hit store's decision log, relayed to the decision stage. */
  DS_HIT_DECISION_LOG_KEY: z.string().min(1).default(hitDecisionLogKey),
  /** How long a decision read by another graph writer stays unacknowledged before this one relays it (a crash). */
  DS_HIT_DECISION_RECLAIM_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  ...stallRecoveryVariables,
}).refine((env) => env.NEO4J_URI === undefined || env.NEO4J_PASSWORD !== undefined, {
  path: ['NEO4J_PASSWORD'], message: 'required when NEO4J_URI is set',
});

export type GraphWriterConfig = z.infer<typeof graphWriterConfigSchema>;

export function loadGraphWriterConfig(env: Record<string, string | undefined> = process.env): GraphWriterConfig {
  return loadConfig('graph-writer', graphWriterConfigSchema, env);
}

/** The Neo4j the configuration names, or the local stack's (whose password the stack generated). */
export function graphWriterNeo4j(config: GraphWriterConfig): Neo4jEndpoint {
  if (config.NEO4J_URI === undefined) return stackEndpoints({}).neo4j;
  return { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD ?? '' };
}
