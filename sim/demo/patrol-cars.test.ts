import { describe, expect, it } from 'vitest';
import type { GroundTruthVehicle } from '../scenario.js';
import { choosePatrolCars, patrolPositionAt, type PatrolCar, type PatrolRoadGraph } from './patrol-cars.js';

const roads: PatrolRoadGraph = {
  junctions: [
    { id: 'j0', latitude: 37.2, longitude: 127.0, municipalityId: 'suwon' },
    { id: 'j1', latitude: 37.201, longitude: 127.0, municipalityId: 'suwon' },
    { id: 'j2', latitude: 37.201, longitude: 127.001, municipalityId: 'suwon' },
  ],
  edges: [
    { id: 'e0', from: 'j2', to: 'j0', lengthMeters: 100, municipalityId: 'suwon' },
    { id: 'e1', from: 'j0', to: 'j1', lengthMeters: 111, municipalityId: 'suwon' },
    { id: 'e2', from: 'j1', to: 'j2', lengthMeters: 89, municipalityId: 'suwon' },
  ],
};

const vehicle = (vehicleId: string, exitSeconds: number[]): GroundTruthVehicle => ({
  vehicleId, plate: '12가3456', plateKind: 'national-2', edges: ['e0', 'e1', 'e2'], exitSeconds,
});

describe('patrol cars of the twin', () => {
  const [car] = choosePatrolCars([vehicle('short', [10, 20, 30]), vehicle('long', [0, 20, 40])], roads, ['suwon', 'osan']);

  it('makes the longest drive starting in each municipality its patrol car, and none where no drive starts', () => {
    expect(car).toMatchObject({ unitId: 'suwon-patrol-1', callSign: '수원11', municipalityId: 'suwon' });
    expect(car?.legs.map((leg) => [leg.enterSeconds, leg.exitSeconds])).toEqual([[0, 20], [20, 40]]);
  });

  it('places the car along its street by time, heading and speed from the street, and loops its route', () => {
    const halfway = patrolPositionAt(car as PatrolCar, 10);
    expect(halfway.latitude).toBeCloseTo(37.2005, 6);
    expect(halfway.longitude).toBeCloseTo(127.0, 6);
    expect(halfway.headingDegrees).toBeCloseTo(0, 6);
    expect(halfway.speedKmh).toBeCloseTo((111 / 20) * 3.6, 6);
    expect(patrolPositionAt(car as PatrolCar, 30).headingDegrees).toBeCloseTo(90, 6);
    expect(patrolPositionAt(car as PatrolCar, 50)).toEqual(patrolPositionAt(car as PatrolCar, 10));
  });
});
