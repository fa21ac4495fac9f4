import { DongseonError } from '../../domain/errors/index.js';
import {
  bearingDegrees, type NetworkConnection, type NetworkEdge, type NetworkJunction, type NetworkLocation, type RoadNetwork,
} from '../../domain/simulation/index.js';
import { readXmlElements, type XmlAttributes } from './read-xml-elements.js';

export interface SumoNetwork extends RoadNetwork {
  readonly location: NetworkLocation;
}

/** Vehicle classes with a plate an ANPR camera reads: a lane that admits one of them is a road. */
const platedClasses = ['passenger', 'private', 'taxi', 'bus', 'coach', 'delivery', 'truck', 'trailer', 'evehicle', 'motorcycle', 'emergency', 'authority'];

/** Whether a lane admits plated road vehicles, by SUMO's `allow` / `disallow` lists. */
export function lanePermitsCars(attributes: XmlAttributes): boolean {
  const words = (value: string | undefined) => (value ?? '').split(/\s+/).filter(Boolean);
  const allow = words(attributes.allow);
  if (allow.length > 0) return allow.includes('all') || allow.some((vClass) => platedClasses.includes(vClass));
  const disallow = words(attributes.disallow);
  return !disallow.includes('all') && platedClasses.some((vClass) => !disallow.includes(vClass));
}

/** The last segment of a SUMO shape (`x,y x,y …`), or undefined when it has fewer than two points. */
function lastSegment(shape: string | undefined): [number, number, number, number] | undefined {
  const points = (shape ?? '').split(/\s+/).filter(Boolean).map((point) => point.split(',').map(Number));
  const [a, b] = [points[points.length - 2], points[points.length - 1]];
  if (!a || !b || a.length < 2 || b.length < 2 || [...a, ...b].some((n) => !Number.isFinite(n))) return undefined;
  return [a[0] as number, a[1] as number, b[0] as number, b[1] as number];
}

const numbers = (value: string | undefined, count: number): number[] | undefined => {
  const parsed = (value ?? '').split(',').map(Number);
  return parsed.length === count && parsed.every(Number.isFinite) ? parsed : undefined;
};

interface EdgeDraft {
  id: string;
  from: string;
  to: string;
  shape?: string;
  lanes: { length: number; speed: number; shape?: string; cars: boolean }[];
}

/**
 * Reads a SUMO `.net.xml`: the edges plated road vehicles may drive (internal, pedestrian-only and rail edges left out), their
 * junctions, the turns between them and the network's location. Any SUMO network works, whatever made it
 * (netconvert from OSM, netgenerate, hand-written).
 */
export async function readSumoNetwork(path: string): Promise<SumoNetwork> {
  let location: NetworkLocation | undefined;
  const drafts: EdgeDraft[] = [];
  const junctions = new Map<string, NetworkJunction>();
  const connections: NetworkConnection[] = [];
  let current: EdgeDraft | undefined;
  try {
    await readXmlElements(path, (name, attributes, ancestors) => {
      if (ancestors.length !== 1 && !(name === 'lane' && current)) return;
      switch (name) {
        case 'location': {
          const netOffset = numbers(attributes.netOffset, 2) ?? [0, 0];
          const convBoundary = numbers(attributes.convBoundary, 4) ?? [0, 0, 0, 0];
          location = { netOffset: netOffset as [number, number], convBoundary: convBoundary as [number, number, number, number], projParameter: attributes.projParameter ?? '!' };
          break;
        }
        case 'edge': {
          const normal = attributes.function === undefined || attributes.function === 'normal';
          current = normal && attributes.id && attributes.from && attributes.to
            ? { id: attributes.id, from: attributes.from, to: attributes.to, ...(attributes.shape ? { shape: attributes.shape } : {}), lanes: [] }
            : undefined;
          if (current) drafts.push(current);
          break;
        }
        case 'lane':
          current?.lanes.push({
            length: Number(attributes.length), speed: Number(attributes.speed),
            ...(attributes.shape ? { shape: attributes.shape } : {}), cars: lanePermitsCars(attributes),
          });
          break;
        case 'junction':
          if (attributes.id && attributes.type !== 'internal' && !attributes.id.startsWith(':')) {
            junctions.set(attributes.id, { id: attributes.id, x: Number(attributes.x), y: Number(attributes.y), type: attributes.type ?? 'unknown' });
          }
          break;
        case 'connection':
          if (attributes.from && attributes.to && !attributes.from.startsWith(':')) connections.push({ from: attributes.from, to: attributes.to });
          break;
      }
    }, (name) => {
      if (name === 'edge') current = undefined;
    });
  } catch (error) {
    throw new DongseonError('DS_SIM_NETWORK_INVALID', `${path}: cannot read the SUMO network (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, {}, { cause: error });
  }

  const edges: NetworkEdge[] = [];
  for (const draft of drafts) {
    const carLanes = draft.lanes.filter((lane) => lane.cars && lane.length > 0 && lane.speed > 0);
    const from = junctions.get(draft.from);
    const to = junctions.get(draft.to);
    if (carLanes.length === 0 || !from || !to) continue;
    const segment = lastSegment(draft.shape) ?? lastSegment(carLanes[0]?.shape) ?? [from.x, from.y, to.x, to.y];
    edges.push({
      id: draft.id, from: draft.from, to: draft.to,
      lengthMeters: Math.max(...carLanes.map((lane) => lane.length)),
      speedLimitMps: Math.max(...carLanes.map((lane) => lane.speed)),
      lanes: carLanes.length,
      arrivalBearingDegrees: Number(bearingDegrees(...segment).toFixed(1)),
    });
  }
  const kept = new Set(edges.map((edge) => edge.id));
  const usedJunctions = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const turns = new Map<string, NetworkConnection>();
  for (const connection of connections) {
    if (kept.has(connection.from) && kept.has(connection.to)) turns.set(`${connection.from}\u0000${connection.to}`, connection);
  }
  if (edges.length === 0 || location === undefined) {
    throw new DongseonError('DS_SIM_NETWORK_INVALID', `${path}: no <location> or no edge that cars may drive; is this a SUMO .net.xml?`);
  }
  return {
    location,
    junctions: [...junctions.values()].filter((junction) => usedJunctions.has(junction.id)),
    edges,
    connections: [...turns.values()],
  };
}
