import { describe, expect, it } from 'vitest';
import { confusionVariants } from '../plates/index.js';
import { assignPlates } from './assign-plates.js';
import { cameraPasses } from './camera-passes.js';
import { cameraOutages, generateReads } from './generate-reads.js';
import type { PlacedCamera } from './place-cameras.js';
import { defaultReadErrorModel, type ReadErrorModel } from './read-error-model.js';
import { stageRandom } from './stage-random.js';
import type { VehicleTrip } from './vehicle-trip.js';

const camera = (id: string, edgeId: string, missRate = 0): PlacedCamera =>
  ({ id, municipalityId: id.split('-')[1] as string, junctionId: `j-${edgeId}`, edgeId, positionMeters: 95, headingDegrees: 0, anpr: true, missRate });
const cameras = [camera('cam-suwon-t001', 'e1'), camera('cam-osan-t001', 'e3', 0.05), { ...camera('cctv-osan-t001', 'e2'), anpr: false }];
const trips: VehicleTrip[] = Array.from({ length: 2000 }, (_, i) => ({
  vehicleId: `v${i}`, sumoType: 'passenger', departSeconds: i, arrivalSeconds: i + 40,
  edges: ['e1', 'e2', 'e3', 'e4'], exitSeconds: [i + 10, i + 20, i + 30, i + 40],
}));
const fleet = new Map(assignPlates(stageRandom(1, 'plates'), trips.map((t) => ({ vehicleId: t.vehicleId, sumoType: t.sumoType }))).map((v) => [v.vehicleId, v]));
const passes = cameraPasses(trips, cameras);
const byId = new Map(cameras.map((c) => [c.id, c]));
const generate = (seed: number, model: ReadErrorModel = defaultReadErrorModel) =>
  generateReads(seed, passes, fleet, byId, cameraOutages(seed, cameras, [0, 2040], model), model);

describe('camera passes', () => {
  it('are the moments a trip leaves an edge an ANPR camera watches, never the trip’s last edge or a CCTV camera', () => {
    expect(passes).toHaveLength(4000);
    expect(passes[0]).toEqual({ vehicleId: 'v0', cameraId: 'cam-suwon-t001', municipalityId: 'suwon', edgeIndex: 0, atSeconds: 10 });
    expect(cameraPasses([{ ...(trips[0] as VehicleTrip), edges: ['e4', 'e1'], exitSeconds: [5, 9] }], cameras)).toEqual([]);
  });
});

describe('generateReads', () => {
  it('is deterministic for a seed', () => {
    expect(generate(7)).toEqual(generate(7));
    expect(generate(7).reads).not.toEqual(generate(8).reads);
  });

  it('without errors reads every pass once, exactly, at the pass time', () => {
    const perfect: ReadErrorModel = { ...defaultReadErrorModel, duplicateRate: 0, misreadRate: 0, unreadableRate: 0, alternativeCandidateRate: 0, timestampJitterSeconds: 0, outageCameraShare: 0 };
    const { reads, passes: records } = generateReads(1, passes, fleet, new Map(cameras.map((c) => [c.id, { ...c, missRate: 0 }])), [], perfect);
    expect(reads).toHaveLength(passes.length);
    for (const record of records) {
      const read = reads.find((r) => r.readId === record.readIds[0]);
      expect(read?.candidates).toEqual([{ text: record.plate, confidence: expect.any(Number) }]);
      expect(read?.atSeconds).toBe(record.atSeconds);
    }
  });

  it('misses passes at about the camera’s miss rate and loses every pass during an outage', () => {
    const { passes: records, outages } = generate(3);
    const osan = records.filter((r) => r.cameraId === 'cam-osan-t001' && r.outcome !== 'outage');
    const missed = osan.filter((r) => r.outcome === 'missed').length / osan.length;
    expect(missed).toBeGreaterThan(0.03);
    expect(missed).toBeLessThan(0.07);
    expect(records.filter((r) => r.cameraId === 'cam-suwon-t001' && r.outcome === 'missed')).toHaveLength(0);
    for (const record of records.filter((r) => r.outcome === 'outage')) {
      expect(outages.some((o) => o.cameraId === record.cameraId && record.atSeconds >= o.fromSeconds && record.atSeconds < o.toSeconds)).toBe(true);
    }
  });

  it('repeats some passes, jitters capture times and keeps the stream in capture-time order', () => {
    const { reads, passes: records } = generate(4);
    const repeated = records.filter((r) => r.readIds.length > 1).length / records.filter((r) => r.outcome === 'read').length;
    expect(repeated).toBeGreaterThan(0.1);
    expect(repeated).toBeLessThan(0.2);
    expect(reads.map((r) => r.atSeconds)).toEqual([...reads.map((r) => r.atSeconds)].sort((a, b) => a - b));
    expect(reads.map((r) => r.readId)).toEqual(reads.map((_, i) => `r${String(i + 1).padStart(7, '0')}`));
  });

  it('misreads by the confusion table: a one-confusion read still leads back to the plate, a two-confusion one does not', () => {
    const { reads, passes: records } = generate(5);
    const readById = new Map(reads.map((r) => [r.readId, r]));
    const kinds = { 0: 0, 1: 0, 2: 0 };
    for (const record of records.filter((r) => r.outcome === 'read')) {
      const candidates = record.readIds.flatMap((id) => readById.get(id)?.candidates ?? []);
      const closest = record.closestCandidateConfusions as 0 | 1 | 2;
      kinds[closest]++;
      const reachable = candidates.some((c) => confusionVariants(c.text, { maxSubstitutions: 1 }).some((v) => v.plate === record.plate));
      expect(reachable).toBe(closest < 2);
      expect(candidates.some((c) => c.text === record.plate)).toBe(closest === 0);
    }
    expect(kinds[1]).toBeGreaterThan(0);
    expect(kinds[2]).toBeGreaterThan(0);
    expect(kinds[0]).toBeGreaterThan(kinds[1]);
  });
});
