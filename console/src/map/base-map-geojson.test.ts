import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convexHull, deriveBaseMap, type Position, type RoadGraphInput } from './base-map-geojson.js';

const scenario = (file: string) => JSON.parse(readFileSync(new URL(`../../../data/demo-city/${file}`, import.meta.url), 'utf8')) as unknown;

/** Whether `point` lies inside or on the closed counter-clockwise ring. */
function insideConvex(ring: readonly Position[], point: Position): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [ring[i]!, ring[i + 1]!];
    if ((b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0]) < -1e-12) return false;
  }
  return true;
}

describe('the base map', () => {
  it('takes the hull of a square and its inner point as the square', () => {
    expect(convexHull([[0, 0], [1, 0], [1, 1], [0, 1], [0.5, 0.5]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('derives streets, municipality areas and junctions from the demo city', () => {
    const graph = scenario('road-graph.json') as RoadGraphInput;
    const municipalities = scenario('municipalities.json') as { id: string; name: string }[];
    const map = deriveBaseMap(graph, municipalities);
    expect(Object.keys(map.junctions)).toHaveLength(graph.junctions.length);
    expect(map.roads.features.length).toBeGreaterThan(graph.edges.length / 2 - 1);
    expect(map.roads.features.length).toBeLessThanOrEqual(graph.edges.length);
    expect(map.municipalities.features.map((feature) => feature.properties.name)).toEqual(['수원시', '화성시', '오산시']);
    for (const area of map.municipalities.features) {
      const ring = area.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const junction of graph.junctions.filter((entry) => entry.municipalityId === area.properties.id)) {
        expect(insideConvex(ring, map.junctions[junction.id]!)).toBe(true);
      }
    }
    const [west, south, east, north] = map.bounds;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
  });
});
