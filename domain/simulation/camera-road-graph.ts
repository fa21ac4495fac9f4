import { BinaryMinHeap } from '../tracking/index.js';
import type { RoadEdge } from '../tracking/index.js';
import type { PlacedCamera } from './place-cameras.js';
import { freeFlowSeconds, type RoadNetwork } from './road-network.js';

/**
 * The camera-to-camera road graph the graph writer and the tracking subgraph load
 * (`data/demo-region/road-graph.json`'s `{ roads }` shape): a link from each ANPR camera to every camera a vehicle
 * can reach next without passing another, with the fastest free-flow route's length and time. Routes follow the
 * network's allowed turns.
 */
export function cameraRoadGraph(network: RoadNetwork, cameras: readonly PlacedCamera[]): RoadEdge[] {
  const edges = new Map(network.edges.map((edge) => [edge.id, edge]));
  const successors = new Map<string, string[]>();
  for (const { from, to } of network.connections) successors.set(from, [...(successors.get(from) ?? []), to]);
  const anpr = cameras.filter((camera) => camera.anpr);
  const camerasOn = new Map<string, PlacedCamera[]>();
  for (const camera of anpr) camerasOn.set(camera.edgeId, [...(camerasOn.get(camera.edgeId) ?? []), camera]);

  const roads: RoadEdge[] = [];
  for (const camera of anpr) {
    const settled = new Set<string>();
    const frontier = new BinaryMinHeap<{ edgeId: string; meters: number }>();
    for (const next of successors.get(camera.edgeId) ?? []) {
      const edge = edges.get(next);
      if (edge) frontier.push(freeFlowSeconds(edge), { edgeId: next, meters: edge.lengthMeters });
    }
    const reached = new Map<string, { seconds: number; meters: number }>();
    for (let entry = frontier.pop(); entry !== undefined; entry = frontier.pop()) {
      const { edgeId, meters } = entry.value;
      if (settled.has(edgeId)) continue;
      settled.add(edgeId);
      const watchers = (camerasOn.get(edgeId) ?? []).filter((other) => other.id !== camera.id);
      if (watchers.length > 0) {
        for (const other of watchers) if (!reached.has(other.id)) reached.set(other.id, { seconds: entry.priority, meters });
        continue;
      }
      if (edgeId === camera.edgeId) continue;
      for (const next of successors.get(edgeId) ?? []) {
        const edge = edges.get(next);
        if (edge && !settled.has(next)) frontier.push(entry.priority + freeFlowSeconds(edge), { edgeId: next, meters: meters + edge.lengthMeters });
      }
    }
    for (const [to, { seconds, meters }] of [...reached].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      roads.push({ from: camera.id, to, lengthMeters: Math.max(1, Math.round(meters)), freeFlowSeconds: Math.max(1, Math.round(seconds)) });
    }
  }
  return roads;
}
