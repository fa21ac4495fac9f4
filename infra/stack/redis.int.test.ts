import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { waitForExit } from './processes.js';
import { shutdownRedis } from './redis.js';
import { stackServers, stackUp } from './stack.js';
import { withStackLock } from './stack-lock.js';

const { redisUrl } = inject('stackEndpoints');
const redisIsLocal = loadStackConfig().REDIS_URL === undefined;
const clients: Redis[] = [];

function connect(): Redis {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.quit()));
});

describe('Redis in the stack', () => {
  it('reads back what it was given', async () => {
    const redis = connect();
    const key = `test:round-trip:${randomUUID()}`;
    await redis.set(key, 'hello', 'EX', 60);
    expect(await redis.get(key)).toBe('hello');
    await redis.del(key);
  });

  it.skipIf(!redisIsLocal)('keeps a write across a restart through the append-only file alone', async () => {
    const key = `test:aof:${randomUUID()}`;
    const before = connect();
    await before.set(key, 'survives');
    await before.quit();
    clients.splice(clients.indexOf(before), 1);

    const redis = stackServers(loadStackConfig()).find((server) => server.name === 'redis');
    if (redis?.location !== 'local') throw new Error('expected the local Redis');
    const pid = await redis.runningPid();
    if (pid === undefined) throw new Error('expected the local Redis to run');
    // NOSAVE skips the RDB snapshot, so only the AOF can bring the key back.
    await shutdownRedis(redisUrl, 'NOSAVE');
    expect(await waitForExit(pid, 15_000)).toBe(true);

    const [report] = await withStackLock(() => stackUp([redis]));
    expect(report?.state).toBe('started');
    expect(report?.pid).not.toBe(pid);
    const after = connect();
    expect(await after.get(key)).toBe('survives');
    await after.del(key);
  });
});
