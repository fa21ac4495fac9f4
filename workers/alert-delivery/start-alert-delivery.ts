import type { Redis } from 'ioredis';
import { createWorker, type QueueWorker, type QueueWorkerOptions } from '../../runtime/queues/create-worker.js';
import { alertDeliveryProcessor } from './alert-delivery-processor.js';
import type { CadWebhook } from './deliver-alert.js';

/** Starts the 112 CAD delivery worker on `queue`; delivery records go to `records`, which stays the caller's. */
export function startAlertDelivery(queue: string, webhook: CadWebhook, records: Redis, options: QueueWorkerOptions): Promise<QueueWorker<unknown>> {
  return createWorker<unknown>(queue, alertDeliveryProcessor(webhook, records), options);
}
