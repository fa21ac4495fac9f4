import { z } from 'zod';
import { DongseonError } from '../errors/index.js';
import { BinaryMinHeap } from './binary-min-heap.js';

/** A directed road link between two cameras, as `data/<region>/road-graph.json` lists them. */
export const roadEdgeSchema = z.strictObject({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
  lengthMeters: z.number().positive().finite(),
  /** Travel time at free flow; the fastest a vehicle is expected to make the link. */
  freeFlowSeconds: z.number().positive().finite(),
});
export type RoadEdge = z.infer<typeof roadEdgeSchema>;

export interface RoadLink {
  readonly to: string;
  readonly lengthMeters: number;
  readonly freeFlowSeconds: number;
}

export interface RoadGraph {
  /** Outgoing links per camera; every camera on any edge is a key. */
  readonly links: ReadonlyMap<string, readonly RoadLink[]>;
}

/** Builds the graph from an edge list, or from the `{ roads: [...] }` file shape; a bad edge refuses the whole graph. */
export function loadRoadGraph(source: unknown): RoadGraph {
  const edges = typeof source === 'object' && source !== null && !Array.isArray(source) && 'roads' in source ? source.roads : source;
  const parsed = z.array(roadEdgeSchema).safeParse(edges);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    throw new DongseonError('DS_ROAD_GRAPH_INVALID', `road graph: malformed at ${where || 'the top level'}`);
  }
  const links = new Map<string, RoadLink[]>();
  for (const edge of parsed.data) {
    const out = links.get(edge.from) ?? [];
    out.push({ to: edge.to, lengthMeters: edge.lengthMeters, freeFlowSeconds: edge.freeFlowSeconds });
    links.set(edge.from, out);
    if (!links.has(edge.to)) links.set(edge.to, []);
  }
  return { links };
}

/** One graph of several regions' road graphs: a camera's links are those every graph gives it. */
export function mergeRoadGraphs(graphs: readonly RoadGraph[]): RoadGraph {
  const links = new Map<string, RoadLink[]>();
  for (const graph of graphs) {
    for (const [camera, out] of graph.links) links.set(camera, [...(links.get(camera) ?? []), ...out]);
  }
  return { links };
}

// Shortest free-flow times from each source already asked for, per graph; a graph is immutable once loaded.
const fastestFrom = new WeakMap<RoadGraph, Map<string, ReadonlyMap<string, number>>>();

function dijkstra(graph: RoadGraph, source: string): ReadonlyMap<string, number> {
  const settled = new Map<string, number>();
  const frontier = new BinaryMinHeap<string>();
  frontier.push(0, source);
  for (let entry = frontier.pop(); entry !== undefined; entry = frontier.pop()) {
    if (settled.has(entry.value)) continue;
    settled.set(entry.value, entry.priority);
    for (const link of graph.links.get(entry.value) ?? []) {
      if (!settled.has(link.to)) frontier.push(entry.priority + link.freeFlowSeconds, link.to);
    }
  }
  return settled;
}

/** Free-flow travel time of the fastest route from one camera to another; undefined when none exists. */
export function fastestTravelSeconds(graph: RoadGraph, fromCamera: string, toCamera: string): number | undefined {
  if (!graph.links.has(fromCamera)) return undefined;
  let bySource = fastestFrom.get(graph);
  if (!bySource) {
    bySource = new Map();
    fastestFrom.set(graph, bySource);
  }
  let times = bySource.get(fromCamera);
  if (!times) {
    times = dijkstra(graph, fromCamera);
    bySource.set(fromCamera, times);
  }
  return times.get(toCamera);
}
