import { describe, expect, it } from 'vitest';
import type { WantedVehicleStory } from '../../domain/simulation/index.js';
import type { GroundTruthVehicle, ScenarioCamera } from '../scenario.js';
import { cctvPasses, framedPasses, inFrameSample, type CctvPass } from './cctv-passes.js';

const cameras: ScenarioCamera[] = [
  { id: 'cam-a-t001', municipalityId: 'a', edgeId: 'e1', anpr: true },
  { id: 'cctv-a-t001', municipalityId: 'a', edgeId: 'e2', anpr: false },
  { id: 'cctv-b-t001', municipalityId: 'b', edgeId: 'e3', anpr: false },
];

const vehicle = (vehicleId: string, plate: string, edges: string[], exitSeconds: number[], plateKind = 'national-3'): GroundTruthVehicle =>
  ({ vehicleId, plate, plateKind, edges, exitSeconds });

const story = (id: string, plate: { plate: string } | { platePattern: string }): WantedVehicleStory =>
  ({ id, kind: 'stolen', reason: 'STOLEN', priority: 1, caseNumber: 'c', caseTitle: 't', vehicleIds: [], municipalities: [], ...plate });

describe('cctvPasses', () => {
  const passes = cctvPasses([
    vehicle('v2', '12가3456', ['e2', 'e3', 'e9'], [40, 60, 90]),
    vehicle('v1', '34나5678', ['e1', 'e2', 'e3'], [10, 30, 50]),
  ], cameras);

  it('finds each time a trip leaves an edge a CCTV camera watches, never at an ANPR camera or on the last edge', () => {
    expect(passes.map(({ vehicleId, cameraId, atSeconds, edgeIndex }) => ({ vehicleId, cameraId, atSeconds, edgeIndex }))).toEqual([
      { vehicleId: 'v1', cameraId: 'cctv-a-t001', atSeconds: 30, edgeIndex: 1 },
      { vehicleId: 'v2', cameraId: 'cctv-a-t001', atSeconds: 40, edgeIndex: 0 },
      { vehicleId: 'v2', cameraId: 'cctv-b-t001', atSeconds: 60, edgeIndex: 1 },
    ]);
  });

  it('numbers the passes in time order and carries the plate and the municipality of the camera', () => {
    expect(passes.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(passes[2]).toMatchObject({ plate: '12가3456', plateKind: 'national-3', municipalityId: 'b' });
  });
});

describe('framedPasses', () => {
  const pass = (index: number, plate: string): CctvPass => ({
    index, vehicleId: `v${index}`, cameraId: 'cctv-a-t001', municipalityId: 'a', edgeIndex: 0, atSeconds: index, plate, plateKind: 'national-3',
  });
  const many = Array.from({ length: 4_000 }, (_, i) => pass(i, `${String(100 + (i % 500))}가${String(i).padStart(4, '0')}`));

  it.each([
    ['a listed plate', story('wv-1', { plate: '123가0023' }), '123가0023'],
    ['a partial plate the plate fits', story('wv-2', { platePattern: '519루14??' }), '519루1407'],
  ])('sends every pass of a wanted vehicle (%s), whatever the sample', (_, wanted, plate) => {
    const framed = framedPasses([pass(0, plate), pass(1, '222가2222')], [wanted], 1, 0);
    expect(framed).toEqual([{ ...pass(0, plate), why: 'wanted', wantedVehicleId: wanted.id }]);
  });

  it('samples about the share asked of the other passes, the same ones for the same seed', () => {
    const framed = framedPasses(many, [], 7, 0.05);
    expect(framed.length / many.length).toBeGreaterThan(0.035);
    expect(framed.length / many.length).toBeLessThan(0.065);
    expect(framed.every((p) => p.why === 'sample')).toBe(true);
    expect(framedPasses(many, [], 7, 0.05)).toEqual(framed);
    expect(framedPasses(many, [], 8, 0.05)).not.toEqual(framed);
  });

  it('samples nothing at share 0 and everything at share 1', () => {
    expect(framedPasses(many, [], 7, 0)).toEqual([]);
    expect(many.every((p) => inFrameSample(7, p, 1))).toBe(true);
  });
});
