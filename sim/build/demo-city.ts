import { fileURLToPath } from 'node:url';
import { defaultCameraPlacement } from '../../domain/simulation/index.js';
import type { BuildOptions } from './build-scenario.js';

/** Bologna's "joined" scenario (Acosta + Pasubio districts) as Debian's sumo-tools ships it: 11,079 routed vehicles. */
const joined = '/usr/share/sumo/tools/sumolib/scenario/scenarios/RealWorld/joined';

/** Where the demo city lives in the repository; `npm start` replays it. */
export const demoCityDir = fileURLToPath(new URL('../../data/demo-city/', import.meta.url));

/**
 * The committed demo city: the real Bologna morning-peak hour with its own signal programmes, replayed as 08:00
 * in 수원, 화성 and 오산, ANPR at 15% of intersections (so one wanted car is seen in all three cities), plain CCTV at 10%.
 */
export const demoCityBuild: Omit<BuildOptions, 'log'> = {
  net: `${joined}/joined_buslanes.net.xml`,
  routes: [`${joined}/joined.rou.xml`],
  additional: [`${joined}/joined_vtypes.add.xml`, `${joined}/joined_tls.add.xml`],
  hours: 1,
  startHour: 8,
  peakVehiclesPerHour: 1200,
  municipalities: 3,
  municipalityIds: ['suwon', 'hwaseong', 'osan'],
  cameraCoverage: 0.15,
  // Plain CCTV (no ANPR) at 10 % of the other intersections: every wanted car passes one, so the demo finds wanted
  // vehicles from frames too. CCTV is placed after ANPR from the same draw, so the ANPR cameras, passes and reads
  // are those of the 2 % city before.
  cctvCoverage: 0.1,
  cameraMissRate: defaultCameraPlacement.missRateRange,
  wantedVehicles: 5,
  seed: 20261124,
  out: 'data/demo-city',
  date: '2026-11-24',
};
