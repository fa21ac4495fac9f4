import { Redis } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';
import { displayUrl } from '../../infra/stack/endpoints.js';

/**
 * Opens a connection for BullMQ, and refuses a Redis without its append-only file: an accepted job must survive a
 * restart of Redis.
 *
 * `maxRetriesPerRequest: null` is what BullMQ requires of a worker's connection (it refuses any other value). With
 * a finite limit ioredis rejects commands that were queued while Redis was away, so a Redis restart would surface
 * as failed lock renewals and job acknowledgements; with null they wait for the reconnect, and a restart only
 * pauses the worker. Give each worker its own connection: BullMQ duplicates it for its blocking reads, and closing
 * one worker must not cut another off.
 */
export async function connectQueueRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  try {
    await redis.connect();
    const persistence = await redis.info('persistence');
    if (!/^aof_enabled:1\r?$/m.test(persistence)) {
      throw new DongseonError('DS_STORE_NOT_DURABLE', `Redis at ${displayUrl(url)} runs without appendonly; turn it on (appendonly yes)`);
    }
    return redis;
  } catch (error) {
    redis.disconnect();
    throw error;
  }
}
