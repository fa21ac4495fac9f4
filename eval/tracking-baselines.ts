import { fastestEdgePath, tripGaps, type CameraSighting, type StreetNetwork } from '../domain/tracking/index.js';

/** Route baseline: the free-flow fastest path between the two sightings' camera edges. */
export function freeFlowRoute(network: StreetNetwork, costs: Float64Array, from: string, to: string): readonly number[] | undefined {
  const a = network.cameras.get(from);
  const b = network.cameras.get(to);
  return a && b ? fastestEdgePath(network, costs, a.edgeIndex, b.edgeIndex)?.edges : undefined;
}

/** Next-camera baseline: order-1 camera-to-camera frequencies of the training sightings, as seen (no repair of misses). */
export function transitionFrequencyBaseline(sequences: readonly (readonly CameraSighting[])[], maxGapSeconds: number) {
  const counts = new Map<string, Map<string, number>>();
  const popularity = new Map<string, number>();
  for (const sequence of sequences) {
    for (const [from, to] of tripGaps(sequence, maxGapSeconds)) {
      const row = counts.get(from.cameraId) ?? new Map<string, number>();
      row.set(to.cameraId, (row.get(to.cameraId) ?? 0) + 1);
      counts.set(from.cameraId, row);
      popularity.set(to.cameraId, (popularity.get(to.cameraId) ?? 0) + 1);
    }
  }
  const byPopularity = [...popularity].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  /** Cameras ranked by how often training vehicles went there next from `cameraId`, then by overall popularity. */
  return (cameraId: string): string[] => {
    const row = [...(counts.get(cameraId) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    return [...row, ...byPopularity.filter((id) => !row.includes(id))];
  };
}
