import type { Position } from './base-map-geojson.js';

interface Point {
  readonly latitude: number;
  readonly longitude: number;
}

export interface VehicleTrackInput {
  readonly sightings: readonly { readonly id: string; readonly capturedAt: string; readonly camera: { readonly id: string; readonly name: string; readonly position: Point } }[];
  readonly route?: {
    readonly legs: readonly {
      readonly alternatives: readonly { readonly probability: number; readonly roads: readonly { readonly fromJunction: string; readonly toJunction: string }[] }[];
    }[];
  } | null;
}

export interface NumberedSighting {
  readonly id: string;
  readonly order: number;
  readonly capturedAt: string;
  readonly cameraName: string;
  readonly position: Position;
}

/** Sightings in capture order, numbered from 1 as the map labels them. */
export function numberedSightings(track: VehicleTrackInput): NumberedSighting[] {
  return [...track.sightings]
    .sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt) || (a.id < b.id ? -1 : 1))
    .map((sighting, index) => ({
      id: sighting.id, order: index + 1, capturedAt: sighting.capturedAt, cameraName: sighting.camera.name,
      position: [sighting.camera.position.longitude, sighting.camera.position.latitude] as const,
    }));
}

/** The line a drive follows: its roads' junctions in turn; roads whose junctions the base map lacks are skipped. */
export function driveLine(roads: readonly { readonly fromJunction: string; readonly toJunction: string }[], junctions: Readonly<Record<string, Position>>): Position[] {
  const line: Position[] = [];
  for (const road of roads) {
    const from = junctions[road.fromJunction];
    const to = junctions[road.toJunction];
    if (!from || !to) continue;
    const last = line[line.length - 1];
    if (!last || last[0] !== from[0] || last[1] !== from[1]) line.push(from);
    line.push(to);
  }
  return line;
}

export interface RouteLine {
  readonly leg: number;
  /** 0 is the reconstructed route; 1, 2 … the alternatives it beat. */
  readonly rank: number;
  readonly probability: number;
  readonly coordinates: readonly Position[];
}

/** Every leg's drives as lines; a drive of fewer than two known junctions is left out. */
export function routeLines(track: VehicleTrackInput, junctions: Readonly<Record<string, Position>>): RouteLine[] {
  return (track.route?.legs ?? []).flatMap((leg, legIndex) => leg.alternatives.flatMap((alternative, rank) => {
    const coordinates = driveLine(alternative.roads, junctions);
    return coordinates.length >= 2 ? [{ leg: legIndex, rank, probability: alternative.probability, coordinates }] : [];
  }));
}
