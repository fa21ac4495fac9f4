import { describe, expect, it } from 'vitest';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';
import type { BucketRate, TokenBucket } from './use-rate-limit.js';

/** Counts requests per key without refilling: enough to see which bucket each request is taken from. */
function countingBucket(): TokenBucket & { taken: Map<string, number> } {
  const taken = new Map<string, number>();
  return {
    taken,
    async take(key: string, rate: BucketRate) {
      const count = (taken.get(key) ?? 0) + 1;
      taken.set(key, count);
      const allowed = count <= rate.burst;
      return { allowed, retryAfterMs: allowed ? 0 : 1_500 };
    },
  };
}

const query = '{ whoAmI { agency } }';

describe('useRateLimit', () => {
  it('refuses an agency over its rate: 429 DS_RATE_LIMITED with Retry-After, and never reaches a subgraph', async () => {
    const bucket = countingBucket();
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], rateLimit: { bucket, rate: { perSecond: 1, burst: 2 } } });
    expect((await gateway.query(query, { as: 'police-officer' })).status).toBe(200);
    expect((await gateway.query(query, { as: 'police-investigator' })).status).toBe(200);
    const refused = await gateway.query(query, { as: 'police-officer' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'DS_RATE_LIMITED', httpStatus: 429 } })] });
  });

  it('keeps one bucket per agency, with the agency\'s own rate where it has one', async () => {
    const bucket = countingBucket();
    await using gateway = await createGatewayTester({
      subgraphs: [wantedSubgraph],
      rateLimit: { bucket, rate: { perSecond: 1, burst: 1 }, agencyRates: { police: { perSecond: 10, burst: 3 } } },
    });
    for (let request = 0; request < 3; request += 1) expect((await gateway.query(query, { as: 'police-officer' })).status).toBe(200);
    expect((await gateway.query(query, { as: 'civic-developer' })).status).toBe(200);
    expect((await gateway.query(query, { as: 'civic-developer' })).status).toBe(429);
    expect(Object.fromEntries(bucket.taken)).toEqual({ police: 3, civic: 2 });
  });

  it('does not count requests it cannot authenticate', async () => {
    const bucket = countingBucket();
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], rateLimit: { bucket, rate: { perSecond: 1, burst: 1 } } });
    expect((await gateway.query(query)).status).toBe(401);
    expect(bucket.taken.size).toBe(0);
  });

  it('fails open when the bucket is unreachable, and says so once', async () => {
    const lines: string[] = [];
    const unreachable: TokenBucket = { take: async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:16379'); } };
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], rateLimit: { bucket: unreachable, rate: { perSecond: 1, burst: 1 }, log: (line) => lines.push(line) } });
    expect((await gateway.query(query, { as: 'police-officer' })).status).toBe(200);
    expect((await gateway.query(query, { as: 'police-officer' })).status).toBe(200);
    expect(lines).toEqual([expect.stringContaining('token bucket unavailable')]);
  });
});
