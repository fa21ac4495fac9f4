import { fitLinkTravelTimes, type CameraTransitionCell } from './link-travel-times.js';
import { z80 } from './log-normal.js';
import { predictNextCameras } from './predict-next-cameras.js';
import { reconstructGap, type CameraSighting } from './reconstruct-route.js';
import { loadStreetNetwork, type StreetCamerasFile, type StreetGraphFile } from './street-network.js';
import {
  defaultTrackingParameters, trackingModelFormat, trackingModelOf,
  type CameraTransitionCountsFile, type TrackingModel, type TrackingModelFile, type TrackingParameters,
} from './tracking-model.js';
import { countTurns } from './turn-preferences.js';

export interface TrackingTrainingData {
  readonly graph: StreetGraphFile;
  readonly cameras: StreetCamerasFile;
  /** One pseudonymous vehicle's sightings per entry, any order: what the edge nodes' camera passes give. */
  readonly sequences: readonly (readonly CameraSighting[])[];
  /** The edge nodes' anonymous camera-to-camera aggregates of the same hours. */
  readonly cells: readonly CameraTransitionCell[];
}

export interface FitTrackingOptions {
  readonly utcOffsetMinutes: number;
  readonly scenario: string;
  readonly split: string;
  readonly parameters?: Partial<TrackingParameters>;
  /** Rounds of reconstructing the training routes and recounting their turns. */
  readonly turnIterations?: number;
  /** Every n-th sequence is held out to calibrate the concentrations and the ETA spread, then fitted on too. */
  readonly calibrationEvery?: number;
}

/** Consecutive sightings of one trip at different cameras, in time order. */
export function tripGaps(sequence: readonly CameraSighting[], maxGapSeconds: number): [CameraSighting, CameraSighting, CameraSighting | undefined][] {
  const ordered = [...sequence].sort((a, b) => a.capturedAtMs - b.capturedAtMs);
  const gaps: [CameraSighting, CameraSighting, CameraSighting | undefined][] = [];
  let previousOfFrom: CameraSighting | undefined;
  for (let i = 1; i < ordered.length; i++) {
    const from = ordered[i - 1] as CameraSighting;
    const to = ordered[i] as CameraSighting;
    if (to.capturedAtMs - from.capturedAtMs > maxGapSeconds * 1000) {
      previousOfFrom = undefined;
      continue;
    }
    if (from.cameraId === to.cameraId) continue;
    gaps.push([from, to, previousOfFrom]);
    previousOfFrom = from;
  }
  return gaps;
}

function fitTurnsAndTransitions(model: TrackingModel, sequences: readonly (readonly CameraSighting[])[]) {
  const counts: Record<string, Record<string, number>> = {};
  const order1: Record<string, Record<string, number>> = {};
  const order2: Record<string, Record<string, number>> = {};
  const add = (table: Record<string, Record<string, number>>, key: string, to: string) => {
    const row = (table[key] ??= {});
    row[to] = (row[to] ?? 0) + 1;
  };
  for (const sequence of sequences) {
    for (const [from, to, previous] of tripGaps(sequence, model.parameters.maxGapSeconds)) {
      const gap = reconstructGap(model, from, to);
      for (const candidate of gap.candidates) countTurns(model.network, counts, candidate.edges, candidate.probability);
      const best = gap.candidates[0];
      if (!best) continue;
      // The cameras the likeliest drive passed unseen go back in, so a missed pass does not teach a skip.
      const chain = [from.cameraId, ...best.unseenCameraIds, to.cameraId];
      for (let i = 1; i < chain.length; i++) add(order1, chain[i - 1] as string, chain[i] as string);
      if (previous) add(order2, `${previous.cameraId}>${from.cameraId}`, chain[1] as string);
    }
  }
  return { counts, cameraTransitions: { order1, order2 } satisfies CameraTransitionCountsFile };
}

/** Rounds of reconstructing the sequences' routes with the model and recounting turns and camera transitions from them. */
function withLearned(file: TrackingModelFile, sequences: readonly (readonly CameraSighting[])[], iterations: number): TrackingModelFile {
  let current = file;
  let currentModel = trackingModelOf(file);
  for (let round = 0; round < iterations; round++) {
    const { counts, cameraTransitions } = fitTurnsAndTransitions(currentModel, sequences);
    current = { ...current, turns: { ...current.turns, counts }, cameraTransitions };
    currentModel = trackingModelOf(current);
  }
  return current;
}

/** Each held-out vehicle's gaps it drove directly (no camera passed unseen): its history and the next sighting. */
function heldOutSamples(model: TrackingModel, sequences: readonly (readonly CameraSighting[])[]) {
  const samples: { history: CameraSighting[]; next: CameraSighting }[] = [];
  for (const sequence of sequences) {
    const ordered = [...sequence].sort((a, b) => a.capturedAtMs - b.capturedAtMs);
    for (const [from, to] of tripGaps(ordered, model.parameters.maxGapSeconds)) {
      if (reconstructGap(model, from, to).candidates[0]?.unseenCameraIds.length !== 0) continue;
      samples.push({ history: ordered.filter((s) => s.capturedAtMs <= from.capturedAtMs), next: to });
    }
  }
  return samples;
}

function logScore(model: TrackingModel, samples: ReturnType<typeof heldOutSamples>): number {
  let total = 0;
  for (const { history, next } of samples) {
    const forecast = predictNextCameras(model, history, Infinity)?.forecasts.find((f) => f.cameraId === next.cameraId);
    total += Math.log(Math.max(1e-4, forecast?.probability ?? 0));
  }
  return total / Math.max(1, samples.length);
}

/** The ETA spread multiplier that makes held-out 80 % intervals cover 80 % of the observed direct travel times. */
function calibratedEtaScale(model: TrackingModel, samples: ReturnType<typeof heldOutSamples>): number {
  const zs: number[] = [];
  for (const { history, next } of samples) {
    const forecast = predictNextCameras(model, history, Infinity)?.forecasts.find((f) => f.cameraId === next.cameraId);
    const last = history[history.length - 1];
    if (!forecast || !last) continue;
    const sigma = Math.log(forecast.eta.highSeconds / forecast.eta.medianSeconds) / z80;
    const observed = Math.max(1, (next.capturedAtMs - last.capturedAtMs) / 1000);
    zs.push(Math.abs(Math.log(observed / forecast.eta.medianSeconds)) / sigma);
  }
  if (zs.length < 10) return model.parameters.etaSigmaScale;
  zs.sort((a, b) => a - b);
  return Math.max(0.3, Math.min(5, (zs[Math.floor(0.8 * (zs.length - 1))] as number) / z80)) * model.parameters.etaSigmaScale;
}

/**
 * Fits a tracking model from what the hub has: the street network, pseudonymous sighting sequences and the
 * camera-to-camera aggregates. Link travel times come from the aggregates; turn preferences and camera transitions
 * from the training routes, reconstructed (EM-style) with the model itself; the next-camera smoothing and the
 * ETA spread are calibrated on held-out sequences before the final fit on all of them.
 */
export function fitTrackingModel(data: TrackingTrainingData, options: FitTrackingOptions): TrackingModelFile {
  const parameters = { ...defaultTrackingParameters, ...options.parameters };
  const iterations = options.turnIterations ?? 2;
  const every = options.calibrationEvery ?? 5;
  const base: TrackingModelFile = {
    format: trackingModelFormat,
    utcOffsetMinutes: options.utcOffsetMinutes,
    network: { graph: data.graph, cameras: data.cameras },
    travelTimes: { hourFactors: [], hourSigmas: [], edgeLogResiduals: {} },
    turns: { counts: {}, priorWeight: 2 },
    cameraTransitions: { order1: {}, order2: {} },
    parameters,
    training: { scenario: options.scenario, split: options.split, sightingSequences: data.sequences.length, transitionCells: data.cells.length },
  };
  const withTimes: TrackingModelFile = { ...base, travelTimes: fitLinkTravelTimes(loadStreetNetwork(data.graph, data.cameras), data.cells) };
  const fitting = data.sequences.filter((_, i) => i % every !== 0);
  const heldOut = data.sequences.filter((_, i) => i % every === 0);
  const partial = withLearned(withTimes, fitting, iterations);
  const samples = heldOutSamples(trackingModelOf(partial), heldOut);
  let tuned = partial;
  let bestScore = -Infinity;
  for (const a1 of [1, 3, 10, 30]) {
    for (const a2 of [1, 3, 10, 30]) {
      const candidate = { ...partial, parameters: { ...partial.parameters, order1Concentration: a1, order2Concentration: a2 } };
      const score = logScore(trackingModelOf(candidate), samples);
      if (score > bestScore) {
        bestScore = score;
        tuned = candidate;
      }
    }
  }
  const etaSigmaScale = calibratedEtaScale(trackingModelOf(tuned), samples);
  const calibrated: TrackingModelFile = { ...withTimes, parameters: { ...tuned.parameters, etaSigmaScale } };
  return withLearned(calibrated, data.sequences, iterations);
}
