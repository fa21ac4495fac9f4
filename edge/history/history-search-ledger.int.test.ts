import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { redisHistorySearchLedger } from './history-search-ledger.js';

const { redisUrl } = inject('stackEndpoints');
let replicaA: Redis;
let replicaB: Redis;
/** Municipalities of this run only, so their keys are ours to delete. */
const run = randomUUID().slice(0, 8);
const osan = `osan${run}`;
const suwon = `suwon${run}`;

beforeAll(() => {
  replicaA = new Redis(redisUrl);
  replicaB = new Redis(redisUrl);
});
afterAll(async () => {
  for (const municipality of [osan, suwon]) {
    const keys = await replicaA.keys(`ds:edge:${municipality}:history-search:*`);
    if (keys.length > 0) await replicaA.del(...keys);
  }
  await replicaA.quit();
  await replicaB.quit();
});

describe('the Redis history-search ledger', () => {
  it('finding 8: a grant replayed is refused on another replica of the edge node, and its id expires with the grant', async () => {
    const searchId = randomUUID();
    const untilMs = Date.now() + 65_000;
    expect(await redisHistorySearchLedger(replicaA, osan).claim(searchId, untilMs)).toBe(true);
    expect(await redisHistorySearchLedger(replicaB, osan).claim(searchId, untilMs)).toBe(false);
    expect(await redisHistorySearchLedger(replicaA, osan).claim(searchId, untilMs)).toBe(false);
    const ttl = await replicaA.pttl(`ds:edge:${osan}:history-search:${searchId}`);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(65_000);
  });

  it('finding 8: one search asks every edge node under one id, and each node takes it once', async () => {
    const searchId = randomUUID();
    const untilMs = Date.now() + 65_000;
    expect(await redisHistorySearchLedger(replicaA, osan).claim(searchId, untilMs)).toBe(true);
    expect(await redisHistorySearchLedger(replicaA, suwon).claim(searchId, untilMs)).toBe(true);
    expect(await redisHistorySearchLedger(replicaB, suwon).claim(searchId, untilMs)).toBe(false);
  });

  it('keeps an id at least a second even when the grant is already at its end', async () => {
    const searchId = randomUUID();
    expect(await redisHistorySearchLedger(replicaA, osan).claim(searchId, Date.now() - 5_000)).toBe(true);
    expect(await replicaA.pttl(`ds:edge:${osan}:history-search:${searchId}`)).toBeGreaterThan(500);
  });
});
