import { alternativeEdgePaths } from './edge-paths.js';
import { localHourOf } from './day-period.js';
import { logNormalLogDensity } from './log-normal.js';
import type { TrackingModel } from './tracking-model.js';
import { pathTurnLogProbability } from './turn-preferences.js';

/** A sighting as the tracking models see it: which camera, when. */
export interface CameraSighting {
  readonly id?: string;
  readonly cameraId: string;
  readonly capturedAtMs: number;
}

/** One candidate drive between two sightings, with the evidence that weighs it. */
export interface RouteCandidate {
  readonly edges: readonly number[];
  readonly probability: number;
  readonly lengthMeters: number;
  readonly freeFlowSeconds: number;
  /** Median travel time of this drive in the hour of the earlier sighting, from the learned link travel times. */
  readonly expectedSeconds: number;
  /** Log-likelihood terms: the learned turns, the observed time against the expected one, cameras passed unseen. */
  readonly turnLogProbability: number;
  readonly timeLogLikelihood: number;
  readonly unseenCameraIds: readonly string[];
}

export interface RouteGap {
  readonly from: CameraSighting;
  readonly to: CameraSighting;
  readonly elapsedSeconds: number;
  readonly hourOfDay: number;
  /** Most probable first; probabilities over the candidates considered sum to 1. Empty when no road joins them. */
  readonly candidates: readonly RouteCandidate[];
}

const alternativeOptions = { maxPaths: 8, maxStretch: 1.6, slackSeconds: 60 };

function pathMeasures(model: TrackingModel, edges: readonly number[], costs: Float64Array) {
  let lengthMeters = 0;
  let freeFlowSeconds = 0;
  let expectedSeconds = 0;
  for (let i = 1; i < edges.length; i++) {
    const edge = model.network.edges[edges[i] as number];
    if (!edge) continue;
    lengthMeters += edge.lengthMeters;
    freeFlowSeconds += edge.freeFlowSeconds;
    expectedSeconds += costs[edge.index] as number;
  }
  return { lengthMeters, freeFlowSeconds, expectedSeconds };
}

/** Log-likelihood of the observed gap for a drive expected to take `expectedSeconds`: travel, or travel and a stop. */
function timeLogLikelihood(model: TrackingModel, elapsedSeconds: number, expectedSeconds: number, sigma: number): number {
  const observed = Math.max(1, elapsedSeconds);
  const expected = Math.max(1, expectedSeconds);
  const travel = Math.exp(logNormalLogDensity(observed, expected, sigma));
  // A vehicle that stopped on the way arrives any time after the drive itself; spread that evenly over the gap.
  const stopped = observed > expected ? 1 / observed : 0;
  const { stopProbability } = model.parameters;
  return Math.log((1 - stopProbability) * travel + stopProbability * stopped + 1e-300);
}

/**
 * The likely drives between two consecutive sightings of one vehicle: candidate routes (the fastest in that hour
 * and its via-edge alternatives), each weighed by route choice (how much slower than the quickest candidate at free
 * flow), the learned turn preferences, how well the observed time fits its expected time in that hour, and the
 * cameras it passes that did not see the vehicle.
 */
export function reconstructGap(model: TrackingModel, from: CameraSighting, to: CameraSighting): RouteGap {
  const elapsedSeconds = (to.capturedAtMs - from.capturedAtMs) / 1000;
  const hourOfDay = localHourOf(from.capturedAtMs, model.file.utcOffsetMinutes);
  const gap = { from, to, elapsedSeconds, hourOfDay };
  const origin = model.network.cameras.get(from.cameraId);
  const destination = model.network.cameras.get(to.cameraId);
  if (!origin || !destination) return { ...gap, candidates: [] };
  const costs = model.linkSeconds(hourOfDay);
  const fastest = alternativeEdgePaths(model.network, costs, origin.edgeIndex, destination.edgeIndex, { ...alternativeOptions, observedSeconds: elapsedSeconds });
  const sigma = (model.file.travelTimes.hourSigmas[hourOfDay] ?? 0.35) * model.parameters.routeSigmaScale;
  const { missedPassProbability, routeDetourWeight, routeTurnWeight, routeTimeWeight } = model.parameters;
  const logMissed = Math.log(missedPassProbability);
  const measured = fastest.map((path) => ({ path, measures: pathMeasures(model, path.edges, costs) }));
  const quickest = Math.max(1e-3, Math.min(...measured.map(({ measures }) => measures.freeFlowSeconds)));
  const scored = measured.map(({ path, measures }) => {
    const unseenCameraIds = path.edges.slice(1, -1).flatMap((edge) => (model.network.camerasOnEdge.get(edge) ?? []).map((camera) => camera.id));
    const turnLogProbability = pathTurnLogProbability(model.network, model.turns, path.edges);
    const timeLog = from.cameraId === to.cameraId && path.edges.length === 1 ? 0 : timeLogLikelihood(model, elapsedSeconds, measures.expectedSeconds, sigma);
    return {
      edges: path.edges, ...measures, turnLogProbability, timeLogLikelihood: timeLog, unseenCameraIds,
      score: -routeDetourWeight * (measures.freeFlowSeconds / quickest - 1) + routeTurnWeight * turnLogProbability
        + routeTimeWeight * timeLog + unseenCameraIds.length * logMissed,
    };
  });
  const top = Math.max(...scored.map((candidate) => candidate.score));
  const weights = scored.map((candidate) => Math.exp(candidate.score - top));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const candidates = scored
    .map(({ score: _score, ...candidate }, i) => ({ ...candidate, probability: (weights[i] as number) / total }))
    .sort((a, b) => b.probability - a.probability);
  return { ...gap, candidates };
}

export type SightingVerdict = 'used' | 'repeat' | 'unknown-camera' | 'implausible';

export interface ReconstructedRoute {
  /** Each sighting in capture order and whether the route used it; an implausible one is a likely misread or clone. */
  readonly sightings: readonly { readonly sighting: CameraSighting; readonly verdict: SightingVerdict }[];
  /** The gaps between consecutive used sightings, with their candidate drives. */
  readonly gaps: readonly RouteGap[];
  /** The most probable edge sequence over the whole track (best drive per gap, joined). */
  readonly edges: readonly number[];
  /** Product of the best drives' probabilities: how sure the whole route is. */
  readonly confidence: number;
}

const implausibleBelowLogLikelihood = -12;

/**
 * Reconstructs a vehicle's route from its sightings: the likely drive between each pair of consecutive sightings,
 * with alternatives. A sighting no drive can explain in time from the one before, while the next can be reached
 * from that earlier one, is set aside as a likely misread or cloned plate rather than bending the route through it.
 */
export function reconstructRoute(model: TrackingModel, sightings: readonly CameraSighting[]): ReconstructedRoute {
  const ordered = [...sightings].sort((a, b) => a.capturedAtMs - b.capturedAtMs);
  const verdicts = new Map<CameraSighting, SightingVerdict>();
  const used: CameraSighting[] = [];
  const gaps: RouteGap[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const sighting = ordered[i] as CameraSighting;
    if (!model.network.cameras.has(sighting.cameraId)) {
      verdicts.set(sighting, 'unknown-camera');
      continue;
    }
    const previous = used[used.length - 1];
    if (!previous) {
      used.push(sighting);
      verdicts.set(sighting, 'used');
      continue;
    }
    if (previous.cameraId === sighting.cameraId && sighting.capturedAtMs - previous.capturedAtMs < 60_000) {
      verdicts.set(sighting, 'repeat');
      continue;
    }
    const gap = reconstructGap(model, previous, sighting);
    const best = gap.candidates[0];
    const explained = best !== undefined && best.timeLogLikelihood > implausibleBelowLogLikelihood;
    const following = ordered[i + 1];
    if (!explained && following && model.network.cameras.has(following.cameraId)) {
      const skipped = reconstructGap(model, previous, following)?.candidates[0];
      if (skipped && skipped.timeLogLikelihood > implausibleBelowLogLikelihood) {
        verdicts.set(sighting, 'implausible');
        continue;
      }
    }
    used.push(sighting);
    verdicts.set(sighting, 'used');
    gaps.push(gap);
  }
  const edges: number[] = [];
  let confidence = 1;
  for (const gap of gaps) {
    const best = gap.candidates[0];
    if (!best) continue;
    edges.push(...(edges.length > 0 && edges[edges.length - 1] === best.edges[0] ? best.edges.slice(1) : best.edges));
    confidence *= best.probability;
  }
  return { sightings: ordered.map((sighting) => ({ sighting, verdict: verdicts.get(sighting) ?? 'used' })), gaps, edges, confidence };
}
