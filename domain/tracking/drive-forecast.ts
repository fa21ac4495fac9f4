import type { TrackingModel } from './tracking-model.js';

/** A drive prefix from the last sighting: its probability under the turn model and its expected elapsed time. */
export interface DriveStep {
  readonly edge: number;
  readonly probability: number;
  /** Seconds from the sighting to leaving `edge`, in the sighting's hour. */
  readonly seconds: number;
  readonly parent: DriveStep | undefined;
  /** The first camera this drive passed before `edge`, if any. */
  readonly passedCameraId: string | undefined;
}

export interface DriveForecastOptions {
  /** Stop a drive at the first camera it reaches (next-camera forecasts), or drive through cameras (interception). */
  readonly stopAtCameras: boolean;
  readonly horizonSeconds: number;
  readonly minProbability: number;
}

/**
 * Every likely drive from leaving `startEdge`, following the learned turn preferences, until it reaches a camera
 * (when asked), passes the horizon or becomes less likely than `minProbability`. Calls `visit` once per drive
 * prefix; the prefixes form a tree, so a prefix's probability is the sum of its continuations'.
 */
export function forecastDrives(
  model: TrackingModel, startEdge: number, hourOfDay: number, options: DriveForecastOptions, visit: (step: DriveStep) => void,
): void {
  const costs = model.linkSeconds(hourOfDay);
  const { network, turns } = model;
  const stack: DriveStep[] = [{ edge: startEdge, probability: 1, seconds: 0, parent: undefined, passedCameraId: undefined }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step.parent !== undefined) {
      visit(step);
      if (options.stopAtCameras && network.camerasOnEdge.has(step.edge)) continue;
    }
    if (step.seconds > options.horizonSeconds) continue;
    const next = network.successors[step.edge] ?? [];
    const probabilities = turns.probabilities[step.edge] as Float64Array;
    const passedCameraId = step.passedCameraId ?? (step.parent === undefined ? undefined : network.camerasOnEdge.get(step.edge)?.[0]?.id);
    for (let i = 0; i < next.length; i++) {
      const edge = next[i] as number;
      const probability = step.probability * (probabilities[i] as number);
      if (probability < options.minProbability) continue;
      stack.push({ edge, probability, seconds: step.seconds + (costs[edge] as number), parent: step, passedCameraId });
    }
  }
}

/** The first cameras drives from `startEdge` reach, with the probability mass and the (mass, seconds) drives reaching each. */
export function firstCameraHits(model: TrackingModel, startEdge: number, hourOfDay: number, horizonSeconds: number, minProbability: number) {
  const hits = new Map<string, { probability: number; drives: { probability: number; seconds: number; step: DriveStep }[] }>();
  forecastDrives(model, startEdge, hourOfDay, { stopAtCameras: true, horizonSeconds, minProbability }, (step) => {
    for (const camera of model.network.camerasOnEdge.get(step.edge) ?? []) {
      const hit = hits.get(camera.id) ?? { probability: 0, drives: [] };
      hit.probability += step.probability;
      hit.drives.push({ probability: step.probability, seconds: step.seconds, step });
      hits.set(camera.id, hit);
    }
  });
  return hits;
}

/** The edges of a drive prefix, from the first after the start to the step itself. */
export function driveEdges(step: DriveStep): number[] {
  const edges: number[] = [];
  for (let at: DriveStep | undefined = step; at?.parent !== undefined; at = at.parent) edges.push(at.edge);
  return edges.reverse();
}
