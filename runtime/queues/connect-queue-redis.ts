import type { Redis } from 'ioredis';
import { connectDurableRedis } from '../redis/connect-durable-redis.js';

/**
 * Opens a connection for BullMQ, on a Redis with its append-only file: an accepted job must survive a restart of
 * Redis.
 *
 * `maxRetriesPerRequest: null` is what BullMQ requires of a worker's connection (it refuses any other value). With
 * a finite limit ioredis rejects commands that were queued while Redis was away, so a Redis restart would surface
 * as failed lock renewals and job acknowledgements; with null they wait for the reconnect, and a restart only
 * pauses the worker. Give each worker its own connection: BullMQ duplicates it for its blocking reads, and closing
 * one worker must not cut another off.
 */
export function connectQueueRedis(url: string): Promise<Redis> {
  return connectDurableRedis(url, { maxRetriesPerRequest: null });
}
