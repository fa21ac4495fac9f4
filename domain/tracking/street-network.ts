import { z } from 'zod';
import { DongseonError } from '../errors/index.js';

/** The scenario's `road-graph.json` (sim/README.md): junctions, directed edges and allowed turns. */
export const streetGraphFileSchema = z.object({
  junctions: z.array(z.object({
    id: z.string().min(1),
    latitude: z.number().finite(),
    longitude: z.number().finite(),
    municipalityId: z.string().min(1),
  })),
  edges: z.array(z.object({
    id: z.string().min(1),
    from: z.string().min(1),
    to: z.string().min(1),
    lengthMeters: z.number().nonnegative().finite(),
    freeFlowSeconds: z.number().nonnegative().finite(),
    municipalityId: z.string().min(1),
  })),
  connections: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
});

/** The scenario's `cameras.json`; plain CCTV cameras (no ANPR) make no sightings and are left out. */
export const streetCamerasFileSchema = z.array(z.object({
  id: z.string().min(1),
  municipalityId: z.string().min(1),
  edgeId: z.string().min(1),
  anpr: z.boolean(),
}));

export type StreetGraphFile = z.infer<typeof streetGraphFileSchema>;
export type StreetCamerasFile = z.infer<typeof streetCamerasFileSchema>;

export interface StreetJunction {
  readonly id: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly municipalityId: string;
}

export interface StreetEdge {
  readonly index: number;
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly lengthMeters: number;
  /** Never below a tenth of a second, so every edge costs something in a shortest-path search. */
  readonly freeFlowSeconds: number;
  readonly municipalityId: string;
}

/** An ANPR camera: it reads vehicles as they leave `edgeIndex`, so a sighting fixes both place and heading. */
export interface StreetCamera {
  readonly id: string;
  readonly municipalityId: string;
  readonly edgeIndex: number;
}

/** The directed street network at edge level, with the turns allowed between edges and the cameras on them. */
export interface StreetNetwork {
  readonly edges: readonly StreetEdge[];
  readonly edgeIndexById: ReadonlyMap<string, number>;
  readonly junctions: ReadonlyMap<string, StreetJunction>;
  /** Allowed next edges per edge index. */
  readonly successors: readonly (readonly number[])[];
  readonly predecessors: readonly (readonly number[])[];
  readonly cameras: ReadonlyMap<string, StreetCamera>;
  /** Cameras per edge index; most edges have none. */
  readonly camerasOnEdge: ReadonlyMap<number, readonly StreetCamera[]>;
}

const minimumEdgeSeconds = 0.1;

const freeFlowCostCache = new WeakMap<StreetNetwork, Float64Array>();

/** Free-flow seconds per edge, as a cost array for path searches: one per network, shared, never to be written. */
export function freeFlowCosts(network: StreetNetwork): Float64Array {
  let costs = freeFlowCostCache.get(network);
  if (!costs) {
    costs = Float64Array.from(network.edges, (edge) => edge.freeFlowSeconds);
    freeFlowCostCache.set(network, costs);
  }
  return costs;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const where = result.error.issues[0]?.path.map(String).join('.') ?? '';
    throw new DongseonError('DS_ROAD_GRAPH_INVALID', `${what}: malformed at ${where || 'the top level'}`);
  }
  return result.data;
}

/** Builds the network from a scenario's road graph and cameras; anything inconsistent refuses the whole network. */
export function loadStreetNetwork(graphSource: unknown, camerasSource: unknown): StreetNetwork {
  const graph = parsed(streetGraphFileSchema, graphSource, 'street network');
  const cameraList = parsed(streetCamerasFileSchema, camerasSource, 'cameras');
  const edgeIndexById = new Map<string, number>();
  const edges = graph.edges.map((edge, index): StreetEdge => {
    if (edgeIndexById.has(edge.id)) throw new DongseonError('DS_ROAD_GRAPH_INVALID', `street network: edge ${edge.id} twice`);
    edgeIndexById.set(edge.id, index);
    return { ...edge, index, freeFlowSeconds: Math.max(minimumEdgeSeconds, edge.freeFlowSeconds) };
  });
  const successors: number[][] = edges.map(() => []);
  const predecessors: number[][] = edges.map(() => []);
  for (const [fromId, toId] of graph.connections) {
    const from = edgeIndexById.get(fromId);
    const to = edgeIndexById.get(toId);
    if (from === undefined || to === undefined) throw new DongseonError('DS_ROAD_GRAPH_INVALID', `street network: turn ${fromId}>${toId} names an unknown edge`);
    if (!successors[from]?.includes(to)) {
      successors[from]?.push(to);
      predecessors[to]?.push(from);
    }
  }
  const cameras = new Map<string, StreetCamera>();
  const camerasOnEdge = new Map<number, StreetCamera[]>();
  for (const camera of cameraList) {
    if (!camera.anpr) continue;
    const edgeIndex = edgeIndexById.get(camera.edgeId);
    if (edgeIndex === undefined) throw new DongseonError('DS_ROAD_GRAPH_INVALID', `cameras: ${camera.id} watches unknown edge ${camera.edgeId}`);
    const placed = { id: camera.id, municipalityId: camera.municipalityId, edgeIndex };
    cameras.set(camera.id, placed);
    camerasOnEdge.set(edgeIndex, [...(camerasOnEdge.get(edgeIndex) ?? []), placed]);
  }
  return {
    edges, edgeIndexById, successors, predecessors, cameras, camerasOnEdge,
    junctions: new Map(graph.junctions.map((junction) => [junction.id, junction])),
  };
}
