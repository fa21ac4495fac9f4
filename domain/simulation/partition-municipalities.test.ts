import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridNetwork } from './grid-network.js';
import { partitionMunicipalities } from './partition-municipalities.js';
import type { RoadNetwork } from './road-network.js';

/** Whether the junctions of one region are connected through junctions of that region. */
function isConnected(network: RoadNetwork, members: ReadonlySet<string>): boolean {
  const [first] = members;
  if (first === undefined) return true;
  const seen = new Set([first]);
  const stack = [first];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const edge of network.edges) {
      const next = edge.from === id ? edge.to : edge.to === id ? edge.from : undefined;
      if (next !== undefined && members.has(next) && !seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen.size === members.size;
}

const regions = (regionOf: ReadonlyMap<string, number>, count: number) =>
  Array.from({ length: count }, (_, region) => new Set([...regionOf].filter(([, r]) => r === region).map(([id]) => id)));

describe('partitionMunicipalities', () => {
  it('splits a 10 × 10 grid into three connected regions of similar size, numbered north to south', () => {
    const network = gridNetwork(10, 10);
    const { regionOf, sizes } = partitionMunicipalities(network, 3);
    expect(regionOf.size).toBe(100);
    expect(sizes.reduce((a, b) => a + b)).toBe(100);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(4);
    const members = regions(regionOf, 3);
    for (const region of members) expect(isConnected(network, region)).toBe(true);
    const centreY = members.map((region) => [...region].reduce((sum, id) => sum + Number(id.split('_')[1]), 0) / region.size);
    expect(centreY).toEqual([...centreY].sort((a, b) => b - a));
  });

  it('gives the same partition for the same network', () => {
    const network = gridNetwork(7, 5);
    expect(partitionMunicipalities(network, 3)).toEqual(partitionMunicipalities(network, 3));
  });

  it('puts a junction cut off from the network into the region of its nearest neighbour', () => {
    const grid = gridNetwork(4, 4);
    const island = { id: 'island', x: 900, y: 0, type: 'dead_end' };
    const { regionOf } = partitionMunicipalities({ ...grid, junctions: [...grid.junctions, island] }, 2);
    expect(regionOf.get('island')).toBe(regionOf.get('j3_0'));
  });

  it('refuses more regions than the network has junctions', () => {
    expect(() => partitionMunicipalities(gridNetwork(2, 1), 3)).toThrow(RangeError);
  });

  it('property: every region of any grid is connected and no region is empty', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 4 }), (columns, rows, count) => {
      fc.pre(columns * rows >= count);
      const network = gridNetwork(columns, rows);
      const { regionOf, sizes } = partitionMunicipalities(network, count);
      expect(sizes.every((size) => size > 0)).toBe(true);
      for (const region of regions(regionOf, count)) expect(isConnected(network, region)).toBe(true);
    }), { numRuns: 60 });
  });
});
