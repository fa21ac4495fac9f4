import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import { municipalityIdSchema } from '../../domain/municipality/municipality-id.js';
import { defaultCameraPlacement } from '../../domain/simulation/index.js';
import type { BuildOptions } from './build-scenario.js';

export const buildUsage = `usage: npm run sim -- build --net <network.net.xml> --out <dir> [options]
  --routes <a.rou.xml,…>       SUMO routes to simulate; without them demand is generated (randomTrips.py + duarouter)
  --additional <a.add.xml,…>   SUMO additional files the routes need (vehicle types, signal programmes)
  --hours <n>                  hours of generated demand (default 24)
  --start-hour <h>             local hour at simulation second 0 (default 0)
  --peak-vehicles-per-hour <n> vehicles inserted in the busiest generated hour (default 1200)
  --municipalities <n>         regions to split the network into (default 3)
  --municipality-ids <a,b,…>   their ids (default: suwon, hwaseong, osan, yongin, …)
  --camera-coverage <share>    share of intersections with an ANPR camera (default 0.10)
  --cctv-coverage <share>      share of intersections with a plain CCTV camera (default 0.02)
  --wanted <n>                 wanted vehicles the scenario's police register (default 5)
  --route-random-factor <f>    generated demand: duarouter perturbs each driver's edge costs by up to f (default 1.2; 1: none)
  --reroute-probability <share> share of vehicles with SUMO's rerouting device, rerouting on current travel times
                               (default 0.5 with generated demand, 0 with --routes)
  --reroute-period <s>         how often those vehicles reroute (default 120)
  --seed <n>                   everything random derives from it (default 1)
  --date <YYYY-MM-DD>          the scenario's nominal date (default 2026-11-24)`;

const list = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));
const share = z.coerce.number().min(0).max(1);

const buildArgumentsSchema = z.object({
  net: z.string().min(1, 'required'),
  out: z.string().min(1, 'required'),
  routes: list.default([]),
  additional: list.default([]),
  hours: z.coerce.number().int().min(1).max(168).default(24),
  'start-hour': z.coerce.number().int().min(0).max(23).default(0),
  'peak-vehicles-per-hour': z.coerce.number().int().min(1).max(1_000_000).default(1200),
  municipalities: z.coerce.number().int().min(1).max(12).default(3),
  'municipality-ids': list.pipe(z.array(municipalityIdSchema)).optional(),
  'camera-coverage': share.default(defaultCameraPlacement.anprShare),
  'cctv-coverage': share.default(defaultCameraPlacement.cctvShare),
  wanted: z.coerce.number().int().min(0).max(50).default(5),
  'route-random-factor': z.coerce.number().min(1).max(10).default(1.2),
  'reroute-probability': share.optional(),
  'reroute-period': z.coerce.number().int().min(1).max(3600).default(120),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').default('2026-11-24'),
});

/** Parses `sim build`'s arguments; a bad one is refused with DS_INVALID_INPUT naming it, and the usage. */
export function parseBuildArguments(args: readonly string[]): Omit<BuildOptions, 'log'> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: Object.fromEntries(Object.keys(buildArgumentsSchema.shape).map((name) => [name, { type: 'string' }])) as Record<string, { type: 'string' }>,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DongseonError('DS_INVALID_INPUT', `${error instanceof Error ? error.message : String(error)}\n${buildUsage}`);
  }
  const parsed = buildArgumentsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new DongseonError('DS_INVALID_INPUT', `sim build: invalid arguments\n${problems}\n${buildUsage}`);
  }
  const a = parsed.data;
  return {
    net: a.net, out: a.out, routes: a.routes, additional: a.additional, hours: a.hours, startHour: a['start-hour'],
    peakVehiclesPerHour: a['peak-vehicles-per-hour'], municipalities: a.municipalities,
    ...(a['municipality-ids'] ? { municipalityIds: a['municipality-ids'] } : {}),
    cameraCoverage: a['camera-coverage'], cctvCoverage: a['cctv-coverage'], cameraMissRate: defaultCameraPlacement.missRateRange,
    wantedVehicles: a.wanted, seed: a.seed, date: a.date,
    routeChoice: {
      randomFactor: a['route-random-factor'],
      rerouteProbability: a['reroute-probability'] ?? (a.routes.length === 0 ? 0.5 : 0),
      periodSeconds: a['reroute-period'],
    },
  };
}
