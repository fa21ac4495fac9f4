/** Where the police subgraph keeps its data in Redis. */
export const defaultPoliceKeyPrefix = 'ds:police:';

/**
 * The Redis key layout. Caller-supplied ids (case numbers, wanted-vehicle and hit ids) only ever come last, after a
 * segment naming the key's kind, so no id can reach a key of another kind.
 */
export interface PoliceKeys {
  readonly prefix: string;
  /** Hash: one case. */
  case(caseNumber: string): string;
  /** Set: every case number. */
  readonly caseNumbers: string;
  /** Set: the wanted-vehicle ids of one case. */
  caseWantedVehicles(caseNumber: string): string;
  /** Hash: one wanted-list entry. */
  wantedVehicle(id: string): string;
  /** Sorted set: every wanted-vehicle id, scored by priority. */
  readonly wantedVehiclesByPriority: string;
  /** Sorted set: the hit ids of one wanted vehicle, scored by capture time (ms). */
  wantedVehicleHits(id: string): string;
  /** Sorted set: the hit ids of one wanted vehicle at one camera, scored by capture time (ms). */
  wantedVehicleCameraHits(wantedVehicleId: string, cameraId: string): string;
  /** Hash: one hit. */
  hit(id: string): string;
  /** Sorted set: the hit ids in one status, scored by capture time (ms). */
  hitsInStatus(status: string): string;
}

export function policeKeys(prefix: string = defaultPoliceKeyPrefix): PoliceKeys {
  return {
    prefix,
    case: (caseNumber) => `${prefix}case:${caseNumber}`,
    caseNumbers: `${prefix}case-numbers`,
    caseWantedVehicles: (caseNumber) => `${prefix}case-wanted-vehicles:${caseNumber}`,
    wantedVehicle: (id) => `${prefix}wanted-vehicle:${id}`,
    wantedVehiclesByPriority: `${prefix}wanted-vehicles-by-priority`,
    wantedVehicleHits: (id) => `${prefix}wanted-vehicle-hits:${id}`,
    // Two ids: each encoded, so that no `:` inside one can shift the boundary between them.
    wantedVehicleCameraHits: (wantedVehicleId, cameraId) =>
      `${prefix}wanted-vehicle-camera-hits:${encodeURIComponent(wantedVehicleId)}:${encodeURIComponent(cameraId)}`,
    hit: (id) => `${prefix}hit:${id}`,
    hitsInStatus: (status) => `${prefix}hits-in-status:${status}`,
  };
}
