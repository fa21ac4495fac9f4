import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveBaseMap, type Position, type RoadGraphInput } from './base-map-geojson.js';

const scenario = (file: string) => JSON.parse(readFileSync(new URL(`../../../data/demo-city/${file}`, import.meta.url), 'utf8')) as unknown;

describe('the base map', () => {
  it('derives streets, municipality areas and junctions from the demo city', () => {
    const graph = scenario('road-graph.json') as RoadGraphInput;
    const municipalities = scenario('municipalities.json') as { id: string; name: string }[];
    const map = deriveBaseMap(graph, municipalities);
    expect(Object.keys(map.junctions)).toHaveLength(graph.junctions.length);
    expect(map.roads.features.length).toBeGreaterThan(graph.edges.length / 2 - 1);
    expect(map.roads.features.length).toBeLessThanOrEqual(graph.edges.length);
    expect(map.municipalities.features.map((feature) => feature.properties.name)).toEqual(['수원시', '화성시', '오산시']);
    // Every junction lies in an area, its own municipality's but where two junctions of two cities share a grid cell.
    const inRectangles = (area: (typeof map.municipalities.features)[number], [x, y]: Position) =>
      area.geometry.coordinates.some(([ring]) => ring![0]![0] <= x && x <= ring![1]![0] && ring![0]![1] <= y && y <= ring![2]![1]);
    const holdersOf = (id: string) => map.municipalities.features.filter((area) => inRectangles(area, map.junctions[id]!)).map((area) => area.properties.id);
    for (const junction of graph.junctions) expect(holdersOf(junction.id).length, junction.id).toBeGreaterThan(0);
    const elsewhere = graph.junctions.filter((junction) => !holdersOf(junction.id).includes(junction.municipalityId));
    expect(elsewhere.length).toBeLessThanOrEqual(graph.junctions.length / 100);
    expect(map.borders.features.map((feature) => [feature.properties.kind, feature.geometry.coordinates.length > 0])).toEqual([['between', true], ['outer', true]]);
    const [west, south, east, north] = map.bounds;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
  });
});
