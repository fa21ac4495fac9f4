import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import { hitDecisionJobIdOf } from '../../runtime/queues/pipeline-jobs.js';
import { startHitDecisionRelay, type HitDecisionQueue, type HitDecisionRelay } from './hit-decision-relay.js';

// The relay over the real Redis and a real BullMQ queue: each decision on the log becomes exactly one job, whatever
// fails between reading an entry and acknowledging it.
const { redisUrl } = inject('stackEndpoints');
const run = randomUUID().slice(0, 8);
const streamKey = `ds:hit-decisions:relay-test-${run}`;
const group = 'graph-writer';

let redis: Redis;
let queueRedis: Redis;
let queue: Queue<HitDecisionEvent>;
const relays: HitDecisionRelay[] = [];

const decision = (n: number): HitDecisionEvent => ({
  hitId: `suwon:read-${run}-${n}:wv-${run}`, wantedVehicleId: `wv-${run}`, cameraId: 'cam-suwon-02', capturedAt: '2026-03-01T09:00:00+09:00',
  status: 'REJECTED', decidedBy: 'police-officer-kim', decidedAt: '2026-03-01T09:40:00+09:00', reasonCode: 'MISREAD',
});

/** As the police hit store's decide script appends a decision. */
const record = (event: HitDecisionEvent) => redis.xadd(streamKey, 'MAXLEN', '~', '100000', '*', 'decision', JSON.stringify(event));

const start = async (options: { consumer: string; queue?: HitDecisionQueue; reclaimIdleMs?: number }) => {
  const relay = await startHitDecisionRelay({
    redis: redis.duplicate(), streamKey, group, consumer: options.consumer, queue: options.queue ?? queue,
    reclaimIdleMs: options.reclaimIdleMs ?? 60_000, blockMs: 200, log: () => {},
  });
  relays.push(relay);
  return relay;
};

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const jobsOf = async (event: HitDecisionEvent) =>
  (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter((job) => job.id === hitDecisionJobIdOf(event.hitId));
const pendingCount = async () => (await redis.xpending(streamKey, group) as [number, ...unknown[]])[0];

beforeAll(async () => {
  redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  queueRedis = await connectQueueRedis(redisUrl);
  queue = createQueue<HitDecisionEvent>(`ds-region-hit-decisions-relay-test-${run}`, queueRedis);
});

afterAll(async () => {
  for (const relay of relays) await relay.close();
  await queue.obliterate({ force: true });
  await queue.close();
  queueRedis.disconnect();
  await redis.del(streamKey);
  await redis.quit();
});

describe('the hit decision relay', () => {
  it('relays decisions stored before it first ran, and later ones, each as one job, and acknowledges them', async () => {
    const before = decision(1);
    await record(before);
    await start({ consumer: 'first' });
    const after = decision(2);
    await record(after);
    for (const event of [before, after]) {
      const [job] = await eventually(() => jobsOf(event), (jobs) => jobs.length === 1, `the job of ${event.hitId}`);
      expect(job?.data).toEqual(event);
    }
    expect(await eventually(pendingCount, (count) => count === 0, 'nothing pending')).toBe(0);
  });

  it('enqueues again after a failed enqueue, once', async () => {
    let failures = 1;
    const flaky: HitDecisionQueue = {
      add: async (...args) => {
        if (failures-- > 0) throw new Error('Redis went away');
        return queue.add(...args);
      },
    };
    for (const relay of relays.splice(0)) await relay.close();
    await start({ consumer: 'flaky', queue: flaky });
    const event = decision(3);
    await record(event);
    await eventually(() => jobsOf(event), (jobs) => jobs.length === 1, 'the job after the retry');
    expect(await eventually(pendingCount, (count) => count === 0, 'nothing pending')).toBe(0);
    expect(failures).toBe(-1);
  });

  it('a relay that crashed after enqueueing and before acknowledging: another takes the entry over, and there is still one job', async () => {
    for (const relay of relays.splice(0)) await relay.close();
    // Enqueues, then dies before the acknowledgement (its connection is cut, as a SIGKILL would).
    const crashing: { relay?: HitDecisionRelay } = {};
    const dying: HitDecisionQueue = {
      add: async (...args) => {
        await queue.add(...args);
        void crashing.relay?.close();
        throw new Error('killed');
      },
    };
    crashing.relay = await start({ consumer: 'crashing', queue: dying });
    const event = decision(4);
    await record(event);
    await eventually(() => jobsOf(event), (jobs) => jobs.length === 1, 'the job enqueued before the crash');
    await eventually(pendingCount, (count) => count === 1, 'the entry left pending by the crashed relay');

    await start({ consumer: 'survivor', reclaimIdleMs: 200 });
    await eventually(pendingCount, (count) => count === 0, 'the entry taken over and acknowledged');
    expect(await jobsOf(event)).toHaveLength(1);
    const consumers = await redis.xinfo('CONSUMERS', streamKey, group) as unknown[][];
    expect(consumers.map((fields) => fields[1])).toContain('survivor');
  });

  it('starts the group afresh when the stream is gone (a flushed database), and relays what comes after', async () => {
    for (const relay of relays.splice(0)) await relay.close();
    await start({ consumer: 'after-flush' });
    await redis.del(streamKey);
    const event = decision(5);
    await record(event);
    await eventually(() => jobsOf(event), (jobs) => jobs.length === 1, 'the job of a decision after the flush');
  });
});
