import { z } from 'zod';
import { auditConfigSchema } from '../../runtime/audit/audit-config.js';
import { localRedisUrl } from '../../runtime/endpoints/stack-endpoints.js';
import { portVariable, urlVariable } from '../../runtime/config.js';
import { identitySecretVariable } from '../../runtime/identity/identity-header.js';

/**
 * The audit subgraph's environment, validated once at start-up. `DS_AUDIT_DIR` is the gateway's own variable: the
 * subgraph reads the log the gateway writes (same machine, same default `.stack/audit`), never writing it.
 */
export const auditSubgraphConfigSchema = z.object({
  DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
  DS_AUDIT_HOST: z.string().min(1).default('127.0.0.1'),
  DS_AUDIT_PORT: portVariable.default(4107),
  DS_AUDIT_DIR: auditConfigSchema.shape.DS_AUDIT_DIR,
  REDIS_URL: urlVariable(['redis', 'rediss']).default(localRedisUrl),
});

export type AuditSubgraphConfig = z.infer<typeof auditSubgraphConfigSchema>;
