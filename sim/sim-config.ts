import { z } from 'zod';
import { localMqttUrl, localRedisUrl } from '../runtime/endpoints/stack-endpoints.js';
import { loadConfig, urlVariable } from '../runtime/config.js';
import { neo4jVariables } from '../stores/neo4j/neo4j-connection.js';

/** The environment of `sim replay` and `sim demo`: the stack they talk to, defaulting to the local one. */
export function loadSimConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig('sim', z.object({
    REDIS_URL: urlVariable(['redis', 'rediss']).default(localRedisUrl),
    MQTT_URL: urlVariable(['mqtt', 'mqtts', 'ws', 'wss']).default(localMqttUrl),
    ...neo4jVariables(env),
    /** Where the demo registers wanted vehicles (the gateway with development sign-in, as npm start runs it). */
    DS_SIM_GATEWAY_URL: urlVariable(['http', 'https']).default('http://127.0.0.1:4000'),
  }), env);
}

export type SimConfig = ReturnType<typeof loadSimConfig>;
