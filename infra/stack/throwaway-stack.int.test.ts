import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { stackServers } from './stack.js';
import { startThrowawayStack, type ThrowawayStack } from './throwaway-stack.js';

let stack: ThrowawayStack;
const sharedPids = async () => Promise.all(stackServers(loadStackConfig()).map((server) => (server.location === 'local' ? server.runningPid() : undefined)));
let sharedBefore: (number | undefined)[];

beforeAll(async () => {
  sharedBefore = await sharedPids();
  stack = await startThrowawayStack(loadStackConfig(), await mkdtemp(join(tmpdir(), 'dongseon-throwaway-test-')));
}, 180_000);

afterAll(async () => {
  await stack?.dispose();
}, 120_000);

describe('a throwaway stack', () => {
  it('brings back every write Redis acknowledged before a SIGKILL, from its append-only file alone', async () => {
    const redis = new Redis(stack.redisUrl, { retryStrategy: () => null });
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => redis.set(`acknowledged:${i}`, String(i))));
    redis.disconnect();
    await stack.redis.crash();
    expect(await stack.redis.server.runningPid()).toBeUndefined();
    await stack.redis.start();
    const back = new Redis(stack.redisUrl);
    expect(await back.dbsize()).toBe(1_000);
    expect(await back.get('acknowledged:999')).toBe('999');
    back.disconnect();
  });

  it('brings back what Neo4j committed before a SIGKILL', async () => {
    const { uri, user, password } = stack.neo4jEndpoint;
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
    await driver.executeQuery('CREATE (:Committed {id: 1})');
    await stack.neo4j.crash();
    await stack.neo4j.start();
    expect((await driver.executeQuery('MATCH (n:Committed) RETURN count(n) AS n')).records[0]?.get('n')).toBe(1);
    await driver.close();
  }, 120_000);

  it('leaves the shared stack\'s servers running as they were', async () => {
    expect(await sharedPids()).toEqual(sharedBefore);
  });
});
