/**
 * One vehicle's true journey, from SUMO's vehicle-route output with exit times: the edges it drove, in order,
 * and when it left each. It entered the first edge at `departSeconds` and each later edge when it left the one
 * before. Times are simulation seconds (0 = the scenario's start).
 */
export interface VehicleTrip {
  readonly vehicleId: string;
  /** SUMO's vehicle type id, e.g. `passenger1`. */
  readonly sumoType: string;
  readonly departSeconds: number;
  readonly arrivalSeconds: number;
  readonly edges: readonly string[];
  readonly exitSeconds: readonly number[];
}
