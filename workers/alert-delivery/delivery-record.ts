import type { Redis } from 'ioredis';
import { execTransaction } from '../../runtime/redis/exec-transaction.js';
import type { AttemptStatus } from './deliver-alert.js';

/** What an operator sees of one alert's delivery to 112 CAD (`HGETALL ds:alert-delivery:<alert id>`). */
export interface DeliveryRecord {
  readonly attempts: number;
  readonly lastStatus: string | null;
  readonly lastError: string | null;
  readonly lastAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly outcome: 'delivered' | 'retrying' | 'dead-lettered' | null;
}

export interface AttemptOutcome {
  readonly status: AttemptStatus;
  readonly error?: string;
  readonly outcome: NonNullable<DeliveryRecord['outcome']>;
}

export function deliveryRecordKey(alertId: string): string {
  return `ds:alert-delivery:${alertId}`;
}

export async function recordAttempt(redis: Redis, alertId: string, attempt: AttemptOutcome, now: Date = new Date()): Promise<void> {
  const key = deliveryRecordKey(alertId);
  const fields: Record<string, string> = { lastStatus: String(attempt.status), lastAttemptAt: now.toISOString(), outcome: attempt.outcome };
  if (attempt.outcome === 'delivered') fields.deliveredAt = now.toISOString();
  const transaction = redis.multi().hincrby(key, 'attempts', 1).hset(key, fields);
  if (attempt.error === undefined) transaction.hdel(key, 'lastError');
  else transaction.hset(key, 'lastError', attempt.error);
  await execTransaction(transaction);
}

export async function readDeliveryRecord(redis: Redis, alertId: string): Promise<DeliveryRecord | undefined> {
  const hash = await redis.hgetall(deliveryRecordKey(alertId));
  if (Object.keys(hash).length === 0) return undefined;
  return {
    attempts: Number(hash.attempts ?? 0),
    lastStatus: hash.lastStatus ?? null,
    lastError: hash.lastError ?? null,
    lastAttemptAt: hash.lastAttemptAt ?? null,
    deliveredAt: hash.deliveredAt ?? null,
    outcome: (hash.outcome as DeliveryRecord['outcome'] | undefined) ?? null,
  };
}
