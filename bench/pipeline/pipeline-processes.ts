import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import neo4j, { type Driver } from 'neo4j-driver';
import { demoMunicipalities } from '../../runtime/endpoints/demo-edges.js';
import {
  pipelineEnvironment as pipelineEnvironmentAt, publishHotlist, spawnEdge, startWorker, waitForEdgeHotlist, type EdgeProcess,
} from '../../infra/services/pipeline-processes.js';
import { descendantPids, stopServices, type RunningService } from '../../infra/services/service-processes.js';
import { brokerAdminEndpoint, stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { freePorts } from '../../infra/stack/ports.js';
import { edgeReadStoreFile, openEdgeReadStore } from '../../edge/store/edge-read-store.js';
import { isBenchRunner } from '../bench-runs.js';
import type { Cleanup } from '../cleanup.js';
import { createCameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import { brokerAccountsAt } from '../../stores/broker-accounts/broker-accounts.js';
import { ensureEdgeBrokerAccounts } from '../../infra/services/edge-broker-accounts.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { demoRegistryFile, seedCameraRegistry } from '../../stores/camera-registry/camera-registry-import.js';

export type Municipality = (typeof demoMunicipalities)[number];
export const municipalities: readonly Municipality[] = demoMunicipalities;
const host = '127.0.0.1';

/**
 * The Redis databases the pipeline benchmarks use for every queue and key, one per run at a time, so nothing mixes
 * with the dev hub's (db 0), the tests' (db 12), another run's, or db 9, which benchmarks of older checkouts (a
 * baseline being measured beside this one) use without a claim.
 */
export const benchRedisDbs: readonly number[] = [10, 11, 13];
/** Names the benchmark process a database belongs to and the prefix of the ids its run writes. */
const benchRedisOwnerKey = 'ds:bench:owner';

interface BenchRedisOwner {
  readonly pid: number;
  readonly dataPrefix: string;
  /** The run's edge state folder (their read stores), removed when a later run finds the run dead. */
  readonly stateDir?: string;
}

/** Only a folder a pipeline benchmark made (`openPipelineBench`) is ever removed on a dead run's word. */
const isBenchStateDir = (dir: string): boolean => dirname(dir) === tmpdir() && basename(dir).startsWith('dongseon-bench-');

function parseOwner(value: string | null): BenchRedisOwner | undefined {
  try {
    const owner = JSON.parse(value ?? '') as Partial<BenchRedisOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.dataPrefix !== 'string') return undefined;
    return { pid: owner.pid, dataPrefix: owner.dataPrefix, ...(typeof owner.stateDir === 'string' ? { stateDir: owner.stateDir } : {}) };
  } catch {
    return undefined;
  }
}

export function benchRedisUrl(db: number): string {
  const url = new URL(stackEndpoints().redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

export interface BenchRedis {
  readonly db: number;
  readonly url: string;
  /** A client of that database, for the benchmark's own commands; the caller closes it. */
  readonly redis: Redis;
}

/**
 * Claims a bench database for a run whose ids start with `dataPrefix`: an empty one, or one claimed by a run that
 * died; what that run left there (queues, a hotlist, its claim) is flushed first, its data removed from Neo4j and its
 * state folder deleted.
 * A database that holds keys but no claim is someone else's and left alone. The run FLUSHDBs the database when
 * done, which also gives the claim up.
 */
export async function claimBenchRedis(dataPrefix: string, driver: Driver, stateDir?: string): Promise<BenchRedis> {
  for (const db of benchRedisDbs) {
    const url = benchRedisUrl(db);
    const redis = new Redis(url);
    try {
      await redis.watch(benchRedisOwnerKey);
      const owner = parseOwner(await redis.get(benchRedisOwnerKey));
      const keys = await redis.dbsize();
      if ((owner === undefined && keys > 0) || (owner !== undefined && await isBenchRunner(owner.pid))) {
        await redis.unwatch();
      } else {
        const claim: BenchRedisOwner = { pid: process.pid, dataPrefix, ...(stateDir === undefined ? {} : { stateDir }) };
        // WATCH makes this fail if another run claims the database between the look and the claim.
        if ((await redis.multi().flushdb().set(benchRedisOwnerKey, JSON.stringify(claim)).exec()) !== null) {
          if (owner !== undefined) {
            console.log(`Redis db ${db}: flushed ${keys} keys a run that did not finish left behind`);
            await removeBenchRunData(driver, owner.dataPrefix);
            if (owner.stateDir !== undefined && isBenchStateDir(owner.stateDir)) await rm(owner.stateDir, { recursive: true, force: true });
          }
          return { db, url, redis };
        }
      }
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    redis.disconnect();
  }
  throw new Error(`every bench Redis database (${benchRedisDbs.join(', ')}) is held by a running benchmark or holds keys of no benchmark run`);
}

/** The hub's environment (as infra/start.ts makes it), pointed at the run's bench Redis database. */
export function pipelineEnvironment(redisUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return pipelineEnvironmentAt({ ...stackEndpoints(), redisUrl }, extra);
}

/**
 * A credential of the run's own for every demo camera (the oldest is revoked first where a camera holds two), and
 * how to revoke them: camera id → `<keyId>.<secret>`.
 */
export async function issueBenchCredentials(driver: Driver, cameras: Record<Municipality, string[]>): Promise<{ tokens: Map<string, string>; revoke(): Promise<void> }> {
  // Each credential is also the camera's broker account: issued and revoked on the broker with the registry.
  const broker = brokerAccountsAt(brokerAdminEndpoint());
  const store = createCameraCredentialStore(driver, broker);
  try {
    const issued = await store.issueForTool(Object.values(cameras).flat());
    return {
      tokens: new Map([...issued].map(([cameraId, { token }]) => [cameraId, token])),
      revoke: () => store.revokeAll([...issued.values()].map(({ keyId }) => keyId)).finally(() => broker.close()),
    };
  } catch (error) {
    await broker.close();
    throw error;
  }
}

/** Seeds the demo camera registry (as the cctv subgraph does on an empty registry); the cameras of each municipality. */
export async function demoCameras(driver: Driver): Promise<Record<Municipality, string[]>> {
  const registry = createCameraRegistryStore(driver);
  await registry.ensureConstraints();
  await seedCameraRegistry(registry, demoRegistryFile);
  const file = JSON.parse(await readFile(demoRegistryFile, 'utf8')) as { cameras: { id: string; municipalityId: string; status?: string }[] };
  const cameras = Object.fromEntries(municipalities.map((m) => [m, file.cameras.filter((c) => c.municipalityId === m).map((c) => c.id)])) as Record<Municipality, string[]>;
  for (const m of municipalities) if (cameras[m].length === 0) throw new Error(`no demo cameras for ${m}`);
  return cameras;
}

export const publishBenchHotlist = publishHotlist;

/** Starts one edge process per demo municipality on free ports; resolves once each has loaded hotlist `version`. */
export async function startEdges(env: NodeJS.ProcessEnv, version: number, started: RunningService[], deadlineMs = 300_000): Promise<(EdgeProcess & { municipality: Municipality })[]> {
  const ports = await freePorts(municipalities.length, host);
  await ensureEdgeBrokerAccounts(municipalities);
  const edges = municipalities.map((municipality, i) => {
    const edge = spawnEdge({ municipality, port: ports[i] as number, mqttClientId: `dongseon-bench-edge-${municipality}-${process.pid}` }, env);
    started.push(edge.running);
    return { ...edge, municipality };
  });
  for (const edge of edges) await waitForEdgeHotlist(edge, version, deadlineMs);
  return edges;
}

export { startWorker, stopServices };

async function vmRssKb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** VmRSS of the node processes under a service (tsx's launcher runs the entry in a child node); MB. */
export async function serviceRssMb(running: RunningService): Promise<number> {
  const root = running.child.pid;
  if (root === undefined) return 0;
  const descendants = await descendantPids(root);
  const pids = descendants.length > 0 ? descendants : [root];
  const kb = (await Promise.all(pids.map(vmRssKb))).reduce((sum, value) => sum + value, 0);
  return kb / 1024;
}

/**
 * Deletes what a benchmark run wrote to Neo4j, all named from its `prefix`: for the run's wanted vehicles, the
 * vehicles and sightings the graph writer recorded. (The edges' reads live in the run's state folder, removed with it.)
 */
export async function removeBenchRunData(driver: Driver, prefix: string): Promise<void> {
  await driver.executeQuery('MATCH (v:Vehicle) WHERE v.id STARTS WITH $prefix OPTIONAL MATCH (v)-[:SIGHTED]->(s:Sighting) DETACH DELETE v, s', { prefix });
}

/** Reads stored by the run's edges, counted in each edge's own store under the run's state folder (`stateDir`). */
export async function countEdgeReads(stateDir: string): Promise<number> {
  let total = 0;
  for (const municipality of municipalities) {
    const file = edgeReadStoreFile(stateDir, municipality);
    if (!existsSync(file)) continue;
    const store = openEdgeReadStore({ file, municipalityId: municipality, existing: true });
    try {
      total += await store.countReads();
    } finally {
      store.close();
    }
  }
  return total;
}

export { Redis };

export interface PipelineBench {
  /** The edges' state folder, removed at cleanup. */
  readonly stateDir: string;
  readonly driver: Driver;
  readonly redisUrl: string;
  readonly redis: Redis;
  /** Where the benchmark records the processes it starts; they stop at cleanup, before the run's data goes. */
  readonly started: RunningService[];
  readonly cameras: Record<Municipality, string[]>;
  /** Each demo camera's credential for this run, revoked at cleanup. */
  readonly credentials: Map<string, string>;
}

/**
 * What every pipeline benchmark sets up first: a state folder, a Neo4j driver, a claimed bench Redis database and
 * the demo cameras with credentials of the run's own; each step registers its undoing with `cleanup`, so processes
 * stop, then the run's data goes, then the clients close.
 */
export async function openPipelineBench(name: string, prefix: string, cleanup: Cleanup): Promise<PipelineBench> {
  const endpoints = stackEndpoints();
  const stateDir = await mkdtemp(join(tmpdir(), `dongseon-bench-${name}-`));
  cleanup.defer('removing the state folder', () => rm(stateDir, { recursive: true, force: true }));
  const driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password));
  cleanup.defer('closing the Neo4j driver', () => driver.close());
  const { url: redisUrl, redis } = await claimBenchRedis(prefix, driver, stateDir);
  cleanup.defer('closing the bench Redis client', () => redis.quit());
  cleanup.defer('flushing the bench Redis database', () => redis.flushdb());
  cleanup.defer('removing the run\'s reads and sightings', () => removeBenchRunData(driver, prefix));
  const started: RunningService[] = [];
  cleanup.defer('stopping the benchmark\'s processes', () => stopServices(started));
  const cameras = await demoCameras(driver);
  const credentials = await issueBenchCredentials(driver, cameras);
  cleanup.defer('revoking the run\'s camera credentials', () => credentials.revoke());
  return { stateDir, driver, redisUrl, redis, started, cameras, credentials: credentials.tokens };
}
