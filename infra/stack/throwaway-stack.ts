import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StackConfig } from '../../runtime/endpoints/stack-config.js';
import type { Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { localNeo4j, neo4jEndpointOf, type Neo4jInstance } from './neo4j.js';
import { freePorts } from './ports.js';
import { crash } from './processes.js';
import { localRedis, redisUrlOf, type RedisInstance } from './redis.js';
import type { LocalServer } from './server.js';
import { stackDown, stackUp } from './stack.js';

export interface ThrowawayServer {
  readonly server: LocalServer;
  /** Starts it, again from its own directory after a stop or a crash, and waits until it is healthy. */
  start(): Promise<void>;
  /** A clean stop. */
  stop(): Promise<void>;
  /** SIGKILL: the server keeps only what it had made durable. */
  crash(): Promise<void>;
}

export interface ThrowawayStack {
  readonly redis: ThrowawayServer;
  readonly neo4j: ThrowawayServer;
  readonly redisUrl: string;
  readonly neo4jEndpoint: Neo4jEndpoint;
  /** Stops both servers and deletes their directory. */
  dispose(): Promise<void>;
}

function throwaway(server: LocalServer): ThrowawayServer {
  return {
    server,
    start: async () => {
      await stackUp([server]);
    },
    stop: async () => {
      await stackDown([server]);
    },
    async crash() {
      const pid = await server.runningPid();
      if (pid !== undefined) await crash(pid);
    },
  };
}

/**
 * A Redis and a Neo4j of their own, under `dir` (deleted with them) and on free loopback ports, for tests that crash and restart servers
 * while the shared stack serves everyone else. Redis fsyncs its append-only file before it acknowledges a write,
 * so a SIGKILL loses nothing it acknowledged. Neo4j gets a smaller heap and page cache than the stack's.
 */
export async function startThrowawayStack(config: StackConfig, dir: string): Promise<ThrowawayStack> {
  const [redisPort, boltPort] = (await freePorts(2)) as [number, number];
  const redisInstance: RedisInstance = { dir: join(dir, 'redis'), port: redisPort, appendfsync: 'always' };
  const neo4jInstance: Neo4jInstance = {
    home: join(dir, 'neo4j'), boltPort, passwordFile: join(dir, 'neo4j-password'),
    memory: { heapInitial: '512m', heapMax: '1g', pageCache: '256m' },
  };
  const redis = throwaway(localRedis(redisInstance));
  const neo4j = throwaway(localNeo4j(config, neo4jInstance));
  const stopBoth = () => Promise.allSettled([redis.stop(), neo4j.stop()]);
  const started = await Promise.allSettled([redis.start(), neo4j.start()]);
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure !== undefined) {
    await stopBoth();
    await rm(dir, { recursive: true, force: true });
    throw failure.reason;
  }
  return {
    redis,
    neo4j,
    redisUrl: redisUrlOf(redisInstance),
    neo4jEndpoint: neo4jEndpointOf(neo4jInstance),
    async dispose() {
      await stopBoth();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
