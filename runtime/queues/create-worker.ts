import { Queue, Worker, type Job, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectQueueRedis } from './connect-queue-redis.js';
import { isFinalFailure, moveToDeadLetters } from './dead-letters.js';
import { NonRetryableJobError } from './non-retryable-job-error.js';
import { deadLetterQueueName } from './queue-names.js';

export interface QueueWorkerOptions extends Omit<WorkerOptions, 'connection'> {
  readonly redisUrl: string;
}

export interface QueueWorker<Data> {
  readonly worker: Worker<Data>;
  /** Waits for active jobs unless `force`; a forced close leaves them to be retried by another worker. */
  close(force?: boolean): Promise<void>;
}

/**
 * Starts a worker on its own Redis connection whose failures end in `<queue>-dead`: a job that fails with a
 * non-retryable error, or on its last attempt, or that was taken back from a dying worker more than
 * `maxStalledCount` times (1 unless given: a job that keeps killing its worker), is written there (payload, reason,
 * attempts, timestamps) before BullMQ records the failure.
 */
export async function createWorker<Data>(queue: string, processor: Processor<Data>, options: QueueWorkerOptions): Promise<QueueWorker<Data>> {
  const { redisUrl, maxStalledCount = 1, ...workerOptions } = options;
  const connection: Redis = await connectQueueRedis(redisUrl);
  const deadLetters = new Queue(deadLetterQueueName(queue), { connection });
  const processOrDeadLetter = async (job: Job<Data>, token?: string, signal?: AbortSignal): Promise<unknown> => {
    if (job.stalledCounter > maxStalledCount) {
      const error = new NonRetryableJobError(
        'DS_QUEUE_ATTEMPTS_EXHAUSTED', `taken back from a worker that died ${job.stalledCounter} times`, { stalls: job.stalledCounter },
      );
      await moveToDeadLetters(deadLetters, job, error);
      throw error;
    }
    try {
      return await processor(job, token, signal);
    } catch (error) {
      if (isFinalFailure(job, error)) await moveToDeadLetters(deadLetters, job, error);
      throw error;
    }
  };
  // Hazard: BullMQ fails a job past its own stall limit without running the processor, so without a dead letter.
  // Its limit is set out of reach; the processor above enforces ours and dead-letters first.
  const worker = new Worker<Data>(queue, processOrDeadLetter, { ...workerOptions, maxStalledCount: Number.MAX_SAFE_INTEGER, connection });
  worker.on('error', (error) => console.error(`[${queue}] worker error: ${error.message}`));
  return {
    worker,
    async close(force = false) {
      try {
        await worker.close(force);
        await deadLetters.close();
      } finally {
        connection.disconnect();
      }
    },
  };
}
