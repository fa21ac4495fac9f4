import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import { urlVariable } from '../../runtime/config.js';
import { stackEndpoints, type Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';

/** The Neo4j variables of every cctv process, defaulting to the local stack's server. */
export function neo4jVariables(env: Record<string, string | undefined>) {
  // Only the Neo4j variables: the stack would otherwise also judge REDIS_URL and MQTT_URL, which cctv never uses.
  const local = stackEndpoints({ NEO4J_URI: env.NEO4J_URI, NEO4J_USER: env.NEO4J_USER, NEO4J_PASSWORD: env.NEO4J_PASSWORD }).neo4j;
  return {
    NEO4J_URI: urlVariable(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']).default(local.uri),
    NEO4J_USER: z.string().min(1).default(local.user),
    NEO4J_PASSWORD: z.string().default(local.password),
  };
}

export const neo4jEndpointOf = (config: { NEO4J_URI: string; NEO4J_USER: string; NEO4J_PASSWORD: string }): Neo4jEndpoint =>
  ({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });

/** A driver whose integers come back as JS numbers: every integer the registry stores is far below 2^53. */
export function connectNeo4j(endpoint: Neo4jEndpoint): Driver {
  return neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
}
