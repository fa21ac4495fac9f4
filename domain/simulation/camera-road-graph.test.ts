import { describe, expect, it } from 'vitest';
import { cameraRoadGraph } from './camera-road-graph.js';
import { gridNetwork } from './grid-network.js';
import type { PlacedCamera } from './place-cameras.js';

const camera = (id: string, edgeId: string): PlacedCamera =>
  ({ id, municipalityId: 'suwon', junctionId: edgeId.split('-')[1] as string, edgeId, positionMeters: 195, headingDegrees: 0, anpr: true, missRate: 0 });

describe('cameraRoadGraph', () => {
  it('links each camera to the cameras reachable next, by the fastest free-flow route, not through another camera', () => {
    const network = gridNetwork(4, 1);
    const cameras = [camera('a', 'j0_0-j1_0'), camera('b', 'j1_0-j2_0'), camera('c', 'j2_0-j3_0'), camera('back', 'j3_0-j2_0')];
    const roads = cameraRoadGraph(network, cameras);
    expect(roads).toContainEqual({ from: 'a', to: 'b', lengthMeters: 200, freeFlowSeconds: 14 });
    expect(roads).toContainEqual({ from: 'b', to: 'c', lengthMeters: 200, freeFlowSeconds: 14 });
    expect(roads.find((road) => road.from === 'a' && road.to === 'c')).toBeUndefined();
    // No U-turns on the grid: from the end of the line there is no way back.
    expect(roads.filter((road) => road.from === 'c')).toEqual([]);
  });
});
