import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CameraRead } from '../../domain/ingest/index.js';

/**
 * The jobs that carry data down the pipeline, one schema per stage boundary, validated by every consumer:
 * edge ingest → (edge reads queue) → edge matcher → (region hits queue) → graph writer's alert stage → alerts,
 * then → (region sightings queue) → graph writer's sighting-graph stage.
 * Jobs carry batches, never single reads. Only hits and plate-free aggregates ever cross to the region.
 */

const id = z.string().min(1).max(200);
const instant = z.string().min(1).max(40);

/** The queue one municipality's edge node feeds with accepted read batches. */
export const edgeReadsQueueName = (municipalityId: string): string => `ds-edge-${municipalityId}-reads`;
/** The queue one municipality's edge node feeds with accepted camera frames, for its recognize worker. */
export const edgeFramesQueueName = (municipalityId: string): string => `ds-edge-${municipalityId}-frames`;
/**
 * The queue an edge's matcher feeds with the reads it has matched, for the edge's read store: storing never holds
 * up matching, so a hit never waits behind the reads the store has not absorbed yet.
 */
export const edgeStoreQueueName = (municipalityId: string): string => `ds-edge-${municipalityId}-store`;
/** Hits every edge forwards to the region. */
export const regionHitsQueueName = 'ds-region-hits';
/**
 * Hits the graph writer has stored and alerted on, for its sighting-graph stage: the Neo4j writes never hold a
 * worker slot the next hit's alert is waiting for.
 */
export const regionSightingsQueueName = 'ds-region-sightings';
/** Plate-free aggregates every edge forwards to the region. */
export const regionAggregatesQueueName = 'ds-region-aggregates';
/**
 * Operators' hit decisions, relayed by the graph writer from the police hit store's decision log (one job per decided
 * hit: `HitDecisionEvent`), for its decision stage: the sighting graph learns which sightings were rejected, and 112 CAD is told.
 */
export const regionHitDecisionsQueueName = 'ds-region-hit-decisions';

/** Accepted reads, durable in the edge's queue before the camera is acknowledged. */
export interface ReadBatchJob {
  readonly municipalityId: string;
  /** Stable across retries: the job id, so a replayed enqueue is a no-op. */
  readonly batchId: string;
  readonly reads: readonly CameraRead[];
}

/** An accepted frame, its image spooled on the node's disk (`file`, relative to the frame spool) before it was queued. */
export interface FrameJob {
  readonly municipalityId: string;
  readonly cameraId: string;
  readonly frameId: string;
  readonly capturedAt: string;
  readonly capturedAtMs: number;
  readonly receivedAtMs: number;
  readonly file: string;
}

/** A read that is part of a forwarded hit: retention keeps it. */
export interface HitMark {
  readonly readId: string;
  readonly hitId: string;
}

/**
 * Matched reads on their way to the edge's read store, with the hit marks the matcher knew when it matched them
 * (for reads of this batch or of earlier ones). Never leaves the edge.
 */
export interface ReadStoreJob {
  readonly municipalityId: string;
  /** The read batch these reads came in, or `marks` for hit marks alone (groups closed by the matcher's timer). */
  readonly batchId: string;
  readonly reads: readonly CameraRead[];
  readonly hitMarks: readonly HitMark[];
}

/** One hit as it leaves the edge: the evidence and the explanation, nothing about reads that did not hit. */
export const forwardedHitSchema = z.strictObject({
  /** Stable: `<municipalityId>:<readId>:<wantedVehicleId>`, so forwarding twice records one hit. */
  hitId: id,
  wantedVehicleId: id,
  kind: z.enum(['FULL_PLATE', 'PARTIAL_PLATE']),
  cameraId: id,
  municipalityId: id,
  capturedAt: instant,
  receivedAt: instant,
  matchKind: z.enum(['EXACT', 'POSSIBLE']),
  /** For possible hits: which confusion made the match, e.g. `고→가 at position 3`. */
  substitution: z.string().max(200).optional(),
  confidence: z.number().min(0).max(1),
  evidence: z.strictObject({
    /** The read of the best frame of the collapsed pass. */
    readId: id,
    /** The candidate text that matched, as the recogniser read it. */
    readText: z.string().max(64),
    plateImageRef: z.string().max(512).optional(),
    vehicleImageRef: z.string().max(512).optional(),
    /** How many repeated reads of this pass collapsed into the hit. */
    collapsedReads: z.number().int().min(1),
  }),
});
export type ForwardedHit = z.infer<typeof forwardedHitSchema>;

export const hitBatchJobSchema = z.strictObject({
  municipalityId: id,
  batchId: id,
  hits: z.array(forwardedHitSchema).min(1).max(5000),
});
export type HitBatchJob = z.infer<typeof hitBatchJobSchema>;

/**
 * The hits of one `ds-region-hits` job to write into the sighting graph (repeated passes left out), enqueued once
 * the job's alerts are out. Produced only by the graph writer, which validated them already.
 */
export const sightingBatchJobSchema = z.strictObject({
  municipalityId: id,
  batchId: id,
  /** The `ds-region-hits` job these hits came in. */
  hitsJobId: id,
  hits: z.array(forwardedHitSchema).min(1).max(5000),
});
export type SightingBatchJob = z.infer<typeof sightingBatchJobSchema>;

/**
 * The sightings job of a hits job, derived from its id alone so that a retried hits job adds the same job (a no-op
 * while BullMQ keeps it; stage 2 is idempotent besides). BullMQ ids may not contain `:`, so such an id is hashed.
 */
export function sightingBatchJobIdOf(hitsJobId: string): string {
  return hitsJobId.includes(':') || hitsJobId.length > 150
    ? `sightings-h-${createHash('sha256').update(hitsJobId).digest('hex').slice(0, 40)}`
    : `sightings-${hitsJobId}`;
}

/**
 * The decision job of a hit, from the hit's id alone: a hit is decided once, so one job per hit, and re-adding it (a
 * retried mutation) is a no-op while BullMQ keeps it. BullMQ ids may not contain `:`, so such an id is hashed.
 */
export function hitDecisionJobIdOf(hitId: string): string {
  return hitId.includes(':') || hitId.length > 150
    ? `decision-h-${createHash('sha256').update(hitId).digest('hex').slice(0, 40)}`
    : `decision-${hitId}`;
}

/** Plate-free aggregates: reads per camera per hour, camera-pair travel-time statistics. */
export const aggregateBatchJobSchema = z.strictObject({
  municipalityId: id,
  batchId: id,
  hourlyCounts: z.array(z.strictObject({ cameraId: id, hourStart: instant, reads: z.number().int().min(0) })).max(100_000),
  transitions: z.array(z.strictObject({
    fromCameraId: id, toCameraId: id, hourOfDayUtc: z.number().int().min(0).max(23),
    count: z.number().int().min(1), meanSeconds: z.number().min(0), medianSeconds: z.number().min(0), p90Seconds: z.number().min(0),
  })).max(100_000),
});
export type AggregateBatchJob = z.infer<typeof aggregateBatchJobSchema>;
