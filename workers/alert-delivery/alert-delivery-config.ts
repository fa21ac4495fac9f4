import { z } from 'zod';
import { loadConfig, urlVariable } from '../../runtime/config.js';
import { stallRecoveryVariables } from '../../runtime/queues/stall-recovery.js';
import { redisVariables } from '../../runtime/redis/connect-durable-redis.js';

export const alertDeliveryConfigSchema = z.object({
  ...redisVariables,
  DS_CAD_WEBHOOK_URL: urlVariable(['http', 'https']),
  DS_CAD_WEBHOOK_SECRET: z.string().refine((secret) => Buffer.byteLength(secret) >= 32, { message: 'expected a secret of at least 32 bytes' }),
  DS_CAD_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DS_ALERT_DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  ...stallRecoveryVariables,
});

export type AlertDeliveryConfig = z.infer<typeof alertDeliveryConfigSchema>;

export function loadAlertDeliveryConfig(env: Record<string, string | undefined> = process.env): AlertDeliveryConfig {
  return loadConfig('alert-delivery', alertDeliveryConfigSchema, env);
}
