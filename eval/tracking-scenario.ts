import { transitionStatistics, type PseudonymousSighting } from '../domain/aggregates/index.js';
import { stableHash, type PassRecord, type ScenarioRead } from '../domain/simulation/index.js';
import type { CameraSighting, CameraTransitionCell, StreetCamerasFile, StreetGraphFile } from '../domain/tracking/index.js';
import { readAllJsonLinesGz, readJsonFile, scenarioFiles } from '../sim/scenario-files.js';

interface ManifestClock {
  readonly date: string;
  readonly utcOffset: string;
  readonly startHour: number;
}

export interface TruthTrip {
  readonly vehicleId: string;
  readonly departSeconds: number;
  readonly edges: readonly string[];
  readonly exitSeconds: readonly number[];
}

/** One vehicle as the evaluation sees it: its true trip, every camera pass, and the sightings the hub would get. */
export interface EvaluatedVehicle {
  readonly trip: TruthTrip;
  /** Every pass by time, read or not: the truth the next-camera forecast is scored on. */
  readonly passes: readonly PassRecord[];
  /** Passes read within one confusion of the plate (what becomes a hit), at the camera's capture time. */
  readonly sightings: readonly (CameraSighting & { readonly pass: PassRecord })[];
}

export interface LoadedScenario {
  readonly dir: string;
  readonly graph: StreetGraphFile;
  readonly cameras: StreetCamerasFile;
  readonly utcOffsetMinutes: number;
  /** The instant of simulation second 0. */
  readonly originMs: number;
  readonly startHour: number;
  readonly spanSeconds: number;
  readonly vehicles: readonly EvaluatedVehicle[];
}

function offsetMinutes(utcOffset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Reads a `sim build` scenario: road graph, cameras, ground truth, passes and the reads' capture times. */
export async function loadScenario(dir: string): Promise<LoadedScenario> {
  const manifest = await readJsonFile<{ clock: ManifestClock }>(dir, scenarioFiles.manifest);
  const graph = await readJsonFile<StreetGraphFile>(dir, scenarioFiles.roadGraph);
  const cameras = await readJsonFile<StreetCamerasFile>(dir, scenarioFiles.cameras);
  const trips = await readAllJsonLinesGz<TruthTrip>(dir, scenarioFiles.groundTruth);
  const passes = await readAllJsonLinesGz<PassRecord>(dir, scenarioFiles.cameraPasses);
  const readTimes = new Map<string, number>();
  for (const read of await readAllJsonLinesGz<ScenarioRead>(dir, scenarioFiles.reads)) readTimes.set(read.readId, read.atSeconds);
  const utcOffsetMinutes = offsetMinutes(manifest.clock.utcOffset);
  const hh = String(manifest.clock.startHour).padStart(2, '0');
  const originMs = Date.parse(`${manifest.clock.date}T${hh}:00:00${manifest.clock.utcOffset}`);
  const passesOf = new Map<string, PassRecord[]>();
  for (const pass of passes) passesOf.set(pass.vehicleId, [...(passesOf.get(pass.vehicleId) ?? []), pass]);
  let spanSeconds = 0;
  const vehicles = trips.map((trip): EvaluatedVehicle => {
    spanSeconds = Math.max(spanSeconds, trip.exitSeconds[trip.exitSeconds.length - 1] ?? 0);
    const own = (passesOf.get(trip.vehicleId) ?? []).sort((a, b) => a.atSeconds - b.atSeconds || a.edgeIndex - b.edgeIndex);
    const sightings = own
      .filter((pass) => pass.outcome === 'read' && pass.closestCandidateConfusions !== null && pass.closestCandidateConfusions <= 1)
      .map((pass) => ({ cameraId: pass.cameraId, capturedAtMs: originMs + (readTimes.get(pass.readIds[0] ?? '') ?? pass.atSeconds) * 1000, pass }));
    return { trip, passes: own, sightings };
  });
  return { dir, graph, cameras, utcOffsetMinutes, originMs, startHour: manifest.clock.startHour, spanSeconds, vehicles };
}


export interface ScenarioSplit {
  readonly description: string;
  readonly train: readonly EvaluatedVehicle[];
  readonly test: readonly EvaluatedVehicle[];
}

/**
 * Splits by vehicles AND time: a vehicle is a test vehicle when its id hashes into the test share and it departs
 * in a test block; it trains only when it is neither. Blocks are clock hours (every third hour tests) in scenarios
 * of three hours or more, otherwise 20-minute blocks of the scenario's clock.
 */
export function splitScenario(scenario: LoadedScenario, testShare = 0.3): ScenarioSplit {
  const blockSeconds = scenario.spanSeconds >= 3 * 3600 ? 3600 : 1200;
  const isTestBlock = (departSeconds: number) => Math.floor(departSeconds / blockSeconds) % 3 === 2;
  const isTestVehicle = (id: string) => stableHash(id) % 1000 < testShare * 1000;
  const train: EvaluatedVehicle[] = [];
  const test: EvaluatedVehicle[] = [];
  for (const vehicle of scenario.vehicles) {
    const testVehicle = isTestVehicle(vehicle.trip.vehicleId);
    const testBlock = isTestBlock(vehicle.trip.departSeconds);
    if (testVehicle && testBlock) test.push(vehicle);
    else if (!testVehicle && !testBlock) train.push(vehicle);
  }
  const block = blockSeconds === 3600 ? 'clock hours' : '20-minute blocks';
  return {
    description: `test: vehicles hashed into ${Math.round(testShare * 100)} % AND departing in every third ${block} (block index % 3 = 2); ` +
      `train: the other vehicles departing in the other blocks; the model sees only training sightings and their aggregates (min 5 per cell)`,
    train, test,
  };
}

/** What the hub would have from the training vehicles: their sighting sequences and the camera-to-camera aggregates. */
export function trainingDataOf(scenario: LoadedScenario, train: readonly EvaluatedVehicle[]) {
  const sequences = train.filter((v) => v.sightings.length > 0).map((v) => v.sightings.map(({ cameraId, capturedAtMs }) => ({ cameraId, capturedAtMs })));
  // The aggregates bucket by UTC hour; shifting by the zone offset makes their hours local, as the model keeps them.
  const pseudonymous: PseudonymousSighting[] = train.flatMap((v, i) =>
    v.sightings.map((s) => ({ pseudonym: String(i), cameraId: s.cameraId, capturedAtMs: s.capturedAtMs + scenario.utcOffsetMinutes * 60_000 })));
  const cells: CameraTransitionCell[] = transitionStatistics(pseudonymous).map((s) => ({
    fromCameraId: s.fromCameraId, toCameraId: s.toCameraId, hourOfDay: s.hourOfDayUtc, count: s.count,
    medianSeconds: s.medianSeconds, p90Seconds: s.p90Seconds,
  }));
  return { graph: scenario.graph, cameras: scenario.cameras, sequences, cells };
}
