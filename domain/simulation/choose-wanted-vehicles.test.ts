import { describe, expect, it } from 'vitest';
import { compilePlatePattern, plateMatchesPattern } from '../plates/index.js';
import type { FleetVehicle } from './assign-plates.js';
import type { CameraPass } from './camera-passes.js';
import { chooseWantedVehicles } from './choose-wanted-vehicles.js';
import { stageRandom } from './stage-random.js';

const vehicle = (n: number): FleetVehicle => ({ vehicleId: `v${n}`, plate: `${100 + n}가${String(1000 + n)}`, plateKind: 'national-3', vehicleType: 'car', vehicleColour: 'white' });
const pass = (vehicleId: string, municipalityId: string, atSeconds: number): CameraPass => ({ vehicleId, cameraId: `cam-${municipalityId}-t001`, municipalityId, edgeIndex: 0, atSeconds });
const fleet = Array.from({ length: 20 }, (_, n) => vehicle(n));
const passes = [
  pass('v0', 'suwon', 10), pass('v0', 'hwaseong', 200), pass('v0', 'osan', 400),
  ...fleet.slice(1).flatMap((v, i) => [pass(v.vehicleId, 'suwon', 1000 * i), pass(v.vehicleId, 'suwon', 1000 * i + 60)]),
  // Every car is also seen in osan just as the next one is seen in suwon: each such pair could be a cloned plate.
  ...fleet.slice(1, -1).map((v, i) => pass(v.vehicleId, 'osan', 1000 * (i + 1) + 30)),
];

describe('chooseWantedVehicles', () => {
  const { stories, fleet: after } = chooseWantedVehicles(stageRandom(1, 'wanted'), fleet, passes, 5);

  it('picks the vehicle that crosses every municipality first', () => {
    expect(stories[0]).toMatchObject({ kind: 'crossing', plate: '100가1000', vehicleIds: ['v0'], municipalities: ['suwon', 'hwaseong', 'osan'] });
  });

  it('registers one vehicle by a witness’s partial plate that matches its real plate', () => {
    const partial = stories.find((story) => story.kind === 'partial-plate');
    const compiled = compilePlatePattern(partial?.platePattern ?? '');
    const carrier = after.find((v) => v.vehicleId === partial?.vehicleIds[0]) as FleetVehicle;
    expect(partial?.platePattern).toMatch(/\?\?$/);
    expect(compiled.ok && plateMatchesPattern(compiled.pattern, carrier.plate)).toBe(true);
  });

  it('clones a plate onto a second car seen in another municipality at the same time', () => {
    const cloned = stories.find((story) => story.kind === 'cloned-plate');
    expect(cloned?.vehicleIds).toHaveLength(2);
    const [original, copy] = (cloned?.vehicleIds ?? []).map((id) => after.find((v) => v.vehicleId === id) as FleetVehicle);
    expect(original?.plate).toBe(cloned?.plate);
    expect(copy?.plate).toBe(cloned?.plate);
    expect(new Set(after.map((v) => v.plate)).size).toBe(after.length - 1);
  });

  it('fills up with stolen cars, gives each entry its own case and is deterministic', () => {
    expect(stories).toHaveLength(5);
    expect(new Set(stories.map((story) => story.caseNumber)).size).toBe(5);
    expect(chooseWantedVehicles(stageRandom(1, 'wanted'), fleet, passes, 5)).toEqual({ stories, fleet: after });
  });
});
