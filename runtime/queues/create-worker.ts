import { Queue, Worker, type Job, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectQueueRedis } from './connect-queue-redis.js';
import { isFinalFailure, moveToDeadLetters } from './dead-letters.js';
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
 * non-retryable error, or on its last attempt, is written there (payload, reason, attempts, timestamps) before
 * BullMQ records the failure.
 */
export async function createWorker<Data>(queue: string, processor: Processor<Data>, options: QueueWorkerOptions): Promise<QueueWorker<Data>> {
  const { redisUrl, ...workerOptions } = options;
  const connection: Redis = await connectQueueRedis(redisUrl);
  const deadLetters = new Queue(deadLetterQueueName(queue), { connection });
  const processOrDeadLetter = async (job: Job<Data>, token?: string, signal?: AbortSignal): Promise<unknown> => {
    try {
      return await processor(job, token, signal);
    } catch (error) {
      if (isFinalFailure(job, error)) await moveToDeadLetters(deadLetters, job, error);
      throw error;
    }
  };
  const worker = new Worker<Data>(queue, processOrDeadLetter, { ...workerOptions, connection });
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
