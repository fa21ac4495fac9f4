import type { Queue } from 'bullmq';
import { z } from 'zod';
import { alertEventSchema, type AlertEvent } from '../../runtime/alerts/alert-channel.js';

/** One `ds-alert-delivery` job: the alert to hand to the 112 CAD system and when it was queued. */
export const alertDeliveryJobSchema = z.object({
  alert: alertEventSchema,
  enqueuedAt: z.iso.datetime({ offset: true }),
}).strict();

export type AlertDeliveryJob = z.infer<typeof alertDeliveryJobSchema>;

/**
 * Queues an alert for delivery. The job id derives from the alert id, so queueing the same alert twice while its
 * job is still known to the queue is a no-op.
 */
export async function enqueueAlertDelivery(queue: Queue<AlertDeliveryJob>, alert: AlertEvent, now: Date = new Date()): Promise<string> {
  const job = await queue.add('deliver', { alert, enqueuedAt: now.toISOString() }, { jobId: `alert-${encodeURIComponent(alert.id)}` });
  return String(job.id);
}
