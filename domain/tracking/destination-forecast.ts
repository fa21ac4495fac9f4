import { shortestTree, type ShortestTree } from './edge-paths.js';
import type { TrackingModel } from './tracking-model.js';

/**
 * Where the trip is likely headed (destination inference in the manner of Krumm and Horvitz's "Predestination"):
 * drivers take nearly the fastest route to where they are going, so a destination the drive so far leads towards
 * directly is likely, and one it had to detour for is not. Every edge is a possible destination with an even
 * prior; the drive so far is the fastest drive from the previous sighting's edge (or, with none, from the edges
 * entering the latest camera's edge, which carries the heading) to the latest camera's edge.
 */
export interface DestinationBelief {
  /** Fastest drives from leaving the latest camera's edge, in the hour's travel times. */
  readonly tree: ShortestTree;
  /** Edge indices by time from the latest sighting, the root first: parents come before their children. */
  readonly order: Int32Array;
  /** P(the trip ends on edge e); sums to 1 over the edges reachable from the latest camera's edge. */
  readonly endProbability: Float64Array;
  /** P(the vehicle leaves edge e on its way), i.e. the trips ending beyond it in the tree. */
  readonly passProbability: Float64Array;
  /** The first camera the fastest drive to edge e passes before e (the latest camera's edge excluded), if any. */
  readonly cameraBefore: ReadonlyMap<number, string>;
}

/** The detour of going via the latest edge to each destination, relative to going there directly (`direct`: from the origin). */
function relativeDetours(direct: ShortestTree, soFarSeconds: number, fromLatest: ShortestTree): Float64Array {
  return Float64Array.from(fromLatest.seconds, (seconds, e) => {
    const directSeconds = direct.seconds[e] as number;
    if (!Number.isFinite(seconds) || !Number.isFinite(directSeconds)) return Infinity;
    return Math.max(0, soFarSeconds + seconds - directSeconds) / Math.max(60, directSeconds);
  });
}

/**
 * The destination belief from the latest camera's edge in the hour's costs. `previousEdge` is the previous
 * sighting's camera edge in the same trip, when there is one. `detourWeight` is the log-likelihood a destination
 * loses per unit of relative detour (0.1 = 10 % longer than going there directly).
 */
export function inferDestinations(
  model: TrackingModel, costs: Float64Array, latestEdge: number, previousEdge: number | undefined, detourWeight: number,
): DestinationBelief {
  const edgeCount = model.network.edges.length;
  const tree = shortestTree(model.network, costs, latestEdge, 'forward');
  const fromOrigin = (edge: number) => shortestTree(model.network, costs, edge, 'forward');
  const origins = previousEdge !== undefined && previousEdge !== latestEdge
    ? [fromOrigin(previousEdge)].map((direct) => ({ direct, soFar: direct.seconds[latestEdge] as number }))
    : (model.network.predecessors[latestEdge] ?? []).map((edge) => ({ direct: fromOrigin(edge), soFar: costs[latestEdge] as number }));
  const likelihood = new Float64Array(edgeCount);
  const usable = origins.filter((o) => Number.isFinite(o.soFar));
  if (usable.length === 0) {
    tree.seconds.forEach((seconds, e) => (likelihood[e] = Number.isFinite(seconds) && e !== latestEdge ? 1 : 0));
  } else {
    for (const origin of usable) {
      const detours = relativeDetours(origin.direct, origin.soFar, tree);
      detours.forEach((detour, e) => {
        if (e !== latestEdge && Number.isFinite(detour)) likelihood[e] = (likelihood[e] as number) + Math.exp(-detourWeight * detour) / usable.length;
      });
    }
  }
  const total = likelihood.reduce((sum, l) => sum + l, 0);
  const endProbability = likelihood.map((l) => (total > 0 ? l / total : 0));
  const reachable = [...tree.seconds.keys()].filter((e) => Number.isFinite(tree.seconds[e] as number));
  const order = Int32Array.from(reachable.sort((a, b) => (tree.seconds[a] as number) - (tree.seconds[b] as number) || a - b));
  // Children after parents in `order`, so summing backwards gives each edge the trips that end below it.
  const below = new Float64Array(edgeCount);
  for (let k = order.length - 1; k > 0; k--) {
    const edge = order[k] as number;
    const parent = tree.via[edge] as number;
    if (parent >= 0) below[parent] = (below[parent] as number) + (below[edge] as number) + (endProbability[edge] as number);
  }
  const cameraBefore = new Map<number, string>();
  for (let k = 1; k < order.length; k++) {
    const edge = order[k] as number;
    const parent = tree.via[edge] as number;
    const camera = parent === latestEdge ? undefined : cameraBefore.get(parent) ?? model.network.camerasOnEdge.get(parent)?.[0]?.id;
    if (camera !== undefined) cameraBefore.set(edge, camera);
  }
  return { tree, order, endProbability, passProbability: below, cameraBefore };
}

/**
 * P(the first camera the vehicle passes is c), given it passes one: each destination votes for the first camera on
 * its fastest drive before it (a trip ends within its last edge, so that edge's camera is not passed).
 */
export function destinationNextCameras(belief: DestinationBelief): Map<string, number> {
  const votes = new Map<string, number>();
  for (const [edge, camera] of belief.cameraBefore) votes.set(camera, (votes.get(camera) ?? 0) + (belief.endProbability[edge] as number));
  const total = [...votes.values()].reduce((sum, v) => sum + v, 0);
  if (total > 0) for (const [camera, v] of votes) votes.set(camera, v / total);
  return votes;
}
