import { describe, expect, it } from 'vitest';
import { gridNetwork } from './grid-network.js';
import { partitionMunicipalities } from './partition-municipalities.js';
import { placeCameras } from './place-cameras.js';
import { stageRandom } from './stage-random.js';

const network = gridNetwork(10, 10);
const names = ['suwon', 'hwaseong', 'osan'];
const municipalityOf = new Map([...partitionMunicipalities(network, 3).regionOf].map(([id, region]) => [id, names[region] as string]));
const place = (seed: number, anprShare = 0.1) =>
  placeCameras(stageRandom(seed, 'cameras'), network, municipalityOf, { anprShare, cctvShare: 0.03, missRateRange: [0.02, 0.1] });

describe('placeCameras', () => {
  it('puts ANPR cameras at the chosen share of intersections and a few CCTV cameras without ANPR', () => {
    const cameras = place(1);
    expect(cameras.filter((camera) => camera.anpr)).toHaveLength(10);
    expect(cameras.filter((camera) => !camera.anpr)).toHaveLength(3);
    expect(new Set(cameras.map((camera) => camera.junctionId)).size).toBe(cameras.length);
  });

  it('gives every municipality at least one ANPR camera, even at a tiny share', () => {
    const cameras = place(2, 0.01);
    expect(new Set(cameras.filter((c) => c.anpr).map((c) => c.municipalityId))).toEqual(new Set(names));
  });

  it('watches an approach into its own junction at the stop line and looks against the traffic', () => {
    for (const camera of place(3)) {
      const edge = network.edges.find((e) => e.id === camera.edgeId);
      expect(edge?.to).toBe(camera.junctionId);
      expect(camera.positionMeters).toBe(195);
      expect(camera.headingDegrees).toBe(Math.round(((edge?.arrivalBearingDegrees ?? 0) + 180) % 360));
      expect(camera.municipalityId).toBe(municipalityOf.get(camera.junctionId));
    }
  });

  it('names cameras per municipality and draws each ANPR camera a miss rate in range', () => {
    const cameras = place(4);
    for (const camera of cameras) {
      expect(camera.id).toMatch(new RegExp(`^(cam|cctv)-${camera.municipalityId}-t\\d{3}$`));
      if (camera.anpr) expect(camera.missRate).toBeGreaterThanOrEqual(0.02);
      if (camera.anpr) expect(camera.missRate).toBeLessThan(0.1);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(place(5)).toEqual(place(5));
    expect(place(5)).not.toEqual(place(6));
  });
});
