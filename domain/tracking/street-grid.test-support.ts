import type { StreetGraphFile } from './street-network.js';

/**
 * A grid of two-way streets for tests: 200 m blocks at 10 m/s (20 s each), junction jXY at column X, row Y, every
 * turn allowed but the U-turn. `municipalityOfColumn` places each column's junctions.
 */
export function streetGrid(columns: number, rows: number, municipalityOfColumn: (x: number) => string = () => 'suwon'): StreetGraphFile {
  const junctions: StreetGraphFile['junctions'] = [];
  const edges: StreetGraphFile['edges'] = [];
  for (let x = 0; x < columns; x++) {
    for (let y = 0; y < rows; y++) junctions.push({ id: `j${x}${y}`, latitude: 37.2 + y * 0.0018, longitude: 127 + x * 0.00225, municipalityId: municipalityOfColumn(x) });
  }
  const link = (a: string, b: string) => edges.push({ id: `${a}-${b}`, from: a, to: b, lengthMeters: 200, freeFlowSeconds: 20, municipalityId: 'suwon' });
  for (let x = 0; x < columns; x++) {
    for (let y = 0; y < rows; y++) {
      if (x < columns - 1) { link(`j${x}${y}`, `j${x + 1}${y}`); link(`j${x + 1}${y}`, `j${x}${y}`); }
      if (y < rows - 1) { link(`j${x}${y}`, `j${x}${y + 1}`); link(`j${x}${y + 1}`, `j${x}${y}`); }
    }
  }
  const connections: [string, string][] = [];
  for (const a of edges) for (const b of edges) if (a.to === b.from && b.to !== a.from) connections.push([a.id, b.id]);
  return { junctions, edges, connections };
}
