import type { Redis } from 'ioredis';
import type { BucketRate, BucketVerdict, TokenBucket } from '../plugins/use-rate-limit.js';

/**
 * Refill and take in one atomic step on the Redis server, with the server's clock, so replicas with skewed clocks
 * share one bucket fairly. State: a hash {tokens, at}; it expires once the bucket would be full again anyway.
 * Returns {allowed, milliseconds until the next token}.
 */
const takeTokenScript = `
local burst = tonumber(ARGV[1])
local perSecond = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * perSecond / 1000)
local allowed = 0
local retryAfterMs = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retryAfterMs = math.ceil((1 - tokens) * 1000 / perSecond)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / perSecond) + 1000)
return { allowed, retryAfterMs }
`;

const commandName = 'dongseonTakeToken';

type RedisWithTakeToken = Redis & {
  [commandName](key: string, burst: number, perSecond: number): Promise<[number, number]>;
};

export const rateLimitKeyPrefix = 'ds:rate:';

/** Token buckets in Redis (`ds:rate:<key>`), one Lua script per take, loaded once and run by its SHA. */
export function createRedisTokenBucket(redis: Redis, options: { keyPrefix?: string } = {}): TokenBucket {
  if (!(commandName in redis)) redis.defineCommand(commandName, { numberOfKeys: 1, lua: takeTokenScript });
  const client = redis as RedisWithTakeToken;
  const prefix = options.keyPrefix ?? rateLimitKeyPrefix;
  return {
    async take(key: string, rate: BucketRate): Promise<BucketVerdict> {
      const [allowed, retryAfterMs] = await client[commandName](`${prefix}${key}`, rate.burst, rate.perSecond);
      return { allowed: allowed === 1, retryAfterMs };
    },
  };
}
