import type { VehicleColour, VehicleType } from '../ingest/index.js';
import { randomPlate, type PlateMixKind, type RandomSource } from '../plates/index.js';
import { weightedChoice } from './stage-random.js';

/** What is on the road: the plate formats of `randomPlate`, plus electric cars (national plates on light blue). */
export type FleetPlateKind = PlateMixKind | 'electric';

/** Shares of the simulated fleet; roughly today's Korean road (electric about one car in sixteen). */
export const defaultFleetMix: Readonly<Record<FleetPlateKind, number>> = {
  'national-3': 0.38,
  'national-2': 0.38,
  electric: 0.06,
  'regional-commercial': 0.08,
  rental: 0.07,
  delivery: 0.03,
};

/** Body colours as ANPR cameras classify them; white, black and grey/silver dominate Korean roads. */
const bodyColours: Readonly<Partial<Record<VehicleColour, number>>> = {
  white: 0.32, black: 0.2, grey: 0.16, silver: 0.12, blue: 0.06, red: 0.04, brown: 0.03, green: 0.02, yellow: 0.02, orange: 0.01, other: 0.02,
};

export interface FleetVehicle {
  readonly vehicleId: string;
  readonly plate: string;
  readonly plateKind: FleetPlateKind;
  readonly vehicleType: VehicleType;
  readonly vehicleColour: VehicleColour;
}

const vehicleTypeOf = (kind: FleetPlateKind, sumoType: string): VehicleType => {
  if (/bus/i.test(sumoType)) return 'bus';
  if (/truck|trailer/i.test(sumoType)) return 'truck';
  if (kind === 'delivery') return 'van';
  if (kind === 'regional-commercial') return 'truck';
  return 'car';
};

/**
 * Gives every vehicle a distinct plate drawn from the fleet mix, a body colour and a vehicle type (from its SUMO
 * type where that says bus or truck). Vehicles are taken in the order given; pass them sorted for a result that
 * does not depend on where they came from.
 */
export function assignPlates(
  random: RandomSource,
  vehicles: readonly { readonly vehicleId: string; readonly sumoType: string }[],
  mix: Readonly<Record<FleetPlateKind, number>> = defaultFleetMix,
): FleetVehicle[] {
  const used = new Set<string>();
  return vehicles.map(({ vehicleId, sumoType }) => {
    const plateKind = weightedChoice(random, mix);
    const formatKind: PlateMixKind = plateKind === 'electric' ? 'national-3' : plateKind;
    let plate = randomPlate(random, { [formatKind]: 1 } as Record<PlateMixKind, number>);
    while (used.has(plate)) plate = randomPlate(random, { [formatKind]: 1 } as Record<PlateMixKind, number>);
    used.add(plate);
    return {
      vehicleId, plate, plateKind,
      vehicleType: vehicleTypeOf(plateKind, sumoType),
      vehicleColour: weightedChoice(random, bodyColours as Record<VehicleColour, number>),
    };
  });
}
