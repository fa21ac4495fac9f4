import { z } from 'zod';
import { localRedisUrl } from '../../runtime/endpoints/stack-endpoints.js';
import { portVariable, urlVariable } from '../../runtime/config.js';
import { identitySecretVariable } from '../../runtime/identity/identity-header.js';

/** The police subgraph's environment, validated once at start-up. */
export const policeConfigSchema = z.object({
  DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
  DS_POLICE_HOST: z.string().min(1).default('127.0.0.1'),
  DS_POLICE_PORT: portVariable.default(4102),
  REDIS_URL: urlVariable(['redis', 'rediss']).default(localRedisUrl),
});

export type PoliceConfig = z.infer<typeof policeConfigSchema>;
