import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';
import { ensureDebianPackage } from './apt.js';
import { displayUrl, localPorts, loopback } from '../../runtime/endpoints/stack-endpoints.js';
import { lastLines, runCommand } from '../../runtime/processes/executables.js';
import { serverDir } from '../../runtime/endpoints/stack-paths.js';
import { ownedPid, removeStalePidFile, tailOfFile, terminate, waitForExit } from './processes.js';
import type { ExternalServer, LocalServer } from './server.js';
import { withTimeout } from './timeout.js';

/** How often Redis fsyncs its append-only file: `always` before every acknowledgement, `everysec` once a second. */
export type AppendFsync = 'always' | 'everysec';

export interface RedisConfInput {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pidFile: string;
  readonly logFile: string;
  readonly appendfsync?: AppendFsync;
}

const quoted = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

export function renderRedisConf(input: RedisConfInput): string {
  return [
    `bind ${input.host}`,
    `port ${input.port}`,
    'protected-mode yes',
    'daemonize yes',
    `pidfile ${quoted(input.pidFile)}`,
    `logfile ${quoted(input.logFile)}`,
    `dir ${quoted(input.dataDir)}`,
    'appendonly yes',
    `appendfsync ${input.appendfsync ?? 'everysec'}`,
    '',
  ].join('\n');
}

function redisClient(url: string): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Failures surface through the awaited commands; without a listener ioredis would also log them.
  client.on('error', () => undefined);
  return client;
}

/** PING, then a SET/GET round trip on a throwaway key. */
export async function checkRedisHealth(url: string): Promise<void> {
  const client = redisClient(url);
  try {
    await withTimeout(redisRoundTrip(client), 5_000, `Redis health check at ${displayUrl(url)}`);
  } finally {
    client.disconnect();
  }
}

async function redisRoundTrip(client: Redis): Promise<void> {
  await client.connect();
  const pong = await client.ping();
  if (pong !== 'PONG') throw new Error(`PING answered ${pong}`);
  const key = `dongseon:stack-health:${randomUUID()}`;
  const written = randomUUID();
  await client.set(key, written, 'PX', 10_000);
  const read = await client.get(key);
  await client.del(key);
  if (read !== written) throw new Error(`SET/GET round trip read back ${String(read)}`);
}

/** SHUTDOWN SAVE writes a snapshot; NOSAVE leaves only the append-only file to bring the data back. */
export async function shutdownRedis(url: string, mode: 'SAVE' | 'NOSAVE'): Promise<void> {
  const client = redisClient(url);
  try {
    await client.connect();
    await client.call('SHUTDOWN', mode);
  } catch {
    // A successful SHUTDOWN drops the connection before any reply; the caller waits for the process to exit.
  } finally {
    client.disconnect();
  }
}

export function externalRedis(url: string): ExternalServer {
  return { name: 'redis', location: 'external', endpoint: displayUrl(url), checkHealth: () => checkRedisHealth(url) };
}

/** Where a Redis of our own keeps its files and listens, and how it syncs its append-only file. */
export interface RedisInstance {
  readonly dir: string;
  readonly port: number;
  readonly appendfsync: AppendFsync;
}

/** The stack's own Redis. */
export const stackRedisInstance: RedisInstance = { dir: serverDir('redis'), port: localPorts.redis, appendfsync: 'everysec' };

export const redisUrlOf = (instance: RedisInstance): string => `redis://${loopback}:${instance.port}`;

export function localRedis(instance: RedisInstance = stackRedisInstance): LocalServer {
  const { dir, port, appendfsync } = instance;
  const url = redisUrlOf(instance);
  const confFile = join(dir, 'redis.conf');
  const pidFile = join(dir, 'redis.pid');
  const logFile = join(dir, 'redis.log');
  // Redis rewrites its process title to "redis-server host:port".
  const markers = ['redis-server', `:${port}`];
  const runningPid = () => ownedPid(pidFile, markers);

  return {
    name: 'redis',
    location: 'local',
    endpoint: url,
    host: loopback,
    port,
    startDeadlineMs: 30_000,
    checkHealth: () => checkRedisHealth(url),
    runningPid,
    logTail: () => tailOfFile(logFile),

    async start() {
      const redisServer = await ensureDebianPackage('redis-server', 'redis-server');
      await mkdir(dir, { recursive: true });
      await writeFile(confFile, renderRedisConf({ host: loopback, port, dataDir: dir, pidFile, logFile, appendfsync }));
      const result = await runCommand(redisServer, [confFile]);
      if (result.exitCode !== 0) {
        throw new DongseonError(
          'DS_STACK_START_FAILED',
          `redis-server exited with ${result.exitCode}:\n${lastLines(result.output)}\n${await tailOfFile(logFile)}`,
          { server: 'redis' },
        );
      }
    },

    async stop() {
      const pid = await runningPid();
      if (pid !== undefined) {
        await shutdownRedis(url, 'SAVE');
        if (!(await waitForExit(pid, 15_000))) await terminate(pid, 15_000);
      }
      await removeStalePidFile(pidFile, markers);
    },
  };
}
