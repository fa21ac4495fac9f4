import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { policeKeys } from '../../stores/police/police-keys.js';
import { createWantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';
import { createCaseStore } from './case-store.js';
import { seedDemoRegion } from './demo-region-seed.js';

const { redisUrl } = inject('stackEndpoints');
const keys = policeKeys(`ds:police:test-seed-${randomUUID()}:`);
let redis: Redis;

const storesOf = () => ({ cases: createCaseStore(redis, keys), wantedVehicles: createWantedVehicleStore(redis, keys) });

beforeAll(() => {
  redis = new Redis(redisUrl);
});

afterAll(async () => {
  for await (const stale of redis.scanStream({ match: `${keys.prefix}*`, count: 500 })) {
    if ((stale as string[]).length > 0) await redis.del(...(stale as string[]));
  }
  await redis.quit();
});

describe('seedDemoRegion', () => {
  it('bug: a seed cut short after the cases left the wanted list empty, and no later start completed it', async () => {
    const stores = storesOf();
    // What a seed stopped after its first write left: one case, no wanted vehicle.
    await stores.cases.create({ caseNumber: '2026-경기남부-0142', title: '수원 차량 절도 (도난 차량 추적)', leadAgency: 'police', status: 'OPEN', openedAt: '2026-11-20T09:00:00+09:00' });

    expect(await seedDemoRegion(stores)).toBe(true);

    expect(await stores.cases.count()).toBe(2);
    expect((await stores.wantedVehicles.ids()).sort()).toEqual(['wv-0001', 'wv-0002', 'wv-0003']);
  });

  it('keeps a seed entry changed since, and leaves stores in use beyond the seed alone', async () => {
    const stores = storesOf();
    await stores.wantedVehicles.revoke('wv-0002', { revokedAt: '2026-11-25T09:00:00+09:00', revokedBy: 'test', revocationReason: 'found' });
    expect(await seedDemoRegion(stores)).toBe(true);
    expect((await stores.wantedVehicles.find('wv-0002'))?.revokedAt).toBe('2026-11-25T09:00:00+09:00');

    await stores.cases.create({ caseNumber: 'OWN-1', title: '운영 사건', leadAgency: 'police', status: 'OPEN', openedAt: '2026-11-25T09:00:00+09:00' });
    await redis.del(keys.wantedVehicle('wv-0003'));
    await redis.zrem(keys.wantedVehiclesByPriority, 'wv-0003');
    expect(await seedDemoRegion(stores)).toBe(false);
    expect(await stores.wantedVehicles.find('wv-0003')).toBeUndefined();
  });
});
