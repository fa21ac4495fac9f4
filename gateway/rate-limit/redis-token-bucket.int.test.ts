import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedisTokenBucket } from './redis-token-bucket.js';

const redis = new Redis(inject('stackEndpoints').redisUrl, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await redis.quit();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createRedisTokenBucket', () => {
  it('allows a burst, then refuses until a token is back, saying how long that takes', async () => {
    const bucket = createRedisTokenBucket(redis, { keyPrefix: `test:rate:${randomUUID()}:` });
    const rate = { perSecond: 2, burst: 3 };
    const verdicts = [];
    for (let request = 0; request < 4; request += 1) verdicts.push(await bucket.take('police', rate));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]?.retryAfterMs).toBeGreaterThan(0);
    expect(verdicts[3]?.retryAfterMs).toBeLessThanOrEqual(500);
    await pause(600);
    expect((await bucket.take('police', rate)).allowed).toBe(true);
  });

  it('is one bucket for every client of the same Redis: gateway replicas share it', async () => {
    const keyPrefix = `test:rate:${randomUUID()}:`;
    const other = new Redis(inject('stackEndpoints').redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const replicas = [createRedisTokenBucket(redis, { keyPrefix }), createRedisTokenBucket(other, { keyPrefix })];
      const rate = { perSecond: 0.01, burst: 10 };
      const verdicts = await Promise.all(Array.from({ length: 30 }, (_, index) => replicas[index % 2]?.take('civic', rate)));
      expect(verdicts.filter((verdict) => verdict?.allowed)).toHaveLength(10);
    } finally {
      await other.quit();
    }
  });

  it('forgets an idle bucket once it would be full again', async () => {
    const keyPrefix = `test:rate:${randomUUID()}:`;
    await createRedisTokenBucket(redis, { keyPrefix }).take('moj', { perSecond: 10, burst: 5 });
    const ttl = await redis.pttl(`${keyPrefix}moj`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_500);
  });
});
