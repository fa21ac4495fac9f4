import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { CameraRead, ReadBatchValidation, ReadProblem, RejectedRead } from '../../domain/ingest/index.js';
import type { ReadBatchJob } from '../../runtime/queues/pipeline-jobs.js';

/** What became of one batch: what the camera is told, over HTTP or on its MQTT rejected topic. */
export type IngestOutcome =
  | { readonly kind: 'enqueued'; readonly batchId: string; readonly accepted: number; readonly rejected: readonly RejectedRead[] }
  | { readonly kind: 'nothing-accepted'; readonly rejected: readonly RejectedRead[] }
  | { readonly kind: 'refused'; readonly problem: ReadProblem };

export interface ReadBatchEnqueuer {
  /** Enqueues the accepted reads of a validated batch as one job, and says what to answer. */
  enqueue(validation: ReadBatchValidation): Promise<IngestOutcome>;
}

export interface ReadBatchEnqueuerOptions {
  readonly municipalityId: string;
  /** A producer on `edgeReadsQueueName(municipalityId)`. */
  readonly queue: Queue<ReadBatchJob>;
  /** How long to wait for Redis to take the job before answering DS_QUEUE_UNAVAILABLE. */
  readonly enqueueTimeoutMs: number;
  /** Called once the job is durable, with the reads it holds (camera read rates); its failure is only logged. */
  readonly onEnqueued?: (reads: readonly CameraRead[]) => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

/** The same reads give the same id whatever order they were sent in: a resent batch is the same job. */
export function readBatchId(reads: readonly CameraRead[]): string {
  const ids = reads.map((read) => read.readId).sort();
  // Read ids admit no newline, so joining on one cannot make two different batches collide.
  return createHash('sha256').update(ids.join('\n')).digest('hex');
}

/** Rejects when `promise` has not settled within `ms` (it may still settle later). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`enqueue took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createReadBatchEnqueuer(options: ReadBatchEnqueuerOptions): ReadBatchEnqueuer {
  const { municipalityId, queue, enqueueTimeoutMs, onEnqueued, onError = () => undefined } = options;
  return {
    async enqueue(validation) {
      if (validation.batchProblem !== undefined) return { kind: 'refused', problem: validation.batchProblem };
      if (validation.accepted.length === 0) return { kind: 'nothing-accepted', rejected: validation.rejected };
      const batchId = readBatchId(validation.accepted);
      const job: ReadBatchJob = { municipalityId, batchId, reads: validation.accepted };
      try {
        // Durability: the camera is acknowledged only after Redis has taken the job (the job id makes a resent
        // batch a no-op while the job is still kept). "Taken" means in Redis' memory and its append-only file; what
        // survives a crash of Redis itself is decided by its fsync policy. The stack runs `appendfsync everysec`,
        // so up to about one second of acknowledged batches can be lost if the Redis host dies; `appendfsync always`
        // closes that window at the cost of an fsync per write. A timed-out enqueue may still land later: the camera
        // resends, and the same job id keeps it to one job.
        await withTimeout(queue.add('read-batch', job, { jobId: batchId }), enqueueTimeoutMs);
      } catch (error) {
        onError(error);
        return { kind: 'refused', problem: { code: 'DS_QUEUE_UNAVAILABLE', message: 'the reads could not be queued; nothing was accepted, resend the batch' } };
      }
      if (onEnqueued !== undefined) await onEnqueued(validation.accepted).catch(onError);
      return { kind: 'enqueued', batchId, accepted: validation.accepted.length, rejected: validation.rejected };
    },
  };
}
