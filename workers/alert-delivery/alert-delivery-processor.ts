import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isFinalFailure } from '../../runtime/queues/dead-letters.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import { alertDeliveryJobSchema } from './alert-delivery-job.js';
import { deliverAlert, DeliveryAttemptError, DeliveryRejectedError, type CadWebhook } from './deliver-alert.js';
import { recordAttempt } from './delivery-record.js';

/** Processes `ds-alert-delivery` jobs: one POST per attempt, each attempt and its outcome recorded in Redis. */
export function alertDeliveryProcessor(webhook: CadWebhook, records: Redis) {
  return async (job: Job): Promise<{ status: number }> => {
    const parsed = alertDeliveryJobSchema.safeParse(job.data);
    if (!parsed.success) {
      throw new NonRetryableJobError('DS_QUEUE_JOB_INVALID', `not an alert delivery job: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    const { alert } = parsed.data;
    try {
      const status = await deliverAlert(webhook, alert);
      await recordAttempt(records, alert.id, { status, outcome: 'delivered' });
      return { status };
    } catch (error) {
      if (error instanceof DeliveryAttemptError || error instanceof DeliveryRejectedError) {
        const outcome = isFinalFailure(job, error) ? 'dead-lettered' : 'retrying';
        await recordAttempt(records, alert.id, { status: error.status, error: error.message, outcome });
      }
      throw error;
    }
  };
}
