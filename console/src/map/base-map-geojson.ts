/**
 * The console's offline base map, derived from a scenario's road graph (`sim build` output, e.g. data/demo-city):
 * its streets as lines and each municipality's area. The scenario has no surveyed boundary, so the area is drawn on
 * a grid: a cell belongs to the municipality of its nearest junction, when one is within reach; borders run where
 * neighbouring cells differ, so areas never overlap. Pure: the console's build writes the result beside the app
 * (console/vite.config.ts), so the map needs no tile server.
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
export type MultiPolygon = { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly Position[])[])[] };
export type MultiLineString = { readonly type: 'MultiLineString'; readonly coordinates: readonly (readonly Position[])[] };

export interface BaseMap {
  readonly roads: FeatureCollection<LineString, { readonly id: string; readonly lanes: number; readonly municipalityId: string }>;
  readonly municipalities: FeatureCollection<MultiPolygon, { readonly id: string; readonly name: string; readonly labelLongitude: number; readonly labelLatitude: number }>;
  /** Where one municipality's area meets another's (`between`) or ends (`outer`). */
  readonly borders: FeatureCollection<MultiLineString, { readonly kind: 'between' | 'outer' }>;
  /** Junction id → [longitude, latitude]: where route legs and interception points are drawn. */
  readonly junctions: Readonly<Record<string, Position>>;
  /** [west, south, east, north] of every junction. */
  readonly bounds: readonly [number, number, number, number];
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

  const positions = Object.values(junctions);
  const { areas, borders } = municipalityAreas(graph, municipalities, junctions);
  const bounds: [number, number, number, number] = positions.length === 0 ? [0, 0, 0, 0] : [
    Math.min(...positions.map((p) => p[0])), Math.min(...positions.map((p) => p[1])),
    Math.max(...positions.map((p) => p[0])), Math.max(...positions.map((p) => p[1])),
  ];
  return {
    roads: { type: 'FeatureCollection', features: roads },
    municipalities: { type: 'FeatureCollection', features: areas },
    borders: { type: 'FeatureCollection', features: borders },
    junctions,
    bounds,
  };
}

export interface AreaGrid {
  /** Cell size in metres. */
  readonly cellMeters: number;
  /** A cell further than this from every junction belongs to no municipality. */
  readonly reachMeters: number;
}

export const defaultAreaGrid: AreaGrid = { cellMeters: 30, reachMeters: 300 };

const metresPerDegreeLatitude = 111_320;

function municipalityAreas(
  graph: RoadGraphInput, municipalities: readonly MunicipalityInput[], junctions: Readonly<Record<string, Position>>, grid: AreaGrid = defaultAreaGrid,
): { areas: BaseMap['municipalities']['features'][number][]; borders: BaseMap['borders']['features'][number][] } {
  const points = graph.junctions.map((junction) => ({ position: junctions[junction.id]!, municipality: junction.municipalityId }));
  if (points.length === 0) return { areas: [], borders: [] };
  const latitude = points.reduce((sum, point) => sum + point.position[1], 0) / points.length;
  const metresPerDegreeLongitude = metresPerDegreeLatitude * Math.cos((latitude * Math.PI) / 180);
  const dLon = grid.cellMeters / metresPerDegreeLongitude;
  const dLat = grid.cellMeters / metresPerDegreeLatitude;
  const margin = Math.ceil(grid.reachMeters / grid.cellMeters) + 1;
  const west = Math.min(...points.map((point) => point.position[0])) - margin * dLon;
  const south = Math.min(...points.map((point) => point.position[1])) - margin * dLat;
  const columns = Math.ceil((Math.max(...points.map((point) => point.position[0])) + margin * dLon - west) / dLon);
  const rows = Math.ceil((Math.max(...points.map((point) => point.position[1])) + margin * dLat - south) / dLat);

  // Each cell: the municipality of the nearest junction within reach, or '' for none.
  const cells: string[][] = [];
  for (let row = 0; row < rows; row++) {
    const line: string[] = [];
    const y = south + (row + 0.5) * dLat;
    for (let column = 0; column < columns; column++) {
      const x = west + (column + 0.5) * dLon;
      let best = '';
      let bestMetres = grid.reachMeters;
      for (const point of points) {
        const metres = Math.hypot((point.position[0] - x) * metresPerDegreeLongitude, (point.position[1] - y) * metresPerDegreeLatitude);
        if (metres <= bestMetres) {
          bestMetres = metres;
          best = point.municipality;
        }
      }
      line.push(best);
    }
    cells.push(line);
  }
  // A junction's own cell is its municipality's, even where a junction across the border stands nearer its centre.
  for (const point of points) {
    const row = cells[Math.floor((point.position[1] - south) / dLat)];
    if (row) row[Math.floor((point.position[0] - west) / dLon)] = point.municipality;
  }
  const at = (row: number, column: number): string => cells[row]?.[column] ?? '';
  const corner = (row: number, column: number): Position => [round(west + column * dLon), round(south + row * dLat)];

  // Areas: each row's runs of one municipality as rectangles.
  const areas = municipalities.flatMap((municipality) => {
    const rectangles: Position[][][] = [];
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns;) {
        if (at(row, column) !== municipality.id) {
          column++;
          continue;
        }
        const start = column;
        while (at(row, column) === municipality.id) column++;
        rectangles.push([[corner(row, start), corner(row, column), corner(row + 1, column), corner(row + 1, start), corner(row, start)]]);
      }
    }
    const own = points.filter((point) => point.municipality === municipality.id);
    if (rectangles.length === 0 || own.length === 0) return [];
    const labelLongitude = round(own.reduce((sum, point) => sum + point.position[0], 0) / own.length);
    const labelLatitude = round(own.reduce((sum, point) => sum + point.position[1], 0) / own.length);
    return [{ type: 'Feature' as const, geometry: { type: 'MultiPolygon' as const, coordinates: rectangles }, properties: { id: municipality.id, name: municipality.name, labelLongitude, labelLatitude } }];
  });

  // Borders: the cell sides where the two sides differ, joined along each grid line.
  const between: Position[][] = [];
  const outer: Position[][] = [];
  const addRun = (kindOf: (index: number) => 'between' | 'outer' | undefined, length: number, segment: (from: number, to: number) => Position[]) => {
    for (let index = 0; index < length;) {
      const kind = kindOf(index);
      if (!kind) {
        index++;
        continue;
      }
      const start = index;
      while (index < length && kindOf(index) === kind) index++;
      (kind === 'between' ? between : outer).push(segment(start, index));
    }
  };
  const sideKind = (a: string, b: string): 'between' | 'outer' | undefined => (a === b ? undefined : a && b ? 'between' : 'outer');
  for (let row = 0; row <= rows; row++) addRun((column) => sideKind(at(row - 1, column), at(row, column)), columns, (from, to) => [corner(row, from), corner(row, to)]);
  for (let column = 0; column <= columns; column++) addRun((row) => sideKind(at(row, column - 1), at(row, column)), rows, (from, to) => [corner(from, column), corner(to, column)]);
  const borders = [
    { type: 'Feature' as const, geometry: { type: 'MultiLineString' as const, coordinates: between }, properties: { kind: 'between' as const } },
    { type: 'Feature' as const, geometry: { type: 'MultiLineString' as const, coordinates: outer }, properties: { kind: 'outer' as const } },
  ];
  return { areas, borders };
}
