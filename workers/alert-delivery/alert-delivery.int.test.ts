import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCadReceiver, type CadReceiver } from '../../infra/cad-receiver/cad-receiver.js';
import type { AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { createQueue } from '../../runtime/queues/create-queue.js';
import type { QueueWorker, QueueWorkerOptions } from '../../runtime/queues/create-worker.js';
import { listDeadLetters } from '../../runtime/queues/dead-letters.js';
import { deadLetterQueueName, queueNames } from '../../runtime/queues/queue-names.js';
import {
  enqueueAlertDelivery, enqueueHitDecisionDelivery, type AlertDeliveryJob, type HitDecisionCadEvent, type HitDecisionDeliveryJob,
} from './alert-delivery-job.js';
import type { CadWebhook } from './deliver-alert.js';
import { deliveryRecordKey, readDeliveryRecord } from './delivery-record.js';
import { startAlertDelivery } from './start-alert-delivery.js';

const run = promisify(execFile);
const { redisUrl } = inject('stackEndpoints');
const secret = 'integration-secret-of-at-least-32-bytes';
const fastRetries = { attempts: 4, backoff: { type: 'exponential', delay: 50, jitter: 0.5 } } as const;

let redis: Redis;
let receiver: CadReceiver;
let queueName: string;
let queue: Queue<AlertDeliveryJob | HitDecisionDeliveryJob>;
const workers: QueueWorker<unknown>[] = [];
const alertIds: string[] = [];

function alert(): AlertEvent {
  const id = `alert-${randomUUID()}`;
  alertIds.push(id);
  return { id, wantedVehicleId: 'wv-1', cameraId: 'cam-7', municipalityId: 'suwon', capturedAt: '2026-03-01T09:00:00+09:00', matchKind: 'EXACT', priority: 80 };
}

async function startWorker(webhook: Partial<CadWebhook> = {}, options: Partial<QueueWorkerOptions> = {}): Promise<QueueWorker<unknown>> {
  const worker = await startAlertDelivery(queueName, { url: receiver.url, secret, timeoutMs: 2_000, ...webhook }, redis, { redisUrl, ...options });
  workers.push(worker);
  return worker;
}

async function eventually<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function dlq(...args: string[]): Promise<{ stdout: string }> {
  return run('node_modules/.bin/tsx', ['runtime/queues/dead-letter-cli.ts', ...args], { env: { ...process.env, REDIS_URL: redisUrl } });
}

beforeAll(async () => {
  redis = await connectQueueRedis(redisUrl);
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close(true)));
  for (const name of [queueName, deadLetterQueueName(queueName)]) {
    const handle = new Queue(name, { connection: redis });
    await handle.obliterate({ force: true });
    await handle.close();
  }
  await queue.close();
  await receiver.close();
  if (alertIds.length > 0) await redis.del(...alertIds.splice(0).map(deliveryRecordKey));
});

afterAll(() => {
  redis.disconnect();
});

async function setUp(): Promise<void> {
  receiver = await startCadReceiver({ secret });
  queueName = `${queueNames.alertDelivery}-test-${randomUUID()}`;
  queue = createQueue<AlertDeliveryJob | HitDecisionDeliveryJob>(queueName, redis, fastRetries);
}

describe('alert delivery to 112 CAD', () => {
  it('delivers an alert once, signed, and records the delivery', async () => {
    await setUp();
    await startWorker();
    const event = alert();
    await enqueueAlertDelivery(queue, event);

    const accepted = await eventually(() => receiver.accepted(), (list) => list.length === 1);
    expect(accepted).toEqual([{ deliveryId: event.id, body: event, receivedAt: expect.any(String) }]);
    const record = await eventually(() => readDeliveryRecord(redis, event.id), (value) => value?.deliveredAt != null);
    expect(record).toMatchObject({ attempts: 1, lastStatus: '200', lastError: null, outcome: 'delivered' });
    expect(receiver.requestCount()).toBe(1);
  });

  it('retries through two 503s and records three attempts', async () => {
    await setUp();
    receiver.failNext(2, 503);
    await startWorker();
    const event = alert();
    await enqueueAlertDelivery(queue, event);

    const record = await eventually(() => readDeliveryRecord(redis, event.id), (value) => value?.deliveredAt != null);
    expect(record).toMatchObject({ attempts: 3, lastStatus: '200', outcome: 'delivered' });
    expect(receiver.accepted()).toHaveLength(1);
    expect(receiver.requestCount()).toBe(3);
  });

  it('dead-letters a 400 at once with its reason, and the CLI replays it once the receiver is fixed', async () => {
    await setUp();
    receiver.failNext(1, 400);
    await startWorker();
    const event = alert();
    const jobId = await enqueueAlertDelivery(queue, event);

    const letters = await eventually(() => listDeadLetters(redis, queueName), (list) => list.length === 1);
    expect(letters).toEqual([expect.objectContaining({
      queue: queueName,
      jobId,
      data: expect.objectContaining({ alert: event }),
      reason: { code: 'DS_ALERT_DELIVERY_REJECTED', message: 'CAD answered 400 Bad Request' },
      attemptsMade: 1,
    })]);
    expect(await readDeliveryRecord(redis, event.id)).toMatchObject({ attempts: 1, lastStatus: '400', outcome: 'dead-lettered' });
    expect((await queue.getJob(jobId))?.failedReason).toBe('CAD answered 400 Bad Request');

    const listed = await dlq('list', queueName);
    expect(listed.stdout).toContain('[DS_ALERT_DELIVERY_REJECTED] CAD answered 400 Bad Request');
    expect(listed.stdout).toContain('1 dead letter(s)');

    const replayed = await dlq('replay', queueName, '--all');
    expect(replayed.stdout).toContain('replayed 1 dead letter(s)');
    await eventually(() => receiver.accepted(), (list) => list.length === 1);
    expect(receiver.accepted()[0]?.body).toEqual(event);
    expect(await listDeadLetters(redis, queueName)).toEqual([]);
    expect(await eventually(() => readDeliveryRecord(redis, event.id), (value) => value?.deliveredAt != null))
      .toMatchObject({ attempts: 2, outcome: 'delivered' });
  });

  it('dead-letters a delivery whose attempts run out, with the last error as the reason', async () => {
    await setUp();
    receiver.failNext(100, 503);
    await startWorker();
    const event = alert();
    await enqueueAlertDelivery(queue, event);

    const [letter] = await eventually(() => listDeadLetters(redis, queueName), (list) => list.length === 1);
    expect(letter).toMatchObject({ attemptsMade: 4, reason: { code: 'DS_ALERT_DELIVERY_FAILED', message: 'CAD answered 503 Service Unavailable' } });
    expect(await readDeliveryRecord(redis, event.id)).toMatchObject({ attempts: 4, outcome: 'dead-lettered' });
  });

  it('delivers exactly once when a worker dies after the receiver accepted but before the job was acknowledged', async () => {
    await setUp();
    let posted = false;
    // Sends the real request, then never answers: the process "dies" with the job active and unacknowledged.
    const dying: typeof fetch = async (input, init) => {
      await fetch(input, init);
      posted = true;
      return new Promise<Response>(() => {});
    };
    // Every worker of a queue must share one stalledInterval: the first check sets a marker that lives that long.
    const recovery = { lockDuration: 1_000, stalledInterval: 300 };
    const first = await startWorker({ fetch: dying }, recovery);
    const event = alert();
    await enqueueAlertDelivery(queue, event);
    await eventually(() => posted, (value) => value);
    await first.close(true);

    await startWorker({}, recovery);
    await eventually(() => receiver.requestCount(), (count) => count === 2);
    const record = await eventually(() => readDeliveryRecord(redis, event.id), (value) => value?.deliveredAt != null);
    expect(record).toMatchObject({ outcome: 'delivered' });
    expect(receiver.requestCount()).toBe(2);
    expect(receiver.accepted()).toHaveLength(1);
  });

  it('follows an alert up with the operator\'s decision, once, under its own delivery id', async () => {
    await setUp();
    await startWorker();
    const event = alert();
    await enqueueAlertDelivery(queue, event);
    const decision: HitDecisionCadEvent = {
      event: 'hit-rejected', alertId: event.id, hitId: event.id, wantedVehicleId: event.wantedVehicleId, cameraId: event.cameraId,
      capturedAt: event.capturedAt, decidedBy: 'police-officer-kim', decidedAt: '2026-03-01T09:03:00+09:00', reasonCode: 'MISREAD',
    };
    const deliveryId = `hit-rejected-${event.id}`;
    alertIds.push(deliveryId);
    const jobId = await enqueueHitDecisionDelivery(queue, decision);
    expect(await enqueueHitDecisionDelivery(queue, decision)).toBe(jobId);
    const accepted = await eventually(() => receiver.accepted(), (list) => list.length === 2);
    expect(accepted).toEqual([
      { deliveryId: event.id, body: event, receivedAt: expect.any(String) },
      { deliveryId, body: decision, receivedAt: expect.any(String) },
    ]);
    expect(await eventually(() => readDeliveryRecord(redis, deliveryId), (value) => value?.deliveredAt != null))
      .toMatchObject({ attempts: 1, outcome: 'delivered' });
    expect(receiver.requestCount()).toBe(2);
  });
});
