import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig, urlVariable } from '../config.js';

/** The local broker's URL (also in stack-endpoints.ts, which imports this module). */
const localMqttUrl = 'mqtt://127.0.0.1:11883';

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const optionalVariable = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(unsetWhenEmpty, schema.optional());

/**
 * The stack's environment. Each URL, when set, names an external server that the stack only health-checks;
 * when unset, the stack installs and runs its own on a loopback port.
 */
export const stackConfigSchema = z
  .object({
    REDIS_URL: optionalVariable(urlVariable(['redis', 'rediss'])),
    NEO4J_URI: optionalVariable(urlVariable(['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'])),
    NEO4J_USER: optionalVariable(z.string()),
    NEO4J_PASSWORD: optionalVariable(z.string()),
    MQTT_URL: optionalVariable(urlVariable(['mqtt', 'mqtts', 'ws', 'wss'])),
    /** The external broker's dynamic-security admin, which issues and revokes camera and edge accounts. */
    MQTT_ADMIN_USERNAME: optionalVariable(z.string().min(1).max(128)),
    MQTT_ADMIN_PASSWORD: optionalVariable(z.string().min(1).max(256)),
    XDG_CACHE_HOME: optionalVariable(z.string()),
    /** The local Neo4j's JIT: `quick` (C1 only, the default: no compile bursts after a start) or `full` (C1 and C2). */
    DS_NEO4J_JIT: optionalVariable(z.enum(['quick', 'full'])),
  })
  .superRefine((env, context) => {
    const externalBroker = env.MQTT_URL !== undefined && env.MQTT_URL !== localMqttUrl;
    if (externalBroker && /^(mqtts?|wss?):/.test(env.MQTT_URL ?? '') && env.MQTT_ADMIN_PASSWORD === undefined) {
      context.addIssue({ code: 'custom', path: ['MQTT_ADMIN_PASSWORD'], message: 'required when MQTT_URL names an external broker (its dynamic-security admin)' });
    }
    for (const variable of ['MQTT_ADMIN_USERNAME', 'MQTT_ADMIN_PASSWORD'] as const) {
      if (!externalBroker && env[variable] !== undefined) {
        context.addIssue({ code: 'custom', path: [variable], message: 'only used with an external MQTT_URL; the local broker generates its own admin password' });
      }
    }
    if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
      context.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'required when NEO4J_URI is set' });
    }
    for (const variable of ['NEO4J_USER', 'NEO4J_PASSWORD'] as const) {
      if (env.NEO4J_URI === undefined && env[variable] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [variable],
          message: 'only used with NEO4J_URI; the local Neo4j generates its own password',
        });
      }
    }
  });

export type StackConfig = z.infer<typeof stackConfigSchema>;

export function loadStackConfig(env: Record<string, string | undefined> = process.env): StackConfig {
  return loadConfig('stack', stackConfigSchema, env);
}

/** Downloads that outlive a clone (the Neo4j jars) live here, never inside the repository. */
export function cacheRootOf(config: StackConfig): string {
  return config.XDG_CACHE_HOME ?? join(homedir(), '.cache');
}
