import { createHash } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createReadCollapser, defaultReadCollapseOptions, type CameraRead, type ReadCollapseOptions, type Sighting } from '../../domain/ingest/index.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { defaultJobOptions } from '../../runtime/queues/create-queue.js';
import { createWorker, type QueueWorker } from '../../runtime/queues/create-worker.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import type { StallRecovery } from '../../runtime/queues/stall-recovery.js';
import {
  edgeReadsQueueName, edgeStoreQueueName, regionHitsQueueName, type ForwardedHit, type HitBatchJob, type HitMark, type ReadBatchJob, type ReadStoreJob,
} from '../../runtime/queues/pipeline-jobs.js';
import { createHitReadIndex, type HitRead } from './hit-read-index.js';
import { forwardedHitsOf, hitBatchJobsOf, type SightingMatcher } from './match-read-batch.js';

export interface EdgeMatcherOptions {
  readonly municipalityId: string;
  /** The edge's Redis, where its reads and store queues and its hit-read index live. */
  readonly redisUrl: string;
  /** The region's Redis, where hits go; the edge's unless given. */
  readonly regionRedisUrl?: string;
  /** BullMQ's key prefix for every queue the matcher uses (`bull` unless given): keeps test runs apart. */
  readonly queuePrefix?: string;
  readonly hotlist: SightingMatcher;
  readonly collapse?: ReadCollapseOptions;
  /** How often groups older than the collapse window are closed without a new batch; 5 s unless given. */
  readonly flushEveryMs?: number;
  /** Read batches taken from the queue at once; 8 unless given. Matching handles one batch at a time. */
  readonly concurrency?: number;
  /** How soon a batch held by a matcher that died is taken back; BullMQ's defaults unless given. */
  readonly stallRecovery?: StallRecovery;
  readonly now?: () => number;
  /** Failures of the timer's work; it is tried again on the next tick or batch. */
  readonly onError?: (error: unknown) => void;
}

export interface EdgeMatcher {
  readonly worker: QueueWorker<ReadBatchJob>;
  /** Closes the groups older than the collapse window and forwards the hits of those not forwarded yet. */
  flush(): Promise<void>;
  /** Stops taking jobs, closes every open group and forwards its hits and marks. */
  close(): Promise<void>;
}

function readBatchOf(data: unknown, municipalityId: string): ReadBatchJob {
  const job = data as Partial<ReadBatchJob> | null;
  if (job?.municipalityId !== municipalityId || typeof job.batchId !== 'string' || !Array.isArray(job.reads)) {
    throw new NonRetryableJobError('DS_QUEUE_JOB_INVALID', `not a read batch of municipality ${municipalityId}`);
  }
  return job as ReadBatchJob;
}

/**
 * The store job's id, from the batch id and the marks it carries: a job run again that matched the same way names
 * the same store job, which BullMQ does not add twice; one that learnt other marks (a group that closed in between,
 * marks found in the hit-read index) adds a second job, whose reads the store takes as already stored.
 */
export function readStoreJobIdOf(municipalityId: string, batchId: string, hitMarks: readonly HitMark[]): string {
  const marks = hitMarks.map((mark) => `${mark.readId}\u0000${mark.hitId}`).sort();
  return `store-${municipalityId}-${createHash('sha256').update([batchId, ...marks].join('\n')).digest('hex').slice(0, 40)}`;
}

/**
 * The edge matcher: collapses repeated reads into sightings, matches them against the keyed hotlist, forwards only
 * the hits, and hands every read on to the edge's store queue (`store/edge-store-worker.ts`). It never waits on the
 * read store: a hit read is matched and forwarded as soon as its batch is taken from the reads queue, however far
 * behind storage is. Non-hit reads stay in the edge; the region gets them only as plate-free aggregates.
 *
 * Latency: a hit is forwarded while the batch that makes it is processed, not when its group closes. Each read
 * that joins or opens a group not yet forwarded matches the group's best frame so far; the first read that makes
 * the group match names the hit (`<municipality>:<readId>:<wantedVehicleId>`) for the whole group. Later reads of
 * the group collapse into that hit and forward nothing. Groups never forwarded are matched once more when they
 * close.
 *
 * Order per batch, each step durable before the next: hits to the region, then one store job (the batch's reads
 * and every hit mark learnt while matching it, also for reads of earlier batches), then the reads of forwarded
 * passes into the hit-read index, then the read job completes. A matcher that dies anywhere in between has its job
 * taken back and run again: the store job is added again (same id when it carries the same marks, so once), and
 * the hits are named again from the same read ids, which the region records once.
 *
 * Idempotence: a read is fed to the collapser unless it is in an open group already or the hit-read index has it
 * (it was part of a forwarded pass: its marks go to the store again, nothing is forwarded). A non-hit read fed
 * twice forwards nothing; the store keeps one copy of every read. Limit: the forwarded groups live in memory only,
 * so after a restart a read that was not yet recorded in the index and opens a forwarded pass's group anew forwards
 * it under a second hit id; the graph writer takes it as the same pass (same wanted vehicle and camera within the
 * window) and drops it.
 */
export async function startEdgeMatcher(options: EdgeMatcherOptions): Promise<EdgeMatcher> {
  const { municipalityId, hotlist } = options;
  const now = options.now ?? Date.now;
  const report = (error: unknown): void => options.onError?.(error);
  const regionConnection: Redis = await connectQueueRedis(options.regionRedisUrl ?? options.redisUrl);
  const edgeConnection: Redis = await connectQueueRedis(options.redisUrl);
  const prefix = options.queuePrefix === undefined ? {} : { prefix: options.queuePrefix };
  const hitsQueue = new Queue<HitBatchJob>(regionHitsQueueName, { connection: regionConnection, defaultJobOptions, ...prefix });
  const storeQueue = new Queue<ReadStoreJob>(edgeStoreQueueName(municipalityId), { connection: edgeConnection, defaultJobOptions, ...prefix });
  const hitReadIndex = createHitReadIndex(edgeConnection, municipalityId);
  const collapser = createReadCollapser(options.collapse ?? defaultReadCollapseOptions);
  // Reads in an open group or a sighting not yet forwarded, by id: the best frame's times come from here.
  const openReads = new Map<string, CameraRead>();
  let pending: Sighting[] = [];
  // Open groups whose hits were forwarded, by the group's first read id (a sighting's `readIds[0]`), with those
  // hits: their later reads and their closing forward nothing more. Forgotten when the group closes.
  const forwardedGroups = new Map<string, readonly ForwardedHit[]>();
  // Hits of open groups matched since the last forwarding; kept across a failed enqueue and sent on the next try.
  let earlyHits: ForwardedHit[] = [];
  // Reads of forwarded open groups whose marks have not gone to the store yet, by read id.
  let openHitReads = new Map<string, HitRead>();

  // One thing at a time: batches and timer flushes share the collapser and the pending sightings.
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work);
    chain = run.catch(() => undefined);
    return run;
  };

  const hitReadOf = (readId: string, hits: readonly ForwardedHit[]): HitRead | undefined => {
    const read = openReads.get(readId);
    return read === undefined ? undefined : { readId, capturedAtMs: read.capturedAtMs, hitIds: hits.map((hit) => hit.hitId) };
  };

  /**
   * Matches the open group `read` just joined or opened, unless its hit was already forwarded (then `read` is only
   * marked with it): on its best frame so far, so the first read that makes the group match is that frame and names
   * the hit, and every read of the group so far is marked. A straggler is in no open group; it is emitted closed and
   * forwarded with the closed sightings.
   */
  const matchOpenGroup = (read: CameraRead): void => {
    const sighting = collapser.openSightingOf(read);
    const groupId = sighting?.readIds[0];
    if (sighting === undefined || groupId === undefined) return;
    const forwarded = forwardedGroups.get(groupId);
    if (forwarded) {
      const hitRead = hitReadOf(read.readId, forwarded);
      if (hitRead) openHitReads.set(read.readId, hitRead);
      return;
    }
    const bestRead = openReads.get(sighting.bestReadId);
    if (!bestRead) return;
    // The evidence is the group as it stands now: `collapsedReads` counts the reads collapsed at forwarding time,
    // not the group's final count, and the frame is the best one so far.
    const hits = forwardedHitsOf(municipalityId, { sighting, bestRead }, hotlist);
    if (hits.length === 0) return;
    forwardedGroups.set(groupId, hits);
    earlyHits.push(...hits);
    for (const readId of sighting.readIds) {
      const hitRead = hitReadOf(readId, hits);
      if (hitRead) openHitReads.set(readId, hitRead);
    }
  };

  /**
   * Enqueues the early hits and the hits of closed sightings not forwarded yet (in one job), then `reads` with every
   * hit mark learnt (in one store job), then records the hit reads and forgets the closed sightings.
   */
  const forwardPending = async (batchId: string, reads: readonly CameraRead[], knownMarks: readonly HitMark[]): Promise<void> => {
    const sightings = pending;
    const early = earlyHits;
    const openMarked = openHitReads;
    pending = [];
    earlyHits = [];
    openHitReads = new Map();
    try {
      const closed = sightings.map((sighting) => {
        const forwarded = forwardedGroups.get(sighting.readIds[0] ?? '');
        if (forwarded) return { sighting, hits: forwarded, isNew: false };
        const bestRead = openReads.get(sighting.bestReadId);
        return { sighting, hits: bestRead ? forwardedHitsOf(municipalityId, { sighting, bestRead }, hotlist) : [], isNew: true };
      });
      const hits = [...early, ...closed.flatMap(({ hits: sightingHits, isNew }) => (isNew ? sightingHits : []))];
      for (const { jobId, job } of hitBatchJobsOf(municipalityId, hits)) await hitsQueue.add('hits', job, { jobId });
      // Every read of a forwarded open group is marked at once, so retention keeps it while its group is still open;
      // every read of a closed sighting is marked with the sighting's hits.
      const hitReads = new Map(openMarked);
      for (const { sighting, hits: sightingHits } of closed) {
        if (sightingHits.length === 0) continue;
        for (const readId of sighting.readIds) {
          const hitRead = hitReadOf(readId, sightingHits);
          if (hitRead) hitReads.set(readId, hitRead);
        }
      }
      const hitMarks = new Map<string, HitMark>(knownMarks.map((mark) => [`${mark.readId}\u0000${mark.hitId}`, mark]));
      for (const { readId, hitIds } of hitReads.values()) for (const hitId of hitIds) hitMarks.set(`${readId}\u0000${hitId}`, { readId, hitId });
      if (reads.length > 0 || hitMarks.size > 0) {
        const job: ReadStoreJob = { municipalityId, batchId, reads, hitMarks: [...hitMarks.values()] };
        await storeQueue.add('store', job, { jobId: readStoreJobIdOf(municipalityId, batchId, job.hitMarks) });
      }
      await hitReadIndex.record([...hitReads.values()]);
      for (const sighting of sightings) {
        for (const readId of sighting.readIds) openReads.delete(readId);
        forwardedGroups.delete(sighting.readIds[0] ?? '');
      }
    } catch (error) {
      pending = [...sightings, ...pending];
      earlyHits = [...early, ...earlyHits];
      openHitReads = new Map([...openMarked, ...openHitReads]);
      throw error;
    }
  };

  const processBatch = async (job: Job<ReadBatchJob>): Promise<void> => {
    const batch = readBatchOf(job.data, municipalityId);
    await exclusive(async () => {
      const known = await hitReadIndex.hitIdsOf(batch.reads);
      for (const read of batch.reads) {
        if (openReads.has(read.readId) || known.has(read.readId)) continue;
        openReads.set(read.readId, read);
        pending.push(...collapser.add(read));
        matchOpenGroup(read);
      }
      pending.push(...collapser.flushBefore(now()));
      const knownMarks = [...known].flatMap(([readId, hitIds]) => hitIds.map((hitId) => ({ readId, hitId })));
      await forwardPending(batch.batchId, batch.reads, knownMarks);
    });
  };

  const flush = (): Promise<void> => exclusive(async () => {
    pending.push(...collapser.flushBefore(now()));
    await forwardPending('marks', [], []);
  });

  const flushTimer = setInterval(() => void flush().catch(report), options.flushEveryMs ?? 5_000);
  flushTimer.unref();

  let worker: QueueWorker<ReadBatchJob>;
  try {
    worker = await createWorker<ReadBatchJob>(edgeReadsQueueName(municipalityId), processBatch, { redisUrl: options.redisUrl, concurrency: options.concurrency ?? 8, ...options.stallRecovery, ...prefix });
  } catch (error) {
    clearInterval(flushTimer);
    await Promise.allSettled([hitsQueue.close(), storeQueue.close()]);
    regionConnection.disconnect();
    edgeConnection.disconnect();
    throw error;
  }

  return {
    worker,
    flush,
    async close() {
      clearInterval(flushTimer);
      await worker.close();
      try {
        await exclusive(async () => {
          pending.push(...collapser.flushAll());
          await forwardPending('marks', [], []);
        });
      } finally {
        await Promise.allSettled([hitsQueue.close(), storeQueue.close()]);
        regionConnection.disconnect();
        edgeConnection.disconnect();
      }
    },
  };
}
