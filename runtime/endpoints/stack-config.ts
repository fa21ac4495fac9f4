import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig, urlVariable } from '../config.js';

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
    XDG_CACHE_HOME: optionalVariable(z.string()),
  })
  .superRefine((env, context) => {
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
