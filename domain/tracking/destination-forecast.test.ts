import { describe, expect, it } from 'vitest';
import { defaultTrackingParameters, destinationNextCameras, inferDestinations, trackingModelOf, type TrackingModelFile } from './index.js';
import { streetGrid } from './street-grid.test-support.js';

/**
 * A 4×3 grid of two-way streets, 20 s per block, no U-turns; junction jXY at column X, row Y. ANPR cameras on the
 * eastbound street j10→j20 and on the northbound street j20→j21.
 */
function gridModel() {
  const cameras = [
    { id: 'cam-east', municipalityId: 'suwon', edgeId: 'j10-j20', anpr: true },
    { id: 'cam-north', municipalityId: 'suwon', edgeId: 'j20-j21', anpr: true },
  ];
  const file: TrackingModelFile = {
    format: 'dongseon-tracking-model/1', utcOffsetMinutes: 540, network: { graph: streetGrid(4, 3), cameras },
    travelTimes: { hourFactors: Array(24).fill(1), hourSigmas: Array(24).fill(0.3), edgeLogResiduals: {} },
    turns: { counts: {}, priorWeight: 2 }, cameraTransitions: { order1: {}, order2: {} }, parameters: defaultTrackingParameters,
    training: { scenario: 'grid', split: 'none', sightingSequences: 0, transitionCells: 0 },
  };
  return trackingModelOf(file);
}

const model = gridModel();
const edge = (id: string) => model.network.edgeIndexById.get(id) as number;
const costs = model.linkSeconds(8);

describe('destination inference', () => {
  it('makes destinations ahead of a drive far likelier than those it would have had to turn back for', () => {
    const belief = inferDestinations(model, costs, edge('j10-j20'), edge('j00-j10'), 20);
    const ahead = belief.endProbability[edge('j20-j30')] as number;
    const behind = belief.endProbability[edge('j01-j00')] as number;
    expect(ahead).toBeGreaterThan(20 * behind);
    expect(belief.endProbability.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
  });

  it('reads the heading from the camera edge when there is no previous sighting', () => {
    const belief = inferDestinations(model, costs, edge('j10-j20'), undefined, 20);
    expect(belief.endProbability[edge('j20-j30')] as number).toBeGreaterThan(1.5 * (belief.endProbability[edge('j01-j00')] as number));
  });

  it('passes an edge only on the way to a destination beyond it, so pass chances fall along every drive', () => {
    const belief = inferDestinations(model, costs, edge('j10-j20'), edge('j00-j10'), 20);
    for (const e of belief.order.slice(1)) {
      const parent = belief.tree.via[e] as number;
      if (parent === edge('j10-j20')) continue;
      expect(belief.passProbability[e] as number).toBeLessThanOrEqual((belief.passProbability[parent] as number) + 1e-12);
    }
    const root = edge('j10-j20');
    const firstEdges = model.network.successors[root] ?? [];
    const leaving = firstEdges.reduce((sum, e) => sum + (belief.passProbability[e] as number) + (belief.endProbability[e] as number), 0);
    expect(leaving).toBeCloseTo(1, 9);
  });

  it('votes for the first camera on each destination’s fastest drive, never the latest one', () => {
    const votes = destinationNextCameras(inferDestinations(model, costs, edge('j10-j20'), edge('j00-j10'), 20));
    expect([...votes.keys()]).toEqual(['cam-north']);
    expect(votes.get('cam-north')).toBeCloseTo(1, 9);
    const fromWest = destinationNextCameras(inferDestinations(model, costs, edge('j00-j10'), undefined, 20));
    expect(fromWest.get('cam-east') as number).toBeGreaterThan(0.5);
  });
});
