import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { publishKeyedHotlist, type ClearHotlistEntry } from '../../domain/matching/index.js';
import { hasherFor } from '../../domain/plates/keyed-plate-hash.js';
import { hotlistKeyRingConfigSchema, hotlistKeyRingOf } from '../../runtime/hotlist/hotlist-key-ring-config.js';
import { hotlistRedisKeys } from '../../runtime/hotlist/hotlist-redis-keys.js';
import { encodeHotlistPublication, type HotlistSnapshotHeader } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import type { StackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { devHotlistKeyEnvironment } from './dev-hotlist-keys.js';
import { devSecret } from './dev-secrets.js';
import { edgeBrokerEnvironment } from './edge-broker-accounts.js';
import { spawnService, waitForHealth, type RunningService } from './service-processes.js';

/**
 * The pipeline's processes (edge nodes, region workers, the CAD receiver) as children of a benchmark or a test,
 * against servers of its choosing.
 */

const host = '127.0.0.1';

/** The hub's environment (the dev secrets and hotlist key ring of `npm start`), with its servers at `endpoints`. */
export function pipelineEnvironment(endpoints: StackEndpoints, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    APOLLO_TELEMETRY_DISABLED: '1',
    DS_ENV: 'development',
    DS_IDENTITY_HEADER_SECRET: devSecret('identity-header-secret'),
    DS_CAD_WEBHOOK_SECRET: devSecret('cad-webhook-secret'),
    DS_EDGE_PSEUDONYM_SECRET: devSecret('edge-pseudonym-secret', 32),
    ...devHotlistKeyEnvironment(),
    REDIS_URL: endpoints.redisUrl,
    NEO4J_URI: endpoints.neo4j.uri,
    NEO4J_USER: endpoints.neo4j.user,
    NEO4J_PASSWORD: endpoints.neo4j.password,
    MQTT_URL: endpoints.mqttUrl,
    ...extra,
  };
}

/** The dev key ring the edges are given. */
export function devKeyRing() {
  return hotlistKeyRingOf(hotlistKeyRingConfigSchema.parse(devHotlistKeyEnvironment()));
}

/** Publishes a keyed snapshot of `entries` to the hotlist keys, as the police hotlist publisher does; resolves to its header. */
export async function publishHotlist(redis: Redis, entries: readonly ClearHotlistEntry[]): Promise<{ header: HotlistSnapshotHeader; bytes: number }> {
  const keys = hotlistRedisKeys();
  const snapshot = publishKeyedHotlist(entries, hasherFor(devKeyRing()), { maxSubstitutions: 1 });
  const version = await redis.incr(keys.version);
  const header: HotlistSnapshotHeader = {
    version, keyId: snapshot.keyId, createdAt: new Date().toISOString(), maxSubstitutions: snapshot.maxSubstitutions, entryCount: entries.length,
  };
  const encoded = encodeHotlistPublication({ header, snapshot, partialPatterns: [] });
  await redis.set(keys.snapshot(version), encoded);
  await redis.set(keys.current, String(version));
  await redis.publish(keys.updated, String(version));
  return { header, bytes: encoded.length };
}

/** One edge node: spawning the same spec again restarts it on the same port and the same persistent MQTT session. */
export interface EdgeSpec {
  readonly municipality: string;
  readonly port: number;
  readonly mqttClientId: string;
}

export interface EdgeProcess extends EdgeSpec {
  readonly url: string;
  readonly running: RunningService;
}

/** Spawns an edge node with its broker password; its broker account must exist (`ensureEdgeBrokerAccounts`). */
export function spawnEdge(spec: EdgeSpec, env: NodeJS.ProcessEnv): EdgeProcess {
  const url = `http://${host}:${spec.port}`;
  const running = spawnService({
    name: `edge-${spec.municipality}`,
    entry: 'edge/main.ts',
    env: {
      DS_EDGE_MUNICIPALITY: spec.municipality, DS_EDGE_PORT: String(spec.port), DS_EDGE_HOST: host, DS_EDGE_MQTT_CLIENT_ID: spec.mqttClientId,
      ...edgeBrokerEnvironment(spec.municipality),
    },
    healthUrl: `${url}/health`,
  }, env);
  return { ...spec, url, running };
}

/** Resolves once the edge answers its health check with hotlist `version` loaded. */
export async function waitForEdgeHotlist(edge: EdgeProcess, version: number, deadlineMs = 300_000): Promise<void> {
  await waitForHealth(edge.running, deadlineMs);
  const since = Date.now();
  for (;;) {
    const health = await (await fetch(`${edge.url}/health`)).json() as { hotlist?: { version?: number } };
    if (health.hotlist?.version === version) return;
    if (Date.now() - since > deadlineMs) throw new Error(`edge ${edge.municipality} did not load hotlist version ${version}: ${JSON.stringify(health)}`);
    await sleep(300);
  }
}

/** Starts a region worker or the CAD receiver, adds it to `started`, and waits until it is up. */
export async function startWorker(name: string, entry: string, env: NodeJS.ProcessEnv, started: RunningService[], healthUrl?: string): Promise<RunningService> {
  const running = spawnService({ name, entry, env: {}, ...(healthUrl ? { healthUrl } : {}) }, env);
  started.push(running);
  await waitForHealth(running, 120_000);
  return running;
}
