import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { compilePlatePattern, hasherFor } from '../../domain/plates/index.js';
import { edgeBrokerEnvironment, ensureEdgeBrokerAccounts } from '../../infra/services/edge-broker-accounts.js';
import { devHotlistKeyEnvironment } from '../../infra/services/dev-hotlist-keys.js';
import { devSecret } from '../../infra/services/dev-secrets.js';
import { spawnService, stopServices, waitForHealth, type RunningService } from '../../infra/services/service-processes.js';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { freePorts } from '../../infra/stack/ports.js';
import { resolvePlateFonts } from '../../recognition/synth/plate-fonts.js';
import { hotlistKeyRingConfigSchema, hotlistKeyRingOf } from '../../runtime/hotlist/hotlist-key-ring-config.js';
import { encodeHotlistPublication } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import { hotlistRedisKeys } from '../../runtime/hotlist/hotlist-redis-keys.js';
import { regionHitsQueueName, type ForwardedHit, type HitBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import { buildScenario } from '../build/build-scenario.js';
import { camerasByMunicipality, loadGroundTruthVehicles, loadScenario, type LoadedScenario } from '../scenario.js';
import { ensureSumo, runSumoCommand } from '../sumo/sumo-installation.js';
import { cctvPasses, framedPasses, type FramedPass } from './cctv-passes.js';
import { issueScenarioCredentials, registerScenarioCameras, waitForEdgesToKnowCameras, type ScenarioCredentials } from './register-scenario-cameras.js';
import { renderPassFrames } from './render-pass-frames.js';
import { replayScenario, type ReplayResult } from './replay-scenario.js';

/**
 * The digital twin's CCTV cameras (no ANPR) send rendered frames of the vehicles that pass them; the edge's own
 * models read them, and a wanted vehicle seen only by such a camera becomes a hit. Needs the committed plate models.
 */

const { redisUrl, neo4j, mqttUrl } = inject('stackEndpoints');
/** The same Redis database as the reads replay test (files run one at a time): flushed before and after. */
const testRedisDb = 12;
const municipalityIds = ['simframesa', 'simframesb', 'simframesc'];
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

type Transport = 'http' | 'mqtt';
const transports: readonly Transport[] = ['http', 'mqtt'];

/**
 * Two wanted-vehicle passes at different CCTV cameras of one municipality, far enough apart in time that their
 * replay windows do not overlap, a full plate's first: one is sent over HTTP, the other over MQTT.
 */
function twoWantedPasses(framed: readonly FramedPass[], fullPlate: ReadonlySet<string>): [FramedPass, FramedPass] | undefined {
  const wanted = [...framed].sort((a, b) => Number(fullPlate.has(b.wantedVehicleId ?? '')) - Number(fullPlate.has(a.wantedVehicleId ?? '')));
  for (const first of wanted) {
    const second = wanted.find((p) => p.municipalityId === first.municipalityId && p.cameraId !== first.cameraId && Math.abs(p.atSeconds - first.atSeconds) > 30);
    if (second) return [first, second];
  }
  return undefined;
}

describe('sim replay: CCTV cameras send frames, the edge reads them', () => {
  let dir: string;
  let scenario: LoadedScenario;
  let redis: Redis;
  let hitsQueue: Queue<HitBatchJob>;
  const results = new Map<Transport, ReplayResult>();
  /** The wanted vehicles' passes at CCTV cameras the replays send frames of, one per transport. */
  const wantedPasses = new Map<Transport, FramedPass>();
  let hits: ForwardedHit[] = [];
  const running: RunningService[] = [];
  let credentials: ScenarioCredentials | undefined;

  beforeAll(async () => {
    await ensurePlateFonts();
    dir = await mkdtemp(join(tmpdir(), 'dongseon-sim-frames-'));
    const sumo = await ensureSumo();
    const net = join(dir, 'grid.net.xml');
    await runSumoCommand('netgenerate', sumo.netgenerate, ['--grid', '--grid.number', '6', '--grid.length', '150', '--default.lanenumber', '1', '--no-turnarounds', '--output-file', net]);
    // Plain CCTV at every intersection without ANPR: wanted vehicles pass some of them (seed 5: five passes).
    await buildScenario({
      net, routes: [], additional: [], hours: 1, startHour: 8, peakVehiclesPerHour: 500, municipalities: 3, municipalityIds,
      cameraCoverage: 0.3, cctvCoverage: 1, cameraMissRate: [0.02, 0.1], wantedVehicles: 4, seed: 5, out: join(dir, 'scenario'), date: '2026-11-24',
    });
    scenario = await loadScenario(join(dir, 'scenario'));
    const seed = scenario.manifest.parameters.seed;
    const framed = framedPasses(cctvPasses(await loadGroundTruthVehicles(scenario.dir), scenario.cameras), scenario.wantedVehicles, seed, 0);
    const fullPlate = new Set(scenario.wantedVehicles.filter((story) => story.plate !== undefined).map((story) => story.id));
    const chosen = twoWantedPasses(framed, fullPlate);
    expect(chosen, 'wanted vehicles pass two CCTV cameras of one municipality in this scenario').toBeDefined();
    for (const [i, transport] of transports.entries()) wantedPasses.set(transport, (chosen as [FramedPass, FramedPass])[i] as FramedPass);
    const municipality = (chosen as [FramedPass, FramedPass])[0].municipalityId;

    redis = new Redis(testRedisUrl());
    await redis.flushdb();
    hitsQueue = new Queue<HitBatchJob>(regionHitsQueueName, { connection: { url: testRedisUrl() } });
    const version = await publishWantedHotlist(redis, scenario);
    await registerScenarioCameras(scenario.dir, neo4j);

    // One edge, the passes' municipality's: the others' reads in the windows go nowhere, which this test ignores.
    const [port] = await freePorts(1, host);
    const edgeUrl = `http://${host}:${port}`;
    await ensureEdgeBrokerAccounts([municipality]);
    const edge = spawnService({
      name: `edge-${municipality}`, entry: 'edge/main.ts', healthUrl: `${edgeUrl}/health`,
      env: {
        DS_EDGE_MUNICIPALITY: municipality, DS_EDGE_HOST: host, DS_EDGE_PORT: String(port), DS_EDGE_MQTT_CLIENT_ID: `dongseon-sim-frames-test-${municipality}-${process.pid}`,
        DS_EDGE_PASS_GAP_MS: '700', ...edgeBrokerEnvironment(municipality),
      },
    }, {
      ...process.env, DS_ENV: 'development', REDIS_URL: testRedisUrl(), MQTT_URL: mqttUrl,
      NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password,
      DS_EDGE_PSEUDONYM_SECRET: devSecret('edge-pseudonym-secret', 32), DS_EDGE_STATE_DIR: join(dir, 'edge-state'), ...devHotlistKeyEnvironment(),
    });
    running.push(edge);
    await waitForHealth(edge, 120_000);
    for (;;) {
      const health = (await (await fetch(`${edgeUrl}/health`)).json()) as { hotlist?: { version?: number } };
      if (health.hotlist?.version === version) break;
      await sleep(300);
    }
    const edges = new Map([[municipality, edgeUrl]]);
    const cctv = new Set([...wantedPasses.values()].map((pass) => pass.cameraId));
    const cameras = camerasByMunicipality(scenario, (camera) => camera.municipalityId === municipality && (camera.anpr || cctv.has(camera.id)));
    credentials = await issueScenarioCredentials([...cameras.values()].flat(), neo4j);
    await waitForEdgesToKnowCameras(edges, cameras, credentials.tokens);

    const fonts = resolvePlateFonts('training');
    // The seconds around each pass, its reads and its frames, once over each transport.
    for (const transport of transports) {
      const pass = wantedPasses.get(transport) as FramedPass;
      results.set(transport, await replayScenario({
        dir: scenario.dir, speed: 20, edges, cameraTokens: credentials.tokens, mqttUrl, transport, runId: `f${process.pid}${transport}`,
        fromSeconds: pass.atSeconds - 5, toSeconds: pass.atSeconds + 5,
        frames: { passes: [pass], render: (framedPass) => renderPassFrames(seed, framedPass, fonts), maxFramesPerSecond: 10 },
      }));
    }
    // The edge reads the frames, closes a pass when its camera falls quiet, matches the read and forwards the hit.
    const sentFrames = [...results.values()].every((result) => result.frames?.accepted === 5);
    const deadline = Date.now() + 90_000;
    while (sentFrames && Date.now() < deadline) {
      const jobs = await hitsQueue.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed']);
      hits = jobs.flatMap((job) => job?.data.hits ?? []).filter((hit) => hit.evidence.readId.startsWith('rec-'));
      if (transports.every((t) => hits.some((hit) => hit.cameraId === wantedPasses.get(t)?.cameraId))) break;
      await sleep(1_000);
    }
  }, 300_000);

  afterAll(async () => {
    await stopServices(running);
    await credentials?.revoke();
    await hitsQueue?.close();
    await redis?.flushdb();
    redis?.disconnect();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  describe.each(transports)('over %s', (transport) => {
    it('sends the 5 frames of the wanted vehicle\'s pass, and the edge takes them', () => {
      const result = results.get(transport);
      expect(result?.frames?.rejectedByCode).toEqual({});
      expect(result?.frames).toMatchObject({ passes: 1, passesSent: 1, sent: 5, accepted: 5, rejected: 0 });
    });

    it('finds the wanted vehicle by the camera without ANPR: a hit from a recognised read of its plate at that camera and time', () => {
      const pass = wantedPasses.get(transport) as FramedPass;
      const capturedAt = (results.get(transport) as ReplayResult).clock.capturedAtMs(pass.atSeconds);
      const hit = hits.find((h) => h.wantedVehicleId === pass.wantedVehicleId && h.cameraId === pass.cameraId);
      console.log(`sim frames over ${transport}: ${pass.plate} at ${pass.cameraId}; hits from frames ${JSON.stringify(hits.map((h) => ({ cameraId: h.cameraId, kind: h.kind, matchKind: h.matchKind, readId: h.evidence.readId, readText: h.evidence.readText })))}`);
      expect(hit, `${pass.wantedVehicleId} (${pass.plate}) at ${pass.cameraId}`).toBeDefined();
      expect(hit?.evidence.readId).toMatch(/^rec-/);
      expect(hit?.evidence.readText).toBe(pass.plate);
      expect(Math.abs(Date.parse(hit?.capturedAt as string) - capturedAt)).toBeLessThan(2_000);
    });
  });
});
