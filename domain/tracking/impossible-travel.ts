import { fastestTravelSeconds, type RoadGraph } from './road-graph.js';

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
  /** Free-flow time of the fastest route from the earlier to the later camera; null when there is none. */
  readonly requiredSeconds: number | null;
  readonly availableSeconds: number;
  readonly reason: ImpossibleTravelReason;
}

/**
 * Whether one vehicle could have made both sightings of a plate: if not, one of them is a cloned plate or a
 * misread. Sightings may come in either order; the route runs from the earlier to the later. A camera missing
 * from the graph is not flagged: missing data is not evidence of a clone.
 */
export function detectImpossibleTravel(
  a: TimedSighting, b: TimedSighting, graph: RoadGraph, options: ImpossibleTravelOptions = defaultImpossibleTravelOptions,
): ImpossibleTravelVerdict {
  const [earlier, later] = a.capturedAtMs <= b.capturedAtMs ? [a, b] : [b, a];
  const availableSeconds = (later.capturedAtMs - earlier.capturedAtMs) / 1000;
  if (earlier.cameraId === later.cameraId) return { impossible: false, requiredSeconds: 0, availableSeconds, reason: 'same-camera' };
  if (!graph.links.has(earlier.cameraId) || !graph.links.has(later.cameraId)) {
    return { impossible: false, requiredSeconds: null, availableSeconds, reason: 'camera-not-in-graph' };
  }
  const requiredSeconds = fastestTravelSeconds(graph, earlier.cameraId, later.cameraId);
  if (requiredSeconds === undefined) return { impossible: true, requiredSeconds: null, availableSeconds, reason: 'unreachable' };
  const threshold = requiredSeconds * options.slackFactor;
  if (threshold < options.minimumSeconds) return { impossible: false, requiredSeconds, availableSeconds, reason: 'too-close-to-judge' };
  return availableSeconds < threshold
    ? { impossible: true, requiredSeconds, availableSeconds, reason: 'faster-than-possible' }
    : { impossible: false, requiredSeconds, availableSeconds, reason: 'plausible' };
}
