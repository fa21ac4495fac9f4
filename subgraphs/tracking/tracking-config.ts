import { z } from 'zod';
import { localRedisUrl, stackEndpoints, type Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { portVariable, urlVariable } from '../../runtime/config.js';
import { identitySecretVariable } from '../../runtime/identity/identity-header.js';

/** The tracking subgraph's environment, validated once at start-up. */
export const trackingConfigSchema = z.object({
  DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
  DS_TRACKING_HOST: z.string().min(1).default('127.0.0.1'),
  DS_TRACKING_PORT: portVariable.default(4105),
  /** The tracking model file (`npm run train:tracking`); the committed demo-city model when unset. */
  DS_TRACKING_MODEL_FILE: z.string().min(1).optional(),
  NEO4J_URI: urlVariable(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']).optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  /** The police agency's Redis, where the patrol-unit registry is read (`patrolInterceptionPlan`). */
  REDIS_URL: urlVariable(['redis', 'rediss']).default(localRedisUrl),
}).refine((env) => env.NEO4J_URI === undefined || env.NEO4J_PASSWORD !== undefined, {
  path: ['NEO4J_PASSWORD'], message: 'required when NEO4J_URI is set',
});

export type TrackingConfig = z.infer<typeof trackingConfigSchema>;

/** The Neo4j the configuration names, or the local stack's (whose password the stack generated). */
export function neo4jEndpointOf(config: TrackingConfig): Neo4jEndpoint {
  if (config.NEO4J_URI === undefined) return stackEndpoints({}).neo4j;
  return { uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD ?? '' };
}
