import type { PlacedCamera } from './place-cameras.js';
import type { VehicleTrip } from './vehicle-trip.js';

/** A vehicle crossing a camera's stop line: the moment the camera could read its plate. */
export interface CameraPass {
  readonly vehicleId: string;
  readonly cameraId: string;
  readonly municipalityId: string;
  /** Position of the watched edge in the vehicle's trip. */
  readonly edgeIndex: number;
  /** When the vehicle left the watched edge into the junction, simulation seconds. */
  readonly atSeconds: number;
}

/**
 * Every pass of a vehicle through an ANPR camera: each time its trip leaves an edge a camera watches into that
 * camera's junction. The last edge of a trip is where the vehicle leaves the simulation, short of the
 * junction, so it makes no pass. Sorted by time, then camera, then vehicle.
 */
export function cameraPasses(trips: readonly VehicleTrip[], cameras: readonly PlacedCamera[]): CameraPass[] {
  const watching = new Map<string, PlacedCamera[]>();
  for (const camera of cameras) {
    if (camera.anpr) watching.set(camera.edgeId, [...(watching.get(camera.edgeId) ?? []), camera]);
  }
  const passes: CameraPass[] = [];
  for (const trip of trips) {
    for (let index = 0; index < trip.edges.length - 1; index++) {
      for (const camera of watching.get(trip.edges[index] as string) ?? []) {
        passes.push({
          vehicleId: trip.vehicleId, cameraId: camera.id, municipalityId: camera.municipalityId,
          edgeIndex: index, atSeconds: trip.exitSeconds[index] as number,
        });
      }
    }
  }
  return passes.sort((a, b) => a.atSeconds - b.atSeconds || compare(a.cameraId, b.cameraId) || compare(a.vehicleId, b.vehicleId));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
