import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../runtime/endpoints/stack-paths.js';
import { benchProcessVariable, isBenchRunner, processGroupMembers, removeBenchRunRecord, stopLeftoverBenchRuns, stopProcessGroup, writeBenchRunRecord } from './bench-runs.js';
import { benchRedisDbs, benchRedisUrl, claimBenchRedis } from './pipeline/pipeline-processes.js';

/** What a killed benchmark run leaves behind, and the next run starting cleanly from it. */

const idle = 'setInterval(() => {}, 1000)';

/** A process group like a benchmark's: a launcher with a child (as tsx runs an entry), both with the benchmark marker. */
function spawnGroup(marker: string): ChildProcess {
  const launcher = `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(idle)}, ${JSON.stringify(marker)}], { stdio: 'ignore' }); ${idle}`;
  return spawn(process.execPath, ['-e', launcher, marker], { detached: true, stdio: 'ignore', env: { ...process.env, [benchProcessVariable]: '1' } });
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid as number;
}

async function membersOnceStarted(group: number): Promise<number[]> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const members = await processGroupMembers(group);
    if (members.length === 2) return members;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return processGroupMembers(group);
}

describe('a benchmark run after one that was killed', () => {
  const groups: number[] = [];
  afterAll(async () => {
    for (const group of groups) await stopProcessGroup(group, 1_000);
  });

  it('stops the processes a killed run left running (a CAD receiver of a failed alert run), and no live run\'s', async () => {
    const leftover = spawnGroup(join(repoRoot, 'infra/cad-receiver/main.ts'));
    const live = spawnGroup(join(repoRoot, 'bench/run.ts'));
    groups.push(leftover.pid as number, live.pid as number);
    expect(await membersOnceStarted(leftover.pid as number)).toHaveLength(2);
    expect(await isBenchRunner(live.pid as number)).toBe(true);
    const killedRunner = await deadPid();
    await writeBenchRunRecord({ bench: 'alert', runnerPid: killedRunner, processGroup: leftover.pid as number, startedAt: new Date().toISOString() });
    await writeBenchRunRecord({ bench: 'ingest', runnerPid: live.pid as number, processGroup: live.pid as number, startedAt: new Date().toISOString() });
    try {
      const stopped = await stopLeftoverBenchRuns();
      expect(stopped).toContainEqual(expect.stringContaining("2 processes of the 'alert' run"));
      expect(await processGroupMembers(leftover.pid as number)).toEqual([]);
      expect(await processGroupMembers(live.pid as number)).toHaveLength(2);
      expect(await stopLeftoverBenchRuns()).not.toContainEqual(expect.stringContaining("'alert'"));
    } finally {
      await removeBenchRunRecord(live.pid as number);
    }
  });

  it('takes over the Redis database a killed run claimed, flushing its keys, removing its sightings and its edges\' state folder', async () => {
    const endpoints = inject('stackEndpoints');
    const driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password));
    const killedPrefix = `bench-alert-${randomUUID().slice(0, 8)}-`;
    let leftoverDb: number | undefined;
    const leftoverStateDir = await mkdtemp(join(tmpdir(), 'dongseon-bench-alert-'));
    await writeFile(join(leftoverStateDir, 'reads.sqlite'), 'left behind');
    try {
      for (const db of benchRedisDbs) {
        const redis = new Redis(benchRedisUrl(db));
        const owner = JSON.parse((await redis.get('ds:bench:owner')) ?? '{}') as { pid?: number };
        const free = owner.pid === undefined ? (await redis.dbsize()) === 0 : !(await isBenchRunner(owner.pid));
        if (leftoverDb === undefined && free) {
          leftoverDb = db;
          await redis.set('ds:bench:owner', JSON.stringify({ pid: await deadPid(), dataPrefix: killedPrefix, stateDir: leftoverStateDir }));
          await redis.set('bull:ds-region-hits:left-behind', '1');
        }
        await redis.quit();
      }
      await driver.executeQuery('CREATE (:Vehicle {id: $id})-[:SIGHTED]->(:Sighting {id: $sighting})', { id: `${killedPrefix}wv-0`, sighting: `${killedPrefix}s-0` });

      const claimed = await claimBenchRedis(`bench-alert-${randomUUID().slice(0, 8)}-`, driver);
      try {
        expect(claimed.db).toBe(leftoverDb);
        expect(await claimed.redis.keys('*')).toEqual(['ds:bench:owner']);
        const { records } = await driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n', { prefix: killedPrefix });
        expect(Number(records[0]?.get('n'))).toBe(0);
        expect(existsSync(leftoverStateDir)).toBe(false);
      } finally {
        await claimed.redis.flushdb();
        await claimed.redis.quit();
      }
    } finally {
      await driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: killedPrefix });
      await driver.close();
      await rm(leftoverStateDir, { recursive: true, force: true });
    }
  });

  it('leaves alone a database that holds keys but no claim (a baseline checkout\'s run uses one so)', async ({ skip }) => {
    const endpoints = inject('stackEndpoints');
    const driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password));
    const first = new Redis(benchRedisUrl(benchRedisDbs[0] as number));
    const claimedFirst = (await first.get('ds:bench:owner')) !== null || (await first.dbsize()) > 0;
    try {
      // Only meaningful while the first database is free: then the foreign key must push the claim past it.
      if (claimedFirst) skip('the first bench database is in use');
      await first.set('bull:ds-region-hits:foreign', '1');
      const claimed = await claimBenchRedis(`bench-alert-${randomUUID().slice(0, 8)}-`, driver);
      try {
        expect(claimed.db).not.toBe(benchRedisDbs[0]);
        expect(await first.get('bull:ds-region-hits:foreign')).toBe('1');
      } finally {
        await claimed.redis.flushdb();
        await claimed.redis.quit();
      }
    } finally {
      if (!claimedFirst) await first.del('bull:ds-region-hits:foreign');
      await first.quit();
      await driver.close();
    }
  });
});
