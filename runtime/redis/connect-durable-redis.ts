import { Redis, type RedisOptions } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';
import { displayUrl, localRedisUrl } from '../endpoints/stack-endpoints.js';
import { urlVariable } from '../config.js';

/** The Redis variable of a process that keeps its data in Redis, defaulting to the local stack's server. */
export const redisVariables = {
  REDIS_URL: urlVariable(['redis', 'rediss']).default(localRedisUrl),
};

/**
 * Connects, and refuses a Redis without its append-only file: what a store acknowledges must survive a restart of
 * Redis (the AOF is fsynced every second at most).
 */
export async function connectDurableRedis(url: string, options: RedisOptions = { maxRetriesPerRequest: 3 }): Promise<Redis> {
  const redis = new Redis(url, { ...options, lazyConnect: true });
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
