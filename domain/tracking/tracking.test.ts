import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinaryMinHeap, detectImpossibleTravel, fastestTravelSeconds, loadRoadGraph } from './index.js';
import { mergeRoadGraphs } from './road-graph.js';

const demoGraph = loadRoadGraph(JSON.parse(readFileSync(new URL('../../data/demo-region/road-graph.json', import.meta.url), 'utf8')));
const t0 = Date.parse('2025-03-01T09:00:00Z');
const at = (cameraId: string, seconds: number) => ({ cameraId, capturedAtMs: t0 + seconds * 1000 });

describe('BinaryMinHeap', () => {
  it('pops in priority order', () => {
    fc.assert(fc.property(fc.array(fc.integer()), (priorities) => {
      const heap = new BinaryMinHeap<number>();
      priorities.forEach((p, i) => heap.push(p, i));
      const popped: number[] = [];
      for (let e = heap.pop(); e !== undefined; e = heap.pop()) popped.push(e.priority);
      expect(popped).toEqual([...priorities].sort((a, b) => a - b));
    }));
  });
});

describe('fastestTravelSeconds on the demo region', () => {
  it.each([
    ['a direct link', 'cam-suwon-01', 'cam-suwon-03', 133],
    ['the same camera', 'cam-suwon-01', 'cam-suwon-01', 0],
    ['through another camera, by the faster of two routes', 'cam-suwon-02', 'cam-suwon-03', 306],
    ['across a city border', 'cam-suwon-01', 'cam-hwaseong-03', 133 + 319],
    ['an unknown camera', 'cam-busan-01', 'cam-suwon-01', undefined],
  ])('%s', (_name, from, to, seconds) => {
    expect(fastestTravelSeconds(demoGraph, from, to)).toBe(seconds);
  });

  it('is at most the sum of two legs (triangle inequality) for every camera triple', () => {
    const cameras = [...demoGraph.links.keys()];
    for (const a of cameras) for (const b of cameras) for (const c of cameras) {
      const ab = fastestTravelSeconds(demoGraph, a, b);
      const bc = fastestTravelSeconds(demoGraph, b, c);
      if (ab === undefined || bc === undefined) continue;
      expect(fastestTravelSeconds(demoGraph, a, c)).toBeLessThanOrEqual(ab + bc);
    }
  });
});

describe('loadRoadGraph', () => {
  it.each([
    ['not a list', { roads: 'x' }],
    ['a negative time', [{ from: 'a', to: 'b', lengthMeters: 10, freeFlowSeconds: -1 }]],
    ['a missing field', [{ from: 'a', to: 'b', lengthMeters: 10 }]],
  ])('refuses %s', (_name, source) => {
    expect(() => loadRoadGraph(source)).toThrow(expect.objectContaining({ code: 'DS_ROAD_GRAPH_INVALID' }));
  });
});

describe('detectImpossibleTravel', () => {
  const options = { slackFactor: 0.5, minimumSeconds: 30 };
  const island = loadRoadGraph([
    { from: 'a', to: 'b', lengthMeters: 1000, freeFlowSeconds: 100 },
    { from: 'c', to: 'c2', lengthMeters: 1000, freeFlowSeconds: 100 },
  ]);

  it.each([
    ['plausible at free flow', demoGraph, at('cam-suwon-01', 0), at('cam-suwon-03', 133), false, 'plausible', 133],
    ['plausible when speeding to half the free-flow time', demoGraph, at('cam-suwon-01', 0), at('cam-suwon-03', 66.5), false, 'plausible', 133],
    ['impossible under half the free-flow time', demoGraph, at('cam-suwon-01', 0), at('cam-suwon-03', 60), true, 'faster-than-possible', 133],
    ['impossible across cities in a minute', demoGraph, at('cam-hwaseong-03', 60), at('cam-suwon-01', 0), true, 'faster-than-possible', 133 + 319],
    ['the same camera', demoGraph, at('cam-suwon-01', 0), at('cam-suwon-01', 1), false, 'same-camera', 0],
    ['a camera not in the graph', demoGraph, at('cam-suwon-01', 0), at('cam-busan-01', 1), false, 'camera-not-in-graph', null],
    ['unreachable', island, at('a', 0), at('c', 3600), true, 'unreachable', null],
    ['against the one-way direction', island, at('b', 0), at('a', 3600), true, 'unreachable', null],
    ['a hop too short to judge', loadRoadGraph([{ from: 'a', to: 'b', lengthMeters: 300, freeFlowSeconds: 40 }]), at('a', 0), at('b', 1), false, 'too-close-to-judge', 40],
  ])('%s', (_name, graph, a, b, impossible, reason, requiredSeconds) => {
    const verdict = detectImpossibleTravel(a, b, { roadGraph: graph }, options);
    expect(verdict).toMatchObject({ impossible, reason, requiredSeconds, basis: 'road-graph' });
    expect(verdict.availableSeconds).toBe(Math.abs(b.capturedAtMs - a.capturedAtMs) / 1000);
  });
});

describe('mergeRoadGraphs', () => {
  it('joins two regions into one graph in which each region keeps its own travel times', () => {
    const cityGraph = loadRoadGraph(JSON.parse(readFileSync(new URL('../../data/demo-city/camera-road-graph.json', import.meta.url), 'utf8')));
    const merged = mergeRoadGraphs([demoGraph, cityGraph]);
    expect(merged.links.size).toBe(demoGraph.links.size + cityGraph.links.size);
    const [from, out] = [...cityGraph.links].find(([, links]) => links.length > 0) ?? [];
    const to = out?.[0]?.to as string;
    expect(fastestTravelSeconds(merged, from as string, to)).toBe(fastestTravelSeconds(cityGraph, from as string, to));
    expect(fastestTravelSeconds(merged, 'cam-suwon-01', 'cam-suwon-02')).toBe(fastestTravelSeconds(demoGraph, 'cam-suwon-01', 'cam-suwon-02'));
  });

  it('gives a camera on both graphs the links of both', () => {
    const a = loadRoadGraph([{ from: 'x', to: 'y', lengthMeters: 100, freeFlowSeconds: 10 }]);
    const b = loadRoadGraph([{ from: 'x', to: 'z', lengthMeters: 100, freeFlowSeconds: 20 }]);
    expect(mergeRoadGraphs([a, b]).links.get('x')?.map((link) => link.to)).toEqual(['y', 'z']);
  });
});
