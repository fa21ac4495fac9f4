import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TransitionStatisticsOptions } from '../../domain/aggregates/index.js';
import { createReadCollapser, defaultReadCollapseOptions, type CameraRead, type ReadCollapseOptions, type Sighting } from '../../domain/ingest/index.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { defaultJobOptions } from '../../runtime/queues/create-queue.js';
import { createWorker, type QueueWorker } from '../../runtime/queues/create-worker.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import type { StallRecovery } from '../../runtime/queues/stall-recovery.js';
import {
  edgeReadsQueueName, regionAggregatesQueueName, regionHitsQueueName, type AggregateBatchJob, type ForwardedHit, type HitBatchJob, type ReadBatchJob,
} from '../../runtime/queues/pipeline-jobs.js';
import type { EdgeReadStore } from '../store/edge-read-store.js';
import { createReadStoreBatcher } from '../store/read-store-batcher.js';
import { aggregateBatchJobOf, forwardedHitsOf, hitBatchJobsOf, type SightingMatcher } from './match-read-batch.js';

export interface EdgeMatcherOptions {
  readonly municipalityId: string;
  /** The edge's Redis, where its reads queue lives. */
  readonly redisUrl: string;
  /** The region's Redis, where hits and aggregates go; the edge's unless given. */
  readonly regionRedisUrl?: string;
  /** BullMQ's key prefix for every queue the matcher uses (`bull` unless given): keeps test runs apart. */
  readonly queuePrefix?: string;
  readonly store: EdgeReadStore;
  readonly hotlist: SightingMatcher;
  /** From the edge's configuration: the secret the daily pseudonym keys are derived from. Never leaves the edge. */
  readonly pseudonymSecret: Uint8Array;
  readonly collapse?: ReadCollapseOptions;
  /** How often groups older than the collapse window are closed without a new batch; 5 s unless given. */
  readonly flushEveryMs?: number;
  /** How often aggregates are made and forwarded; 15 minutes unless given. */
  readonly aggregateEveryMs?: number;
  readonly transitionOptions?: TransitionStatisticsOptions;
  /**
   * Read batches taken from the queue at once; 8 unless given. Their reads are stored together in one write (group
   * commit); matching still handles one batch at a time.
   */
  readonly concurrency?: number;
  /** How soon a batch held by a matcher that died is taken back; BullMQ's defaults unless given. */
  readonly stallRecovery?: StallRecovery;
  readonly now?: () => number;
  /** Failures of the timers' work; it is tried again on the next tick or batch. */
  readonly onError?: (error: unknown) => void;
}

export interface EdgeMatcher {
  readonly worker: QueueWorker<ReadBatchJob>;
  /** Closes the groups older than the collapse window and forwards the hits of those not forwarded yet. */
  flush(): Promise<void>;
  /** Forwards the aggregates of every read not yet counted; resolves to the number of jobs enqueued. */
  aggregateNow(): Promise<number>;
  /** Stops taking jobs, closes every open group, forwards its hits and the last aggregates. */
  close(): Promise<void>;
}

const aggregateReadsPerJob = 50_000;

function readBatchOf(data: unknown, municipalityId: string): ReadBatchJob {
  const job = data as Partial<ReadBatchJob> | null;
  if (job?.municipalityId !== municipalityId || typeof job.batchId !== 'string' || !Array.isArray(job.reads)) {
    throw new NonRetryableJobError('DS_QUEUE_JOB_INVALID', `not a read batch of municipality ${municipalityId}`);
  }
  return job as ReadBatchJob;
}

/**
 * The edge matcher: stores every read of a batch, collapses repeated reads into sightings, matches them against
 * the keyed hotlist and forwards only the hits. Non-hit reads stay in the edge store; the region gets them only
 * as plate-free aggregates.
 *
 * Latency: a hit is forwarded while the batch that makes it is processed, not when its group closes. Each read
 * that joins or opens a group not yet forwarded matches the group's best frame so far; the first read that makes
 * the group match names the hit (`<municipality>:<readId>:<wantedVehicleId>`) for the whole group. Later reads of
 * the group collapse into that hit and forward nothing; when the group closes its reads are marked with the hit
 * and nothing more is forwarded. Groups never forwarded are matched once more when they close, as before.
 *
 * Idempotence: a read is fed to the collapser when its batch's store write created it, or when its job runs again
 * (a retry, or a job taken back from a worker that died) and it is not in an open group already; hit and job ids
 * come from read ids and wanted-vehicle ids alone, and a forwarded group is remembered until it closes. So a batch
 * sent again under another id forwards nothing, and a job run again forwards the very same job ids, which BullMQ
 * does not add twice, or the same hit ids, which the region records once. Limit: the forwarded groups live in
 * memory only, so after a restart a read that opens a forwarded pass's group anew forwards it under a second hit
 * id; the graph writer takes it as the same pass (same wanted vehicle and camera within the window) and drops it.
 */
export async function startEdgeMatcher(options: EdgeMatcherOptions): Promise<EdgeMatcher> {
  const { municipalityId, store, hotlist, pseudonymSecret } = options;
  const now = options.now ?? Date.now;
  const report = (error: unknown): void => options.onError?.(error);
  const regionConnection: Redis = await connectQueueRedis(options.regionRedisUrl ?? options.redisUrl);
  const prefix = options.queuePrefix === undefined ? {} : { prefix: options.queuePrefix };
  const hitsQueue = new Queue<HitBatchJob>(regionHitsQueueName, { connection: regionConnection, defaultJobOptions, ...prefix });
  const aggregatesQueue = new Queue<AggregateBatchJob>(regionAggregatesQueueName, { connection: regionConnection, defaultJobOptions, ...prefix });
  const batcher = createReadStoreBatcher(store);
  const collapser = createReadCollapser(options.collapse ?? defaultReadCollapseOptions);
  // Reads in an open group or a sighting not yet forwarded, by id: the best frame's times come from here.
  const openReads = new Map<string, CameraRead>();
  let pending: Sighting[] = [];
  // Open groups whose hits were forwarded, by the group's first read id (a sighting's `readIds[0]`), with those
  // hits: their later reads and their closing forward nothing more. Forgotten when the group closes.
  const forwardedGroups = new Map<string, readonly ForwardedHit[]>();
  // Hits of open groups matched since the last forwarding; kept across a failed enqueue and sent on the next try.
  let earlyHits: ForwardedHit[] = [];

  // One thing at a time: batches, timer flushes and aggregates share the collapser and the pending sightings.
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  };

  /**
   * Matches the open group `read` just joined or opened, unless its hit was already forwarded: on its best frame
   * so far, so the first read that makes the group match is that frame and names the hit. A straggler is in no
   * open group; it is emitted closed and forwarded with the closed sightings.
   */
  const matchOpenGroup = (read: CameraRead): void => {
    const sighting = collapser.openSightingOf(read);
    const groupId = sighting?.readIds[0];
    if (sighting === undefined || groupId === undefined || forwardedGroups.has(groupId)) return;
    const bestRead = openReads.get(sighting.bestReadId);
    if (!bestRead) return;
    // The evidence is the group as it stands now: `collapsedReads` counts the reads collapsed at forwarding time,
    // not the group's final count, and the frame is the best one so far.
    const hits = forwardedHitsOf(municipalityId, { sighting, bestRead }, hotlist);
    if (hits.length === 0) return;
    forwardedGroups.set(groupId, hits);
    earlyHits.push(...hits);
  };

  /** Enqueues the early hits and the hits of closed sightings not forwarded yet, in one job, then closes those. */
  const forwardPending = async (): Promise<void> => {
    if (pending.length === 0 && earlyHits.length === 0) return;
    const sightings = pending;
    const early = earlyHits;
    pending = [];
    earlyHits = [];
    try {
      const closed = sightings.map((sighting) => {
        const forwarded = forwardedGroups.get(sighting.readIds[0] ?? '');
        if (forwarded) return { sighting, hits: forwarded, isNew: false };
        const bestRead = openReads.get(sighting.bestReadId);
        return { sighting, hits: bestRead ? forwardedHitsOf(municipalityId, { sighting, bestRead }, hotlist) : [], isNew: true };
      });
      const hits = [...early, ...closed.flatMap(({ hits: sightingHits, isNew }) => (isNew ? sightingHits : []))];
      for (const { jobId, job } of hitBatchJobsOf(municipalityId, hits)) await hitsQueue.add('hits', job, { jobId });
      // An early hit's read is marked at once, so retention keeps it while its group is still open; every read of
      // a closed sighting is marked with the sighting's hits.
      const hitReads = new Map<string, { readId: string; hitId: string }>();
      const mark = (readId: string, hitId: string): void => {
        hitReads.set(`${readId}\u0000${hitId}`, { readId, hitId });
      };
      for (const hit of early) mark(hit.evidence.readId, hit.hitId);
      for (const { sighting, hits: sightingHits } of closed) {
        for (const readId of sighting.readIds) for (const hit of sightingHits) mark(readId, hit.hitId);
      }
      const readIds = sightings.flatMap((sighting) => sighting.readIds);
      await store.markHits([...hitReads.values()]);
      for (const readId of readIds) openReads.delete(readId);
      for (const sighting of sightings) forwardedGroups.delete(sighting.readIds[0] ?? '');
    } catch (error) {
      pending = [...sightings, ...pending];
      earlyHits = [...early, ...earlyHits];
      throw error;
    }
  };

  const processBatch = async (job: Job<ReadBatchJob>): Promise<void> => {
    const batch = readBatchOf(job.data, municipalityId);
    const created = await batcher.storeReads(batch.reads);
    // A job run before (a retry, or one taken back from a worker that died) may have stored its reads and died
    // before matching them: all its reads are matched again. Otherwise only reads no earlier batch brought are.
    const rerun = job.attemptsStarted > 1;
    await exclusive(() => matchStoredBatch(batch, new Set(rerun ? batch.reads.map((read) => read.readId) : created)));
  };

  const matchStoredBatch = async (batch: ReadBatchJob, open: ReadonlySet<string>): Promise<void> => {
    for (const read of batch.reads) {
      if (!open.has(read.readId) || openReads.has(read.readId)) continue;
      openReads.set(read.readId, read);
      pending.push(...collapser.add(read));
      matchOpenGroup(read);
    }
    pending.push(...collapser.flushBefore(now()));
    await forwardPending();
  };

  const flush = (): Promise<void> => exclusive(async () => {
    pending.push(...collapser.flushBefore(now()));
    await forwardPending();
  });

  const aggregateOnce = async (): Promise<number> => {
    let jobs = 0;
    for (;;) {
      const next = await store.readsToAggregate(aggregateReadsPerJob);
      if (next === undefined) break;
      if (next.reads.length > 0) {
        const { jobId, job } = aggregateBatchJobOf(municipalityId, next.reads, pseudonymSecret, options.transitionOptions);
        await aggregatesQueue.add('aggregates', job, { jobId });
        jobs++;
      }
      await store.markAggregatedThrough(next.throughSeq);
    }
    return jobs;
  };
  const aggregateNow = (): Promise<number> => exclusive(aggregateOnce);

  const flushTimer = setInterval(() => void flush().catch(report), options.flushEveryMs ?? 5_000);
  const aggregateTimer = setInterval(() => void aggregateNow().catch(report), options.aggregateEveryMs ?? 15 * 60_000);
  flushTimer.unref();
  aggregateTimer.unref();

  let worker: QueueWorker<ReadBatchJob>;
  try {
    worker = await createWorker<ReadBatchJob>(edgeReadsQueueName(municipalityId), processBatch, { redisUrl: options.redisUrl, concurrency: options.concurrency ?? 8, ...options.stallRecovery, ...prefix });
  } catch (error) {
    clearInterval(flushTimer);
    clearInterval(aggregateTimer);
    await Promise.allSettled([hitsQueue.close(), aggregatesQueue.close()]);
    regionConnection.disconnect();
    throw error;
  }

  return {
    worker,
    flush,
    aggregateNow,
    async close() {
      clearInterval(flushTimer);
      clearInterval(aggregateTimer);
      await worker.close();
      try {
        await exclusive(async () => {
          pending.push(...collapser.flushAll());
          await forwardPending();
          await aggregateOnce();
        });
      } finally {
        await Promise.allSettled([hitsQueue.close(), aggregatesQueue.close()]);
        regionConnection.disconnect();
      }
    },
  };
}
