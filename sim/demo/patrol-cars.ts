import type { GroundTruthVehicle } from '../scenario.js';

/** The parts of the scenario's road graph (`road-graph.json`) a patrol car's position needs. */
export interface PatrolRoadGraph {
  readonly junctions: readonly { readonly id: string; readonly latitude: number; readonly longitude: number; readonly municipalityId: string }[];
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string; readonly lengthMeters: number; readonly municipalityId: string }[];
}

/** A SUMO vehicle of the twin driving as a police patrol car: its route, looped, is its beat. */
export interface PatrolCar {
  readonly unitId: string;
  readonly callSign: string;
  readonly municipalityId: string;
  /** Each leg: the street's two ends and the simulation seconds the car enters and leaves it. */
  readonly legs: readonly PatrolLeg[];
}

interface PatrolLeg {
  readonly from: { readonly latitude: number; readonly longitude: number };
  readonly to: { readonly latitude: number; readonly longitude: number };
  readonly lengthMeters: number;
  readonly enterSeconds: number;
  readonly exitSeconds: number;
}

export interface PatrolPositionAt {
  readonly latitude: number;
  readonly longitude: number;
  readonly headingDegrees: number;
  readonly speedKmh: number;
}

const callSignPrefix: Readonly<Record<string, string>> = { suwon: '수원', hwaseong: '화성', osan: '오산' };

/**
 * Picks, for each municipality, the vehicle of the ground truth with the longest drive starting there, and makes it
 * that municipality's patrol car (`<municipality>-patrol-1`, call sign e.g. 수원11).
 */
export function choosePatrolCars(vehicles: readonly GroundTruthVehicle[], roads: PatrolRoadGraph, municipalityIds: readonly string[]): PatrolCar[] {
  const junctions = new Map(roads.junctions.map((junction) => [junction.id, junction]));
  const edges = new Map(roads.edges.map((edge) => [edge.id, edge]));
  const cars: PatrolCar[] = [];
  for (const municipalityId of municipalityIds) {
    let best: { vehicle: GroundTruthVehicle; legs: PatrolLeg[]; seconds: number } | undefined;
    for (const vehicle of vehicles) {
      if (edges.get(vehicle.edges[0] ?? '')?.municipalityId !== municipalityId) continue;
      const legs: PatrolLeg[] = [];
      for (let index = 1; index < vehicle.edges.length; index += 1) {
        const edge = edges.get(vehicle.edges[index] as string);
        const from = edge && junctions.get(edge.from);
        const to = edge && junctions.get(edge.to);
        const enterSeconds = vehicle.exitSeconds[index - 1];
        const exitSeconds = vehicle.exitSeconds[index];
        if (!edge || !from || !to || enterSeconds === undefined || exitSeconds === undefined || exitSeconds <= enterSeconds) continue;
        legs.push({ from, to, lengthMeters: edge.lengthMeters, enterSeconds, exitSeconds });
      }
      const seconds = (legs.at(-1)?.exitSeconds ?? 0) - (legs[0]?.enterSeconds ?? 0);
      if (legs.length > 0 && (best === undefined || seconds > best.seconds)) best = { vehicle, legs, seconds };
    }
    if (best) {
      cars.push({ unitId: `${municipalityId}-patrol-1`, callSign: `${callSignPrefix[municipalityId] ?? municipalityId}11`, municipalityId, legs: best.legs });
    }
  }
  return cars;
}

const degrees = (radians: number) => (radians * 180) / Math.PI;

/** Where the car is at `simSeconds`: its route is driven from its first departure and then again, over and over. */
export function patrolPositionAt(car: PatrolCar, simSeconds: number): PatrolPositionAt {
  const first = car.legs[0] as PatrolLeg;
  const last = car.legs.at(-1) as PatrolLeg;
  const loop = last.exitSeconds - first.enterSeconds;
  const offset = ((((simSeconds - first.enterSeconds) % loop) + loop) % loop) + first.enterSeconds;
  const leg = car.legs.find((candidate) => offset < candidate.exitSeconds) ?? last;
  const share = Math.min(1, Math.max(0, (offset - leg.enterSeconds) / (leg.exitSeconds - leg.enterSeconds)));
  const latitude = leg.from.latitude + (leg.to.latitude - leg.from.latitude) * share;
  const longitude = leg.from.longitude + (leg.to.longitude - leg.from.longitude) * share;
  const north = leg.to.latitude - leg.from.latitude;
  const east = (leg.to.longitude - leg.from.longitude) * Math.cos((leg.from.latitude * Math.PI) / 180);
  const heading = (degrees(Math.atan2(east, north)) + 360) % 360;
  return {
    latitude, longitude,
    headingDegrees: heading >= 360 ? 0 : heading,
    speedKmh: Math.min(200, (leg.lengthMeters / (leg.exitSeconds - leg.enterSeconds)) * 3.6),
  };
}
