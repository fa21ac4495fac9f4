import type { RandomSource } from '../plates/index.js';
import type { FleetVehicle } from './assign-plates.js';
import type { CameraPass } from './camera-passes.js';
import { shuffled } from './stage-random.js';

export type WantedStoryKind = 'crossing' | 'partial-plate' | 'cloned-plate' | 'stolen';
export type WantedReason = 'STOLEN' | 'HIT_AND_RUN' | 'FUGITIVE' | 'OTHER';

/** A wanted vehicle the scenario's police register, with the truth of which simulated vehicles carry it. */
export interface WantedVehicleStory {
  readonly id: string;
  readonly kind: WantedStoryKind;
  /** Exactly one of plate and platePattern, as the police register it. */
  readonly plate?: string;
  readonly platePattern?: string;
  readonly reason: WantedReason;
  readonly priority: number;
  readonly caseNumber: string;
  readonly caseTitle: string;
  /** The simulated vehicles behind the entry: two for a cloned plate (the original first), else one. */
  readonly vehicleIds: readonly string[];
  /** Municipalities whose ANPR cameras the vehicles pass, in order of first pass. */
  readonly municipalities: readonly string[];
}

export interface WantedVehicleChoice {
  readonly stories: WantedVehicleStory[];
  /** The fleet with the clone's plate replaced by the original's. */
  readonly fleet: FleetVehicle[];
}

/** Two sightings of one plate this far apart in different municipalities, within this time, are one car in two places. */
const cloneOverlapSeconds = 300;

const firstPassMunicipalities = (passes: readonly CameraPass[]): string[] => [...new Set(passes.map((pass) => pass.municipalityId))];

/**
 * Picks the scenario's wanted vehicles from what the cameras will see: one that crosses the most municipalities
 * (all of them when any vehicle does), one registered only by a witness's partial plate (its last two digits
 * unknown), one whose plate is cloned onto a second car that is seen elsewhere at the same time, and ordinary
 * stolen cars up to `count`. Chosen vehicles pass at least two ANPR cameras where the scenario has enough such. Pure: seeded by `random`.
 */
export function chooseWantedVehicles(
  random: RandomSource,
  fleet: readonly FleetVehicle[],
  passes: readonly CameraPass[],
  count: number,
  casePrefix = 'SIM',
): WantedVehicleChoice {
  const passesOf = new Map<string, CameraPass[]>();
  for (const pass of passes) passesOf.set(pass.vehicleId, [...(passesOf.get(pass.vehicleId) ?? []), pass]);
  // Vehicles seen at least twice first (a track to follow), then those seen once, when a small scenario has too few.
  const passCount = (vehicle: FleetVehicle) => passesOf.get(vehicle.vehicleId)?.length ?? 0;
  const watched = [
    ...shuffled(random, fleet.filter((vehicle) => passCount(vehicle) >= 2)),
    ...shuffled(random, fleet.filter((vehicle) => passCount(vehicle) === 1)),
  ];
  const taken = new Set<string>();
  const stories: WantedVehicleStory[] = [];
  const plates = new Map(fleet.map((vehicle) => [vehicle.vehicleId, vehicle.plate]));
  const caseNumber = (n: number) => `${casePrefix}-${String(n).padStart(4, '0')}`;
  const add = (kind: WantedStoryKind, reason: WantedReason, priority: number, caseTitle: string, vehicleIds: string[], identification: Pick<WantedVehicleStory, 'plate' | 'platePattern'>) => {
    vehicleIds.forEach((id) => taken.add(id));
    const n = stories.length + 1;
    stories.push({
      id: `wv-sim-${String(n).padStart(2, '0')}`, kind, ...identification, reason, priority,
      caseNumber: caseNumber(n), caseTitle, vehicleIds,
      municipalities: firstPassMunicipalities(vehicleIds.flatMap((id) => passesOf.get(id) ?? []).sort((a, b) => a.atSeconds - b.atSeconds)),
    });
  };

  const municipalitiesCrossed = (id: string) => new Set((passesOf.get(id) ?? []).map((pass) => pass.municipalityId)).size;
  const crossing = [...watched].sort((a, b) => municipalitiesCrossed(b.vehicleId) - municipalitiesCrossed(a.vehicleId)
    || (passesOf.get(b.vehicleId)?.length ?? 0) - (passesOf.get(a.vehicleId)?.length ?? 0))[0];
  if (crossing !== undefined && stories.length < count) {
    add('crossing', 'STOLEN', 85, '도난 차량 광역 추적', [crossing.vehicleId], { plate: crossing.plate });
  }

  const partial = watched.find((vehicle) => !taken.has(vehicle.vehicleId) && /\d{4}$/.test(vehicle.plate) && !/^\D/.test(vehicle.plate));
  if (partial !== undefined && stories.length < count) {
    add('partial-plate', 'HIT_AND_RUN', 75, '뺑소니: 목격자 진술 번호판 일부', [partial.vehicleId], { platePattern: `${partial.plate.slice(0, -2)}??` });
  }

  if (stories.length < count) {
    const clone = findClonePair(watched.filter((vehicle) => !taken.has(vehicle.vehicleId)), passesOf);
    if (clone !== undefined) {
      plates.set(clone.copy, plates.get(clone.original) as string);
      add('cloned-plate', 'OTHER', 70, '대포차 의심: 같은 번호판이 두 곳에서 동시에', [clone.original, clone.copy], { plate: plates.get(clone.original) as string });
    }
  }

  for (const vehicle of watched) {
    if (stories.length >= count) break;
    if (taken.has(vehicle.vehicleId)) continue;
    add('stolen', 'STOLEN', 60, '차량 절도', [vehicle.vehicleId], { plate: vehicle.plate });
  }
  return { stories, fleet: fleet.map((vehicle) => ({ ...vehicle, plate: plates.get(vehicle.vehicleId) as string })) };
}

/** Two vehicles seen by cameras in different municipalities within minutes of each other: a clone makes them one plate. */
function findClonePair(candidates: readonly FleetVehicle[], passesOf: ReadonlyMap<string, readonly CameraPass[]>): { original: string; copy: string } | undefined {
  for (let i = 0; i < candidates.length; i++) {
    const original = candidates[i] as FleetVehicle;
    for (let j = i + 1; j < Math.min(candidates.length, i + 400); j++) {
      const copy = candidates[j] as FleetVehicle;
      const together = (passesOf.get(original.vehicleId) ?? []).some((a) => (passesOf.get(copy.vehicleId) ?? [])
        .some((b) => a.municipalityId !== b.municipalityId && Math.abs(a.atSeconds - b.atSeconds) <= cloneOverlapSeconds));
      if (together) return { original: original.vehicleId, copy: copy.vehicleId };
    }
  }
  return undefined;
}
