import type { VehicleColour, VehicleType } from '../ingest/index.js';
import { confusionMisreads, type PlateMisread, type RandomSource } from '../plates/index.js';
import type { FleetVehicle } from './assign-plates.js';
import type { CameraPass } from './camera-passes.js';
import type { PlacedCamera } from './place-cameras.js';
import type { ReadErrorModel } from './read-error-model.js';
import { roughlyNormal, stageRandom, uniform } from './stage-random.js';

/** A camera's outage: no reads between `fromSeconds` and `toSeconds`. */
export interface CameraOutage {
  readonly cameraId: string;
  readonly fromSeconds: number;
  readonly toSeconds: number;
}

/** One read as the scenario's camera sends it; `atSeconds` becomes `capturedAt` on replay. */
export interface ScenarioRead {
  readonly readId: string;
  readonly cameraId: string;
  readonly municipalityId: string;
  /** Capture time by the camera's clock (jitter included), simulation seconds, millisecond precision. */
  readonly atSeconds: number;
  readonly candidates: readonly { readonly text: string; readonly confidence: number }[];
  readonly vehicleColour: VehicleColour;
  readonly vehicleType: VehicleType;
}

export type PassOutcome = 'read' | 'missed' | 'outage';

/** What became of a pass: the ground truth a replay's hits are checked against. */
export interface PassRecord extends CameraPass {
  readonly plate: string;
  readonly outcome: PassOutcome;
  readonly readIds: readonly string[];
  /**
   * Fewest confusions between the true plate and any candidate of the pass's reads: 0 when some candidate is the
   * plate, 1 when one is a single confusion off (a matcher that allows one substitution still finds it), 2 when
   * none is closer; null when nothing was read.
   */
  readonly closestCandidateConfusions: 0 | 1 | 2 | null;
}

export interface GeneratedReads {
  /** Sorted by capture time, then read id. */
  readonly reads: ScenarioRead[];
  readonly passes: PassRecord[];
  readonly outages: readonly CameraOutage[];
}

/** Outages: a share of the ANPR cameras each goes down once, at a random time within the scenario. */
export function cameraOutages(seed: number, cameras: readonly PlacedCamera[], spanSeconds: readonly [number, number], model: ReadErrorModel): CameraOutage[] {
  return cameras.filter((camera) => camera.anpr).flatMap((camera) => {
    const random = stageRandom(seed, 'outage', camera.id);
    if (random() >= model.outageCameraShare) return [];
    const minutes = uniform(random, model.outageMinutes[0], model.outageMinutes[1]);
    const fromSeconds = Math.round(uniform(random, spanSeconds[0], Math.max(spanSeconds[0], spanSeconds[1] - minutes * 60)));
    return [{ cameraId: camera.id, fromSeconds, toSeconds: Math.round(fromSeconds + minutes * 60) }];
  });
}

/** Cheaper confusions are likelier: picks a misread with weight 1 / cost. */
function pickMisread(random: RandomSource, misreads: readonly PlateMisread[]): PlateMisread | undefined {
  if (misreads.length === 0) return undefined;
  let roll = random() * misreads.reduce((sum, misread) => sum + 1 / misread.cost, 0);
  for (const misread of misreads) {
    roll -= 1 / misread.cost;
    if (roll < 0) return misread;
  }
  return misreads[misreads.length - 1];
}

const confidence = (value: number): number => Number(Math.min(0.999, Math.max(0.05, value)).toFixed(3));

interface ReadCandidates {
  readonly candidates: { text: string; confidence: number }[];
  /** Fewest confusions between the plate and any candidate. */
  readonly closest: 0 | 1 | 2;
}

/** One read's top-k candidates under the error model. */
function readCandidates(random: RandomSource, plate: string, single: readonly PlateMisread[], model: ReadErrorModel): ReadCandidates {
  const roll = random();
  if (roll < model.unreadableRate) {
    const double = pickMisread(random, confusionMisreads(plate, { maxSubstitutions: 2 }).filter((m) => m.substitutions.length === 2));
    if (double !== undefined) return { candidates: [{ text: double.read, confidence: confidence(uniform(random, 0.45, 0.8)) }], closest: 2 };
  }
  if (roll < model.unreadableRate + model.misreadRate) {
    const misread = pickMisread(random, single);
    if (misread !== undefined) {
      const best = confidence(uniform(random, 0.6, 0.9));
      const candidates = [{ text: misread.read, confidence: best }];
      if (random() >= model.trueAmongCandidatesRate) return { candidates, closest: 1 };
      candidates.push({ text: plate, confidence: confidence(best * uniform(random, 0.5, 0.95)) });
      return { candidates, closest: 0 };
    }
  }
  const best = confidence(uniform(random, 0.82, 0.99));
  const candidates = [{ text: plate, confidence: best }];
  if (random() < model.alternativeCandidateRate) {
    const alternative = pickMisread(random, single);
    if (alternative !== undefined) candidates.push({ text: alternative.read, confidence: confidence(best * uniform(random, 0.1, 0.5)) });
  }
  return { candidates, closest: 0 };
}

/** Seconds between repeated frames of one pass. */
const repeatFrameSeconds: readonly [number, number] = [0.15, 0.6];

const readIdOf = (index: number): string => `r${String(index).padStart(7, '0')}`;

/**
 * Turns camera passes into the reads cameras send, under the error model: outages and per-camera misses drop a
 * pass; a read pass gives one read or a few repeated frames, each with its own clock jitter and candidates.
 * Deterministic for a seed, and per pass: each pass draws from its own random stream, so one vehicle's change
 * leaves every other read as it was. Read ids (`r0000001`, …) follow capture-time order.
 */
export function generateReads(
  seed: number,
  passes: readonly CameraPass[],
  fleet: ReadonlyMap<string, FleetVehicle>,
  cameras: ReadonlyMap<string, PlacedCamera>,
  outages: readonly CameraOutage[],
  model: ReadErrorModel,
): GeneratedReads {
  const outagesOf = new Map<string, CameraOutage[]>();
  for (const outage of outages) outagesOf.set(outage.cameraId, [...(outagesOf.get(outage.cameraId) ?? []), outage]);

  // A plate's single-confusion misreads are the same at every pass: worked out once per plate.
  const singleMisreadsOf = new Map<string, readonly PlateMisread[]>();
  const singleMisreads = (plate: string): readonly PlateMisread[] => {
    let misreads = singleMisreadsOf.get(plate);
    if (misreads === undefined) {
      misreads = confusionMisreads(plate, { maxSubstitutions: 1 });
      singleMisreadsOf.set(plate, misreads);
    }
    return misreads;
  };

  const drafts: { passIndex: number; read: Omit<ScenarioRead, 'readId'> }[] = [];
  const outcomes: { outcome: PassOutcome; closest: 0 | 1 | 2 | null }[] = [];
  passes.forEach((pass, passIndex) => {
    const vehicle = fleet.get(pass.vehicleId) as FleetVehicle;
    const camera = cameras.get(pass.cameraId) as PlacedCamera;
    const random = stageRandom(seed, 'pass', pass.vehicleId, String(pass.edgeIndex), pass.cameraId);
    if ((outagesOf.get(pass.cameraId) ?? []).some((o) => pass.atSeconds >= o.fromSeconds && pass.atSeconds < o.toSeconds)) {
      outcomes.push({ outcome: 'outage', closest: null });
      return;
    }
    if (random() < camera.missRate) {
      outcomes.push({ outcome: 'missed', closest: null });
      return;
    }
    const frames = random() < model.duplicateRate ? (random() < 0.3 ? 3 : 2) : 1;
    let closest: 0 | 1 | 2 = 2;
    let frameAt = pass.atSeconds;
    for (let frame = 0; frame < frames; frame++) {
      if (frame > 0) frameAt += uniform(random, repeatFrameSeconds[0], repeatFrameSeconds[1]);
      const { candidates, closest: frameClosest } = readCandidates(random, vehicle.plate, singleMisreads(vehicle.plate), model);
      closest = Math.min(closest, frameClosest) as 0 | 1 | 2;
      const atSeconds = Math.max(0, Math.round((frameAt + roughlyNormal(random, model.timestampJitterSeconds)) * 1000) / 1000);
      drafts.push({
        passIndex,
        read: {
          cameraId: pass.cameraId, municipalityId: pass.municipalityId, atSeconds, candidates,
          vehicleColour: vehicle.vehicleColour, vehicleType: vehicle.vehicleType,
        },
      });
    }
    outcomes.push({ outcome: 'read', closest });
  });

  drafts.sort((a, b) => a.read.atSeconds - b.read.atSeconds || a.passIndex - b.passIndex);
  const readIdsOfPass = passes.map((): string[] => []);
  const reads = drafts.map(({ passIndex, read }, index) => {
    const readId = readIdOf(index + 1);
    readIdsOfPass[passIndex]?.push(readId);
    return { readId, ...read };
  });
  const passRecords = passes.map((pass, passIndex): PassRecord => ({
    ...pass,
    plate: (fleet.get(pass.vehicleId) as FleetVehicle).plate,
    outcome: (outcomes[passIndex] as { outcome: PassOutcome }).outcome,
    readIds: readIdsOfPass[passIndex] as string[],
    closestCandidateConfusions: (outcomes[passIndex] as { closest: 0 | 1 | 2 | null }).closest,
  }));
  return { reads, passes: passRecords, outages };
}
