import { join } from 'node:path';
import { hourlyInsertionRates } from '../../domain/simulation/index.js';
import { runSumoCommand, type SumoInstallation } from './sumo-installation.js';

export interface DemandOptions {
  readonly netFile: string;
  readonly workDir: string;
  readonly seed: number;
  /** Local hour at simulation second 0. */
  readonly startHour: number;
  readonly hours: number;
  /** Vehicles inserted in the busiest hour of the day. */
  readonly peakVehiclesPerHour: number;
  /** duarouter's `--weights.random-factor`: each route search sees every edge up to this factor slower (1: none). */
  readonly routingRandomFactor: number;
}

/**
 * Generates routed demand with SUMO's own tools: randomTrips.py draws trips (through traffic favoured at the
 * network's fringe, no trips shorter than 300 m) at one insertion rate per simulated hour from the weekday
 * profile, and has duarouter route them (perturbed per driver by the random factor, as drivers do not all know
 * the fastest path). Returns the route file and the hourly rates used.
 */
export async function generateDemand(sumo: SumoInstallation, options: DemandOptions): Promise<{ routeFile: string; hourlyRates: number[] }> {
  const hourlyRates = hourlyInsertionRates(options.startHour, options.hours, options.peakVehiclesPerHour);
  const routeFile = join(options.workDir, 'demand.rou.xml');
  await runSumoCommand('randomTrips.py', sumo.python, [
    sumo.randomTrips,
    '--net-file', options.netFile,
    '--output-trip-file', join(options.workDir, 'demand.trips.xml'),
    '--route-file', routeFile,
    '--seed', String(options.seed),
    '--begin', '0',
    '--end', String(options.hours * 3600),
    '--insertion-rate', ...hourlyRates.map(String),
    '--fringe-factor', '5',
    '--min-distance', '300',
    '--remove-loops',
    '--validate',
    '--vclass', 'passenger',
    '--prefix', 'veh',
    ...(options.routingRandomFactor > 1 ? ['--random-routing-factor', String(options.routingRandomFactor)] : []),
  ], options.workDir);
  return { routeFile, hourlyRates };
}
