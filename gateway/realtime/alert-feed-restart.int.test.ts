import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { startThrowawayStack, type ThrowawayStack } from '../../infra/stack/throwaway-stack.js';
import { publishAlert, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { openAlertFeed, type AlertFeed } from './alert-feed.js';

let stack: ThrowawayStack;
let reader: Redis;
let feed: AlertFeed;

beforeAll(async () => {
  stack = await startThrowawayStack(loadStackConfig(), await mkdtemp(join(tmpdir(), 'dongseon-alert-feed-')));
  // The feed's connection retries every 5 s, so it comes back well after Redis does: alerts raised in between reach it
  // only from the log.
  reader = new Redis(stack.redisUrl, { retryStrategy: () => 5_000, maxRetriesPerRequest: 1 });
  reader.on('error', () => undefined);
  feed = await openAlertFeed(reader, { log: () => undefined, blockMs: 200 });
}, 180_000);

afterAll(async () => {
  await feed?.close();
  reader?.disconnect();
  await stack?.dispose();
}, 120_000);

const alert = (id: string): AlertEvent => ({
  id, wantedVehicleId: 'wv-1', cameraId: 'cam-1', municipalityId: 'osan', capturedAt: '2026-11-25T09:00:00+09:00', matchKind: 'EXACT', priority: 90,
});

describe('the alert feed across a Redis crash', () => {
  it('bug: alerts raised while the gateway reconnected to a restarted Redis never reached its subscribers', async () => {
    const subscription = feed.subscribe(() => true);
    const publisher = new Redis(stack.redisUrl, { retryStrategy: () => null });
    await publishAlert(publisher, alert('before'));
    expect((await subscription.next()).value).toMatchObject({ id: 'before' });
    publisher.disconnect();

    await stack.redis.crash();
    await stack.redis.start();
    const afterRestart = new Redis(stack.redisUrl, { retryStrategy: () => null });
    await publishAlert(afterRestart, alert('while-reconnecting'));
    expect((await subscription.next()).value).toMatchObject({ id: 'while-reconnecting' });
    await publishAlert(afterRestart, alert('after'));
    expect((await subscription.next()).value).toMatchObject({ id: 'after' });
    afterRestart.disconnect();
    await subscription.return?.();
  });
});
