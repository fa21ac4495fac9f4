import { createHash } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import { defaultReadCollapseOptions } from '../../domain/ingest/index.js';
import type { TravelTimeReference } from '../../domain/tracking/index.js';
import { alertEventSchema, publishAlert, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import { hitBatchJobSchema, type ForwardedHit, type HitBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import type { PoliceKeys } from '../../stores/police/police-keys.js';
import { createWantedVehicleStore, type WantedVehicleRecord } from '../../stores/police/wanted-vehicle-store.js';
import { recordSightings } from '../../stores/sightings/record-sightings.js';
import { sightingBatchOf, type SightingInput } from '../../stores/sightings/sighting-batch.js';
import { enqueueAlertDelivery, type AlertDeliveryJob } from '../alert-delivery/alert-delivery-job.js';
import { flagImpossibleTravel, type ImpossibleTravelFlag } from './flag-impossible-travel.js';

export interface GraphWriterDependencies {
  /** The police agency's Redis: its hit store and wanted list, and the alert channel. */
  readonly redis: Redis;
  readonly policeKeys: PoliceKeys;
  readonly neo4j: Driver;
  /** What impossible travel is judged on. */
  readonly travelTimes: TravelTimeReference;
  readonly alertDeliveries: Queue<AlertDeliveryJob>;
  /**
   * Hits of one wanted vehicle at one camera captured within this long of each other are one pass: the first
   * recorded is its hit, the others raise nothing. The edges' collapse window unless given.
   */
  readonly samePassWindowMs?: number;
  readonly now?: () => Date;
}

export interface GraphWriterResult {
  readonly newHits: number;
  /** Hits of a pass that already had its hit under another id: not recorded, not alerted, not in the graph. */
  readonly repeatedPasses: readonly string[];
  readonly sightingsRecorded: number;
  readonly impossibleTravel: readonly ImpossibleTravelFlag[];
  readonly alerted: readonly string[];
}

/** What one job has promised across its attempts, kept in the job's progress so a retry can keep the promise. */
interface AlertLedger {
  /** Hits this job found absent from the police store before recording them: each is owed one alert. */
  readonly owed: readonly string[];
  /** Owed alerts already published and queued for CAD delivery. */
  readonly alerted: readonly string[];
}

const alertIdLength = 100;

/** The alert of a hit carries the hit's id (which is also its sighting's id); an id too long for an alert is hashed. */
export function alertIdFor(hitId: string): string {
  return hitId.length <= alertIdLength ? hitId : `alert-${createHash('sha256').update(hitId).digest('hex').slice(0, 40)}`;
}

function invalid(message: string): NonRetryableJobError {
  return new NonRetryableJobError('DS_QUEUE_JOB_INVALID', message);
}

function ledgerOf(progress: unknown): AlertLedger {
  const ledger = progress as Partial<AlertLedger> | null;
  const ids = (value: unknown) => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  return { owed: ids(ledger?.owed), alerted: ids(ledger?.alerted) };
}

function sightingOf(hit: ForwardedHit): SightingInput {
  return {
    id: hit.hitId, vehicleId: hit.wantedVehicleId, cameraId: hit.cameraId,
    capturedAt: hit.capturedAt, receivedAt: hit.receivedAt, matchKind: hit.matchKind, confidence: hit.confidence,
  };
}

function alertOf(hit: ForwardedHit, wanted: WantedVehicleRecord): AlertEvent {
  return {
    id: alertIdFor(hit.hitId), wantedVehicleId: hit.wantedVehicleId, cameraId: hit.cameraId, municipalityId: hit.municipalityId,
    capturedAt: hit.capturedAt, matchKind: hit.matchKind, priority: Math.min(100, Math.max(0, wanted.priority)),
  };
}

/** Everything that can be checked before any write, so that a job is either refused whole or written whole. */
async function validatedJob(data: unknown, findWanted: (id: string) => Promise<WantedVehicleRecord | undefined>) {
  const parsed = hitBatchJobSchema.safeParse(data);
  if (!parsed.success) {
    throw invalid(`not a hit batch job: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const job: HitBatchJob = parsed.data;
  let sightings: SightingInput[];
  try {
    sightings = sightingBatchOf(job.hits.map(sightingOf));
  } catch (error) {
    if (error instanceof DongseonError) throw invalid(error.message);
    throw error;
  }
  const wanted = new Map<string, WantedVehicleRecord>();
  for (const id of new Set(job.hits.map((hit) => hit.wantedVehicleId))) {
    const record = await findWanted(id);
    if (record === undefined) throw new NonRetryableJobError('DS_HIT_WANTED_VEHICLE_UNKNOWN', `hit for unknown wanted vehicle ${id}`, { wantedVehicleId: id });
    wanted.set(id, record);
  }
  const alerts = new Map(job.hits.map((hit) => [hit.hitId, alertOf(hit, wanted.get(hit.wantedVehicleId) as WantedVehicleRecord)]));
  for (const alert of alerts.values()) {
    const checked = alertEventSchema.safeParse(alert);
    if (!checked.success) throw invalid(`hit ${alert.id} cannot become an alert: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  // The first copy of a repeated hit id wins, as in the sighting batch.
  const hits = [...new Map([...job.hits].reverse().map((hit) => [hit.hitId, hit])).values()].reverse();
  return { hits, sightings, alerts };
}

/**
 * Processes `ds-region-hits` jobs: each hit is stored in the police hit store as PENDING and, when it is new, raised
 * as an alert on the real-time stream and queued for 112 CAD delivery; then the hits are written into the sighting
 * graph and checked for impossible travel. The alert goes out before the graph writes so that a busy Neo4j does
 * not delay it.
 *
 * Hazard — the order is hit store → alert → graph, and every step is idempotent, so a crash anywhere is repaired
 * by BullMQ's retry of the whole job: the store keeps the first copy of a hit, `recordSightings` leaves known
 * sightings alone, flags are SET to the same values, and CAD delivery is deduplicated by the alert id. Only new
 * hits raise alerts, yet a crash after a hit was stored and before its alert would make the retry see an old
 * hit: so the hits a job owes an alert are written to its progress *before* the store write, and a retry honours
 * them. A crash between publishing an alert and noting it may publish that alert once more (at least once on the
 * stream; subscribers key alerts by id); the CAD job is never duplicated.
 */
export function graphWriterProcessor(dependencies: GraphWriterDependencies) {
  const { redis, policeKeys, neo4j, travelTimes, alertDeliveries } = dependencies;
  const samePassWindowMs = dependencies.samePassWindowMs ?? defaultReadCollapseOptions.windowMs;
  const now = dependencies.now ?? (() => new Date());
  const hitStore = createHitStore(redis, policeKeys);
  const wantedVehicles = createWantedVehicleStore(redis, policeKeys);
  return async (job: Job): Promise<GraphWriterResult> => {
    const { hits, sightings, alerts } = await validatedJob(job.data, (id) => wantedVehicles.find(id));
    const earlier = ledgerOf(job.progress);

    const existing = await redis.pipeline(hits.map((hit) => ['exists', policeKeys.hit(hit.hitId)])).exec();
    const absent = hits.filter((_, index) => existing?.[index]?.[1] === 0).map((hit) => hit.hitId);
    await job.updateProgress({ owed: [...new Set([...earlier.owed, ...absent])], alerted: earlier.alerted });

    const owed = new Set(earlier.owed);
    const repeatedPasses = new Set<string>();
    let newHits = 0;
    for (const hit of hits) {
      const recording = await hitStore.recordPass({
        id: hit.hitId, wantedVehicleId: hit.wantedVehicleId, cameraId: hit.cameraId, capturedAt: hit.capturedAt, receivedAt: hit.receivedAt,
        matchKind: hit.matchKind, substitution: hit.substitution, confidence: hit.confidence, status: 'PENDING',
      }, samePassWindowMs);
      if (recording.outcome === 'recorded') {
        newHits += 1;
        owed.add(hit.hitId);
      } else if (recording.outcome === 'same-pass') {
        // An edge that restarted forgets which of its open passes it forwarded, and forwards such a pass again
        // under the id of a later read: the pass has its hit and its alert already.
        repeatedPasses.add(hit.hitId);
        owed.delete(hit.hitId);
      }
    }

    // Narrow the promise to the hits that really were new to the store (another job may have stored some first).
    await job.updateProgress({ owed: [...owed], alerted: earlier.alerted });

    const alerted = new Set(earlier.alerted);
    for (const hit of hits) {
      if (!owed.has(hit.hitId) || alerted.has(hit.hitId)) continue;
      const alert = alerts.get(hit.hitId) as AlertEvent;
      await publishAlert(redis, alert);
      await enqueueAlertDelivery(alertDeliveries, alert, now());
      alerted.add(hit.hitId);
      await job.updateProgress({ owed: [...owed], alerted: [...alerted] });
    }

    const passSightings = sightings.filter((sighting) => !repeatedPasses.has(sighting.id));
    const { recorded: sightingsRecorded } = await recordSightings(neo4j, passSightings);
    const impossibleTravel = await flagImpossibleTravel(neo4j, passSightings.map((sighting) => sighting.id), travelTimes);
    return { newHits, repeatedPasses: [...repeatedPasses], sightingsRecorded, impossibleTravel, alerted: [...alerted] };
  };
}
