/**
 * The console's offline base map, derived from a scenario's road graph (`sim build` output, e.g. data/demo-city):
 * its streets as lines and each municipality's area as the convex hull of its junctions (the scenario has no
 * surveyed boundary; the hull is the area its streets cover). Pure: the console's build writes the result as
 * GeoJSON files beside the app (console/vite.config.ts), so the map needs no tile server.
 */
export interface RoadGraphInput {
  readonly junctions: readonly { readonly id: string; readonly latitude: number; readonly longitude: number; readonly municipalityId: string }[];
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string; readonly lanes: number; readonly municipalityId: string }[];
}

export interface MunicipalityInput {
  readonly id: string;
  readonly name: string;
}

export type Position = readonly [longitude: number, latitude: number];

export interface Feature<G, P> {
  readonly type: 'Feature';
  readonly geometry: G;
  readonly properties: P;
}

export interface FeatureCollection<G, P> {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature<G, P>[];
}

export type LineString = { readonly type: 'LineString'; readonly coordinates: readonly Position[] };
export type Polygon = { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] };

export interface BaseMap {
  readonly roads: FeatureCollection<LineString, { readonly id: string; readonly lanes: number; readonly municipalityId: string }>;
  readonly municipalities: FeatureCollection<Polygon, { readonly id: string; readonly name: string; readonly labelLongitude: number; readonly labelLatitude: number }>;
  /** Junction id → [longitude, latitude]: where route legs and interception points are drawn. */
  readonly junctions: Readonly<Record<string, Position>>;
  /** [west, south, east, north] of every junction. */
  readonly bounds: readonly [number, number, number, number];
}

const cross = (o: Position, a: Position, b: Position): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Andrew's monotone chain; the ring closed (first position repeated), counter-clockwise. */
export function convexHull(points: readonly Position[]): Position[] {
  const sorted = [...new Map(points.map((point) => [`${point[0]},${point[1]}`, point])).values()]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return [...sorted, ...sorted.slice(0, 1)];
  const lower: Position[] = [];
  for (const point of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, point) <= 0) lower.pop();
    lower.push(point);
  }
  const upper: Position[] = [];
  for (const point of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, point) <= 0) upper.pop();
    upper.push(point);
  }
  const ring = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...ring, ring[0]!];
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

export function deriveBaseMap(graph: RoadGraphInput, municipalities: readonly MunicipalityInput[]): BaseMap {
  const junctions: Record<string, Position> = {};
  for (const junction of graph.junctions) junctions[junction.id] = [round(junction.longitude), round(junction.latitude)];

  // A two-way street is two directed edges: draw it once.
  const drawn = new Set<string>();
  const roads = graph.edges.flatMap((edge) => {
    const from = junctions[edge.from];
    const to = junctions[edge.to];
    const key = [edge.from, edge.to].sort().join('|');
    if (!from || !to || drawn.has(key)) return [];
    drawn.add(key);
    return [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [from, to] }, properties: { id: edge.id, lanes: edge.lanes, municipalityId: edge.municipalityId } }];
  });

  const areas = municipalities.flatMap((municipality) => {
    const points = graph.junctions.filter((junction) => junction.municipalityId === municipality.id).map((junction) => junctions[junction.id]!);
    if (points.length < 3) return [];
    const ring = convexHull(points);
    const labelLongitude = round(points.reduce((sum, point) => sum + point[0], 0) / points.length);
    const labelLatitude = round(points.reduce((sum, point) => sum + point[1], 0) / points.length);
    return [{ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [ring] }, properties: { id: municipality.id, name: municipality.name, labelLongitude, labelLatitude } }];
  });

  const positions = Object.values(junctions);
  const bounds: [number, number, number, number] = positions.length === 0 ? [0, 0, 0, 0] : [
    Math.min(...positions.map((p) => p[0])), Math.min(...positions.map((p) => p[1])),
    Math.max(...positions.map((p) => p[0])), Math.max(...positions.map((p) => p[1])),
  ];
  return {
    roads: { type: 'FeatureCollection', features: roads },
    municipalities: { type: 'FeatureCollection', features: areas },
    junctions,
    bounds,
  };
}
