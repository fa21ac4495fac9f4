import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { redisIdentityNonceLedger } from './identity-nonce-ledger.js';

const { redisUrl } = inject('stackEndpoints');
let replicaA: Redis;
let replicaB: Redis;

beforeAll(() => {
  replicaA = new Redis(redisUrl);
  replicaB = new Redis(redisUrl);
});
afterAll(async () => {
  await replicaA.quit();
  await replicaB.quit();
});

describe('the Redis nonce ledger', () => {
  it('finding 4(b): a header accepted by one replica is refused by another, and its nonce expires with it', async () => {
    const prefix = `ds:test:identity-nonce:${randomUUID()}:`;
    const nonce = randomUUID();
    const expiresAt = Math.ceil(Date.now() / 1000) + 60;
    expect(await redisIdentityNonceLedger(replicaA, prefix).claim(nonce, expiresAt)).toBe(true);
    expect(await redisIdentityNonceLedger(replicaB, prefix).claim(nonce, expiresAt)).toBe(false);
    const ttl = await replicaA.pttl(`${prefix}${nonce}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(61_000);
    await replicaA.del(`${prefix}${nonce}`);
  });

  it('refuses, rather than accepts, a header whose nonce cannot be recorded', async () => {
    const unreachable = new Redis({ port: 1, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    try {
      await expect(redisIdentityNonceLedger(unreachable, 'ds:test:identity-nonce:').claim(randomUUID(), Date.now() / 1000 + 60))
        .rejects.toMatchObject({ code: 'DS_SUBGRAPH_UNAVAILABLE' });
    } finally {
      unreachable.disconnect();
    }
  });
});
