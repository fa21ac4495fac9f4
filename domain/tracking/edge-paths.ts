import { BinaryMinHeap } from './binary-min-heap.js';
import type { StreetNetwork } from './street-network.js';

/**
 * A drive along edges, both ends included. `seconds` counts the edges after the first: a camera reads a vehicle
 * as it leaves its edge, so the time between two sightings is the time spent on the edges after the first.
 */
export interface EdgePath {
  readonly edges: readonly number[];
  readonly seconds: number;
}

export interface ShortestTree {
  readonly seconds: Float64Array;
  /** The neighbouring edge towards the root (the previous edge forward, the next edge backward); -1 at the root. */
  readonly via: Int32Array;
}

/**
 * Dijkstra over edges with `costs[e]` the seconds spent on edge e. Forward from `root`: the time from leaving
 * `root` to leaving each edge. Backward to `root`: the time from leaving each edge to leaving `root`.
 */
export function shortestTree(
  network: StreetNetwork, costs: Float64Array, root: number, direction: 'forward' | 'backward', maxSeconds = Infinity,
): ShortestTree {
  const n = network.edges.length;
  const seconds = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const frontier = new BinaryMinHeap<number>();
  seconds[root] = 0;
  frontier.push(0, root);
  const neighbours = direction === 'forward' ? network.successors : network.predecessors;
  for (let entry = frontier.pop(); entry !== undefined; entry = frontier.pop()) {
    const edge = entry.value;
    if (done[edge] === 1) continue;
    done[edge] = 1;
    if (entry.priority > maxSeconds) break;
    for (const next of neighbours[edge] ?? []) {
      const step = direction === 'forward' ? (costs[next] as number) : (costs[edge] as number);
      const total = entry.priority + step;
      if (total < (seconds[next] as number)) {
        seconds[next] = total;
        via[next] = edge;
        frontier.push(total, next);
      }
    }
  }
  return { seconds, via };
}

function forwardEdgesTo(tree: ShortestTree, edge: number): number[] {
  const edges: number[] = [];
  for (let at = edge; at !== -1; at = tree.via[at] as number) edges.push(at);
  return edges.reverse();
}

function backwardEdgesFrom(tree: ShortestTree, edge: number): number[] {
  const edges: number[] = [];
  for (let at = edge; at !== -1; at = tree.via[at] as number) edges.push(at);
  return edges;
}

/** The fastest drive from a forward tree's root to leaving `to`; undefined when the tree does not reach it. */
export function pathInTree(tree: ShortestTree, to: number): EdgePath | undefined {
  const seconds = tree.seconds[to] as number;
  return Number.isFinite(seconds) ? { edges: forwardEdgesTo(tree, to), seconds } : undefined;
}

/** The fastest drive from leaving `from` to leaving `to` under the given edge costs; undefined when none. */
export function fastestEdgePath(network: StreetNetwork, costs: Float64Array, from: number, to: number): EdgePath | undefined {
  if (from === to) return { edges: [from], seconds: 0 };
  return pathInTree(shortestTree(network, costs, from, 'forward'), to);
}

export interface AlternativePathOptions {
  readonly maxPaths: number;
  /** Alternatives slower than the fastest by more than this factor, plus `slackSeconds`, are not considered. */
  readonly maxStretch: number;
  readonly slackSeconds: number;
  /** The time the vehicle actually took: slower alternatives are considered up to it, but never past 3× the fastest. */
  readonly observedSeconds?: number;
}

/**
 * The fastest drive and its via-edge alternatives: for each edge e, the fastest drive through e (fastest to e, then
 * fastest from e), taken in order of total time, without repeated edges or duplicates. Two Dijkstra runs find all
 * of them, which keeps a 50-sighting route well inside a request's budget.
 */
export function alternativeEdgePaths(
  network: StreetNetwork, costs: Float64Array, from: number, to: number, options: AlternativePathOptions,
): EdgePath[] {
  if (from === to) return [{ edges: [from], seconds: 0 }];
  const forward = shortestTree(network, costs, from, 'forward');
  const best = forward.seconds[to] as number;
  if (!Number.isFinite(best)) return [];
  const limit = Math.max(best * options.maxStretch + options.slackSeconds, Math.min(options.observedSeconds ?? 0, best * 3));
  const backward = shortestTree(network, costs, to, 'backward', limit);
  const vias: { edge: number; seconds: number }[] = [];
  for (let edge = 0; edge < network.edges.length; edge++) {
    const total = (forward.seconds[edge] as number) + (backward.seconds[edge] as number);
    if (total <= limit) vias.push({ edge, seconds: total });
  }
  vias.sort((a, b) => a.seconds - b.seconds);
  const paths: EdgePath[] = [];
  const seen = new Set<string>();
  const covered = new Set<number>();
  for (const { edge, seconds } of vias) {
    if (paths.length >= options.maxPaths) break;
    if (covered.has(edge)) continue;
    const edges = [...forwardEdgesTo(forward, edge), ...backwardEdgesFrom(backward, edge).slice(1)];
    if (new Set(edges).size !== edges.length) continue;
    const key = edges.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    for (const on of edges) covered.add(on);
    paths.push({ edges, seconds });
  }
  return paths;
}
