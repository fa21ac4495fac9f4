import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectQueueRedis } from './connect-queue-redis.js';
import { createWorker, type QueueWorker } from './create-worker.js';
import { listDeadLetters } from './dead-letters.js';
import { deadLetterQueueName } from './queue-names.js';

const { redisUrl } = inject('stackEndpoints');
const queueName = `ds-test-stalls-${randomUUID()}`;
// Every worker of a queue shares one stalled interval; a short lock lets a dead worker's job come back quickly.
const recovery = { lockDuration: 1_000, stalledInterval: 300 };
let redis: Redis;
let queue: Queue;

async function eventually<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  redis = await connectQueueRedis(redisUrl);
  queue = new Queue(queueName, { connection: redis });
});

afterAll(async () => {
  for (const name of [queueName, deadLetterQueueName(queueName)]) {
    const handle = new Queue(name, { connection: redis });
    await handle.obliterate({ force: true });
    await handle.close();
  }
  await queue.close();
  redis.disconnect();
});

describe('a queue worker', () => {
  it('bug: a job taken back from dying workers more often than allowed was failed by BullMQ without a dead letter', async () => {
    let started = 0;
    // Each of these workers takes the job and dies with it: a forced close leaves the job active under a lock that lapses.
    const dying = async (): Promise<QueueWorker<unknown>> => createWorker(queueName, () => {
      started += 1;
      return new Promise(() => undefined);
    }, { redisUrl, ...recovery });
    const job = await queue.add('poison', { n: 1 }, { jobId: `poison-${randomUUID()}`, attempts: 5 });
    for (let death = 1; death <= 2; death++) {
      const worker = await dying();
      expect(await eventually(() => started, (count) => count === death)).toBe(death);
      await worker.close(true);
    }
    let ranAgain = false;
    const survivor = await createWorker(queueName, async () => {
      ranAgain = true;
    }, { redisUrl, ...recovery });
    const letters = await eventually(() => listDeadLetters(redis, queueName), (list) => list.length === 1);
    await survivor.close();

    expect(letters).toEqual([expect.objectContaining({
      jobId: job.id, reason: { code: 'DS_QUEUE_ATTEMPTS_EXHAUSTED', message: 'taken back from a worker that died 2 times' },
    })]);
    expect(ranAgain).toBe(false);
    expect(await queue.getJobState(job.id as string)).toBe('failed');
  }, 60_000);
});
