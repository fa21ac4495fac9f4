import { z } from 'zod';
import { stackEndpoints, type Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { loadConfig, urlVariable } from '../../runtime/config.js';
import { stallRecoveryVariables } from '../../runtime/queues/stall-recovery.js';
import { redisVariables } from '../../runtime/redis/connect-durable-redis.js';

export const aggregateWriterConfigSchema = z.object({
  ...redisVariables,
  NEO4J_URI: urlVariable(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  DS_AGGREGATE_WRITER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  ...stallRecoveryVariables,
}).refine((env) => env.NEO4J_URI === undefined || env.NEO4J_PASSWORD !== undefined, {
  path: ['NEO4J_PASSWORD'], message: 'required when NEO4J_URI is set',
});

export type AggregateWriterConfig = z.infer<typeof aggregateWriterConfigSchema>;

export function loadAggregateWriterConfig(env: Record<string, string | undefined> = process.env): AggregateWriterConfig {
  return loadConfig('aggregate-writer', aggregateWriterConfigSchema, env);
}

/** The Neo4j the configuration names, or the local stack's (whose password the stack generated). */
export function aggregateWriterNeo4j(config: AggregateWriterConfig): Neo4jEndpoint {
  if (config.NEO4J_URI === undefined) return stackEndpoints({}).neo4j;
  return { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD ?? '' };
}
