import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TransitionStatisticsOptions } from '../../domain/aggregates/index.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { defaultJobOptions } from '../../runtime/queues/create-queue.js';
import { createWorker, type QueueWorker } from '../../runtime/queues/create-worker.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import type { StallRecovery } from '../../runtime/queues/stall-recovery.js';
import { edgeStoreQueueName, regionAggregatesQueueName, type AggregateBatchJob, type ReadStoreJob } from '../../runtime/queues/pipeline-jobs.js';
import { aggregateBatchJobOf } from '../matcher/match-read-batch.js';
import type { EdgeReadStore } from './edge-read-store.js';
import { createReadStoreBatcher } from './read-store-batcher.js';

export interface EdgeStoreWorkerOptions {
  readonly municipalityId: string;
  /** The edge's Redis, where its store queue lives. */
  readonly redisUrl: string;
  /** The region's Redis, where aggregates go; the edge's unless given. */
  readonly regionRedisUrl?: string;
  /** BullMQ's key prefix for every queue the worker uses (`bull` unless given): keeps test runs apart. */
  readonly queuePrefix?: string;
  readonly store: EdgeReadStore;
  /** From the edge's configuration: the secret the daily pseudonym keys are derived from. Never leaves the edge. */
  readonly pseudonymSecret: Uint8Array;
  /** How often aggregates are made and forwarded; 15 minutes unless given. */
  readonly aggregateEveryMs?: number;
  readonly transitionOptions?: TransitionStatisticsOptions;
  /**
   * Store jobs taken from the queue at once; 16 unless given. Their reads go to the store together (group commit,
   * at most `maxReadsPerWrite` a write).
   */
  readonly concurrency?: number;
  readonly maxReadsPerWrite?: number;
  /** How soon a job held by a worker that died is taken back; BullMQ's defaults unless given. */
  readonly stallRecovery?: StallRecovery;
  /** Failures of the aggregate timer's work; it is tried again on the next tick. */
  readonly onError?: (error: unknown) => void;
}

export interface EdgeStoreWorker {
  readonly worker: QueueWorker<ReadStoreJob>;
  /** Forwards the aggregates of every read not yet counted; resolves to the number of jobs enqueued. */
  aggregateNow(): Promise<number>;
  /** Stops taking jobs (those in hand are stored first) and forwards the last aggregates. */
  close(): Promise<void>;
}

const aggregateReadsPerJob = 50_000;

function readStoreJobOf(data: unknown, municipalityId: string): ReadStoreJob {
  const job = data as Partial<ReadStoreJob> | null;
  if (job?.municipalityId !== municipalityId || typeof job.batchId !== 'string' || !Array.isArray(job.reads) || !Array.isArray(job.hitMarks)) {
    throw new NonRetryableJobError('DS_QUEUE_JOB_INVALID', `not a store job of municipality ${municipalityId}`);
  }
  return job as ReadStoreJob;
}

/**
 * The edge's store stage: takes the matcher's store jobs, writes their reads to the read store in group commits
 * and applies their hit marks, then completes the jobs. A job is done only once its write committed, so a worker
 * or a disk write that fails loses nothing: the job is taken back and written again, and the store keeps one copy of each
 * read and each mark. A mark may reach the store before its read (jobs are taken in parallel, and a failed one is
 * retried later): the store keeps it on a placeholder that the read's own write completes.
 *
 * Aggregates are made here, from what is stored: every `aggregateEveryMs` the reads after the last aggregated store
 * sequence number go to the region as a plate-free aggregate job.
 */
export async function startEdgeStoreWorker(options: EdgeStoreWorkerOptions): Promise<EdgeStoreWorker> {
  const { municipalityId, store, pseudonymSecret } = options;
  const report = (error: unknown): void => options.onError?.(error);
  const regionConnection: Redis = await connectQueueRedis(options.regionRedisUrl ?? options.redisUrl);
  const prefix = options.queuePrefix === undefined ? {} : { prefix: options.queuePrefix };
  const aggregatesQueue = new Queue<AggregateBatchJob>(regionAggregatesQueueName, { connection: regionConnection, defaultJobOptions, ...prefix });
  const batcher = createReadStoreBatcher(store, options.maxReadsPerWrite === undefined ? {} : { maxReadsPerWrite: options.maxReadsPerWrite });

  const processJob = async (job: Job<ReadStoreJob>): Promise<void> => {
    const { reads, hitMarks } = readStoreJobOf(job.data, municipalityId);
    await batcher.storeReads(reads, hitMarks);
  };

  let aggregating: Promise<unknown> = Promise.resolve();
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
  const aggregateNow = (): Promise<number> => {
    const run = aggregating.then(aggregateOnce);
    aggregating = run.catch(() => undefined);
    return run;
  };
  const aggregateTimer = setInterval(() => void aggregateNow().catch(report), options.aggregateEveryMs ?? 15 * 60_000);
  aggregateTimer.unref();

  let worker: QueueWorker<ReadStoreJob>;
  try {
    worker = await createWorker<ReadStoreJob>(edgeStoreQueueName(municipalityId), processJob, {
      redisUrl: options.redisUrl, concurrency: options.concurrency ?? 16, ...options.stallRecovery, ...prefix,
    });
  } catch (error) {
    clearInterval(aggregateTimer);
    await aggregatesQueue.close().catch(() => undefined);
    regionConnection.disconnect();
    throw error;
  }

  return {
    worker,
    aggregateNow,
    async close() {
      clearInterval(aggregateTimer);
      await worker.close();
      try {
        await aggregateNow();
      } finally {
        await aggregatesQueue.close().catch(() => undefined);
        regionConnection.disconnect();
      }
    },
  };
}
