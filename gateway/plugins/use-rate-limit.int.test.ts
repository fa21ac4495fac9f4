import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedisTokenBucket } from '../rate-limit/redis-token-bucket.js';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';

const redis = new Redis(inject('stackEndpoints').redisUrl, { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await redis.quit();
});

describe('useRateLimit against the real Redis', () => {
  it('answers 429 DS_RATE_LIMITED with Retry-After once an agency spends its burst, across two gateway replicas', async () => {
    const bucket = createRedisTokenBucket(redis, { keyPrefix: `test:rate:${randomUUID()}:` });
    const rateLimit = { bucket, rate: { perSecond: 0.5, burst: 4 } };
    await using first = await createGatewayTester({ subgraphs: [wantedSubgraph], rateLimit });
    await using second = await createGatewayTester({ subgraphs: [wantedSubgraph], rateLimit });
    const statuses: number[] = [];
    for (const replica of [first, second, first, second, first]) {
      statuses.push((await replica.query('{ whoAmI { agency } }', { as: 'police-officer' })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await second.query('{ whoAmI { agency } }', { as: 'police-investigator' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'DS_RATE_LIMITED', httpStatus: 429 } })] });
    expect((await first.query('{ whoAmI { agency } }', { as: 'civic-developer' })).status).toBe(200);
  });
});
