import { join } from 'node:path';
import { runSumoCommand, type SumoInstallation } from './sumo-installation.js';

export interface SimulationOptions {
  readonly netFile: string;
  readonly routeFiles: readonly string[];
  readonly additionalFiles: readonly string[];
  readonly workDir: string;
  readonly seed: number;
  /** Share of vehicles with SUMO's rerouting device: they reroute on the current travel times every `reroutePeriodSeconds`. */
  readonly rerouteProbability: number;
  readonly reroutePeriodSeconds: number;
}

/**
 * Runs SUMO over the routes until every vehicle has left, writing each vehicle's driven route with the time it
 * left every edge (`--vehroute-output.exit-times`): the ground truth of who was where, when; vehicles with a
 * rerouting device drive the route they rerouted to, which is what the ground truth holds. Returns that file.
 */
export async function runSimulation(sumo: SumoInstallation, options: SimulationOptions): Promise<string> {
  const vehicleRoutes = join(options.workDir, 'vehroutes.xml');
  await runSumoCommand('sumo', sumo.sumo, [
    '--net-file', options.netFile,
    '--route-files', options.routeFiles.join(','),
    ...(options.additionalFiles.length > 0 ? ['--additional-files', options.additionalFiles.join(',')] : []),
    '--vehroute-output', vehicleRoutes,
    '--vehroute-output.exit-times',
    '--seed', String(options.seed),
    ...(options.rerouteProbability > 0
      ? ['--device.rerouting.probability', String(options.rerouteProbability), '--device.rerouting.period', String(options.reroutePeriodSeconds)]
      : []),
    '--ignore-route-errors',
    '--no-step-log',
    '--no-warnings',
  ], options.workDir);
  return vehicleRoutes;
}
