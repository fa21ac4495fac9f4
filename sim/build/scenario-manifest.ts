import type { ReadErrorModel } from '../../domain/simulation/index.js';

/** `manifest.json`: what a scenario holds and how it was made. Deterministic: no build time, no host names. */
export interface ScenarioManifest {
  readonly format: string;
  readonly counts: {
    readonly edges: number;
    readonly junctions: number;
    readonly connections: number;
    readonly cameras: number;
    readonly anprCameras: number;
    readonly cctvCameras: number;
    readonly municipalities: number;
    readonly vehicles: number;
    readonly passes: number;
    readonly reads: number;
    readonly wantedVehicles: number;
  };
  /** Simulation second 0 is `startHour`:00 local time (KST, +09:00) on `date`; times in the files are simulation seconds. */
  readonly clock: {
    readonly date: string;
    readonly utcOffset: '+09:00';
    readonly startHour: number;
    readonly firstDepartSeconds: number;
    readonly lastArrivalSeconds: number;
    readonly firstReadSeconds: number;
    readonly lastReadSeconds: number;
  };
  readonly projection: { readonly kind: 'utm' | 'local-korea'; readonly description: string };
  readonly municipalities: readonly { readonly id: string; readonly name: string; readonly junctions: number; readonly anprCameras: number }[];
  readonly parameters: {
    readonly net: string;
    readonly routes: readonly string[];
    readonly additional: readonly string[];
    readonly demand: 'given routes' | 'generated: randomTrips.py + duarouter, weekday hourly profile';
    readonly hourlyInsertionRates?: readonly number[];
    readonly hours?: number;
    readonly peakVehiclesPerHour?: number;
    readonly routeChoice: { readonly randomFactor: number; readonly rerouteProbability: number; readonly periodSeconds: number };
    readonly seed: number;
    readonly municipalities: number;
    readonly municipalityIds: readonly string[];
    readonly cameraCoverage: number;
    readonly cctvCoverage: number;
    readonly cameraMissRate: readonly [number, number];
    readonly wantedVehicles: number;
    readonly readErrorModel: ReadErrorModel;
    readonly fleetMix: Readonly<Record<string, number>>;
    readonly sumoVersion: string;
  };
  /** Trips SUMO reported on edges the road graph leaves out (e.g. rail); dropped from the ground truth. */
  readonly droppedTrips: number;
  readonly files: Readonly<Record<string, string>>;
}
