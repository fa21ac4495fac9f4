import { z } from 'zod';
import { alertEventSchema, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { hitDecisionReasonCodes } from '../../domain/hits/index.js';

/** One `ds-alert-delivery` job: the alert to hand to the 112 CAD system and when it was queued. */
export const alertDeliveryJobSchema = z.object({
  alert: alertEventSchema,
  enqueuedAt: z.iso.datetime({ offset: true }),
}).strict();

export type AlertDeliveryJob = z.infer<typeof alertDeliveryJobSchema>;

/** What a producer of `ds-alert-delivery` jobs needs of its queue handle (any `Queue` of these jobs has it). */
export interface AlertDeliveryQueue {
  add(name: string, data: AlertDeliveryJob | HitDecisionDeliveryJob, options: { jobId: string }): Promise<{ readonly id?: string | undefined }>;
}

/**
 * Queues an alert for delivery. The job id derives from the alert id, so queueing the same alert twice while its
 * job is still known to the queue is a no-op.
 */
export async function enqueueAlertDelivery(queue: AlertDeliveryQueue, alert: AlertEvent, now: Date = new Date()): Promise<string> {
  const job = await queue.add('deliver', { alert, enqueuedAt: now.toISOString() }, { jobId: `alert-${encodeURIComponent(alert.id)}` });
  return String(job.id);
}

const id = z.string().min(1).max(200);

/**
 * What 112 CAD is told when an operator decides a hit it was alerted to: a follow-up to that alert (`alertId`, the
 * id it was delivered under), as its own delivery `<event>-<alertId>`.
 */
export const hitDecisionCadEventSchema = z.object({
  event: z.enum(['hit-accepted', 'hit-rejected']),
  alertId: z.string().min(1).max(100),
  hitId: id,
  wantedVehicleId: id,
  cameraId: id,
  capturedAt: z.iso.datetime({ offset: true }),
  decidedBy: id,
  decidedAt: z.iso.datetime({ offset: true }),
  reasonCode: z.enum(hitDecisionReasonCodes),
}).strict();

export type HitDecisionCadEvent = z.infer<typeof hitDecisionCadEventSchema>;

/** One `ds-alert-delivery` job that follows an alert up with the operator's decision. */
export const hitDecisionDeliveryJobSchema = z.object({
  decision: hitDecisionCadEventSchema,
  enqueuedAt: z.iso.datetime({ offset: true }),
}).strict();

export type HitDecisionDeliveryJob = z.infer<typeof hitDecisionDeliveryJobSchema>;

/** The delivery id (the receiver's idempotency key) of a decision follow-up. */
export const hitDecisionDeliveryIdOf = (decision: HitDecisionCadEvent): string => `${decision.event}-${decision.alertId}`;

/** Queues a decision follow-up; like an alert, once per delivery id while its job is known to the queue. */
export async function enqueueHitDecisionDelivery(
  queue: AlertDeliveryQueue, decision: HitDecisionCadEvent, now: Date = new Date(),
): Promise<string> {
  const job = await queue.add('deliver', { decision, enqueuedAt: now.toISOString() }, { jobId: encodeURIComponent(hitDecisionDeliveryIdOf(decision)) });
  return String(job.id);
}
