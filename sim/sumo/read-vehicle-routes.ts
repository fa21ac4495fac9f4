import { DongseonError } from '../../domain/errors/index.js';
import type { VehicleTrip } from '../../domain/simulation/index.js';
import { readXmlElements } from './read-xml-elements.js';

/**
 * Reads SUMO's vehicle-route output written with `--vehroute-output.exit-times`: for each vehicle that arrived,
 * its route's edges and the time it left each. A vehicle re-routed during the run lists its replaced routes
 * first; the last `<route>` is the one it drove. Vehicles without exit times (not arrived) are left out.
 */
export async function readVehicleRoutes(path: string): Promise<VehicleTrip[]> {
  const trips: VehicleTrip[] = [];
  let vehicle: { id: string; type: string; depart: number; arrival: number } | undefined;
  let route: { edges: string[]; exits: number[] } | undefined;
  try {
    await readXmlElements(path, (name, attributes) => {
      if (name === 'vehicle') {
        vehicle = { id: attributes.id ?? '', type: attributes.type ?? '', depart: Number(attributes.depart), arrival: Number(attributes.arrival) };
        route = undefined;
      } else if (name === 'route' && vehicle && attributes.edges !== undefined && attributes.exitTimes !== undefined) {
        route = { edges: attributes.edges.split(/\s+/).filter(Boolean), exits: attributes.exitTimes.split(/\s+/).filter(Boolean).map(Number) };
      }
    }, (name) => {
      if (name !== 'vehicle' || !vehicle) return;
      if (route && route.edges.length > 0 && route.edges.length === route.exits.length && Number.isFinite(vehicle.depart) && Number.isFinite(vehicle.arrival)) {
        trips.push({ vehicleId: vehicle.id, sumoType: vehicle.type, departSeconds: vehicle.depart, arrivalSeconds: vehicle.arrival, edges: route.edges, exitSeconds: route.exits });
      }
      vehicle = undefined;
    });
  } catch (error) {
    throw new DongseonError('DS_SIM_SUMO_FAILED', `${path}: cannot read SUMO's vehicle routes (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, {}, { cause: error });
  }
  return trips.sort((a, b) => (a.vehicleId < b.vehicleId ? -1 : a.vehicleId > b.vehicleId ? 1 : 0));
}
