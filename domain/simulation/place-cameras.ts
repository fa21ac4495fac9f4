import type { RandomSource } from '../plates/index.js';
import type { NetworkEdge, NetworkJunction, RoadNetwork } from './road-network.js';
import { shuffled, uniform } from './stage-random.js';

/** A camera at an intersection, watching one approach. */
export interface PlacedCamera {
  readonly id: string;
  readonly municipalityId: string;
  readonly junctionId: string;
  /** The approach it watches: vehicles are seen as they leave this edge into the junction. */
  readonly edgeId: string;
  /** Where along the edge, from its start: the stop line, a few metres before the junction. */
  readonly positionMeters: number;
  /** The direction the camera looks, compass degrees: against the traffic it reads, so it sees front plates. */
  readonly headingDegrees: number;
  readonly anpr: boolean;
  /** Share of passes this camera misses (ANPR cameras only; 0 for CCTV). */
  readonly missRate: number;
}

export interface CameraPlacementOptions {
  /** Share of intersections that get an ANPR camera (0 … 1). */
  readonly anprShare: number;
  /** Share of intersections that get a plain CCTV camera without ANPR. */
  readonly cctvShare: number;
  /** Range a camera's miss rate is drawn from. */
  readonly missRateRange: readonly [number, number];
}

export const defaultCameraPlacement: CameraPlacementOptions = { anprShare: 0.1, cctvShare: 0.02, missRateRange: [0.02, 0.1] };

/** How far before the junction a camera reads plates (the stop line). */
const stopLineSetbackMeters = 5;

/** An intersection: a junction where at least two roads meet on the way in, or three in all. */
function isIntersection(junction: NetworkJunction, incoming: number, incident: number): boolean {
  return junction.type !== 'dead_end' && (incoming >= 2 || incident >= 3);
}

/** The approach a camera at this junction watches: the busiest-looking road in (most lanes, then fastest). */
function mainApproach(random: RandomSource, approaches: readonly NetworkEdge[]): NetworkEdge {
  const rank = (edge: NetworkEdge) => edge.lanes * 1000 + edge.speedLimitMps;
  const best = Math.max(...approaches.map(rank));
  const candidates = approaches.filter((edge) => rank(edge) === best);
  return candidates[Math.floor(random() * candidates.length)] as NetworkEdge;
}

const cameraNumber = (n: number) => String(n).padStart(3, '0');

/**
 * Places ANPR cameras at a share of the intersections (each watching its main approach) and a few plain CCTV
 * cameras, every municipality getting at least one ANPR camera. Ids are `cam-<municipality>-t<nnn>` (ANPR) and
 * `cctv-<municipality>-t<nnn>`, numbered per municipality in junction-id order. Pure: seeded by `random`.
 */
export function placeCameras(
  random: RandomSource,
  network: RoadNetwork,
  municipalityOfJunction: ReadonlyMap<string, string>,
  options: CameraPlacementOptions = defaultCameraPlacement,
): PlacedCamera[] {
  const incoming = new Map<string, NetworkEdge[]>();
  const incident = new Map<string, number>();
  for (const edge of network.edges) {
    if (edge.from === edge.to) continue;
    incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge]);
    incident.set(edge.to, (incident.get(edge.to) ?? 0) + 1);
    incident.set(edge.from, (incident.get(edge.from) ?? 0) + 1);
  }
  const intersections = network.junctions
    .filter((junction) => isIntersection(junction, incoming.get(junction.id)?.length ?? 0, incident.get(junction.id) ?? 0))
    .filter((junction) => (incoming.get(junction.id)?.length ?? 0) > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = shuffled(random, intersections);
  const anprCount = Math.min(order.length, Math.max(1, Math.round(options.anprShare * intersections.length)));
  const anprJunctions = order.slice(0, anprCount);
  // Every municipality gets at least one ANPR camera: swap in its first intersection in the shuffled order.
  const municipalities = [...new Set(municipalityOfJunction.values())].sort();
  for (const municipality of municipalities) {
    if (anprJunctions.some((junction) => municipalityOfJunction.get(junction.id) === municipality)) continue;
    const spare = order.slice(anprCount).find((junction) => municipalityOfJunction.get(junction.id) === municipality);
    if (spare === undefined) continue;
    const counts = new Map<string, number>();
    for (const junction of anprJunctions) counts.set(municipalityOfJunction.get(junction.id) as string, (counts.get(municipalityOfJunction.get(junction.id) as string) ?? 0) + 1);
    const donor = anprJunctions.findLastIndex((junction) => (counts.get(municipalityOfJunction.get(junction.id) as string) ?? 0) > 1);
    if (donor >= 0) anprJunctions[donor] = spare;
    else anprJunctions.push(spare);
  }
  const taken = new Set(anprJunctions.map((junction) => junction.id));
  const cctvCount = Math.round(options.cctvShare * intersections.length);
  const cctvJunctions = order.filter((junction) => !taken.has(junction.id)).slice(0, cctvCount);

  const numbered = new Map<string, number>();
  const place = (junction: NetworkJunction, anpr: boolean): PlacedCamera => {
    const municipalityId = municipalityOfJunction.get(junction.id) as string;
    const approach = mainApproach(random, incoming.get(junction.id) as NetworkEdge[]);
    const key = `${anpr ? 'cam' : 'cctv'}-${municipalityId}`;
    const n = (numbered.get(key) ?? 0) + 1;
    numbered.set(key, n);
    return {
      id: `${key}-t${cameraNumber(n)}`,
      municipalityId,
      junctionId: junction.id,
      edgeId: approach.id,
      positionMeters: Math.max(0, approach.lengthMeters - stopLineSetbackMeters),
      headingDegrees: Math.round((approach.arrivalBearingDegrees + 180) % 360),
      anpr,
      missRate: anpr ? Number(uniform(random, options.missRateRange[0], options.missRateRange[1]).toFixed(4)) : 0,
    };
  };
  const byJunctionId = (a: NetworkJunction, b: NetworkJunction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [
    ...[...anprJunctions].sort(byJunctionId).map((junction) => place(junction, true)),
    ...[...cctvJunctions].sort(byJunctionId).map((junction) => place(junction, false)),
  ];
}
