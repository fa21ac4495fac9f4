import { runProcess } from '../../runtime/config.js';
import { connectDurableRedis } from '../../runtime/redis/connect-durable-redis.js';
import { queueNames } from '../../runtime/queues/queue-names.js';
import { stallRecoveryOf } from '../../runtime/queues/stall-recovery.js';
import { loadAlertDeliveryConfig } from './alert-delivery-config.js';
import { startAlertDelivery } from './start-alert-delivery.js';

async function main(): Promise<void> {
  const config = loadAlertDeliveryConfig();
  const records = await connectDurableRedis(config.REDIS_URL);
  const delivery = await startAlertDelivery(
    queueNames.alertDelivery,
    { url: config.DS_CAD_WEBHOOK_URL, secret: config.DS_CAD_WEBHOOK_SECRET, timeoutMs: config.DS_CAD_WEBHOOK_TIMEOUT_MS },
    records,
    { redisUrl: config.REDIS_URL, concurrency: config.DS_ALERT_DELIVERY_CONCURRENCY, ...stallRecoveryOf(config) },
  );
  console.log(`alert-delivery: delivering ${queueNames.alertDelivery} to ${new URL(config.DS_CAD_WEBHOOK_URL).origin}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`alert-delivery: ${signal}, finishing active deliveries`);
    // Waiting lets in-flight POSTs settle and be recorded; a job cut off anyway is retried by the next worker.
    await delivery.close();
    await records.quit();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await runProcess(main);
