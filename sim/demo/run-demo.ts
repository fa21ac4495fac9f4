import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { expectedWantedHits } from '../../domain/simulation/index.js';
import { stackDir } from '../../runtime/endpoints/stack-paths.js';
import { hitsPerWantedVehicle, hitsPerWantedVehicleAt } from '../replay/count-police-hits.js';
import type { ReplayArguments } from '../replay/replay-arguments.js';
import { runReplay } from '../replay/run-replay.js';
import { readJsonFile, scenarioFiles } from '../scenario-files.js';
import { loadGroundTruthVehicles, loadPasses, type LoadedScenario } from '../scenario.js';
import type { SimConfig } from '../sim-config.js';
import { drivePatrolCars, signInAsPatrolCar, type PatrolDrive } from './drive-patrol-cars.js';
import { choosePatrolCars, type PatrolRoadGraph } from './patrol-cars.js';
import {
  registerWantedVehicles, rememberDemoEntries, revokeEarlierDemoEntries, signInAsInvestigator, type PoliceDesk, type RegisteredWanted,
} from './register-wanted-vehicles.js';

/** The police ids the last demo run registered, revoked when the next one starts. */
const demoEntriesFile = join(stackDir, 'sim', 'demo-wanted-vehicles.json');

const storyLine: Record<string, string> = {
  crossing: 'stolen; its route crosses every municipality',
  'partial-plate': 'hit-and-run; a witness saw only part of the plate',
  'cloned-plate': 'cloned plate; two cars carry it, seen in two places at once',
  stolen: 'stolen',
};

/** How often each patrol car of the twin reports its position (wall clock). */
const patrolReportEveryMs = 3_000;

/** One patrol car per municipality, driving a SUMO vehicle's route of the twin on the replay's clock. */
async function startPatrolCars(scenario: LoadedScenario, args: ReplayArguments, desk: PoliceDesk, log: (line: string) => void): Promise<PatrolDrive> {
  const roads = await readJsonFile<PatrolRoadGraph>(scenario.dir, scenarioFiles.roadGraph);
  const cars = choosePatrolCars(await loadGroundTruthVehicles(scenario.dir), roads, scenario.manifest.municipalities.map(({ id }) => id));
  const simStart = args.fromSeconds ?? scenario.manifest.clock.firstReadSeconds;
  const wallStart = Date.now();
  const drive = await drivePatrolCars(cars, {
    graphqlUrl: `${desk.gatewayUrl}/graphql`, registrarToken: desk.token, reporterToken: await signInAsPatrolCar(desk.gatewayUrl),
    reportEveryMs: patrolReportEveryMs, log,
    simSeconds: () => simStart + ((Date.now() - wallStart) / 1000) * args.speed,
  });
  log(`112 patrol: ${cars.map((car) => `${car.callSign} (${car.unitId})`).join(', ')} drive the twin's streets and report every ${patrolReportEveryMs / 1000} s`);
  return drive;
}

/**
 * `sim demo`: a day in the operations centre. The 112 investigator registers the scenario's wanted vehicles through
 * the gateway, the city is replayed into the edges, and the hits each wanted vehicle got are set against the
 * passes the error model let through.
 */
export async function runDemo(
  scenario: LoadedScenario, args: ReplayArguments, config: SimConfig, log: (line: string) => void,
  options: { readonly patrolUntil?: () => Promise<unknown> } = {},
): Promise<void> {
  const desk = await signInAsInvestigator(config.DS_SIM_GATEWAY_URL);
  const revoked = await revokeEarlierDemoEntries(desk, demoEntriesFile);
  if (revoked > 0) log(`112: revoked ${revoked} wanted vehicles of the previous demo run`);
  // Wanted since before the replayed hours: every replayed capture falls inside the entries' validity.
  const validFrom = new Date(Date.now() - 26 * 3600 * 1000).toISOString();
  const registered = await registerWantedVehicles(desk, scenario.wantedVehicles, args.runId, validFrom);
  await rememberDemoEntries(demoEntriesFile, registered);
  for (const { story, policeId, caseNumber } of registered) {
    log(`112 registers ${policeId}: ${story.plate ?? story.platePattern} (${storyLine[story.kind]}; case ${caseNumber}; seen by cameras in ${story.municipalities.join(', ')})`);
  }

  const patrol = await startPatrolCars(scenario, args, desk, log);
  try {
    await replayAndReport(scenario, args, config, registered, log);
    if (options.patrolUntil) {
      log('112 patrol: the cars keep driving and reporting until the demo is stopped');
      await options.patrolUntil();
    }
  } finally {
    await patrol.stop();
    const { reported, refused } = patrol.counts();
    log(`112 patrol: ${reported} position reports accepted, ${refused} refused`);
  }
}

async function replayAndReport(
  scenario: LoadedScenario, args: ReplayArguments, config: SimConfig, registered: readonly RegisteredWanted[], log: (line: string) => void,
): Promise<void> {
  const result = await runReplay(scenario, args, config, log);

  const expected = expectedWantedHits(scenario.wantedVehicles, await loadPasses(scenario.dir));
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  try {
    // The graph writer records hits moments after the edge forwards them.
    await sleep(3_000);
    const cctvCameras = new Set(scenario.cameras.filter((camera) => !camera.anpr).map((camera) => camera.id));
    const policeIds = registered.map((r) => r.policeId);
    const framedPasses = result.frames ? result.framedPasses : [];
    const wantedFramed = framedPasses.filter((pass) => pass.why === 'wanted').length;
    // A hit at a camera without ANPR can only have come from frames the edge read with its own models. The edges
    // read the last frames after the replay ends, and close a pass only when its camera has fallen quiet.
    let frameHits = await hitsPerWantedVehicleAt(redis, policeIds, cctvCameras);
    const countOf = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
    const framesTaken = (result.frames?.accepted ?? 0) > 0;
    for (let waited = 0; framesTaken && countOf(frameHits) < wantedFramed && waited < 30_000; waited += 2_000) {
      await sleep(2_000);
      frameHits = await hitsPerWantedVehicleAt(redis, policeIds, cctvCameras);
    }
    const hits = await hitsPerWantedVehicle(redis, policeIds);
    let passes = 0;
    let hitPasses = 0;
    for (const { story, policeId } of registered) {
      const own = expected.find((e) => e.story.id === story.id);
      const recorded = hits.get(policeId) ?? 0;
      const fromFrames = frameHits.get(policeId) ?? 0;
      const cctv = framedPasses.filter((pass) => pass.wantedVehicleId === story.id).length;
      passes += own?.passes.length ?? 0;
      hitPasses += Math.min(recorded - fromFrames, own?.passes.length ?? 0);
      log(`  ${policeId} ${story.plate ?? story.platePattern}: ${own?.passes.length ?? 0} camera passes, ${own?.expectedHits.length ?? 0} readable within one confusion, ${recorded} hits recorded`
        + (cctv > 0 ? `; ${cctv} passes at CCTV cameras (no ANPR), ${fromFrames} hits there from frames` : ''));
    }
    log(`demo: ${hitPasses} of ${passes} wanted-vehicle ANPR passes became hits (${passes ? ((100 * hitPasses) / passes).toFixed(1) : '0'}%); replay ${Math.round(result.readsPerSecond)} reads/s`);
    if (result.frames) {
      log(`demo: ${wantedFramed} passes of wanted vehicles at CCTV cameras, frames of ${result.frames.passesSent} CCTV passes sent in all; ${countOf(frameHits)} hits from frames read at the edges`);
    }
  } finally {
    redis.disconnect();
  }
}
