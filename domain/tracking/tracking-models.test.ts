import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alternativeEdgePaths, detectImpossibleTravel, fastestEdgePath, fitLinkTravelTimes, fitTrackingModel, interval80, loadRoadGraph, loadStreetNetwork, loadTrackingModel, logNormalSurvival,
  planInterception, plausibleFastestSeconds, predictNextCameras, reconstructGap, reconstructRoute, trackingModelOf, type CameraSighting,
} from './index.js';
import { streetGrid } from './street-grid.test-support.js';

/**
 * A 3×3 grid of two-way streets, 200 m blocks at 10 m/s (20 s each), junction jXY at column X, row Y. Cameras watch
 * the eastbound street into j10 and the streets into j21 (from j11) and j12 (from j11).
 */
function gridFiles() {
  const cameras = [
    { id: 'cam-a', municipalityId: 'suwon', edgeId: 'j00-j10', anpr: true },
    { id: 'cam-b', municipalityId: 'osan', edgeId: 'j11-j21', anpr: true },
    { id: 'cam-c', municipalityId: 'suwon', edgeId: 'j11-j12', anpr: true },
    { id: 'cctv-x', municipalityId: 'suwon', edgeId: 'j01-j02', anpr: false },
  ];
  return { graph: streetGrid(3, 3, (x) => (x < 2 ? 'suwon' : 'osan')), cameras };
}

const files = gridFiles();
const network = loadStreetNetwork(files.graph, files.cameras);
const edge = (id: string) => network.edgeIndexById.get(id) as number;
const t0 = Date.parse('2026-11-24T08:00:00+09:00');
const at = (cameraId: string, seconds: number): CameraSighting => ({ cameraId, capturedAtMs: t0 + seconds * 1000 });

/** Training: most vehicles from cam-a turn north at j10 then east (cam-a → j10 → j11 → j21, past cam-b). */
function trainedModel() {
  const sequences: CameraSighting[][] = [];
  for (let i = 0; i < 40; i++) {
    const start = i * 90;
    sequences.push(i % 4 === 3 ? [at('cam-a', start), at('cam-c', start + 70)] : [at('cam-a', start), at('cam-b', start + 65)]);
  }
  const cells = [
    { fromCameraId: 'cam-a', toCameraId: 'cam-b', hourOfDay: 8, count: 30, medianSeconds: 65, p90Seconds: 80 },
    { fromCameraId: 'cam-a', toCameraId: 'cam-c', hourOfDay: 8, count: 10, medianSeconds: 70, p90Seconds: 85 },
  ];
  return trackingModelOf(fitTrackingModel({ ...files, sequences, cells }, { utcOffsetMinutes: 540, scenario: 'grid', split: 'all' }));
}
const model = trainedModel();

describe('street network', () => {
  it('keeps ANPR cameras only, on their edges', () => {
    expect([...network.cameras.keys()].sort()).toEqual(['cam-a', 'cam-b', 'cam-c']);
    expect(network.camerasOnEdge.get(edge('j11-j21'))?.map((c) => c.id)).toEqual(['cam-b']);
  });

  it.each([
    ['an unknown turn edge', { ...files.graph, connections: [['j00-j10', 'nowhere']] }, files.cameras],
    ['a camera on an unknown edge', files.graph, [{ id: 'c', municipalityId: 'm', edgeId: 'nowhere', anpr: true }]],
    ['not a graph', { edges: 'x' }, files.cameras],
  ])('refuses %s', (_name, graph, cameras) => {
    expect(() => loadStreetNetwork(graph, cameras)).toThrow(expect.objectContaining({ code: 'DS_ROAD_GRAPH_INVALID' }));
  });
});

describe('link travel times', () => {
  it('bug: hours without data fell back to a value weighted towards midnight, not the all-day mean', () => {
    // cam-a → cam-b is 40 s at free flow: as fast as that at 02 h, twice as slow at 14 h, as many vehicles each.
    const cell = (hourOfDay: number, medianSeconds: number) => ({ fromCameraId: 'cam-a', toCameraId: 'cam-b', hourOfDay, count: 10, medianSeconds, p90Seconds: medianSeconds * 1.2 });
    const times = fitLinkTravelTimes(network, [cell(2, 40), cell(14, 80)]);
    expect(times.hourFactors[2]).toBeCloseTo(1, 2);
    expect(times.hourFactors[14]).toBeCloseTo(2, 2);
    expect(times.hourFactors[8]).toBeCloseTo(Math.SQRT2, 2);
  });
});

describe('edge paths', () => {
  const costs = Float64Array.from(network.edges, (e) => e.freeFlowSeconds);

  it.each([
    ['next edge', 'j00-j10', 'j10-j20', 20, 2],
    ['two blocks, then the camera edge', 'j00-j10', 'j11-j21', 40, 3],
    ['the same edge', 'j00-j10', 'j00-j10', 0, 1],
  ])('fastest: %s', (_name, from, to, seconds, edges) => {
    const path = fastestEdgePath(network, costs, edge(from), edge(to));
    expect(path?.seconds).toBe(seconds);
    expect(path?.edges).toHaveLength(edges);
  });

  it('alternatives are distinct, loop-free, start and end at the sightings, fastest first', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: network.edges.length - 1 }), fc.integer({ min: 0, max: network.edges.length - 1 }), (from, to) => {
      const paths = alternativeEdgePaths(network, costs, from, to, { maxPaths: 6, maxStretch: 1.8, slackSeconds: 40 });
      const keys = paths.map((p) => p.edges.join(','));
      expect(new Set(keys).size).toBe(keys.length);
      for (const [i, path] of paths.entries()) {
        expect(path.edges[0]).toBe(from);
        expect(path.edges[path.edges.length - 1]).toBe(to);
        expect(new Set(path.edges).size).toBe(path.edges.length);
        for (let k = 1; k < path.edges.length; k++) expect(network.successors[path.edges[k - 1] as number]).toContain(path.edges[k]);
        if (i > 0) expect(path.seconds).toBeGreaterThanOrEqual((paths[0] as { seconds: number }).seconds);
      }
    }));
  });
});

describe('log-normal', () => {
  it('80 % interval holds 80 % of the mass', () => {
    const { lowSeconds, highSeconds } = interval80(100, 0.4);
    expect(logNormalSurvival(lowSeconds, 100, 0.4) - logNormalSurvival(highSeconds, 100, 0.4)).toBeCloseTo(0.8, 5);
  });
});

describe('reconstructRoute', () => {
  it('gives probabilities that sum to one, most likely first, and says why', () => {
    const gap = reconstructGap(model, at('cam-a', 0), at('cam-c', 70));
    expect(gap.candidates.length).toBeGreaterThan(1);
    expect(gap.candidates.reduce((s, c) => s + c.probability, 0)).toBeCloseTo(1, 9);
    expect(gap.candidates.map((c) => c.probability)).toEqual([...gap.candidates.map((c) => c.probability)].sort((a, b) => b - a));
    expect(gap.candidates[0]).toMatchObject({ freeFlowSeconds: 40, unseenCameraIds: [] });
  });

  it('sets aside a sighting no vehicle could have made in time (a clone or misread), and keeps the route through the others', () => {
    const route = reconstructRoute(model, [at('cam-a', 0), at('cam-c', 2), at('cam-b', 65)]);
    expect(route.sightings.map((s) => s.verdict)).toEqual(['used', 'implausible', 'used']);
    expect(route.gaps).toHaveLength(1);
    expect(route.edges[0]).toBe(edge('j00-j10'));
    expect(route.edges[route.edges.length - 1]).toBe(edge('j11-j21'));
  });

  it('skips repeated frames of one pass and cameras outside the model', () => {
    const route = reconstructRoute(model, [at('cam-a', 0), at('cam-a', 1), at('cam-elsewhere', 30), at('cam-b', 65)]);
    expect(route.sightings.map((s) => s.verdict)).toEqual(['used', 'repeat', 'unknown-camera', 'used']);
  });
});

describe('predictNextCameras', () => {
  it('ranks what vehicles from cam-a did next, with calibrated probabilities and intervals around the learned time', () => {
    const answer = predictNextCameras(model, [at('cam-a', 0)]);
    const [first, second] = answer?.forecasts ?? [];
    expect(first?.cameraId).toBe('cam-b');
    expect(second?.cameraId).toBe('cam-c');
    expect((answer?.forecasts ?? []).reduce((s, f) => s + f.probability, 0)).toBeCloseTo(1, 9);
    expect(first?.probability).toBeGreaterThan(0.6);
    expect(first?.municipalityId).toBe('osan');
    expect(first?.eta.lowSeconds).toBeLessThan(65);
    expect(first?.eta.highSeconds).toBeGreaterThan(65);
    expect(first?.reasons.transitionsFromCamera.total).toBe(40);
  });

  it('answers nothing for a vehicle seen only outside the model', () => {
    expect(predictNextCameras(model, [at('cam-elsewhere', 0)])).toBeUndefined();
  });
});

describe('planInterception', () => {
  it('puts a unit where the vehicle is likely to pass after the unit can be there, with positive slack', () => {
    const plan = planInterception(model, [at('cam-a', 0)], [{ id: 'near', junctionId: 'j21' }, { id: 'far', junctionId: 'j02' }], t0);
    const best = plan?.points[0];
    expect(best).toBeDefined();
    expect(best?.slackSeconds).toBeGreaterThan(0);
    expect(best?.interceptProbability).toBeLessThanOrEqual(best?.passProbability as number);
    for (const point of plan?.points ?? []) expect(point.interceptProbability).toBeLessThanOrEqual((best?.interceptProbability ?? 0) + 1e-12);
  });

  it('spreads its points over the branches: with units on both branches, both branches get a point', () => {
    const units = [{ id: 'east', junctionId: 'j21' }, { id: 'north', junctionId: 'j12' }];
    const plan = planInterception(model, [at('cam-a', 0)], units, t0, 3);
    const junctions = plan?.points.map((p) => p.junctionId) ?? [];
    expect(new Set(junctions).size).toBe(junctions.length);
    expect(plan?.points.map((p) => p.unitId)).toEqual(expect.arrayContaining(['east', 'north']));
  });

  it('finds nothing in time when the only unit is too far away', () => {
    const plan = planInterception(model, [at('cam-a', 0)], [{ id: 'far', junctionId: 'j02' }], t0 + 600_000);
    expect(plan?.points.every((p) => p.interceptProbability < 0.05)).toBe(true);
  });
});

describe('tracking model file', () => {
  it('survives a JSON round trip', () => {
    const reloaded = loadTrackingModel(JSON.parse(JSON.stringify(model.file)));
    expect(predictNextCameras(reloaded, [at('cam-a', 0)])).toEqual(predictNextCameras(model, [at('cam-a', 0)]));
  });

  it('refuses a malformed file', () => {
    expect(() => loadTrackingModel({ ...model.file, format: 'x' })).toThrow(expect.objectContaining({ code: 'DS_TRACKING_MODEL_INVALID' }));
  });
});

describe('impossible travel on the tracking model', () => {
  const options = { slackFactor: 0.5, minimumSeconds: 10 };
  const cameraGraph = loadRoadGraph([
    { from: 'cam-a', to: 'cam-b', lengthMeters: 400, freeFlowSeconds: 40 },
    { from: 'cam-b', to: 'cam-far', lengthMeters: 2000, freeFlowSeconds: 200 },
  ]);

  it('takes the fastest plausible drive from the hour the model learned, never faster than free flow', () => {
    for (const hour of [3, 8, 17]) expect(plausibleFastestSeconds(model, 'cam-a', 'cam-b', hour)).toBeGreaterThanOrEqual(40);
    expect(plausibleFastestSeconds(model, 'cam-a', 'cam-b', 8)).toBeGreaterThan(44);
    expect(plausibleFastestSeconds(model, 'cam-a', 'cam-nowhere', 8)).toBeUndefined();
  });

  it('flags a hop at twice free-flow speed in the congested hour the model learned, which free flow alone lets pass', () => {
    const [a, b] = [at('cam-a', 0), at('cam-b', 21)];
    expect(detectImpossibleTravel(a, b, { roadGraph: cameraGraph }, options)).toMatchObject({ impossible: false, reason: 'plausible', basis: 'road-graph' });
    expect(detectImpossibleTravel(a, b, { roadGraph: cameraGraph, trackingModel: model }, options)).toMatchObject({ impossible: true, reason: 'faster-than-possible', basis: 'tracking-model' });
  });

  it('falls back to the road graph for a camera the model does not know', () => {
    const verdict = detectImpossibleTravel(at('cam-b', 0), at('cam-far', 60), { roadGraph: cameraGraph, trackingModel: model }, options);
    expect(verdict).toMatchObject({ impossible: true, requiredSeconds: 200, basis: 'road-graph' });
  });
});
