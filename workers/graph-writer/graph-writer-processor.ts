import { createHash } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import { defaultReadCollapseOptions } from '../../domain/ingest/index.js';
import type { TravelTimeReference } from '../../domain/tracking/index.js';
import { alertEventSchema, publishAlert, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import {
  hitBatchJobSchema, sightingBatchJobIdOf, sightingBatchJobSchema, type ForwardedHit, type HitBatchJob, type SightingBatchJob,
} from '../../runtime/queues/pipeline-jobs.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import type { PoliceKeys } from '../../stores/police/police-keys.js';
import { createWantedVehicleStore, type WantedVehicleRecord } from '../../stores/police/wanted-vehicle-store.js';
import { recordSightings } from '../../stores/sightings/record-sightings.js';
import { sightingBatchOf, type SightingInput } from '../../stores/sightings/sighting-batch.js';
import { enqueueAlertDelivery, type AlertDeliveryQueue } from '../alert-delivery/alert-delivery-job.js';
import { flagImpossibleTravel, type ImpossibleTravelFlag } from './flag-impossible-travel.js';

/** What stage 1 (`ds-region-hits`: police hit store and alerts) needs. */
export interface HitAlertDependencies {
  /** The police agency's Redis: its hit store and wanted list, and the alert channel. */
  readonly redis: Redis;
  readonly policeKeys: PoliceKeys;
  readonly alertDeliveries: AlertDeliveryQueue;
  /** Stage 2's queue (`ds-region-sightings` in production): each hits job ends by adding its sightings there. */
  readonly sightingBatches: Queue<SightingBatchJob>;
  /**
   * Hits of one wanted vehicle at one camera captured within this long of each other are one pass: the first
   * recorded is its hit, the others raise nothing. The edges' collapse window unless given.
   */
  readonly samePassWindowMs?: number;
  readonly now?: () => Date;
}

/** What stage 2 (`ds-region-sightings`: sighting graph and impossible travel) needs. */
export interface SightingGraphDependencies {
  readonly neo4j: Driver;
  /** What impossible travel is judged on. */
  readonly travelTimes: TravelTimeReference;
}

export type GraphWriterDependencies = HitAlertDependencies & SightingGraphDependencies;

export interface HitAlertResult {
  readonly newHits: number;
  /** Hits of a pass that already had its hit under another id: not recorded, not alerted, not in the graph. */
  readonly repeatedPasses: readonly string[];
  readonly alerted: readonly string[];
  /** The `ds-region-sightings` job that writes this batch's sightings; null when every hit was a repeated pass. */
  readonly sightingsJobId: string | null;
}

export interface SightingGraphResult {
  readonly sightingsRecorded: number;
  readonly impossibleTravel: readonly ImpossibleTravelFlag[];
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
  try {
    // Checked here so that stage 2 never receives a batch it must refuse.
    sightingBatchOf(job.hits.map(sightingOf));
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
  return { batch: job, hits, alerts };
}

/**
 * Stage 1 of the graph writer, on `ds-region-hits`: each hit is stored in the police hit store as PENDING and, when
 * it is new, raised as an alert on the real-time stream and queued for 112 CAD delivery; then the hits that are not
 * repeated passes go, as one job, onto `ds-region-sightings` for stage 2 ({@link sightingGraphProcessor}), and the
 * job completes. No Neo4j write happens here, so a slow Neo4j never holds the worker slot a later hit's alert waits
 * for.
 *
 * Hazard — the order is hit store → alert → sightings job, and every step is idempotent, so a crash anywhere is
 * repaired by BullMQ's retry of the whole job: the store keeps the first copy of a hit, CAD delivery is
 * deduplicated by the alert id, and the sightings job's id is derived from the hits job's, so a retry adds it once
 * (and stage 2 is idempotent should it run twice anyway). The graph is written only after the alert, never before:
 * a hit whose sightings job is lost to a crash is re-added by the retry, because the job does not complete before
 * the add returned. Only new hits raise alerts, yet a crash after a hit was stored and before its alert would make
 * the retry see an old hit: so the hits a job owes an alert are written to its progress *before* the store write,
 * and a retry honours them. A crash between publishing an alert and noting it may publish that alert once more (at
 * least once on the stream; subscribers key alerts by id); the CAD job is never duplicated.
 */
export function hitAlertProcessor(dependencies: HitAlertDependencies) {
  const { redis, policeKeys, alertDeliveries, sightingBatches } = dependencies;
  const samePassWindowMs = dependencies.samePassWindowMs ?? defaultReadCollapseOptions.windowMs;
  const now = dependencies.now ?? (() => new Date());
  const hitStore = createHitStore(redis, policeKeys);
  const wantedVehicles = createWantedVehicleStore(redis, policeKeys);
  return async (job: Job): Promise<HitAlertResult> => {
    const { batch, hits, alerts } = await validatedJob(job.data, (id) => wantedVehicles.find(id));
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

    const passHits = hits.filter((hit) => !repeatedPasses.has(hit.hitId));
    let sightingsJobId: string | null = null;
    if (passHits.length > 0) {
      const hitsJobId = job.id ?? `${batch.municipalityId}-${batch.batchId}`;
      sightingsJobId = sightingBatchJobIdOf(hitsJobId);
      const sightingBatch: SightingBatchJob = { municipalityId: batch.municipalityId, batchId: batch.batchId, hitsJobId, hits: passHits };
      await sightingBatches.add('sightings', sightingBatch, { jobId: sightingsJobId });
    }
    return { newHits, repeatedPasses: [...repeatedPasses], alerted: [...alerted], sightingsJobId };
  };
}

/**
 * Stage 2 of the graph writer, on `ds-region-sightings`: writes a hits job's sightings into the sighting graph and
 * flags impossible travel, after their alerts went out. Idempotent and safe to replay: `recordSightings` leaves
 * known sightings alone and the flags are SET to the same values, so a retry or a second job with the same hits
 * creates nothing new. An invalid job (only a foreign producer could make one) is dead-lettered at once.
 */
export function sightingGraphProcessor(dependencies: SightingGraphDependencies) {
  const { neo4j, travelTimes } = dependencies;
  return async (job: Job): Promise<SightingGraphResult> => {
    const parsed = sightingBatchJobSchema.safeParse(job.data);
    if (!parsed.success) {
      throw invalid(`not a sighting batch job: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    let sightings: SightingInput[];
    try {
      sightings = sightingBatchOf(parsed.data.hits.map(sightingOf));
    } catch (error) {
      if (error instanceof DongseonError) throw invalid(error.message);
      throw error;
    }
    const { recorded: sightingsRecorded } = await recordSightings(neo4j, sightings);
    const impossibleTravel = await flagImpossibleTravel(neo4j, sightings.map((sighting) => sighting.id), travelTimes);
    return { sightingsRecorded, impossibleTravel };
  };
}
