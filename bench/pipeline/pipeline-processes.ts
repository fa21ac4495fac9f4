import { readFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { demoMunicipalities } from '../../runtime/endpoints/demo-edges.js';
import {
  pipelineEnvironment as pipelineEnvironmentAt, publishHotlist, spawnEdge, startWorker, waitForEdgeHotlist, type EdgeProcess,
} from '../../infra/services/pipeline-processes.js';
import { descendantPids, stopServices, type RunningService } from '../../infra/services/service-processes.js';
import { stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { freePorts } from '../../infra/stack/ports.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { demoRegistryFile, seedCameraRegistry } from '../../stores/camera-registry/camera-registry-import.js';

export type Municipality = (typeof demoMunicipalities)[number];
export const municipalities: readonly Municipality[] = demoMunicipalities;
const host = '127.0.0.1';

/** The Redis database the pipeline benchmarks use for every queue and key, so nothing mixes with the dev hub's (db 0). */
export const benchRedisDb = 9;

export function benchRedisUrl(): string {
  const url = new URL(stackEndpoints().redisUrl);
  url.pathname = `/${benchRedisDb}`;
  return url.toString();
}

/** Refuses to run over a bench database that holds someone else's keys; the benchmark flushes it when done. */
export async function claimBenchRedis(redis: Redis): Promise<void> {
  const size = await redis.dbsize();
  if (size > 0) throw new Error(`Redis db ${benchRedisDb} holds ${size} keys; the pipeline benchmarks need it empty (FLUSHDB it if it is a leftover of theirs)`);
}

/** The hub's environment (as infra/start.ts makes it), pointed at the bench Redis database. */
export function pipelineEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return pipelineEnvironmentAt({ ...stackEndpoints(), redisUrl: benchRedisUrl() }, extra);
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

/** Deletes the reads a benchmark run wrote to the edge stores (their ids start with `prefix`). */
export async function removeBenchReads(driver: Driver, prefix: string): Promise<void> {
  for (const municipality of municipalities) {
    const session = driver.session();
    try {
      await session.run(`MATCH (r:Edge_${municipality}) WHERE r.readId STARTS WITH $prefix CALL (r) { DETACH DELETE r } IN TRANSACTIONS OF 10000 ROWS`, { prefix });
    } finally {
      await session.close();
    }
  }
}

export async function countEdgeReads(driver: Driver, prefix: string): Promise<number> {
  let total = 0;
  for (const municipality of municipalities) {
    const { records } = await driver.executeQuery(`MATCH (r:Edge_${municipality}) WHERE r.readId STARTS WITH $prefix RETURN count(r) AS n`, { prefix }, { routing: 'READ' });
    total += Number(records[0]?.get('n') ?? 0);
  }
  return total;
}

export { Redis };
