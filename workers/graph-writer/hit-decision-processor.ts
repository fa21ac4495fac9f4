import type { Job } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import { hitDecisionEventSchema } from '../../runtime/alerts/hit-decision-log.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import { recordHitDecisions } from '../../stores/sightings/record-hit-decisions.js';
import { enqueueHitDecisionDelivery, type AlertDeliveryQueue } from '../alert-delivery/alert-delivery-job.js';
import { alertIdFor } from './graph-writer-processor.js';

/** What the decision stage (`ds-region-hit-decisions`: sighting graph and 112 CAD follow-up) needs. */
export interface HitDecisionDependencies {
  readonly neo4j: Driver;
  readonly alertDeliveries: AlertDeliveryQueue;
  readonly now?: () => Date;
}

export interface HitDecisionResult {
  /** 1 when the decided hit's sighting was in the graph already; 0 when it will take the decision on arrival. */
  readonly onSightings: number;
  readonly cadDeliveryJobId: string;
}

/**
 * The graph writer's decision stage: an operator's decision on a hit (relayed from the decision log) is written into
 * the sighting graph — a REJECTED sighting stops feeding routes, forecasts and plans — and 112 CAD, which had the
 * hit's alert, gets a `hit-accepted` or `hit-rejected` follow-up under the alert's id. Both steps are idempotent (the
 * graph sets the same values, the delivery job id derives from the alert id), so a retry repeats nothing.
 */
export function hitDecisionProcessor(dependencies: HitDecisionDependencies) {
  const { neo4j, alertDeliveries } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  return async (job: Job): Promise<HitDecisionResult> => {
    const parsed = hitDecisionEventSchema.safeParse(job.data);
    if (!parsed.success) {
      throw new NonRetryableJobError('DS_QUEUE_JOB_INVALID', `not a hit decision job: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    const decision = parsed.data;
    const { onSightings } = await recordHitDecisions(neo4j, [{
      hitId: decision.hitId, vehicleId: decision.wantedVehicleId, status: decision.status, decidedAt: decision.decidedAt,
    }]);
    const cadDeliveryJobId = await enqueueHitDecisionDelivery(alertDeliveries, {
      event: decision.status === 'ACCEPTED' ? 'hit-accepted' : 'hit-rejected',
      alertId: alertIdFor(decision.hitId),
      hitId: decision.hitId, wantedVehicleId: decision.wantedVehicleId, cameraId: decision.cameraId, capturedAt: decision.capturedAt,
      decidedBy: decision.decidedBy, decidedAt: decision.decidedAt, reasonCode: decision.reasonCode,
    }, now());
    return { onSightings, cadDeliveryJobId };
  };
}
