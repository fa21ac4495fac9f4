import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isFinalFailure } from '../../runtime/queues/dead-letters.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import { alertDeliveryJobSchema, hitDecisionDeliveryIdOf, hitDecisionDeliveryJobSchema } from './alert-delivery-job.js';
import { deliverToCad, DeliveryAttemptError, DeliveryRejectedError, type CadWebhook } from './deliver-alert.js';
import { recordAttempt } from './delivery-record.js';

/** What one job POSTs, under which delivery id: an alert as it is, or a decision following one up. */
function deliveryOf(data: unknown): { deliveryId: string; payload: unknown } {
  const alertJob = alertDeliveryJobSchema.safeParse(data);
  if (alertJob.success) return { deliveryId: alertJob.data.alert.id, payload: alertJob.data.alert };
  const decisionJob = hitDecisionDeliveryJobSchema.safeParse(data);
  if (decisionJob.success) return { deliveryId: hitDecisionDeliveryIdOf(decisionJob.data.decision), payload: decisionJob.data.decision };
  throw new NonRetryableJobError('DS_QUEUE_JOB_INVALID', `not an alert delivery job: ${alertJob.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
}

/** Processes `ds-alert-delivery` jobs: one POST per attempt, each attempt and its outcome recorded in Redis. */
export function alertDeliveryProcessor(webhook: CadWebhook, records: Redis) {
  return async (job: Job): Promise<{ status: number }> => {
    const { deliveryId, payload } = deliveryOf(job.data);
    try {
      const status = await deliverToCad(webhook, deliveryId, payload);
      await recordAttempt(records, deliveryId, { status, outcome: 'delivered' });
      return { status };
    } catch (error) {
      if (error instanceof DeliveryAttemptError || error instanceof DeliveryRejectedError) {
        const outcome = isFinalFailure(job, error) ? 'dead-lettered' : 'retrying';
        await recordAttempt(records, deliveryId, { status: error.status, error: error.message, outcome });
      }
      throw error;
    }
  };
}
