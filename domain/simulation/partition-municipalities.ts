import { BinaryMinHeap } from '../tracking/index.js';
import type { NetworkJunction, RoadNetwork } from './road-network.js';

export interface JunctionPartition {
  /** Region index (0 … count − 1) of every junction; regions are numbered north to south by their centre. */
  readonly regionOf: ReadonlyMap<string, number>;
  /** Junctions per region. */
  readonly sizes: readonly number[];
}

/** Undirected adjacency of the junctions along the network's edges. */
function undirectedNeighbours(network: RoadNetwork): Map<string, string[]> {
  const neighbours = new Map<string, Set<string>>(network.junctions.map((junction) => [junction.id, new Set()]));
  for (const edge of network.edges) {
    if (edge.from === edge.to) continue;
    neighbours.get(edge.from)?.add(edge.to);
    neighbours.get(edge.to)?.add(edge.from);
  }
  return new Map([...neighbours].map(([id, set]) => [id, [...set].sort()]));
}

function connectedComponents(junctions: readonly NetworkJunction[], neighbours: ReadonlyMap<string, readonly string[]>): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const junction of junctions) {
    if (seen.has(junction.id)) continue;
    const component: string[] = [];
    const stack = [junction.id];
    seen.add(junction.id);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      component.push(id);
      for (const next of neighbours.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    components.push(component);
  }
  return components.sort((a, b) => b.length - a.length);
}

const squaredDistance = (a: NetworkJunction, b: NetworkJunction): number => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

/** Farthest-point seeds: the junction farthest from the centre, then each next one farthest from those chosen. */
function spreadSeeds(junctions: readonly NetworkJunction[], count: number): NetworkJunction[] {
  const centre = {
    x: junctions.reduce((sum, j) => sum + j.x, 0) / junctions.length,
    y: junctions.reduce((sum, j) => sum + j.y, 0) / junctions.length,
  } as NetworkJunction;
  const farthest = (score: (junction: NetworkJunction) => number): NetworkJunction =>
    junctions.reduce((best, junction) => (score(junction) > score(best) ? junction : best));
  const seeds = [farthest((junction) => squaredDistance(junction, centre))];
  while (seeds.length < Math.min(count, junctions.length)) {
    seeds.push(farthest((junction) => Math.min(...seeds.map((seed) => squaredDistance(junction, seed)))));
  }
  return seeds;
}

/**
 * Splits a road network's junctions into `count` connected regions of similar size, along the graph: regions
 * grow from spread-out seeds, the smallest region always taking its nearest unclaimed neighbouring junction, so
 * every region is connected and the borders fall where the regions meet. Junctions of a part of the network not
 * connected to its largest part (an island) join the region of the nearest junction already assigned. Pure and
 * deterministic: the same network gives the same partition.
 */
export function partitionMunicipalities(network: RoadNetwork, count: number): JunctionPartition {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
  const byId = new Map(network.junctions.map((junction) => [junction.id, junction]));
  const neighbours = undirectedNeighbours(network);
  const [main = [], ...islands] = connectedComponents(network.junctions, neighbours);
  const mainJunctions = main.map((id) => byId.get(id) as NetworkJunction);
  if (mainJunctions.length < count) throw new RangeError(`the network's largest connected part has ${mainJunctions.length} junctions, fewer than ${count} regions`);

  const seeds = spreadSeeds(mainJunctions, count);
  const regionOf = new Map<string, number>();
  const sizes = seeds.map(() => 0);
  const frontiers = seeds.map(() => new BinaryMinHeap<string>());
  const claim = (region: number, id: string): void => {
    regionOf.set(id, region);
    sizes[region] = (sizes[region] as number) + 1;
    const seed = seeds[region] as NetworkJunction;
    for (const next of neighbours.get(id) ?? []) {
      if (!regionOf.has(next)) frontiers[region]?.push(squaredDistance(byId.get(next) as NetworkJunction, seed), next);
    }
  };
  seeds.forEach((seed, region) => claim(region, seed.id));

  for (;;) {
    let grown = false;
    // Smallest region first; ties go to the lower index, so the order is deterministic.
    const order = sizes.map((size, region) => ({ size, region })).sort((a, b) => a.size - b.size || a.region - b.region);
    for (const { region } of order) {
      const frontier = frontiers[region] as BinaryMinHeap<string>;
      let next = frontier.pop();
      while (next !== undefined && regionOf.has(next.value)) next = frontier.pop();
      if (next === undefined) continue;
      claim(region, next.value);
      grown = true;
      break;
    }
    if (!grown) break;
  }

  balanceRegions(regionOf, sizes, neighbours, (id, region) => squaredDistance(byId.get(id) as NetworkJunction, seeds[region] as NetworkJunction));

  const assigned = mainJunctions;
  for (const island of islands) {
    for (const id of island) {
      const junction = byId.get(id) as NetworkJunction;
      const nearest = assigned.reduce((best, other) => (squaredDistance(other, junction) < squaredDistance(best, junction) ? other : best));
      const region = regionOf.get(nearest.id) as number;
      regionOf.set(id, region);
      sizes[region] = (sizes[region] as number) + 1;
    }
  }
  return northToSouth(regionOf, sizes, byId);
}

/** Border junctions tried per move before balancing gives up. */
const candidatesPerMove = 25;

/** Whether a region stays connected without `removed`. */
function staysConnected(regionOf: ReadonlyMap<string, number>, neighbours: ReadonlyMap<string, readonly string[]>, region: number, removed: string): boolean {
  const inside = (id: string) => id !== removed && regionOf.get(id) === region;
  const starts = (neighbours.get(removed) ?? []).filter(inside);
  const [first] = starts;
  if (first === undefined) return false;
  const seen = new Set([first]);
  const stack = [first];
  while (stack.length > 0 && starts.some((id) => !seen.has(id))) {
    for (const next of neighbours.get(stack.pop() as string) ?? []) {
      if (inside(next) && !seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  // Every other junction of the region hangs off one of the removed junction's neighbours: when those still
  // reach each other without it, the region is still one piece.
  return starts.every((id) => seen.has(id));
}

/**
 * Growing can box a region in before it reaches its share. Moves border junctions from the largest region to a
 * smaller neighbouring one, farthest from the large region's seed first, while the large region stays connected.
 */
function balanceRegions(
  regionOf: Map<string, number>, sizes: number[], neighbours: ReadonlyMap<string, readonly string[]>,
  distanceToSeed: (id: string, region: number) => number,
): void {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const tolerance = Math.max(1, Math.ceil((0.02 * total) / sizes.length));
  for (let move = 0; move < total; move++) {
    const largest = sizes.indexOf(Math.max(...sizes));
    if ((sizes[largest] as number) - Math.min(...sizes) <= tolerance) return;
    const border: { id: string; to: number; distance: number }[] = [];
    for (const [id, region] of regionOf) {
      if (region !== largest) continue;
      const smaller = (neighbours.get(id) ?? []).map((next) => regionOf.get(next) as number)
        .filter((other) => other !== largest && (sizes[other] as number) < (sizes[largest] as number) - 1);
      if (smaller.length === 0) continue;
      const to = smaller.reduce((best, other) => ((sizes[other] as number) < (sizes[best] as number) || ((sizes[other] as number) === (sizes[best] as number) && other < best) ? other : best));
      border.push({ id, to, distance: distanceToSeed(id, largest) });
    }
    border.sort((a, b) => (sizes[a.to] as number) - (sizes[b.to] as number) || b.distance - a.distance || (a.id < b.id ? -1 : 1));
    const movable = border.slice(0, candidatesPerMove).find(({ id }) => staysConnected(regionOf, neighbours, largest, id));
    if (movable === undefined) return;
    regionOf.set(movable.id, movable.to);
    sizes[largest] = (sizes[largest] as number) - 1;
    sizes[movable.to] = (sizes[movable.to] as number) + 1;
  }
}

/** Renumbers regions by the y of their centre, highest (northmost) first. */
function northToSouth(regionOf: Map<string, number>, sizes: number[], byId: ReadonlyMap<string, NetworkJunction>): JunctionPartition {
  const sumY = sizes.map(() => 0);
  for (const [id, region] of regionOf) sumY[region] = (sumY[region] as number) + (byId.get(id) as NetworkJunction).y;
  const order = sizes.map((size, region) => ({ region, centreY: (sumY[region] as number) / Math.max(size, 1) }))
    .sort((a, b) => b.centreY - a.centreY || a.region - b.region);
  const renumber = new Map(order.map(({ region }, index) => [region, index]));
  return {
    regionOf: new Map([...regionOf].map(([id, region]) => [id, renumber.get(region) as number])),
    sizes: order.map(({ region }) => sizes[region] as number),
  };
}
