import { bearingDegrees, type NetworkEdge, type NetworkJunction, type RoadNetwork } from './road-network.js';

/**
 * A `columns` × `rows` grid of junctions `spacing` metres apart, two-way streets between neighbours and every
 * turn allowed except U-turns: the smallest network worth testing partitions, cameras and routes on.
 */
export function gridNetwork(columns: number, rows: number, spacing = 200): RoadNetwork {
  const junctions: NetworkJunction[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) junctions.push({ id: `j${column}_${row}`, x: column * spacing, y: row * spacing, type: 'priority' });
  }
  const byId = new Map(junctions.map((junction) => [junction.id, junction]));
  const edges: NetworkEdge[] = [];
  const street = (from: string, to: string) => {
    const a = byId.get(from) as NetworkJunction;
    const b = byId.get(to) as NetworkJunction;
    edges.push({ id: `${from}-${to}`, from, to, lengthMeters: spacing, speedLimitMps: 13.89, lanes: 1, arrivalBearingDegrees: bearingDegrees(a.x, a.y, b.x, b.y) });
  };
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (column + 1 < columns) {
        street(`j${column}_${row}`, `j${column + 1}_${row}`);
        street(`j${column + 1}_${row}`, `j${column}_${row}`);
      }
      if (row + 1 < rows) {
        street(`j${column}_${row}`, `j${column}_${row + 1}`);
        street(`j${column}_${row + 1}`, `j${column}_${row}`);
      }
    }
  }
  const connections = edges.flatMap((into) => edges
    .filter((out) => out.from === into.to && out.to !== into.from)
    .map((out) => ({ from: into.id, to: out.id })));
  return { junctions, edges, connections };
}
