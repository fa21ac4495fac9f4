import { Redis } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';
import { neo4jEndpointOf } from '../../stores/neo4j/neo4j-connection.js';
import { camerasByMunicipality, type LoadedScenario } from '../scenario.js';
import type { SimConfig } from '../sim-config.js';
import type { FramedPass } from './cctv-passes.js';
import { countPoliceHits } from './count-police-hits.js';
import { planFrames } from './frame-plan.js';
import { issueScenarioCredentials, registerScenarioCameras, waitForEdgesToKnowCameras } from './register-scenario-cameras.js';
import { defaultEdgeUrls, type ReplayArguments } from './replay-arguments.js';
import { replayProgressLine } from './replay-progress-line.js';
import { replayScenario, type ReplayOptions, type ReplayResult } from './replay-scenario.js';

/** The edge URL of each of the scenario's municipalities: given with --edge, else npm start's. */
export function edgeUrlsFor(scenario: LoadedScenario, overrides: ReadonlyMap<string, string>): Map<string, string> {
  const urls = new Map<string, string>();
  for (const { id } of scenario.manifest.municipalities) {
    const url = overrides.get(id) ?? defaultEdgeUrls.get(id);
    if (url === undefined) throw new DongseonError('DS_INVALID_INPUT', `no edge node for municipality ${id}: give --edge ${id}=http://host:port`);
    urls.set(id, url.replace(/\/$/, ''));
  }
  return urls;
}

/** A replay's result, with the CCTV passes it planned to send frames of. */
export interface ReplayRun extends ReplayResult {
  readonly framedPasses: readonly FramedPass[];
}

/**
 * `sim replay`: registers the cameras, waits for the edges to know them, streams the reads (and the CCTV cameras'
 * frames) with a progress line.
 */
export async function runReplay(scenario: LoadedScenario, args: ReplayArguments, config: SimConfig, log: (line: string) => void): Promise<ReplayRun> {
  const edges = edgeUrlsFor(scenario, args.edgeOverrides);
  if (args.register) log(`camera registry: ${(await registerScenarioCameras(scenario.dir, neo4jEndpointOf(config))).replace('\n', '; ')}`);
  const frames = await planFrames(scenario, args.frames, log);
  const framing = new Set(frames?.passes.map((pass) => pass.cameraId));
  // The ANPR cameras send reads; the CCTV cameras with a pass to send frames of, frames.
  const cameras = camerasByMunicipality(scenario, (camera) => camera.anpr || framing.has(camera.id));
  const credentials = await issueScenarioCredentials([...cameras.values()].flat(), neo4jEndpointOf(config));
  try {
    await waitForEdgesToKnowCameras(edges, cameras, credentials.tokens, 120_000, log);
    return { ...await replayWith(scenario, args, config, edges, credentials.tokens, frames, log), framedPasses: frames?.passes ?? [] };
  } finally {
    await credentials.revoke();
  }
}

async function replayWith(
  scenario: LoadedScenario, args: ReplayArguments, config: SimConfig, edges: ReadonlyMap<string, string>, cameraTokens: ReadonlyMap<string, string>,
  frames: ReplayOptions['frames'], log: (line: string) => void,
): Promise<ReplayResult> {
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: true });
  redis.on('error', () => undefined);
  const span = scenario.manifest.clock.lastReadSeconds - scenario.manifest.clock.firstReadSeconds;
  const interactive = process.stdout.isTTY === true;
  let lastLogged = 0;
  try {
    log(`replaying ${scenario.manifest.counts.reads} reads of ${scenario.dir} at ${args.speed}× over ${args.transport === 'mixed' ? 'HTTP and MQTT' : args.transport.toUpperCase()} (run ${args.runId})`);
    const result = await replayScenario({
      dir: scenario.dir, speed: args.speed, edges, cameraTokens, mqttUrl: config.MQTT_URL, transport: args.transport, runId: args.runId,
      ...(args.fromSeconds === undefined ? {} : { fromSeconds: args.fromSeconds }),
      ...(args.toSeconds === undefined ? {} : { toSeconds: args.toSeconds }),
      ...(frames === undefined ? {} : { frames }),
      countHits: (clock) => countPoliceHits(redis, clock, span),
      onProgress: (progress) => {
        const line = replayProgressLine(progress, scenario.manifest.clock.startHour);
        if (interactive && !progress.done) process.stdout.write(`\r${line}`);
        else if (progress.done || Date.now() - lastLogged >= 10_000) {
          lastLogged = Date.now();
          log(`${interactive ? '\r' : ''}${line}`);
        }
      },
    });
    const codes = Object.entries(result.rejectedByCode).map(([code, n]) => `${code} ${n}`).join(', ');
    log(`replay done: ${result.sent} reads in ${result.elapsedSeconds.toFixed(1)} s (${Math.round(result.readsPerSecond)} reads/s), ${result.accepted} accepted, ${result.rejected} rejected${codes ? ` (${codes})` : ''}, ${result.hits ?? 0} hits`);
    if (result.frames) {
      const f = result.frames;
      const frameCodes = Object.entries(f.rejectedByCode).map(([code, n]) => `${code} ${n}`).join(', ');
      const skipped = Object.entries(f.passesSkipped).map(([why, n]) => `${n} ${why}`).join(', ');
      log(`frames: ${f.sent} frames of ${f.passesSent} CCTV passes, ${f.accepted} accepted, ${f.rejected} rejected${frameCodes ? ` (${frameCodes})` : ''}${skipped ? `; passes skipped: ${skipped}` : ''}`);
    }
    return result;
  } finally {
    redis.disconnect();
  }
}
