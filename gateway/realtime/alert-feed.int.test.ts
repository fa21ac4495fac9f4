import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishAlert, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { openAlertFeed, type AlertFeed } from './alert-feed.js';

const { redisUrl } = inject('stackEndpoints');
const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
let feed: AlertFeed;

beforeAll(async () => {
  feed = await openAlertFeed(subscriber, { maxQueuedPerSubscriber: 2, log: () => undefined });
});

afterAll(async () => {
  await feed.close();
  await Promise.all([publisher.quit(), subscriber.quit()]);
});

const alert = (id: string): AlertEvent => ({
  id, wantedVehicleId: 'wv-1', cameraId: 'cam-1', municipalityId: 'suwon', capturedAt: '2026-11-25T09:00:00+09:00', matchKind: 'POSSIBLE', priority: 10,
});

describe('openAlertFeed', () => {
  it('ends a subscription waiting for its next alert at once when it is returned', async () => {
    const subscription = feed.subscribe(() => true);
    const next = subscription.next();
    await subscription.return?.();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(feed.subscriberCount).toBe(0);
  });

  it('drops a subscriber that falls behind with DS_REALTIME_SUBSCRIBER_TOO_SLOW, and only that one', async () => {
    const slow = feed.subscribe(() => true);
    const fast = feed.subscribe(() => true);
    const received: string[] = [];
    const reading = (async () => {
      for (let index = 0; index < 3; index += 1) received.push(((await fast.next()).value as AlertEvent).id);
    })();
    for (const id of ['a1', 'a2', 'a3']) await publishAlert(publisher, alert(id));
    await reading;
    expect(received).toEqual(['a1', 'a2', 'a3']);
    expect(feed.subscriberCount).toBe(1);
    await expect(slow.next()).rejects.toMatchObject({ extensions: { code: 'DS_REALTIME_SUBSCRIBER_TOO_SLOW' } });
    await fast.return?.();
    expect(feed.subscriberCount).toBe(0);
  });

  it('ends a subscription whose admission throws, with that error', async () => {
    const subscription = feed.subscribe(() => {
      throw new Error('token expired');
    });
    // Expect before publishing: the alert may arrive before PUBLISH itself is answered.
    const ended = expect(subscription.next()).rejects.toThrow('token expired');
    await publishAlert(publisher, alert('b1'));
    await ended;
    expect(feed.subscriberCount).toBe(0);
  });
});
