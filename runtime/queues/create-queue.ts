import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * The project's job defaults: eight attempts over about four minutes of jittered exponential backoff, a bounded
 * history of completed jobs, and failed jobs kept forever (they also go to the dead-letter queue).
 */
export const defaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
  removeOnComplete: { count: 1_000, age: 24 * 60 * 60 },
  removeOnFail: false,
} as const satisfies DefaultJobOptions;

/** A producer's handle on a queue; the connection stays the caller's to close. */
export function createQueue<Data>(name: string, connection: Redis, jobOptions: DefaultJobOptions = {}): Queue<Data> {
  return new Queue<Data>(name, { connection, defaultJobOptions: { ...defaultJobOptions, ...jobOptions } });
}
