import { edgeBrokerEnvironment, ensureEdgeBrokerAccounts } from '../../infra/services/edge-broker-accounts.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { compilePlatePattern, hasherFor } from '../../domain/plates/index.js';
import { expectedWantedHits, type WantedPasses } from '../../domain/simulation/index.js';
import { devHotlistKeyEnvironment } from '../../infra/services/dev-hotlist-keys.js';
import { devSecret } from '../../infra/services/dev-secrets.js';
import { spawnService, stopServices, waitForHealth, type RunningService } from '../../infra/services/service-processes.js';
import { hotlistKeyRingConfigSchema, hotlistKeyRingOf } from '../../runtime/hotlist/hotlist-key-ring-config.js';
import { encodeHotlistPublication } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import { hotlistRedisKeys } from '../../runtime/hotlist/hotlist-redis-keys.js';
import { regionHitsQueueName, type ForwardedHit, type HitBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import { freePorts } from '../../infra/stack/ports.js';
import { buildScenario } from '../build/build-scenario.js';
import { loadPasses, loadScenario, type LoadedScenario } from '../scenario.js';
import { ensureSumo, runSumoCommand } from '../sumo/sumo-installation.js';
import { issueScenarioCredentials, registerScenarioCameras, waitForEdgesToKnowCameras, type ScenarioCredentials } from './register-scenario-cameras.js';
import { replayScenario, type ReplayResult } from './replay-scenario.js';
import { anprCamerasByMunicipality } from '../scenario.js';

const { redisUrl, neo4j, mqttUrl } = inject('stackEndpoints');
/** The Redis database this test's edges queue in; flushed before and after, so nothing mixes with the dev hub (db 0) or the benchmarks (db 9). */
const testRedisDb = 12;
const municipalityIds = ['simreplaya', 'simreplayb', 'simreplayc'];
const host = '127.0.0.1';

function testRedisUrl(): string {
  const url = new URL(redisUrl);
  url.pathname = `/${testRedisDb}`;
  return url.toString();
}

/** Publishes the scenario's wanted vehicles as the police hotlist publisher would: keyed digests, partial patterns in clear. */
async function publishWantedHotlist(redis: Redis, scenario: LoadedScenario): Promise<number> {
  const ring = hotlistKeyRingOf(hotlistKeyRingConfigSchema.parse(devHotlistKeyEnvironment()));
  const full = scenario.wantedVehicles.flatMap((story) => (story.plate ? [{ ref: story.id, plate: story.plate }] : []));
  const partial = scenario.wantedVehicles.flatMap((story) => {
    const compiled = story.platePattern ? compilePlatePattern(story.platePattern) : undefined;
    return compiled?.ok ? [{ ref: story.id, pattern: compiled.pattern.pattern }] : [];
  });
  const snapshot = publishKeyedHotlist(full, hasherFor(ring), { maxSubstitutions: 1 });
  const keys = hotlistRedisKeys();
  const version = await redis.incr(keys.version);
  await redis.set(keys.snapshot(version), encodeHotlistPublication({
    header: { version, keyId: snapshot.keyId, createdAt: new Date().toISOString(), maxSubstitutions: 1, entryCount: full.length + partial.length },
    snapshot, partialPatterns: partial,
  }));
  await redis.set(keys.current, String(version));
  await redis.publish(keys.updated, String(version));
  return version;
}

async function forwardedHits(queue: Queue<HitBatchJob>): Promise<ForwardedHit[]> {
  const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed']);
  return jobs.flatMap((job) => job?.data.hits ?? []);
}

describe('sim replay into real edge nodes', () => {
  let dir: string;
  let scenario: LoadedScenario;
  let redis: Redis;
  let hitsQueue: Queue<HitBatchJob>;
  let result: ReplayResult;
  let wanted: WantedPasses[];
  let hits: ForwardedHit[];
  const running: RunningService[] = [];
  let credentials: ScenarioCredentials | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dongseon-sim-replay-'));
    const sumo = await ensureSumo();
    const net = join(dir, 'grid.net.xml');
    await runSumoCommand('netgenerate', sumo.netgenerate, ['--grid', '--grid.number', '6', '--grid.length', '150', '--default.lanenumber', '1', '--no-turnarounds', '--output-file', net]);
    await buildScenario({
      net, routes: [], additional: [], hours: 1, startHour: 8, peakVehiclesPerHour: 500, municipalities: 3, municipalityIds,
      cameraCoverage: 0.3, cctvCoverage: 0.05, cameraMissRate: [0.02, 0.1], wantedVehicles: 4, seed: 5, out: join(dir, 'scenario'), date: '2026-11-24',
    });
    scenario = await loadScenario(join(dir, 'scenario'));
    wanted = expectedWantedHits(scenario.wantedVehicles, await loadPasses(scenario.dir));

    redis = new Redis(testRedisUrl());
    await redis.flushdb();
    hitsQueue = new Queue<HitBatchJob>(regionHitsQueueName, { connection: { url: testRedisUrl() } });
    const version = await publishWantedHotlist(redis, scenario);
    await registerScenarioCameras(scenario.dir, neo4j);

    const ports = await freePorts(municipalityIds.length, host);
    const env = {
      ...process.env, DS_ENV: 'development', REDIS_URL: testRedisUrl(), MQTT_URL: mqttUrl,
      NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password,
      DS_EDGE_PSEUDONYM_SECRET: devSecret('edge-pseudonym-secret', 32), DS_EDGE_STATE_DIR: join(dir, 'edge-state'), ...devHotlistKeyEnvironment(),
    };
    const edges = new Map(municipalityIds.map((m, i) => [m, `http://${host}:${ports[i]}`]));
    await ensureEdgeBrokerAccounts(municipalityIds);
    for (const [i, municipality] of municipalityIds.entries()) {
      const edge = spawnService({
        name: `edge-${municipality}`, entry: 'edge/main.ts', healthUrl: `${edges.get(municipality)}/health`,
        env: {
          DS_EDGE_MUNICIPALITY: municipality, DS_EDGE_HOST: host, DS_EDGE_PORT: String(ports[i]), DS_EDGE_MQTT_CLIENT_ID: `dongseon-sim-test-${municipality}-${process.pid}`,
          ...edgeBrokerEnvironment(municipality),
        },
      }, env);
      running.push(edge);
    }
    for (const edge of running) await waitForHealth(edge, 120_000);
    for (const url of edges.values()) {
      for (;;) {
        const health = (await (await fetch(`${url}/health`)).json()) as { hotlist?: { version?: number } };
        if (health.hotlist?.version === version) break;
        await sleep(300);
      }
    }
    const cameras = anprCamerasByMunicipality(scenario);
    credentials = await issueScenarioCredentials([...cameras.values()].flat(), neo4j);
    await waitForEdgesToKnowCameras(edges, cameras, credentials.tokens);

    result = await replayScenario({
      dir: scenario.dir, speed: 200, edges, cameraTokens: credentials.tokens, mqttUrl, transport: 'mixed', runId: `t${process.pid}`,
    });
    // The matcher forwards a hit as it processes the read; wait until no more arrive.
    let previous = -1;
    for (let waited = 0; waited < 60_000; waited += 2_000) {
      hits = await forwardedHits(hitsQueue);
      if (hits.length === previous) break;
      previous = hits.length;
      await sleep(2_000);
    }
  }, 300_000);

  afterAll(async () => {
    await stopServices(running);
    await credentials?.revoke();
    await hitsQueue?.close();
    await redis?.flushdb();
    redis?.disconnect();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('streams every read in, over HTTP and MQTT, and the edges accept them all', () => {
    expect(result.sent).toBe(scenario.manifest.counts.reads);
    expect(result.rejected).toBe(0);
    expect(result.accepted).toBe(result.sent);
  });

  it('turns every wanted-vehicle pass that was read within one confusion into a hit at that camera and time', () => {
    let expected = 0;
    let found = 0;
    for (const { story, expectedHits } of wanted) {
      for (const pass of expectedHits) {
        expected++;
        const capturedAt = result.clock.capturedAtMs(pass.atSeconds);
        const hit = hits.find((h) => h.wantedVehicleId === story.id && h.cameraId === pass.cameraId && Math.abs(Date.parse(h.capturedAt) - capturedAt) < 4_000);
        expect(hit, `${story.id} ${story.kind} at ${pass.cameraId}, scenario second ${pass.atSeconds}`).toBeDefined();
        if (hit) found++;
      }
    }
    const passes = wanted.reduce((sum, w) => sum + w.passes.length, 0);
    console.log(`sim replay: ${result.sent} reads in ${result.elapsedSeconds.toFixed(1)} s; wanted passes ${passes}, read within one confusion ${expected}, hits ${found} (${((100 * found) / passes).toFixed(1)}% of passes)`);
    expect(expected).toBeGreaterThan(0);
    expect(found).toBe(expected);
  });

  it('raises no hit for a wanted vehicle where none of its passes was read', () => {
    for (const hit of hits) {
      const story = wanted.find((w) => w.story.id === hit.wantedVehicleId);
      expect(story, hit.wantedVehicleId).toBeDefined();
      if (story?.story.kind === 'partial-plate' || hit.matchKind === 'POSSIBLE') continue;
      const capturedAt = Date.parse(hit.capturedAt);
      expect(story?.passes.some((p) => p.cameraId === hit.cameraId && Math.abs(result.clock.capturedAtMs(p.atSeconds) - capturedAt) < 4_000)).toBe(true);
    }
  });

  it('sees the cloned plate at two places at once', () => {
    const clone = wanted.find((w) => w.story.kind === 'cloned-plate');
    const byVehicle = new Set(clone?.expectedHits.map((pass) => pass.vehicleId));
    if (clone && byVehicle.size === 2) expect(new Set(hits.filter((h) => h.wantedVehicleId === clone.story.id).map((h) => h.municipalityId)).size).toBeGreaterThan(1);
  });
});
