import { localHourOf } from './day-period.js';
import { fastestEdgePath } from './edge-paths.js';
import { fastestTravelSeconds, type RoadGraph } from './road-graph.js';
import { freeFlowCosts } from './street-network.js';
import type { TrackingModel } from './tracking-model.js';

export interface TimedSighting {
  readonly cameraId: string;
  readonly capturedAtMs: number;
}

export interface ImpossibleTravelOptions {
  /**
   * The share of the free-flow time a vehicle can still make it in: speeding beats free flow, but only so far.
   * 0.5 flags a pair only when it would need more than twice the free-flow speed.
   */
  readonly slackFactor: number;
  /**
   * Pairs whose threshold (required × slack) is below this are never flagged: camera clocks disagree by
   * seconds, and a short hop cannot tell a clone from clock error.
   */
  readonly minimumSeconds: number;
}

export const defaultImpossibleTravelOptions: ImpossibleTravelOptions = { slackFactor: 0.5, minimumSeconds: 30 };

export type ImpossibleTravelReason =
  | 'same-camera'
  | 'camera-not-in-graph'
  | 'unreachable'
  | 'too-close-to-judge'
  | 'faster-than-possible'
  | 'plausible';

export interface ImpossibleTravelVerdict {
  readonly impossible: boolean;
  /**
   * The fastest plausible drive from the earlier to the later camera: the tracking model's for that hour where it
   * knows both cameras, else the road graph's free-flow time; null when there is none.
   */
  readonly requiredSeconds: number | null;
  readonly availableSeconds: number;
  readonly reason: ImpossibleTravelReason;
  readonly basis: 'tracking-model' | 'road-graph';
}

/** What impossible travel is judged on: the tracking model where it covers both cameras, the camera road graph elsewhere. */
export interface TravelTimeReference {
  readonly roadGraph: RoadGraph;
  readonly trackingModel?: TrackingModel;
}

/** z of the 1st percentile: the fast tail of an hour's trip times that still counts as plausible. */
const fastTailZ = 2.326;
const plausibleCache = new WeakMap<TrackingModel, Map<string, number | null>>();
const freeFlowCache = new WeakMap<TrackingModel, Map<string, number | undefined>>();

function cacheOf<T>(caches: WeakMap<TrackingModel, Map<string, T>>, model: TrackingModel): Map<string, T> {
  let cache = caches.get(model);
  if (!cache) {
    cache = new Map();
    caches.set(model, cache);
  }
  return cache;
}

/**
 * The fastest a vehicle plausibly drives from one camera to another leaving in a local hour, by the same travel-time
 * model the tracking AI forecasts with: the fastest drive in that hour's link times, at the fast tail of the hour's
 * spread, and never below its free-flow time. Congestion the model learned thus makes a hop harder to beat.
 * Undefined when the model does not know a camera; null when no drive connects them.
 */
export function plausibleFastestSeconds(model: TrackingModel, fromCameraId: string, toCameraId: string, hourOfDay: number): number | null | undefined {
  const from = model.network.cameras.get(fromCameraId);
  const to = model.network.cameras.get(toCameraId);
  if (!from || !to) return undefined;
  const pair = `${fromCameraId}>${toCameraId}`;
  const cache = cacheOf(plausibleCache, model);
  const cached = cache.get(`${pair}@${hourOfDay}`);
  if (cached !== undefined) return cached;
  const freeFlowByPair = cacheOf(freeFlowCache, model);
  if (!freeFlowByPair.has(pair)) freeFlowByPair.set(pair, fastestEdgePath(model.network, freeFlowCosts(model.network), from.edgeIndex, to.edgeIndex)?.seconds);
  const atFreeFlow = freeFlowByPair.get(pair);
  const inHour = fastestEdgePath(model.network, model.linkSeconds(hourOfDay), from.edgeIndex, to.edgeIndex)?.seconds;
  const sigma = (model.file.travelTimes.hourSigmas[hourOfDay] ?? 0.35) * model.parameters.etaSigmaScale;
  const seconds = atFreeFlow === undefined || inHour === undefined ? null : Math.max(atFreeFlow, inHour * Math.exp(-fastTailZ * sigma));
  cache.set(`${pair}@${hourOfDay}`, seconds);
  return seconds;
}

function requiredBetween(earlier: TimedSighting, later: TimedSighting, reference: TravelTimeReference) {
  const model = reference.trackingModel;
  if (model) {
    const hourOfDay = localHourOf(earlier.capturedAtMs, model.file.utcOffsetMinutes);
    const seconds = plausibleFastestSeconds(model, earlier.cameraId, later.cameraId, hourOfDay);
    if (seconds !== undefined) return { known: true, seconds: seconds ?? undefined, basis: 'tracking-model' as const };
  }
  const { roadGraph } = reference;
  if (!roadGraph.links.has(earlier.cameraId) || !roadGraph.links.has(later.cameraId)) return { known: false, seconds: undefined, basis: 'road-graph' as const };
  return { known: true, seconds: fastestTravelSeconds(roadGraph, earlier.cameraId, later.cameraId), basis: 'road-graph' as const };
}

/**
 * Whether one vehicle could have made both sightings of a plate: if not, one of them is a cloned plate or a
 * misread. Sightings may come in either order; the route runs from the earlier to the later. A camera missing
 * from the reference is not flagged: missing data is not evidence of a clone.
 */
export function detectImpossibleTravel(
  a: TimedSighting, b: TimedSighting, reference: TravelTimeReference, options: ImpossibleTravelOptions = defaultImpossibleTravelOptions,
): ImpossibleTravelVerdict {
  const [earlier, later] = a.capturedAtMs <= b.capturedAtMs ? [a, b] : [b, a];
  const availableSeconds = (later.capturedAtMs - earlier.capturedAtMs) / 1000;
  const required = requiredBetween(earlier, later, reference);
  const { basis } = required;
  if (earlier.cameraId === later.cameraId) return { impossible: false, requiredSeconds: 0, availableSeconds, reason: 'same-camera', basis };
  if (!required.known) return { impossible: false, requiredSeconds: null, availableSeconds, reason: 'camera-not-in-graph', basis };
  const requiredSeconds = required.seconds;
  if (requiredSeconds === undefined) return { impossible: true, requiredSeconds: null, availableSeconds, reason: 'unreachable', basis };
  const threshold = requiredSeconds * options.slackFactor;
  if (threshold < options.minimumSeconds) return { impossible: false, requiredSeconds, availableSeconds, reason: 'too-close-to-judge', basis };
  return availableSeconds < threshold
    ? { impossible: true, requiredSeconds, availableSeconds, reason: 'faster-than-possible', basis }
    : { impossible: false, requiredSeconds, availableSeconds, reason: 'plausible', basis };
}
